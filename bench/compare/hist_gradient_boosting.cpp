// axon's side of the HistGradientBoostingClassifier comparison (hist_gradient_boosting.md): reads
// the problem that random_forest.py wrote (int64 n, int64 p, X float64 [n, p], y float64 [n]),
// fits ml::HistGradientBoostingClassifier(max_iter = 100, early_stopping = false, random_state = 0;
// otherwise scikit-learn's defaults) on the first 150,000 rows --runs times on 2 threads, and
// prints, as the Python peer:
//   fit <median seconds> <min seconds>
//   fit_cpu <median CPU seconds of fit, all threads>
//   predict <median seconds of predict_proba on the 50,000 test rows>
//   accuracy <test accuracy on rows 150,000..199,999>
//   n_leaves <total leaves of the last model>
//   proba_checksum <sum of the test rows' class-1 probabilities (compares thread counts)>
// Usage: hist_gradient_boosting_bench [path] [runs] [threads]
#include "axon/core/backend.hpp"
#include "axon/core/creation.hpp"
#include "axon/ml/ensemble/hist_gradient_boosting_classifier.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  using namespace axon;
  const std::string path = argc > 1 ? argv[1] : "/tmp/axon_forest_200k.bin";
  const int runs = argc > 2 ? std::stoi(argv[2]) : 3;
  const int threads = argc > 3 ? std::stoi(argv[3]) : 2;
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    fmt::print(stderr, "cannot read {}; run hist_gradient_boosting.py first (it writes the data)\n", path);
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
  set_num_threads(threads);

  const auto seconds = [](auto t0) { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
  std::vector<double> fit_times, pred_times, fit_cpu;
  ml::HistGradientBoostingClassifier m;
  for (int r = 0; r < runs; ++r) {
    m = ml::HistGradientBoostingClassifier({.max_iter = 100, .early_stopping = false, .random_state = 0});
    const auto t0 = std::chrono::steady_clock::now();
    const std::clock_t c0 = std::clock();
    m.fit(Xtr, ytr);
    fit_times.push_back(seconds(t0));
    fit_cpu.push_back(static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
  }
  for (int r = 0; r < 3; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    (void)m.predict_proba(Xte);
    pred_times.push_back(seconds(t0));
  }
  std::sort(fit_times.begin(), fit_times.end());
  std::sort(pred_times.begin(), pred_times.end());
  std::int64_t leaves = 0;
  for (std::int64_t it = 0; it < m.n_iter(); ++it) leaves += m.n_leaves(it);
  fmt::print("fit {:.4f} {:.4f}\n", fit_times[fit_times.size() / 2], fit_times.front());
  std::sort(fit_cpu.begin(), fit_cpu.end());
  fmt::print("fit_cpu {:.4f}\n", fit_cpu[fit_cpu.size() / 2]);
  fmt::print("predict {:.4f}\n", pred_times[pred_times.size() / 2]);
  fmt::print("accuracy {:.6f}\n", m.score(Xte, yte));
  fmt::print("n_leaves {}\n", leaves);
  const std::vector<double> proba = m.predict_proba(Xte).to_vector<double>();
  double checksum = 0;
  for (std::size_t i = 1; i < proba.size(); i += 2) checksum += proba[i];
  fmt::print("proba_checksum {:.17g}\n", checksum);
}
