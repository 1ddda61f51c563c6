// axon's side of the RandomForestClassifier comparison (random_forest.md): reads the problem that
// random_forest.py wrote (int64 n, int64 p, X float64 [n, p], y float64 [n]), fits
// ml::RandomForestClassifier(100 trees, n_jobs = 2, random_state = 0) on the first 150,000 rows
// --runs times, predicts the first 100,000 rows max(runs, 5) times with the last forest, and
// prints, as the Python peer:
//   fit <median seconds> <min seconds>
//   predict <median seconds> <min seconds>
//   predict_cpu <median CPU seconds of predict, all threads>
//   accuracy <test accuracy on rows 150,000..199,999>
// Usage: random_forest_bench [path] [runs] [trees]
#include "axon/core/creation.hpp"
#include "axon/ml/ensemble/random_forest_classifier.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  using namespace axon;
  const std::string path = argc > 1 ? argv[1] : "/tmp/axon_forest_200k.bin";
  const int runs = argc > 2 ? std::stoi(argv[2]) : 3;
  const std::int64_t trees = argc > 3 ? std::stoll(argv[3]) : 100;
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    fmt::print(stderr, "cannot read {}; run random_forest.py first (it writes the data)\n", path);
    return 1;
  }
  std::int64_t np[2];
  f.read(reinterpret_cast<char*>(np), sizeof np);
  const std::int64_t n = np[0], p = np[1], n_train = 150000;
  std::vector<double> x(static_cast<std::size_t>(n * p)), y(static_cast<std::size_t>(n));
  f.read(reinterpret_cast<char*>(x.data()), static_cast<std::streamsize>(x.size() * sizeof(double)));
  f.read(reinterpret_cast<char*>(y.data()), static_cast<std::streamsize>(y.size() * sizeof(double)));
  const Tensor X = from_vector(x, {n, p}), Y = from_vector(y, {n});
  const Tensor Xtr = X.rows(0, n_train), ytr = Y.rows(0, n_train), Xte = X.rows(n_train, n), yte = Y.rows(n_train, n);
  const Tensor Xpred = X.rows(0, 100000);

  const auto seconds = [](auto t0) { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
  std::vector<double> fit_times, pred_times, pred_cpu;
  ml::RandomForestClassifier m;
  for (int r = 0; r < runs; ++r) {
    m = ml::RandomForestClassifier({.n_estimators = trees, .n_jobs = 2, .random_state = 0});
    auto t0 = std::chrono::steady_clock::now();
    m.fit(Xtr, ytr);
    fit_times.push_back(seconds(t0));
  }
  for (int r = 0; r < std::max(runs, 5); ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    const std::clock_t c0 = std::clock();
    (void)m.predict_proba(Xpred);
    pred_times.push_back(seconds(t0));
    pred_cpu.push_back(static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
  }
  std::sort(fit_times.begin(), fit_times.end());
  std::sort(pred_times.begin(), pred_times.end());
  fmt::print("fit {:.4f} {:.4f}\n", fit_times[fit_times.size() / 2], fit_times.front());
  fmt::print("predict {:.4f} {:.4f}\n", pred_times[pred_times.size() / 2], pred_times.front());
  std::sort(pred_cpu.begin(), pred_cpu.end());
  fmt::print("predict_cpu {:.4f}\n", pred_cpu[pred_cpu.size() / 2]);
  fmt::print("accuracy {:.6f}\n", m.score(Xte, yte));
}
