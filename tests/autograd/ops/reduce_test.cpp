#include "axon/autograd.hpp"
#include "axon/core/creation.hpp"
#include "support/gradcheck.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace axon {
namespace {

using Inputs = std::vector<Tensor>;
Generator gen(99);
Tensor r64(Shape s) { return uniform(std::move(s), -2, 2, {.dtype = float64}, gen); }

TEST(Reduce, SumValuesAlongAxes) {
  const Tensor x = arange(0, 24, 1, {.dtype = float64}).view_as_shape({2, 3, 4});
  EXPECT_TENSOR_NEAR(sum(x), {276});
  EXPECT_EQ(sum(x).ndim(), 0);
  EXPECT_TENSOR_NEAR(sum(x, 1), {12, 15, 18, 21, 48, 51, 54, 57});
  EXPECT_EQ(sum(x, {0, 2}).shape(), (Shape{3}));
  EXPECT_TENSOR_NEAR(sum(x, {0, 2}), {60, 92, 124});
  EXPECT_EQ(sum(x, -1, true).shape(), (Shape{2, 3, 1}));
  EXPECT_THROW(sum(x, 3), IndexError);
  EXPECT_THROW(sum(x, {1, 1}), ValueError);
  // A mask of 1000 ones counts to 1000, not 1000 mod 256.
  EXPECT_EQ(sum(ones({1000}, {.dtype = uint8})).item<std::int64_t>(), 1000);
  EXPECT_EQ(sum(ones({1000}, {.dtype = uint8})).dtype(), int64);
}

TEST(Reduce, MeanVarStdMatchNumpy) {
  const Tensor x = tensor({{1, 2, 3, 4}, {2, 4, 6, 8}}, {.dtype = float64});
  EXPECT_TENSOR_NEAR(mean(x, 1), {2.5, 5});
  EXPECT_TENSOR_NEAR(var(x, 1), {1.25, 5});             // numpy ddof = 0
  EXPECT_TENSOR_NEAR(var(x, 1, 1), {5.0 / 3, 20.0 / 3});  // ddof = 1
  EXPECT_TENSOR_NEAR(std(x, 0), {0.5, 1, 1.5, 2});
  EXPECT_TENSOR_NEAR(mean(arange(4)), {1.5});  // integers average as float64
  EXPECT_THROW(var(ones({1}), {}, 1), ValueError);
}

TEST(Reduce, MaxMinArgmax) {
  const Tensor x = tensor({{1, 5, 3}, {7, 2, 7}});
  EXPECT_TENSOR_NEAR(max(x, 1), {5, 7});
  EXPECT_TENSOR_NEAR(min(x, 0), {1, 2, 3});
  EXPECT_TENSOR_NEAR(max(x), {7});
  EXPECT_TENSOR_NEAR(argmax(x, 1), {1, 0});  // first of tied maxima, as numpy
  EXPECT_TENSOR_NEAR(argmin(x, 0), {0, 1, 0});
  EXPECT_TENSOR_NEAR(argmax(x), {3});
  EXPECT_EQ(argmax(x, 1, true).shape(), (Shape{2, 1}));
  EXPECT_EQ(argmax(x).dtype(), int64);
  EXPECT_THROW(max(zeros({0})), ShapeError);
}

TEST(Reduce, LogsumexpIsStable) {
  const Tensor x = tensor({{1000, 1000}, {-1000, -1000}}, {.dtype = float64});
  EXPECT_TENSOR_NEAR(logsumexp(x, 1), {1000 + std::log(2.0), -1000 + std::log(2.0)}, 1e-9);
  const Tensor inf = tensor({-INFINITY, -INFINITY}, {.dtype = float64});
  EXPECT_TRUE(std::isinf(logsumexp(inf).item()));
}

TEST(Reduce, Gradchecks) {
  EXPECT_GRADCHECK([](const Inputs& in) { return sum(in[0]); }, {r64({3, 4})});
  EXPECT_GRADCHECK([](const Inputs& in) { return sum(in[0], 1); }, {r64({3, 4})});
  EXPECT_GRADCHECK([](const Inputs& in) { return sum(in[0], {0, 2}, true); }, {r64({2, 3, 4})});
  EXPECT_GRADCHECK([](const Inputs& in) { return mean(in[0], 0); }, {r64({3, 4})});
  EXPECT_GRADCHECK([](const Inputs& in) { return var(in[0], 1); }, {r64({3, 4})});
  EXPECT_GRADCHECK([](const Inputs& in) { return var(in[0], {}, 1); }, {r64({5})});
  EXPECT_GRADCHECK([](const Inputs& in) { return std(in[0], 0); }, {r64({3, 4})});
  EXPECT_GRADCHECK([](const Inputs& in) { return max(in[0], 1); }, {r64({3, 4})});
  EXPECT_GRADCHECK([](const Inputs& in) { return min(in[0], {0, 1}); }, {r64({3, 4})});
  EXPECT_GRADCHECK([](const Inputs& in) { return logsumexp(in[0], 1); }, {r64({3, 4})});
  EXPECT_GRADCHECK([](const Inputs& in) { return logsumexp(in[0]); }, {r64({3, 4})});
}

TEST(Reduce, MaxGradientIsSharedAmongTies) {
  Tensor x = tensor({3.0, 1.0, 3.0}, {.dtype = float64, .requires_grad = true});
  max(x).backward();
  EXPECT_TENSOR_NEAR(x.grad(), {0.5, 0, 0.5});
}

}  // namespace
}  // namespace axon
