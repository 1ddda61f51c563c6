// The narrow GEMM kernels for one vector width; narrow_gemm.cpp includes this file once per
// instruction set (AVX2: 32-byte vectors; AVX-512: 64-byte vectors, under a target pragma), with
// AXON_NARROW_ISA naming the namespace and AXON_NARROW_BYTES the vector size. Not a public header.
//
// Every output element is one lane's sum over the shared index in its order, whatever the row
// grouping or the thread count, so results are reproducible (and the scalar tail of Aᵀ·B adds the
// same terms in the same order).

namespace AXON_NARROW_ISA {

// One vector register of T; aligned only as T, so loads from any element are allowed.
template <typename T>
struct VecOf;
template <>
struct VecOf<float> {
  typedef float type __attribute__((vector_size(AXON_NARROW_BYTES), aligned(4)));
};
template <>
struct VecOf<double> {
  typedef double type __attribute__((vector_size(AXON_NARROW_BYTES), aligned(8)));
};
template <typename T>
using Vec = typename VecOf<T>::type;

template <typename T>
[[gnu::always_inline]] inline Vec<T> load(const T* p) {
  return *reinterpret_cast<const Vec<T>*>(p);
}

template <typename T>
[[gnu::always_inline]] inline void put(T* c, T alpha, T sum, T beta) {
  *c = beta == T(0) ? alpha * sum : alpha * sum + beta * *c;
}

// Registers of the instruction set (16 ymm for AVX2, 32 zmm for AVX-512), for the blocking below.
constexpr int kRegisters = AXON_NARROW_BYTES == 64 ? 32 : 16;

// Rows [i, i + R) of C = alpha·A·B + beta·C, B's rows read as NV whole vectors (BRows). Each row
// of C is NV vectors of sums in registers; each step of k adds A[i, kk]·B[kk, :] to them.
template <typename T, int N, int R>
[[gnu::always_inline]] inline void nn_block(std::int64_t i, std::int64_t k, T alpha, const T* a, std::int64_t lda,
                                            const BRows<T>& b, T beta, T* c) {
  constexpr int L = AXON_NARROW_BYTES / sizeof(T);
  constexpr int NV = (N + L - 1) / L;
  Vec<T> acc[R][NV] = {};
  auto step = [&](std::int64_t kk, const T* brow) [[gnu::always_inline]] {
    Vec<T> bv[NV];
#pragma GCC unroll 4
    for (int v = 0; v < NV; ++v) bv[v] = load<T>(brow + v * L);
#pragma GCC unroll 16
    for (int r = 0; r < R; ++r) {
      const T ar = a[(i + r) * lda + kk];
#pragma GCC unroll 4
      for (int v = 0; v < NV; ++v) acc[r][v] += ar * bv[v];
    }
  };
  const std::int64_t k_in_place = std::min(k, b.rows_in_place);
  for (std::int64_t kk = 0; kk < k_in_place; ++kk) step(kk, b.in_place + kk * b.ld);
  for (std::int64_t kk = k_in_place; kk < k; ++kk) step(kk, b.padded + (kk - k_in_place) * NV * L);
  for (int r = 0; r < R; ++r)
    for (int j = 0; j < N; ++j) put(c + (i + r) * N + j, alpha, acc[r][j / L][j % L], beta);
}

template <typename T, int N>
void nn_rows(std::int64_t r0, std::int64_t r1, std::int64_t k, T alpha, const T* a, std::int64_t lda,
             const BRows<T>& bp, T beta, T* c) {
  constexpr int L = AXON_NARROW_BYTES / sizeof(T);
  constexpr int NV = (N + L - 1) / L;
  // R·NV sums and NV rows of B in registers; 8 rows (chains) keep both FMA units busy. The rows
  // left over go 4, 2 and 1 at a time, not one by one down a single chain.
  constexpr int R = std::min(8, (kRegisters - 2 - NV) / NV);
  std::int64_t i = r0;
  for (; i + R <= r1; i += R) nn_block<T, N, R>(i, k, alpha, a, lda, bp, beta, c);
  if constexpr (R > 4)
    for (; i + 4 <= r1; i += 4) nn_block<T, N, 4>(i, k, alpha, a, lda, bp, beta, c);
  if constexpr (R > 2)
    for (; i + 2 <= r1; i += 2) nn_block<T, N, 2>(i, k, alpha, a, lda, bp, beta, c);
  for (; i < r1; ++i) nn_block<T, N, 1>(i, k, alpha, a, lda, bp, beta, c);
}

// Rows [r, r + C·L) of C = alpha·Aᵀ·B + beta·C (A stored s×m, B stored s×n): C vectors of L output
// rows at a time, each as N vectors of sums over the s shared rows.
template <typename T, int N, int C>
[[gnu::always_inline]] inline void tn_block(std::int64_t r, std::int64_t s, T alpha, const T* a, std::int64_t lda,
                                            const T* b, std::int64_t ldb, T beta, T* c) {
  constexpr int L = AXON_NARROW_BYTES / sizeof(T);
  Vec<T> acc[C][N] = {};
  for (std::int64_t q = 0; q < s; ++q) {
    Vec<T> av[C];
#pragma GCC unroll 4
    for (int u = 0; u < C; ++u) av[u] = load<T>(a + q * lda + r + u * L);
    const T* brow = b + q * ldb;
#pragma GCC unroll 16
    for (int j = 0; j < N; ++j) {
      const T bj = brow[j];
#pragma GCC unroll 4
      for (int u = 0; u < C; ++u) acc[u][j] += av[u] * bj;
    }
  }
  for (int u = 0; u < C; ++u)
    for (int l = 0; l < L; ++l)
      for (int j = 0; j < N; ++j) put(c + (r + u * L + l) * N + j, alpha, acc[u][j][l], beta);
}

template <typename T, int N>
void tn_rows(std::int64_t r0, std::int64_t r1, std::int64_t s, T alpha, const T* a, std::int64_t lda, const T* b,
             std::int64_t ldb, T beta, T* c) {
  constexpr int L = AXON_NARROW_BYTES / sizeof(T);
  constexpr int C = N <= 4 ? 4 : N <= 7 ? 3 : N <= 11 ? 2 : 1;
  std::int64_t r = r0;
  for (; r + C * L <= r1; r += C * L) tn_block<T, N, C>(r, s, alpha, a, lda, b, ldb, beta, c);
  for (; r + L <= r1; r += L) tn_block<T, N, 1>(r, s, alpha, a, lda, b, ldb, beta, c);
  for (; r < r1; ++r)  // the last rows, fewer than a vector: the same sums one lane at a time
    for (int j = 0; j < N; ++j) {
      T acc = 0;
      for (std::int64_t q = 0; q < s; ++q) acc += a[q * lda + r] * b[q * ldb + j];
      put(c + r * N + j, alpha, acc, beta);
    }
}

// Dispatch on n (1..16) to the kernels compiled for that many columns.
template <typename T, template <typename, int> class Kernel, typename... Args>
void with_columns(std::int64_t n, Args... args) {
  [&]<int... I>(std::integer_sequence<int, I...>) {
    ((n == I + 1 ? (Kernel<T, I + 1>::run(args...), true) : false) || ...);
  }(std::make_integer_sequence<int, kNarrowGemmMaxN>{});
}

template <typename T, int N>
struct NnKernel {
  static void run(std::int64_t r0, std::int64_t r1, std::int64_t k, T alpha, const T* a, std::int64_t lda,
                  const BRows<T>& bp, T beta, T* c) {
    nn_rows<T, N>(r0, r1, k, alpha, a, lda, bp, beta, c);
  }
};
template <typename T, int N>
struct TnKernel {
  static void run(std::int64_t r0, std::int64_t r1, std::int64_t s, T alpha, const T* a, std::int64_t lda, const T* b,
                  std::int64_t ldb, T beta, T* c) {
    tn_rows<T, N>(r0, r1, s, alpha, a, lda, b, ldb, beta, c);
  }
};

template <typename T>
void nn(std::int64_t r0, std::int64_t r1, std::int64_t n, std::int64_t k, T alpha, const T* a, std::int64_t lda,
        const BRows<T>& b, T beta, T* c) {
  with_columns<T, NnKernel>(n, r0, r1, k, alpha, a, lda, b, beta, c);
}
template <typename T>
void tn(std::int64_t r0, std::int64_t r1, std::int64_t n, std::int64_t s, T alpha, const T* a, std::int64_t lda,
        const T* b, std::int64_t ldb, T beta, T* c) {
  with_columns<T, TnKernel>(n, r0, r1, s, alpha, a, lda, b, ldb, beta, c);
}

}  // namespace AXON_NARROW_ISA
