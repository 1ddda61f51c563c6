// A tiny MLP trained by plain SGD: 32 → 64 → 64 → 1 (relu, relu, linear), batches of 32, MSE loss,
// learning rate 0.01, for --steps steps (default 10,000) after --warmup steps (default 100), with
// --threads threads (default 1). Peer: mlp.py does exactly the same in PyTorch.
//
// Data and initial weights come from splitmix64 (seed 2024) in both programs, so both train the same
// network on the same data and their losses agree to float32 rounding: 1024 samples x uniform on
// [-1, 1), y = sin(x·v) for a random v; weights glorot-uniform (uniform(−l, l), l = √(6/(in+out))),
// biases zero; step s uses rows [32·(s mod 32), +32).
// Prints "seconds <timed steps> us_per_step <…> first_loss <…> last_loss <…> threads <…>".
#include "axon/axon.hpp"

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

constexpr std::int64_t kSamples = 1024, kBatch = 32, kIn = 32, kHidden = 64, kOut = 1;
constexpr double kLearningRate = 0.01;

// splitmix64; uniform() keeps the top 24 bits, so it is exactly representable in float32.
struct SplitMix {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 40) / 16777216.0; }
};

std::vector<float> draw(SplitMix& rng, std::int64_t n, double low, double high) {
  std::vector<float> v(static_cast<std::size_t>(n));
  for (float& x : v) x = static_cast<float>(low + (high - low) * rng.uniform());
  return v;
}

axon::Tensor glorot(SplitMix& rng, std::int64_t fan_in, std::int64_t fan_out) {
  const double limit = std::sqrt(6.0 / static_cast<double>(fan_in + fan_out));
  axon::Tensor w = axon::from_vector(draw(rng, fan_in * fan_out, -limit, limit), {fan_in, fan_out});
  w.requires_grad_();
  return w;
}

axon::Tensor bias(std::int64_t n) {
  axon::Tensor b = axon::zeros({n});
  b.requires_grad_();
  return b;
}

}  // namespace

int main(int argc, char** argv) {
  int steps = 10000, warmup = 100, threads = 1;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--steps") == 0) steps = std::atoi(argv[i + 1]);
    else if (std::strcmp(argv[i], "--warmup") == 0) warmup = std::atoi(argv[i + 1]);
    else if (std::strcmp(argv[i], "--threads") == 0) threads = std::atoi(argv[i + 1]);
  }
  axon::set_num_threads(threads);

  SplitMix rng{2024};
  const std::vector<float> xs = draw(rng, kSamples * kIn, -1.0, 1.0);
  const std::vector<float> v = draw(rng, kIn, -1.0, 1.0);
  std::vector<float> ys(kSamples);
  for (std::int64_t i = 0; i < kSamples; ++i) {
    double dot = 0.0;
    for (std::int64_t j = 0; j < kIn; ++j) dot += static_cast<double>(xs[i * kIn + j]) * static_cast<double>(v[j]);
    ys[i] = static_cast<float>(std::sin(dot));
  }
  const axon::Tensor x = axon::from_vector(xs, {kSamples, kIn});
  const axon::Tensor y = axon::from_vector(ys, {kSamples, kOut});

  std::vector<axon::Tensor> params = {glorot(rng, kIn, kHidden),     bias(kHidden), glorot(rng, kHidden, kHidden),
                                      bias(kHidden),                 glorot(rng, kHidden, kOut), bias(kOut)};
  const axon::Tensor &w1 = params[0], &b1 = params[1], &w2 = params[2], &b2 = params[3], &w3 = params[4],
                     &b3 = params[5];

  const std::int64_t batches = kSamples / kBatch;
  auto step = [&](int s) {
    const std::int64_t start = (s % batches) * kBatch;
    const axon::Tensor xb = x.rows(start, start + kBatch), yb = y.rows(start, start + kBatch);
    const axon::Tensor h1 = axon::relu(axon::matmul(xb, w1) + b1);
    const axon::Tensor h2 = axon::relu(axon::matmul(h1, w2) + b2);
    const axon::Tensor pred = axon::matmul(h2, w3) + b3;
    axon::Tensor loss = axon::mean_squared_error(yb, pred);
    loss.backward();
    axon::NoGradGuard no_grad;
    for (axon::Tensor& p : params) {
      axon::add_(p, p.grad(), -kLearningRate);
      p.zero_grad();
    }
    return loss;
  };

  const double first_loss = step(0).item();
  for (int s = 1; s < warmup; ++s) step(s);
  axon::Tensor loss;
  const auto t0 = std::chrono::steady_clock::now();
  for (int s = 0; s < steps; ++s) loss = step(warmup + s);
  const auto t1 = std::chrono::steady_clock::now();
  const double seconds = std::chrono::duration<double>(t1 - t0).count();
  std::printf("seconds %.4f us_per_step %.2f first_loss %.6f last_loss %.6f threads %d\n", seconds,
              1e6 * seconds / steps, first_loss, loss.item(), axon::get_num_threads());
  return 0;
}
