// Where does a second thread start to pay? The same loops as the CPU backend's (an add and an exp
// over n floats), run by one thread and by an OpenMP team of two, for n from 1K to 1M. The sizes
// where the two-thread time drops below the one-thread time set kParallelCheap/kParallelExpensive
// in src/core/kernels/cpu/cpu_backend.cpp.
#include <benchmark/benchmark.h>
#include <omp.h>

#include <cmath>
#include <vector>

namespace {

template <bool Expensive>
void loop(const float* a, const float* b, float* o, long begin, long end) {
  for (long i = begin; i < end; ++i) o[i] = Expensive ? std::exp(a[i]) : a[i] + b[i];
}

template <bool Expensive>
void BM_Loop(benchmark::State& state) {
  const long n = state.range(0);
  const int threads = static_cast<int>(state.range(1));
  std::vector<float> a(n, 0.5f), b(n, 0.25f), o(n);
  for (auto _ : state) {
    if (threads == 1) {
      loop<Expensive>(a.data(), b.data(), o.data(), 0, n);
    } else {
#pragma omp parallel num_threads(threads)
      {
        const long t = omp_get_thread_num(), nt = omp_get_num_threads();
        loop<Expensive>(a.data(), b.data(), o.data(), n * t / nt, n * (t + 1) / nt);
      }
    }
    benchmark::DoNotOptimize(o.data());
  }
  state.SetItemsProcessed(state.iterations() * n);
}

void sizes(benchmark::internal::Benchmark* b) {
  for (long n = 1024; n <= (1 << 20); n *= 4)
    for (int t : {1, 2}) b->Args({n, t});
}

}  // namespace

BENCHMARK(BM_Loop<false>)->Name("add")->Apply(sizes);
BENCHMARK(BM_Loop<true>)->Name("exp")->Apply(sizes);
BENCHMARK_MAIN();
