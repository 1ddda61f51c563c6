#include "axon/core/creation.hpp"

#include "axon/core/backend.hpp"
#include "axon/core/error.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace axon {
namespace {

TEST(Creation, Constants) {
  EXPECT_TENSOR_NEAR(zeros({2, 2}), {0, 0, 0, 0});
  EXPECT_TENSOR_NEAR(ones({3}, {.dtype = int64}), {1, 1, 1});
  EXPECT_TENSOR_NEAR(full({2}, 2.5, {.dtype = float64}), {2.5, 2.5});
  EXPECT_TENSOR_NEAR(eye(3), {1, 0, 0, 0, 1, 0, 0, 0, 1});
  EXPECT_EQ(scalar_tensor(4).ndim(), 0);
  EXPECT_THROW(zeros({2, -1}), ShapeError);
}

TEST(Creation, RangesMatchNumpy) {
  EXPECT_TENSOR_NEAR(arange(0, 1, 0.25), {0, 0.25, 0.5, 0.75});
  EXPECT_EQ(arange(5).dtype(), int64);
  EXPECT_EQ(arange(3, 3, 1).numel(), 0);
  EXPECT_TENSOR_NEAR(linspace(0, 1, 5, {.dtype = float64}), {0, 0.25, 0.5, 0.75, 1});
  EXPECT_TENSOR_NEAR(linspace(2, 2, 1), {2});
  EXPECT_THROW(arange(0, 1, 0), ValueError);
}

TEST(Creation, FromValuesAndNestedLists) {
  const Tensor t = tensor({{1, 2, 3}, {4, 5, 6}}, {.dtype = float64});
  EXPECT_EQ(t.shape(), (Shape{2, 3}));
  EXPECT_TENSOR_NEAR(t, {1, 2, 3, 4, 5, 6});
  EXPECT_THROW(tensor({{1, 2}, {3}}), ShapeError);
  EXPECT_THROW(tensor({{1, 2}, 3}), ShapeError);
  const Tensor v = from_vector(std::vector<double>{1, 2, 3, 4}, {2, 2});
  EXPECT_EQ(v.dtype(), float64);
  EXPECT_EQ(v.shape(), (Shape{2, 2}));
  EXPECT_THROW(from_vector(std::vector<float>{1, 2, 3}, {2, 2}), ShapeError);
}

TEST(Random, SameSeedSameNumbers) {
  Generator a(42), b(42), c(43);
  const Tensor x = randn({100}, {}, a), y = randn({100}, {}, b), z = randn({100}, {}, c);
  EXPECT_EQ(x.to_vector<float>(), y.to_vector<float>());
  EXPECT_NE(x.to_vector<float>(), z.to_vector<float>());
  manual_seed(5);
  const Tensor d1 = rand({10});
  manual_seed(5);
  EXPECT_EQ(d1.to_vector<float>(), rand({10}).to_vector<float>());
}

TEST(Random, DistributionsHaveTheRightMoments) {
  Generator gen(1);
  const auto u = rand({100000}, {.dtype = float64}, gen).to_vector<double>();
  const double mean_u = std::accumulate(u.begin(), u.end(), 0.0) / u.size();
  EXPECT_NEAR(mean_u, 0.5, 0.005);  // σ/√n ≈ 0.0009
  EXPECT_TRUE(std::all_of(u.begin(), u.end(), [](double v) { return v >= 0 && v < 1; }));

  const auto n = normal({100000}, 2.0, 3.0, {.dtype = float64}, gen).to_vector<double>();
  const double mean_n = std::accumulate(n.begin(), n.end(), 0.0) / n.size();
  double var_n = 0;
  for (double v : n) var_n += (v - mean_n) * (v - mean_n);
  var_n /= n.size();
  EXPECT_NEAR(mean_n, 2.0, 0.05);
  EXPECT_NEAR(std::sqrt(var_n), 3.0, 0.05);

  const auto ints = randint(-2, 3, {10000}, {.dtype = int64}, gen).to_vector<std::int64_t>();
  EXPECT_EQ(*std::min_element(ints.begin(), ints.end()), -2);
  EXPECT_EQ(*std::max_element(ints.begin(), ints.end()), 2);

  const auto bern = bernoulli({20000}, 0.3, {}, gen).to_vector<double>();
  EXPECT_NEAR(std::accumulate(bern.begin(), bern.end(), 0.0) / bern.size(), 0.3, 0.015);
  const auto bp = bernoulli(tensor({0.0, 1.0, 0.0, 1.0}), gen).to_vector<double>();
  EXPECT_EQ(bp, (std::vector<double>{0, 1, 0, 1}));
}

// The dropout mask: values 0 or 1/(1 − rate) in the right proportion, the same for the same
// generator state whatever the thread count, a new mask at each call.
TEST(Random, DropoutMaskIsScaledAndThreadCountIndependent) {
  const int threads = get_num_threads();
  Generator g1(7), g2(7);
  set_num_threads(1);
  const Tensor a = dropout_mask({300, 400}, 0.2, {.dtype = float32}, g1);
  set_num_threads(2);
  const Tensor b = dropout_mask({300, 400}, 0.2, {.dtype = float32}, g2);
  set_num_threads(threads);
  EXPECT_EQ(a.to_vector<float>(), b.to_vector<float>());
  std::int64_t kept = 0;
  for (float v : a.to_vector<float>()) {
    if (v != 0.0f) {
      EXPECT_FLOAT_EQ(v, 1.25f);
      ++kept;
    }
  }
  EXPECT_NEAR(static_cast<double>(kept) / 120000.0, 0.8, 0.005);
  EXPECT_NE(dropout_mask({300, 400}, 0.2, {.dtype = float32}, g1).to_vector<float>(), a.to_vector<float>());
  EXPECT_EQ(dropout_mask({5}, 0.0, {.dtype = float64}, g1).to_vector<double>(), std::vector<double>(5, 1.0));
  EXPECT_THROW(dropout_mask({5}, 1.0, {}, g1), ValueError);
}

TEST(Random, PermutationIsAPermutation) {
  Generator gen(3);
  auto p = permutation(50, gen).to_vector<std::int64_t>();
  std::vector<std::int64_t> sorted = p;
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::int64_t> expected(50);
  std::iota(expected.begin(), expected.end(), 0);
  EXPECT_EQ(sorted, expected);
  EXPECT_NE(p, expected);
}

}  // namespace
}  // namespace axon
