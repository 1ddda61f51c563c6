// matmul through axon (float32, autograd off under NoGradGuard) against cblas_sgemm called directly
// on the same buffers, n×n·n×n for n = 256 and 1024. Counter: GFLOP/s = 2n³ per product.
//
// axon::matmul allocates its output on every call (that cost is part of what it costs a user);
// the cblas_sgemm benchmark writes into one preallocated buffer. Threads: whatever
// OMP_NUM_THREADS says (bench/run sets it); the label states the count. BM_Matmul_Paired alternates
// the two call by call and gives the ratio that bench/run reports against the target.
#include <benchmark/benchmark.h>
#include <cblas.h>

#include "axon/axon.hpp"

#include <chrono>
#include <string>

namespace {

struct Operands {
  axon::Tensor a, b, c;
  explicit Operands(std::int64_t n) {
    axon::Generator gen(42);
    a = axon::uniform({n, n}, -1.0, 1.0, {}, gen);
    b = axon::uniform({n, n}, -1.0, 1.0, {}, gen);
    c = axon::Tensor::empty({n, n});
  }
};

void set_counters(benchmark::State& state, std::int64_t n) {
  const double flops = 2.0 * static_cast<double>(n) * static_cast<double>(n) * static_cast<double>(n) *
                       static_cast<double>(state.iterations());
  state.counters["GFLOP/s"] = benchmark::Counter(flops / 1e9, benchmark::Counter::kIsRate);
  state.SetLabel("threads=" + std::to_string(axon::get_num_threads()));
}

void BM_Matmul_Axon(benchmark::State& state) {
  const std::int64_t n = state.range(0);
  const Operands ops(n);
  axon::NoGradGuard no_grad;
  for (auto _ : state) {
    axon::Tensor c = axon::matmul(ops.a, ops.b);
    benchmark::DoNotOptimize(c.raw_data());
    benchmark::ClobberMemory();
  }
  set_counters(state, n);
}

void BM_Matmul_Cblas(benchmark::State& state) {
  const std::int64_t n = state.range(0);
  const Operands ops(n);
  const auto m = static_cast<blasint>(n);
  const float* a = ops.a.data<float>();
  const float* b = ops.b.data<float>();
  float* c = ops.c.data<float>();
  for (auto _ : state) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, m, m, 1.0f, a, m, b, m, 0.0f, c, m);
    benchmark::DoNotOptimize(c);
    benchmark::ClobberMemory();
  }
  set_counters(state, n);
}

// Both in one loop, call by call: on a shared machine whose speed drifts over seconds (other
// tenants, frequency), separate benchmarks see different machines; alternating calls see the same
// one. Counters: each side's GFLOP/s and axon/cblas, the ratio of GFLOP/s (cblas time / axon time).
// The iteration time reported is the pair's.
void BM_Matmul_Paired(benchmark::State& state) {
  using clock = std::chrono::steady_clock;
  const std::int64_t n = state.range(0);
  const Operands ops(n);
  const auto m = static_cast<blasint>(n);
  const float* a = ops.a.data<float>();
  const float* b = ops.b.data<float>();
  float* c = ops.c.data<float>();
  axon::NoGradGuard no_grad;
  double axon_s = 0.0, cblas_s = 0.0;
  for (auto _ : state) {
    const auto t0 = clock::now();
    {
      axon::Tensor out = axon::matmul(ops.a, ops.b);
      benchmark::DoNotOptimize(out.raw_data());
      benchmark::ClobberMemory();
    }
    const auto t1 = clock::now();
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, m, m, 1.0f, a, m, b, m, 0.0f, c, m);
    benchmark::DoNotOptimize(c);
    benchmark::ClobberMemory();
    const auto t2 = clock::now();
    axon_s += std::chrono::duration<double>(t1 - t0).count();
    cblas_s += std::chrono::duration<double>(t2 - t1).count();
    state.SetIterationTime(std::chrono::duration<double>(t2 - t0).count());
  }
  const double gflop = 2.0 * static_cast<double>(n) * static_cast<double>(n) * static_cast<double>(n) *
                       static_cast<double>(state.iterations()) / 1e9;
  state.counters["axon_GFLOP/s"] = gflop / axon_s;
  state.counters["cblas_GFLOP/s"] = gflop / cblas_s;
  state.counters["axon/cblas"] = cblas_s / axon_s;
  state.SetLabel("threads=" + std::to_string(axon::get_num_threads()));
}

BENCHMARK(BM_Matmul_Axon)->Arg(256)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_Matmul_Cblas)->Arg(256)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_Matmul_Paired)->Arg(256)->Unit(benchmark::kMicrosecond)->UseManualTime();
BENCHMARK(BM_Matmul_Axon)->Arg(1024)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Matmul_Cblas)->Arg(1024)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Matmul_Paired)->Arg(1024)->Unit(benchmark::kMillisecond)->UseManualTime();

}  // namespace

BENCHMARK_MAIN();
