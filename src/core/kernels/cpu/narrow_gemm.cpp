// Narrow GEMMs (n ≤ 16 output columns), compiled for AVX2 and for AVX-512 and chosen at run time.
#include "narrow_gemm.hpp"

#include "parallel.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace axon::kernels {
namespace {

// B's rows for A·B, each read as whole vectors: in place for kk < rows_in_place (the lanes past n
// hold the next row's values, and only fill lanes that are never stored), and from a zero-padded
// copy for the rows after, whose last vector would run past B's end.
template <typename T>
struct BRows {
  const T* in_place;
  std::int64_t ld, rows_in_place;
  const T* padded;  // rows from rows_in_place on, one padded width each
};

#define AXON_NARROW_ISA avx2
#define AXON_NARROW_BYTES 32
#include "narrow_gemm_impl.hpp"
#undef AXON_NARROW_ISA
#undef AXON_NARROW_BYTES

#pragma GCC push_options
#pragma GCC target("avx512f,avx512vl,avx512dq,avx512bw")
#define AXON_NARROW_ISA avx512
#define AXON_NARROW_BYTES 64
#include "narrow_gemm_impl.hpp"
#undef AXON_NARROW_ISA
#undef AXON_NARROW_BYTES
#pragma GCC pop_options

bool use_avx512(NarrowIsa isa) { return isa != NarrowIsa::avx2 && narrow_gemm_has_avx512(); }

// A second thread pays from about this many multiply-adds: measured, none at 16×784·784×10 (125K),
// 18% at 32 rows (250K).
constexpr std::int64_t kParallelWork = std::int64_t{1} << 17;

}  // namespace

bool narrow_gemm_has_avx512() {
  static const bool yes = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
                          __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512bw");
  return yes;
}

template <typename T>
void gemm_narrow_nn(bool trans_b, std::int64_t m, std::int64_t n, std::int64_t k, T alpha, const T* a,
                    std::int64_t lda, const T* b, std::int64_t ldb, T beta, T* c, NarrowIsa isa) {
  // The kernel reads each row of B as whole vectors (the padded width): a k×n B in place up to the
  // rows whose vectors would run past its end, those last rows from a zero-padded copy; a
  // transposed B (n×k) all from the copy. The two ISAs' results need not agree bit for bit.
  const bool wide = use_avx512(isa);
  const std::int64_t lanes = (wide ? 64 : 32) / static_cast<std::int64_t>(sizeof(T));
  const std::int64_t width = (n + lanes - 1) / lanes * lanes;
  std::int64_t in_place = 0;
  if (!trans_b) {
    const std::int64_t end = (k - 1) * ldb + n;  // one past B's last value
    in_place = std::min(k, end >= width ? (end - width) / ldb + 1 : 0);
  }
  std::vector<T> padded(static_cast<std::size_t>((k - in_place) * width), T(0));
  for (std::int64_t kk = in_place; kk < k; ++kk)
    for (std::int64_t j = 0; j < n; ++j)
      padded[static_cast<std::size_t>((kk - in_place) * width + j)] = trans_b ? b[j * ldb + kk] : b[kk * ldb + j];
  const BRows<T> rows{b, ldb, in_place, padded.data()};
  for_range(m, m * n * k >= kParallelWork, [&](std::int64_t r0, std::int64_t r1) {
    (wide ? avx512::nn<T> : avx2::nn<T>)(r0, r1, n, k, alpha, a, lda, rows, beta, c);
  });
}

template <typename T>
void gemm_narrow_tn(std::int64_t m, std::int64_t n, std::int64_t s, T alpha, const T* a, std::int64_t lda, const T* b,
                    std::int64_t ldb, T beta, T* c, NarrowIsa isa) {
  const bool wide = use_avx512(isa);
  // Threads take whole vectors of output rows; the last takes the rows past the last full vector.
  const std::int64_t lanes = (wide ? 64 : 32) / static_cast<std::int64_t>(sizeof(T));
  const std::int64_t vectors = m / lanes;
  for_range(vectors, m * n * s >= kParallelWork, [&](std::int64_t v0, std::int64_t v1) {
    const std::int64_t r1 = v1 == vectors ? m : v1 * lanes;
    (wide ? avx512::tn<T> : avx2::tn<T>)(v0 * lanes, r1, n, s, alpha, a, lda, b, ldb, beta, c);
  });
}

template void gemm_narrow_nn<float>(bool, std::int64_t, std::int64_t, std::int64_t, float, const float*, std::int64_t,
                                    const float*, std::int64_t, float, float*, NarrowIsa);
template void gemm_narrow_nn<double>(bool, std::int64_t, std::int64_t, std::int64_t, double, const double*,
                                     std::int64_t, const double*, std::int64_t, double, double*, NarrowIsa);
template void gemm_narrow_tn<float>(std::int64_t, std::int64_t, std::int64_t, float, const float*, std::int64_t,
                                    const float*, std::int64_t, float, float*, NarrowIsa);
template void gemm_narrow_tn<double>(std::int64_t, std::int64_t, std::int64_t, double, const double*, std::int64_t,
                                     const double*, std::int64_t, double, double*, NarrowIsa);

}  // namespace axon::kernels
