#include "axon/nn/layers/dense.hpp"

#include "axon/autograd.hpp"
#include "axon/core/creation.hpp"
#include "nn/layer_checks.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace axon::nn {
namespace {

TEST(Dense, ShapesParamsAndNames) {
  clear_session();
  auto d = Dense(10, "softmax");
  EXPECT_EQ(d->name(), "dense");
  EXPECT_EQ(Dense(3)->name(), "dense_1");
  const Tensor y = d(ones({4, 784}));
  EXPECT_EQ(y.shape(), (Shape{4, 10}));
  EXPECT_EQ(d->count_params(), 7850);
  EXPECT_EQ(d->kernel().shape(), (Shape{784, 10}));
  EXPECT_TENSOR_NEAR(sum(y, 1), {1, 1, 1, 1}, 1e-6);  // softmax rows
  // A sequence: [batch, time, features] → [batch, time, units].
  auto e = Dense(5);
  EXPECT_EQ(e(ones({2, 7, 3})).shape(), (Shape{2, 7, 5}));
}

TEST(Dense, InitializationIsGlorotUniform) {
  manual_seed(0);
  auto d = Dense(200);
  d(ones({1, 300}));
  const double limit = std::sqrt(6.0 / (300 + 200));
  EXPECT_LE(max(abs(d->kernel())).item(), limit);
  EXPECT_NEAR(var(d->kernel()).item(), limit * limit / 3, 0.05 * limit * limit / 3);
  EXPECT_TENSOR_NEAR(d->bias(), std::vector<double>(200, 0.0));
}

TEST(Dense, Gradcheck) {
  for (const char* activation : {"linear", "relu", "sigmoid", "tanh", "softmax"}) {
    auto d = Dense(3, activation);
    d->set_dtype(float64);
    Generator gen(4);
    testing::expect_layer_gradients(*d, randn({4, 5}, {.dtype = float64}, gen));
  }
}

TEST(Dense, RegularizationLoss) {
  auto d = Dense(2, "linear", {.bias_initializer = "ones", .kernel_regularizer = L1L2(0.1, 0.01)});
  d(ones({1, 2}));
  const Tensor k = d->kernel();
  const double expected = 0.1 * sum(abs(k)).item() + 0.01 * sum(square(k)).item();
  EXPECT_NEAR(d->regularization_loss().item(), expected, 1e-6);  // biases are not penalized
}

TEST(Dense, ErrorsNameTheLayer) {
  clear_session();
  EXPECT_THROW(Dense(0), ValueError);
  EXPECT_THROW(Dense(3, "relux"), ValueError);
  clear_session();
  auto d = Dense(3);
  d(ones({2, 4}));
  try {
    d(ones({2, 5}));
    FAIL();
  } catch (const ShapeError& e) {
    EXPECT_STREQ(e.what(), "Dense 'dense': expected input [batch, ..., 4], got [2, 5]");
  }
}

TEST(Dense, Config) {
  auto d = Dense(7, "relu", {.use_bias = false, .name = "hidden"});
  const auto c = d->get_config();
  EXPECT_EQ(c["name"], "hidden");
  EXPECT_EQ(c["units"], 7);
  EXPECT_EQ(c["activation"], "relu");
  EXPECT_EQ(c["use_bias"], false);
}

}  // namespace
}  // namespace axon::nn
