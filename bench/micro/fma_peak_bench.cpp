// The floating-point peak of one core: independent chains of fused multiply-adds, so that neither
// latency nor memory limits the rate. Each FMA on a W-lane float vector is 2·W flops. With a
// latency of 4 cycles and two FMA ports (Skylake and later) 8 chains are enough; 12 leave margin.
// Runs in the calling thread only, so the number is per core. Counter: GFLOP/s (single precision).
#include <benchmark/benchmark.h>

#include <immintrin.h>

#include <cstdint>

namespace {

constexpr int kChains = 12;
constexpr std::int64_t kInner = 4096;  // FMAs per chain per benchmark iteration

// Twelve named accumulators (an array would be spilled to the stack by GCC); x and y pass through
// an empty asm so the compiler cannot know their values and fold the chains.
#define AXON_FMA_KERNEL(VEC, SET1, FMA, ADD)                                                       \
  VEC a0 = SET1(0.00f), a1 = SET1(0.01f), a2 = SET1(0.02f), a3 = SET1(0.03f), a4 = SET1(0.04f),    \
      a5 = SET1(0.05f), a6 = SET1(0.06f), a7 = SET1(0.07f), a8 = SET1(0.08f), a9 = SET1(0.09f),    \
      a10 = SET1(0.10f), a11 = SET1(0.11f);                                                        \
  VEC x = SET1(0.999999f), y = SET1(1e-7f);                                                        \
  asm volatile("" : "+v"(x), "+v"(y));                                                             \
  for (std::int64_t i = 0; i < inner; ++i) {                                                       \
    a0 = FMA(a0, x, y); a1 = FMA(a1, x, y); a2 = FMA(a2, x, y); a3 = FMA(a3, x, y);                \
    a4 = FMA(a4, x, y); a5 = FMA(a5, x, y); a6 = FMA(a6, x, y); a7 = FMA(a7, x, y);                \
    a8 = FMA(a8, x, y); a9 = FMA(a9, x, y); a10 = FMA(a10, x, y); a11 = FMA(a11, x, y);            \
  }                                                                                                \
  VEC s = ADD(ADD(ADD(a0, a1), ADD(a2, a3)), ADD(ADD(a4, a5), ADD(a6, a7)));                       \
  s = ADD(s, ADD(ADD(a8, a9), ADD(a10, a11)));

float fma_avx2(std::int64_t inner) {
  AXON_FMA_KERNEL(__m256, _mm256_set1_ps, _mm256_fmadd_ps, _mm256_add_ps)
  return _mm256_cvtss_f32(s);
}

__attribute__((target("avx512f"))) float fma_avx512(std::int64_t inner) {
  AXON_FMA_KERNEL(__m512, _mm512_set1_ps, _mm512_fmadd_ps, _mm512_add_ps)
  alignas(64) float lanes[16];
  _mm512_store_ps(lanes, s);
  return lanes[0];
}

void set_counters(benchmark::State& state, int lanes) {
  const double flops = 2.0 * lanes * kChains * static_cast<double>(kInner) * static_cast<double>(state.iterations());
  state.counters["GFLOP/s"] = benchmark::Counter(flops / 1e9, benchmark::Counter::kIsRate);
}

void BM_FmaPeak_AVX2(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(fma_avx2(kInner));
  set_counters(state, 8);
}
BENCHMARK(BM_FmaPeak_AVX2);

void BM_FmaPeak_AVX512(benchmark::State& state) {
  if (!__builtin_cpu_supports("avx512f")) {
    state.SkipWithError("no AVX-512F on this CPU");
    for (auto _ : state) {
    }
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(fma_avx512(kInner));
  set_counters(state, 16);
}
BENCHMARK(BM_FmaPeak_AVX512);

}  // namespace

BENCHMARK_MAIN();
