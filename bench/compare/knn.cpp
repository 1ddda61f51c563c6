// KNeighborsClassifier (k = 5, brute force) on Fashion-MNIST beside scikit-learn (knn.py):
// trained on the first 20,000 training images (784 float64 pixels, 0..255), predicting the 10,000
// test images.
//   knn_bench [--runs N] [--threads T] [--train N] [--pred FILE]
// Prints (seconds; median and min over the runs):
//   fit_predict <median> <min>     KNeighborsClassifier({.algorithm = "brute"}).fit(X, y).predict(X_test)
//   accuracy <accuracy on the test images>
//   distance_gflops <GFLOP/s of the distance products: 2·n_test·n_train·784 flops / predict time>
//   cblas_gflops <GFLOP/s of one cblas_dgemm of [1280, 784]·[784, n_train] on the same threads>
//   cblas_sgemm_gflops <the same in float32 (axon screens the distances with sgemm, see
//                       nearest_neighbors.hpp)>
// --pred FILE writes the predicted labels, one per line (knn.py --axon-pred FILE counts the
// disagreements with scikit-learn).
#include "axon/core/backend.hpp"
#include "axon/core/creation.hpp"
#include "axon/data/fashion_mnist.hpp"
#include "axon/ml/neighbors/kneighbors_classifier.hpp"

#include <cblas.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The first n images as float64 [n, 784].
axon::Tensor pixels(const axon::Tensor& images, std::int64_t n) {
  const std::int64_t p = images.numel() / images.shape(0);
  axon::Tensor out = axon::Tensor::empty({n, p}, {.dtype = axon::Dtype::float64});
  const auto* src = images.data<std::uint8_t>();
  double* dst = out.data<double>();
  for (std::int64_t i = 0; i < n * p; ++i) dst[i] = src[i];
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 3, threads = 2;
  std::int64_t n_train = 20000;
  const char* pred_path = nullptr;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) runs = std::atoi(argv[++i]);
    else if (std::strcmp(argv[i], "--threads") == 0 && i + 1 < argc) threads = std::atoi(argv[++i]);
    else if (std::strcmp(argv[i], "--train") == 0 && i + 1 < argc) n_train = std::atoll(argv[++i]);
    else if (std::strcmp(argv[i], "--pred") == 0 && i + 1 < argc) pred_path = argv[++i];
  }
  try {
    axon::set_num_threads(threads);
    const auto data = axon::data::fashion_mnist::load_data();
    const axon::Tensor X = pixels(data.train.images, n_train), Xt = pixels(data.test.images, data.test.images.shape(0));
    const axon::Tensor y = data.train.labels.rows(0, n_train);
    std::vector<double> times;
    axon::Tensor pred;
    for (int r = 0; r < runs; ++r) {
      const auto start = std::chrono::steady_clock::now();
      auto knn = axon::ml::KNeighborsClassifier({.algorithm = "brute"}).fit(X, y);
      pred = knn.predict(Xt);
      times.push_back(seconds_since(start));
    }
    std::sort(times.begin(), times.end());
    const auto p = pred.to_vector<std::int64_t>(), truth = data.test.labels.to_vector<std::int64_t>();
    std::int64_t correct = 0;
    for (std::size_t i = 0; i < p.size(); ++i) correct += p[i] == truth[i];
    const double flops = 2.0 * static_cast<double>(Xt.shape(0)) * static_cast<double>(n_train) * 784.0;

    // cblas_dgemm alone on a block shape: [1280, 784] · [784, n_train].
    const std::int64_t m = 1280;
    std::vector<double> c(static_cast<std::size_t>(m * n_train));
    std::vector<double> gemm_times;
    for (int r = 0; r < 3; ++r) {
      const auto start = std::chrono::steady_clock::now();
      cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, static_cast<int>(m), static_cast<int>(n_train), 784, 1.0,
                  Xt.data<double>(), 784, X.data<double>(), 784, 0.0, c.data(), static_cast<int>(n_train));
      gemm_times.push_back(seconds_since(start));
    }
    std::sort(gemm_times.begin(), gemm_times.end());
    std::vector<float> a32(Xt.data<double>(), Xt.data<double>() + m * 784), b32(X.data<double>(), X.data<double>() + n_train * 784);
    std::vector<float> c32(static_cast<std::size_t>(m * n_train));
    std::vector<double> sgemm_times;
    for (int r = 0; r < 3; ++r) {
      const auto start = std::chrono::steady_clock::now();
      cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, static_cast<int>(m), static_cast<int>(n_train), 784, 1.0f,
                  a32.data(), 784, b32.data(), 784, 0.0f, c32.data(), static_cast<int>(n_train));
      sgemm_times.push_back(seconds_since(start));
    }
    std::sort(sgemm_times.begin(), sgemm_times.end());
    std::printf("fit_predict %.4f %.4f\n", times[times.size() / 2], times.front());
    std::printf("accuracy %.4f\n", static_cast<double>(correct) / static_cast<double>(p.size()));
    std::printf("distance_gflops %.1f\n", flops / times[times.size() / 2] / 1e9);
    std::printf("cblas_gflops %.1f\n", 2.0 * m * static_cast<double>(n_train) * 784.0 / gemm_times[1] / 1e9);
    std::printf("cblas_sgemm_gflops %.1f\n", 2.0 * m * static_cast<double>(n_train) * 784.0 / sgemm_times[1] / 1e9);
    if (pred_path) {
      std::FILE* f = std::fopen(pred_path, "w");
      for (std::int64_t v : p) std::fprintf(f, "%lld\n", static_cast<long long>(v));
      std::fclose(f);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "knn_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
