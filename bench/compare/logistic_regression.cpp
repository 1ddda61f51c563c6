// axon's side of the LogisticRegression comparison (logistic_regression.md): reads the problem that
// logistic_regression.py wrote (int64 n, int64 p, X float64 [n, p], y float64 [n]), fits
// ml::LogisticRegression (C = 1, lbfgs) --runs times and prints, as the Python peer:
//   fit <median seconds> <min seconds>
//   n_iter <iterations>
//   log_loss <mean log-loss on the training data>
// Usage: logistic_regression_bench [path] [runs] [threads]
#include "axon/core/backend.hpp"
#include "axon/core/creation.hpp"
#include "axon/ml/linear_model/logistic_regression.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  using namespace axon;
  const std::string path = argc > 1 ? argv[1] : "/tmp/axon_logreg_200k.bin";
  const int runs = argc > 2 ? std::stoi(argv[2]) : 5;
  set_num_threads(argc > 3 ? std::stoi(argv[3]) : 2);
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    fmt::print(stderr, "cannot read {}; run logistic_regression.py first (it writes the data)\n", path);
    return 1;
  }
  std::int64_t np[2];
  f.read(reinterpret_cast<char*>(np), sizeof np);
  const std::int64_t n = np[0], p = np[1];
  std::vector<double> x(static_cast<std::size_t>(n * p)), y(static_cast<std::size_t>(n));
  f.read(reinterpret_cast<char*>(x.data()), static_cast<std::streamsize>(x.size() * sizeof(double)));
  f.read(reinterpret_cast<char*>(y.data()), static_cast<std::streamsize>(y.size() * sizeof(double)));
  const Tensor X = from_vector(x, {n, p}), Y = from_vector(y, {n});

  std::vector<double> times;
  ml::LogisticRegression m;
  for (int r = 0; r < runs; ++r) {
    m = ml::LogisticRegression({.C = 1.0});
    const auto t0 = std::chrono::steady_clock::now();
    m.fit(X, Y);
    times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::vector<double> sorted = times;
  std::sort(sorted.begin(), sorted.end());
  const std::vector<double> proba = m.predict_proba(X).to_vector<double>();
  double loss = 0;
  for (std::int64_t i = 0; i < n; ++i) {
    const double pi = std::clamp(proba[2 * i + 1], 1e-15, 1 - 1e-15);
    loss -= y[i] == 1 ? std::log(pi) : std::log(1 - pi);
  }
  fmt::print("fit {:.4f} {:.4f}\n", sorted[sorted.size() / 2], sorted.front());
  fmt::print("n_iter {}\n", m.n_iter());
  fmt::print("log_loss {:.12f}\n", loss / static_cast<double>(n));
}
