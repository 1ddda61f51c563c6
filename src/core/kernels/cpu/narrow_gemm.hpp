// GEMMs whose output has few columns (n ≤ 16): a classifier head's x·W [batch×features]·[features×classes]
// and its weight gradient xᵀ·g. OpenBLAS packs the whole tall operand for such shapes and reaches a
// fraction of its peak; these kernels stream it once from cache instead (bench/micro/narrow_gemm).
#pragma once

#include <cstdint>

namespace axon::kernels {

constexpr std::int64_t kNarrowGemmMaxN = 16;

/// Which compiled variant runs: the widest the CPU has (best), or one named (tests compare them; a
/// CPU without AVX-512 runs avx2 when avx512 is asked for).
enum class NarrowIsa { best, avx2, avx512 };
bool narrow_gemm_has_avx512();

/// C[m×n] = alpha·A·op(B) + beta·C with A row-major m×k (lda), op(B) k×n: B stored k×n (ldb) when
/// !trans_b, n×k when trans_b; C row-major with leading dimension n. Needs 1 ≤ n ≤ 16.
template <typename T>
void gemm_narrow_nn(bool trans_b, std::int64_t m, std::int64_t n, std::int64_t k, T alpha, const T* a,
                    std::int64_t lda, const T* b, std::int64_t ldb, T beta, T* c, NarrowIsa isa = NarrowIsa::best);

/// C[m×n] = alpha·Aᵀ·B + beta·C with A stored s×m (lda) and B stored s×n (ldb): the sum runs over
/// the s rows both share (a batch). Needs 1 ≤ n ≤ 16.
template <typename T>
void gemm_narrow_tn(std::int64_t m, std::int64_t n, std::int64_t s, T alpha, const T* a, std::int64_t lda, const T* b,
                    std::int64_t ldb, T beta, T* c, NarrowIsa isa = NarrowIsa::best);

}  // namespace axon::kernels
