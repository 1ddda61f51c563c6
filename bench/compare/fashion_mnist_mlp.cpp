// Fashion-MNIST with axon, as in bench/compare/fashion_mnist_mlp.py for PyTorch: the MLP
// 784-512(relu)-dropout(0.2)-10 and softmax regression, Adam 1e-3, batch 128. Prints seconds per
// epoch (median of the epochs after the first), the "GEMM floor" (the epoch's matrix products alone
// as direct cblas_sgemm calls of the same shapes), inference time on the 10,000 test images, test
// accuracy and peak RSS.
//   fashion_mnist_mlp [--epochs N]
#include "axon/axon.hpp"
#include "axon/data/fashion_mnist.hpp"

#include <cblas.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <string>
#include <vector>

using namespace axon;
using Clock = std::chrono::steady_clock;

namespace {
double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }
double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

// One epoch's matrix products of the MLP as bare sgemm calls: forward x·W1, h·W2; backward
// g·W2ᵀ, hᵀ·g, xᵀ·dh (no dx for the input).
double gemm_floor(std::int64_t n, std::int64_t batch) {
  std::vector<float> x(batch * 784, 0.5f), w1(784 * 512, 0.01f), h(batch * 512), w2(512 * 10, 0.01f), o(batch * 10),
      g(batch * 10, 0.1f), dh(batch * 512), dw1(784 * 512), dw2(512 * 10);
  const auto start = Clock::now();
  for (std::int64_t s = 0; s < n; s += batch) {
    const int m = static_cast<int>(std::min(batch, n - s));
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, 512, 784, 1, x.data(), 784, w1.data(), 512, 0, h.data(), 512);
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, 10, 512, 1, h.data(), 512, w2.data(), 10, 0, o.data(), 10);
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, m, 512, 10, 1, g.data(), 10, w2.data(), 10, 0, dh.data(), 512);
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 512, 10, m, 1, h.data(), 512, g.data(), 10, 0, dw2.data(), 10);
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 784, 512, m, 1, x.data(), 784, dh.data(), 512, 0, dw1.data(), 512);
  }
  return seconds_since(start);
}

struct Run {
  double epoch_seconds, predict_seconds, accuracy;
};

Run train(bool mlp, int epochs, std::uint64_t seed, const Tensor& X, const Tensor& y, const Tensor& Xt, const Tensor& yt) {
  manual_seed(seed);
  nn::Sequential model;
  model.add(nn::Flatten({28, 28}));
  if (mlp) {
    model.add(nn::Dense(512, "relu"));
    model.add(nn::Dropout(0.2));
  }
  model.add(nn::Dense(10, "softmax"));
  model.compile("adam", "sparse_categorical_crossentropy", {"accuracy"});
  std::vector<double> times;
  for (int e = 0; e < epochs; ++e) {
    const auto start = Clock::now();
    model.fit(X, y, {.epochs = e + 1, .batch_size = 128, .verbose = 0, .initial_epoch = e});
    times.push_back(seconds_since(start));
  }
  if (times.size() > 1) times.erase(times.begin());  // the first epoch warms caches and allocator
  std::vector<double> predict_times;
  Tensor predicted;
  for (int r = 0; r < 5; ++r) {
    const auto start = Clock::now();
    predicted = model.predict(Xt, 128);
    predict_times.push_back(seconds_since(start));
  }
  const double accuracy = mean(eq(argmax(predicted, 1), yt)).item();
  return {median(times), median(predict_times), accuracy};
}
}  // namespace

int main(int argc, char** argv) {
  int epochs = 3;
  std::string only;  // --only softmax|mlp: train one model (for profiling)
  std::uint64_t seed = 0;  // --seed S: the initial weights and shuffles (accuracy over several seeds)
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--epochs") == 0) epochs = std::stoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--only") == 0) only = argv[i + 1];
    if (std::strcmp(argv[i], "--seed") == 0) seed = std::stoull(argv[i + 1]);
  }
  const auto data = data::fashion_mnist::load_data();
  const Tensor X = astype(data.train.images, float32) / 255.0, Xt = astype(data.test.images, float32) / 255.0;
  const Run softmax = only == "mlp" ? Run{} : train(false, epochs, seed, X, data.train.labels, Xt, data.test.labels);
  const Run mlp = only == "softmax" ? Run{} : train(true, epochs, seed, X, data.train.labels, Xt, data.test.labels);
  std::vector<double> floors;
  for (int r = 0; r < 3 && only != "softmax"; ++r) floors.push_back(gemm_floor(60000, 128));
  if (floors.empty()) floors.push_back(0);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  fmt::print("softmax_epoch_s {:.4f}\nsoftmax_accuracy {:.4f}\nmlp_epoch_s {:.4f}\nmlp_accuracy {:.4f}\n"
             "mlp_predict_s {:.4f}\ngemm_floor_s {:.4f}\npeak_rss_mb {:.1f}\n",
             softmax.epoch_seconds, softmax.accuracy, mlp.epoch_seconds, mlp.accuracy, mlp.predict_seconds,
             median(floors), usage.ru_maxrss / 1024.0);
}
