// The tape: accumulation, broadcasting undone, graph release, grad mode and the errors.
#include "axon/autograd.hpp"
#include "axon/core/creation.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>

namespace axon {
namespace {

TEST(Engine, LeafGradientsAccumulateAcrossBackwardCalls) {
  Tensor x = tensor({1.0, 2.0}, {.dtype = float64, .requires_grad = true});
  sum(x * 3.0).backward();
  sum(x * 3.0).backward();
  EXPECT_TENSOR_NEAR(x.grad(), {6, 6});
  x.zero_grad();
  EXPECT_FALSE(x.grad().defined());
}

// A leaf takes the gradient tensor itself when nothing else holds it (no copy), and a copy when
// the backward hands one tensor to several inputs: leaves never share gradient storage.
TEST(Engine, LeafGradientsNeverShareStorage) {
  Tensor a = tensor({1.0, 2.0}, {.dtype = float64, .requires_grad = true});
  Tensor b = tensor({3.0, 4.0}, {.dtype = float64, .requires_grad = true});
  sum(a + b).backward();  // add's backward returns the same tensor for both inputs
  EXPECT_NE(a.grad().impl()->storage.get(), b.grad().impl()->storage.get());
  sum(a * 2.0).backward();  // accumulates into a's gradient only
  EXPECT_TENSOR_NEAR(a.grad(), {3, 3});
  EXPECT_TENSOR_NEAR(b.grad(), {1, 1});
  Tensor w = tensor({1.0, 1.0}, {.dtype = float64, .requires_grad = true});
  Tensor x = tensor({{1.0, 2.0}, {3.0, 4.0}}, {.dtype = float64});
  sum(matmul(x, reshape(w, {2, 1}))).backward();
  EXPECT_TENSOR_NEAR(w.grad(), {4, 6});
}

TEST(Engine, DiamondGraphSumsBothPaths) {
  Tensor x = tensor({2.0}, {.dtype = float64, .requires_grad = true});
  const Tensor a = x * x;       // da/dx = 2x
  const Tensor b = exp(x);      // db/dx = e^x
  (a * b).backward();           // d(ab)/dx = 2x·e^x + x²·e^x
  EXPECT_TENSOR_NEAR(x.grad(), {(4 + 4) * std::exp(2.0)}, 1e-12);
}

TEST(Engine, BroadcastIsUndoneInBackward) {
  Tensor bias = zeros({3}, {.dtype = float64, .requires_grad = true});
  Tensor col = zeros({2, 1}, {.dtype = float64, .requires_grad = true});
  sum(ones({2, 3}, {.dtype = float64}) + bias + col).backward();
  EXPECT_TENSOR_NEAR(bias.grad(), {2, 2, 2});
  EXPECT_EQ(col.grad().shape(), (Shape{2, 1}));
  EXPECT_TENSOR_NEAR(col.grad(), {3, 3});
}

TEST(Engine, ExplicitSeedForNonScalarOutputs) {
  Tensor x = tensor({1.0, 2.0}, {.dtype = float64, .requires_grad = true});
  const Tensor y = x * x;
  EXPECT_THROW(y.backward(), ValueError);
  y.backward(tensor({1.0, 10.0}, {.dtype = float64}));
  EXPECT_TENSOR_NEAR(x.grad(), {2, 40});
  EXPECT_THROW((x * 2.0).backward(ones({3}, {.dtype = float64})), ShapeError);
}

TEST(Engine, BackwardTwiceThroughAFreedGraphIsAnError) {
  Tensor x = tensor({1.0}, {.dtype = float64, .requires_grad = true});
  Tensor y = exp(x) * 2.0;
  y.backward();
  try {
    y.backward();
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_NE(std::string(e.what()).find("second time"), std::string::npos) << e.what();
  }
  Tensor z = exp(x) * 2.0;
  z.backward({}, /*retain_graph=*/true);
  z.backward();
  EXPECT_TENSOR_NEAR(x.grad(), {2 * std::exp(1.0) * 3}, 1e-12);
}

TEST(Engine, GradOfATensorThatDoesNotRequireGradIsAnError) {
  const Tensor x = ones({2});
  EXPECT_THROW(x.grad(), ValueError);
  EXPECT_THROW(sum(x).backward(), ValueError);
  Tensor i = arange(3);
  EXPECT_THROW(i.requires_grad_(), ValueError);
}

TEST(Engine, NoGradGuardAndDetachRecordNothing) {
  Tensor x = ones({2}, {.requires_grad = true});
  {
    NoGradGuard no_grad;
    EXPECT_FALSE(is_grad_enabled());
    EXPECT_FALSE((x * 2.0).requires_grad());
  }
  EXPECT_TRUE(is_grad_enabled());
  EXPECT_TRUE((x * 2.0).requires_grad());
  EXPECT_FALSE((x.detach() * 2.0).requires_grad());
  EXPECT_TRUE((x * 2.0).grad_fn() != nullptr);
  EXPECT_TRUE(x.is_leaf());
}

TEST(Engine, RetainGradOnIntermediate) {
  Tensor x = tensor({3.0}, {.dtype = float64, .requires_grad = true});
  Tensor h = x * 2.0;
  h.retain_grad();
  (h * h).backward();
  EXPECT_TENSOR_NEAR(h.grad(), {12});
  EXPECT_TENSOR_NEAR(x.grad(), {24});
}

TEST(Engine, DeepChainDoesNotOverflowTheStack) {
  Tensor x = ones({1}, {.dtype = float64, .requires_grad = true});
  Tensor y = x;
  for (int i = 0; i < 100000; ++i) y = y * 1.0;
  y.backward();
  EXPECT_TENSOR_NEAR(x.grad(), {1});
}

TEST(Engine, GradientsFlowIntoFloat32FromFloat64) {
  Tensor w = ones({2}, {.requires_grad = true});  // float32
  sum(astype(w, float64) * 3.0).backward();
  EXPECT_EQ(w.grad().dtype(), float32);
  EXPECT_TENSOR_NEAR(w.grad(), {3, 3});
}

TEST(Determinism, SameSeedSameTraining) {
  auto train = [] {
    Generator gen(123);
    Tensor w = randn({4, 1}, {.dtype = float64}, gen).requires_grad_();
    const Tensor x = randn({32, 4}, {.dtype = float64}, gen), y = randn({32, 1}, {.dtype = float64}, gen);
    for (int i = 0; i < 20; ++i) {
      Tensor loss = mean_squared_error(y, dropout(matmul(x, w), 0.2, true, gen));
      loss.backward();
      NoGradGuard no_grad;
      add_(w, w.grad(), -0.1);
      w.zero_grad();
    }
    return w.to_vector<double>();
  };
  EXPECT_EQ(train(), train());
}

}  // namespace
}  // namespace axon
