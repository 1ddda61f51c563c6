// Every elementwise op: gradient check in float64 (including broadcasting and a reused input),
// plus values at the edges.
#include "axon/autograd.hpp"
#include "axon/core/creation.hpp"
#include "support/gradcheck.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace axon {
namespace {

using Inputs = std::vector<Tensor>;
Generator gen(2024);
Tensor r64(Shape s, double low = -2, double high = 2) { return uniform(std::move(s), low, high, {.dtype = float64}, gen); }
// Values kept away from the kinks of relu/abs/clip, where finite differences straddle the corner.
Tensor away_from(Shape s, double kink) {
  Tensor t = r64(std::move(s));
  double* p = t.data<double>();
  for (std::int64_t i = 0; i < t.numel(); ++i)
    if (std::abs(p[i] - kink) < 0.05) p[i] = kink + 0.1;
  return t;
}

struct UnaryCase {
  const char* name;
  Tensor (*fn)(const Tensor&);
  double low, high;
};

class UnaryGradcheck : public ::testing::TestWithParam<UnaryCase> {};

TEST_P(UnaryGradcheck, MatchesFiniteDifferences) {
  const UnaryCase c = GetParam();
  Tensor x = r64({3, 4}, c.low, c.high);
  if (std::string(c.name) == "relu" || std::string(c.name) == "abs") x = away_from({3, 4}, 0.0);
  EXPECT_GRADCHECK([&](const Inputs& in) { return c.fn(in[0]); }, {x});
}

INSTANTIATE_TEST_SUITE_P(
    Ops, UnaryGradcheck,
    ::testing::Values(UnaryCase{"neg", &neg, -2, 2}, UnaryCase{"exp", &exp, -2, 2}, UnaryCase{"log", &log, 0.2, 3},
                      UnaryCase{"log1p", &log1p, -0.5, 3}, UnaryCase{"sqrt", &sqrt, 0.2, 3},
                      UnaryCase{"abs", &abs, -2, 2}, UnaryCase{"square", &square, -2, 2},
                      UnaryCase{"reciprocal", &reciprocal, 0.5, 3}, UnaryCase{"relu", &relu, -2, 2},
                      UnaryCase{"sigmoid", &sigmoid, -5, 5}, UnaryCase{"sigmoid_extremes", &sigmoid, 30, 40},
                      UnaryCase{"tanh", &tanh, -3, 3}, UnaryCase{"softplus", &softplus, -5, 5},
                      UnaryCase{"softplus_extremes", &softplus, -40, -30}, UnaryCase{"gelu", &gelu, -3, 3}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Activations, ParametrizedGradchecks) {
  EXPECT_GRADCHECK([](const Inputs& in) { return leaky_relu(in[0], 0.1); }, {away_from({5}, 0.0)});
  EXPECT_GRADCHECK([](const Inputs& in) { return elu(in[0], 1.5); }, {away_from({5}, 0.0)});
  EXPECT_GRADCHECK([](const Inputs& in) { return clip(in[0], -0.5, 0.7); }, {away_from({8}, -0.5)});
  EXPECT_GRADCHECK([](const Inputs& in) { return pow(in[0], 3.0); }, {r64({5})});
  EXPECT_GRADCHECK([](const Inputs& in) { return pow(in[0], 0.5); }, {r64({5}, 0.5, 2)});
}

TEST(Activations, Values) {
  EXPECT_TENSOR_NEAR(relu(tensor({-1, 0, 2})), {0, 0, 2});
  EXPECT_TENSOR_NEAR(leaky_relu(tensor({-1, 2})), {-0.2, 2});
  EXPECT_TENSOR_NEAR(elu(tensor({-1, 2}, {.dtype = float64})), {std::expm1(-1.0), 2}, 1e-15);
  // Large |x| stays finite and exact.
  EXPECT_TENSOR_NEAR(sigmoid(tensor({-1000, 0, 1000})), {0, 0.5, 1});
  EXPECT_TENSOR_NEAR(softplus(tensor({-1000, 0, 1000}, {.dtype = float64})), {0, std::log(2.0), 1000}, 1e-12);
  EXPECT_TENSOR_NEAR(gelu(tensor({1.0}, {.dtype = float64})), {0.8413447460685429}, 1e-15);
  EXPECT_TENSOR_NEAR(tanh(tensor({-1000, 1000})), {-1, 1});
}

TEST(Arithmetic, BroadcastingGradients) {
  // [3, 4] with [4], [3, 1] and a 0-d scalar: the engine sums the gradient over broadcast axes.
  for (const Shape& sb : {Shape{4}, Shape{3, 1}, Shape{}, Shape{1, 4}}) {
    const Tensor a = r64({3, 4}), b = r64(sb, 0.5, 2);
    EXPECT_GRADCHECK([](const Inputs& in) { return in[0] + in[1]; }, {a, b});
    EXPECT_GRADCHECK([](const Inputs& in) { return in[0] - in[1]; }, {a, b});
    EXPECT_GRADCHECK([](const Inputs& in) { return in[0] * in[1]; }, {a, b});
    EXPECT_GRADCHECK([](const Inputs& in) { return in[0] / in[1]; }, {a, b});
    EXPECT_GRADCHECK([](const Inputs& in) { return in[1] / in[0]; }, {r64({3, 4}, 0.5, 2), b});
    EXPECT_GRADCHECK([](const Inputs& in) { return pow(in[1], in[0]); }, {a, b});
  }
}

TEST(Arithmetic, ReusedInputAccumulates) {
  // x·x + x: the gradient 2x + 1 arrives through three uses.
  EXPECT_GRADCHECK([](const Inputs& in) { return in[0] * in[0] + in[0]; }, {r64({4})});
  Tensor x = tensor({1.0, 2.0, 3.0}, {.dtype = float64, .requires_grad = true});
  sum(x * x + x).backward();
  EXPECT_TENSOR_NEAR(x.grad(), {3, 5, 7});
}

TEST(Arithmetic, MaximumMinimumShareTies) {
  EXPECT_GRADCHECK([](const Inputs& in) { return maximum(in[0], in[1]); }, {r64({6}), r64({6})});
  EXPECT_GRADCHECK([](const Inputs& in) { return minimum(in[0], in[1]); }, {r64({2, 3}), r64({3})});
  Tensor a = tensor({1.0, 2.0}, {.dtype = float64, .requires_grad = true});
  Tensor b = tensor({1.0, 3.0}, {.dtype = float64, .requires_grad = true});
  sum(maximum(a, b)).backward();
  EXPECT_TENSOR_NEAR(a.grad(), {0.5, 0});
  EXPECT_TENSOR_NEAR(b.grad(), {0.5, 1});
}

TEST(Arithmetic, ScalarsKeepTheTensorDtype) {
  EXPECT_EQ((ones({2}) * 0.5).dtype(), float32);
  EXPECT_EQ((2.0 - ones({2}, {.dtype = float64})).dtype(), float64);
  EXPECT_EQ((arange(3) + 1.0).dtype(), int64);
  EXPECT_EQ((arange(3) * 0.5).dtype(), float32);
  EXPECT_EQ((ones({2}) + ones({2}, {.dtype = float64})).dtype(), float64);
  EXPECT_TENSOR_NEAR(1.0 / tensor({2, 4}), {0.5, 0.25});
}

TEST(Arithmetic, ShapeErrorsNameTheOp) {
  try {
    ones({3, 2}) + ones({4});
    FAIL();
  } catch (const ShapeError& e) {
    EXPECT_STREQ(e.what(), "add: shapes [3, 2] and [4] cannot be broadcast together (axis 1: 2 vs 4)");
  }
  EXPECT_THROW(exp(arange(3)), ValueError);
}

TEST(Comparisons, GiveUint8Masks) {
  const Tensor a = tensor({1, 2, 3}), b = tensor({2, 2, 2});
  EXPECT_EQ(lt(a, b).dtype(), uint8);
  EXPECT_TENSOR_NEAR(lt(a, b), {1, 0, 0});
  EXPECT_TENSOR_NEAR(le(a, b), {1, 1, 0});
  EXPECT_TENSOR_NEAR(gt(a, b), {0, 0, 1});
  EXPECT_TENSOR_NEAR(ge(a, b), {0, 1, 1});
  EXPECT_TENSOR_NEAR(eq(a, b), {0, 1, 0});
  EXPECT_TENSOR_NEAR(ne(a, b), {1, 0, 1});
  EXPECT_TENSOR_NEAR(sign(tensor({-3, 0, 2})), {-1, 0, 1});
}

TEST(Where, SelectsAndRoutesGradients) {
  const Tensor cond = tensor({1, 0, 1, 0}, {.dtype = uint8});
  EXPECT_TENSOR_NEAR(where(cond, tensor({1, 2, 3, 4}), tensor({-1.0})), {1, -1, 3, -1});
  EXPECT_GRADCHECK([&](const Inputs& in) { return where(cond, in[0], in[1]); }, {r64({4}), r64({1})});
  EXPECT_THROW(where(tensor({1.0}), ones({1}), ones({1})), ValueError);
}

TEST(InPlace, UpdatesAndRefusesTrackedTensors) {
  Tensor t = ones({3});
  add_(t, tensor({1, 2, 3}), 2.0);
  EXPECT_TENSOR_NEAR(t, {3, 5, 7});
  mul_(t, 2.0);
  EXPECT_TENSOR_NEAR(t, {6, 10, 14});
  fill_(t, 1.0);
  copy_(t, tensor({4, 5, 6}, {.dtype = float64}));
  EXPECT_TENSOR_NEAR(t, {4, 5, 6});
  Tensor w = ones({2}, {.requires_grad = true});
  EXPECT_THROW(add_(w, ones({2})), ValueError);
  NoGradGuard no_grad;
  EXPECT_NO_THROW(add_(w, ones({2})));
}

}  // namespace
}  // namespace axon
