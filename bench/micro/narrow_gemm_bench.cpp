// The narrow GEMM kernels (src/core/kernels/cpu/narrow_gemm) against cblas_sgemm on the same
// buffers, at a classifier head's shapes: softmax regression on Fashion-MNIST (x·W 128×784·784×10
// and its gradient xᵀ·g) and the MLP's last layer (h·W2 128×512·512×10, hᵀ·g). Threads: whatever
// OMP_NUM_THREADS says (bench/run sets it). Run: build-bench/bench/narrow_gemm_bench
#include "../../src/core/kernels/cpu/narrow_gemm.hpp"

#include <benchmark/benchmark.h>
#include <cblas.h>

#include <vector>

namespace {

struct Shape3 {
  bool trans_a;
  int m, n, k;  // C m×n, sum over k
};
constexpr Shape3 kShapes[] = {{false, 128, 10, 784}, {true, 784, 10, 128}, {false, 128, 10, 512}, {true, 512, 10, 128}};

void set_counters(benchmark::State& state, const Shape3& s) {
  state.counters["GFLOP/s"] =
      benchmark::Counter(2.0 * s.m * s.n * s.k * static_cast<double>(state.iterations()) / 1e9, benchmark::Counter::kIsRate);
  state.SetLabel(std::string(s.trans_a ? "A^T·B " : "A·B ") + std::to_string(s.m) + "x" + std::to_string(s.n) + " k=" +
                 std::to_string(s.k));
}

void BM_Narrow(benchmark::State& state) {
  const Shape3 s = kShapes[state.range(0)];
  std::vector<float> a(static_cast<std::size_t>(s.m) * s.k, 0.5f), b(static_cast<std::size_t>(s.k) * s.n, 0.25f),
      c(static_cast<std::size_t>(s.m) * s.n);
  for (auto _ : state) {
    if (s.trans_a)
      axon::kernels::gemm_narrow_tn<float>(s.m, s.n, s.k, 1.0f, a.data(), s.m, b.data(), s.n, 0.0f, c.data());
    else
      axon::kernels::gemm_narrow_nn<float>(false, s.m, s.n, s.k, 1.0f, a.data(), s.k, b.data(), s.n, 0.0f, c.data());
    benchmark::DoNotOptimize(c.data());
  }
  set_counters(state, s);
}

void BM_Cblas(benchmark::State& state) {
  const Shape3 s = kShapes[state.range(0)];
  std::vector<float> a(static_cast<std::size_t>(s.m) * s.k, 0.5f), b(static_cast<std::size_t>(s.k) * s.n, 0.25f),
      c(static_cast<std::size_t>(s.m) * s.n);
  for (auto _ : state) {
    cblas_sgemm(CblasRowMajor, s.trans_a ? CblasTrans : CblasNoTrans, CblasNoTrans, s.m, s.n, s.k, 1.0f, a.data(),
                s.trans_a ? s.m : s.k, b.data(), s.n, 0.0f, c.data(), s.n);
    benchmark::DoNotOptimize(c.data());
  }
  set_counters(state, s);
}

BENCHMARK(BM_Narrow)->DenseRange(0, 3)->UseRealTime();
BENCHMARK(BM_Cblas)->DenseRange(0, 3)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
