#include "axon/autograd.hpp"
#include "axon/core/creation.hpp"
#include "axon/nn/layers/batch_normalization.hpp"
#include "axon/nn/layers/dropout.hpp"
#include "axon/nn/layers/layer_normalization.hpp"
#include "nn/layer_checks.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>

namespace axon::nn {
namespace {

TEST(BatchNormalization, TrainingUsesBatchStatisticsAndUpdatesMovingOnes) {
  auto bn = BatchNormalization({.momentum = 0.9});
  const Tensor x = tensor({{1, 10}, {3, 30}});
  const Tensor y = bn(x, /*training=*/true);
  // Each column normalized with its biased variance: (x − mean)/sqrt(var + 1e-3).
  EXPECT_TENSOR_NEAR(y, {-1 / std::sqrt(1 + 1e-3), -10 / std::sqrt(100 + 1e-3), 1 / std::sqrt(1 + 1e-3), 10 / std::sqrt(100 + 1e-3)}, 1e-5);
  EXPECT_TENSOR_NEAR(bn->moving_mean(), {0.1 * 2, 0.1 * 20}, 1e-5);
  EXPECT_TENSOR_NEAR(bn->moving_variance(), {0.9 + 0.1 * 1, 0.9 + 0.1 * 100}, 1e-4);
  // Inference uses the moving statistics.
  const Tensor z = bn(x, /*training=*/false);
  EXPECT_NEAR(z.to_vector<double>()[0], (1 - 0.2) / std::sqrt(1.0 + 1e-3), 1e-5);
  EXPECT_EQ(bn->count_params(), 8);
  EXPECT_EQ(bn->trainable_weights().size(), 2u);
}

TEST(BatchNormalization, Gradcheck) {
  auto bn = BatchNormalization();
  bn->set_dtype(float64);
  Generator gen(2);
  testing::expect_layer_gradients(*bn, randn({5, 3}, {.dtype = float64}, gen), true);
  testing::expect_layer_gradients(*bn, randn({5, 3}, {.dtype = float64}, gen), false);
}

TEST(LayerNormalization, ValuesAndGradcheck) {
  auto ln = LayerNormalization();
  const Tensor y = ln(tensor({{1, 2, 3}}));
  const double s = std::sqrt(2.0 / 3 + 1e-3);
  EXPECT_TENSOR_NEAR(y, {-1 / s, 0, 1 / s}, 1e-5);
  auto ln64 = LayerNormalization();
  ln64->set_dtype(float64);
  Generator gen(3);
  testing::expect_layer_gradients(*ln64, randn({4, 5}, {.dtype = float64}, gen));
}

TEST(Dropout, TrainingOnlyAndGradcheck) {
  auto d = Dropout(0.5);
  const Tensor x = ones({1000});
  EXPECT_TRUE(d(x, false).is_same(x));
  const double kept = sum(gt(d(ones({1, 10000}), true), 0.0)).item() / 10000.0;
  EXPECT_NEAR(kept, 0.5, 0.03);
  auto d64 = Dropout(0.3);
  Generator gen(5);
  testing::expect_layer_gradients(*d64, randn({4, 6}, {.dtype = float64}, gen));
  EXPECT_THROW(Dropout(1.0), ValueError);
}

}  // namespace
}  // namespace axon::nn
