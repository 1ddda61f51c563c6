// The narrow GEMM kernels in each compiled variant (AVX2 everywhere; AVX-512 where the CPU has it),
// against a plain double-accumulated product. backend_test.cpp checks them through the backend.
#include "../../../src/core/kernels/cpu/narrow_gemm.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

namespace axon::kernels {
namespace {

template <typename T>
std::vector<T> random_values(std::size_t n, std::mt19937& rng) {
  std::uniform_real_distribution<double> u(-2, 2);
  std::vector<T> v(n);
  for (T& x : v) x = static_cast<T>(u(rng));
  return v;
}

template <typename T>
void check_variant(NarrowIsa isa) {
  std::mt19937 rng(5);
  const double tol = sizeof(T) == 4 ? 1e-4 : 1e-12;
  for (std::int64_t n = 1; n <= kNarrowGemmMaxN; ++n)
    for (auto [m, k] : {std::pair<std::int64_t, std::int64_t>{37, 33}, {130, 257}, {4, 16}}) {
      // A·B (B k×n), A·Bᵀ (B n×k), Aᵀ·B (A k×m, B k×n); C starts random, beta 0.5.
      const auto a = random_values<T>(static_cast<std::size_t>(m * k), rng);
      const auto b = random_values<T>(static_cast<std::size_t>(k * n), rng);
      const auto c0 = random_values<T>(static_cast<std::size_t>(m * n), rng);
      for (int form = 0; form < 3; ++form) {
        std::vector<T> c = c0;
        if (form == 2)
          gemm_narrow_tn<T>(m, n, k, T(0.75), a.data(), m, b.data(), n, T(0.5), c.data(), isa);
        else
          gemm_narrow_nn<T>(form == 1, m, n, k, T(0.75), a.data(), k, b.data(), form == 1 ? k : n, T(0.5), c.data(), isa);
        for (std::int64_t i = 0; i < m; ++i)
          for (std::int64_t j = 0; j < n; ++j) {
            double sum = 0;
            for (std::int64_t q = 0; q < k; ++q) {
              const double av = form == 2 ? a[q * m + i] : a[i * k + q];
              const double bv = form == 1 ? b[j * k + q] : b[q * n + j];
              sum += av * bv;
            }
            const double want = 0.75 * sum + 0.5 * c0[i * n + j];
            ASSERT_NEAR(c[i * n + j], want, tol * (1 + std::abs(want)))
                << "form " << form << " m " << m << " n " << n << " k " << k << " at " << i << "," << j;
          }
      }
    }
}

TEST(NarrowGemm, Avx2) {
  check_variant<float>(NarrowIsa::avx2);
  check_variant<double>(NarrowIsa::avx2);
}

TEST(NarrowGemm, Avx512) {
  if (!narrow_gemm_has_avx512()) GTEST_SKIP() << "this CPU has no AVX-512";
  check_variant<float>(NarrowIsa::avx512);
  check_variant<double>(NarrowIsa::avx512);
}

}  // namespace
}  // namespace axon::kernels
