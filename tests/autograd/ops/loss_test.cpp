#include "axon/autograd.hpp"
#include "axon/core/creation.hpp"
#include "support/gradcheck.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace axon {
namespace {

using Inputs = std::vector<Tensor>;
Generator gen(8);
Tensor r64(Shape s, double lo = -2, double hi = 2) { return uniform(std::move(s), lo, hi, {.dtype = float64}, gen); }

TEST(Softmax, ValuesAndStability) {
  const Tensor x = tensor({{1, 2, 3}, {1000, 1000, 1000}}, {.dtype = float64});
  const double e = std::exp(1.0), total = e + e * e + e * e * e;
  EXPECT_TENSOR_NEAR(softmax(x), {e / total, e * e / total, e * e * e / total, 1.0 / 3, 1.0 / 3, 1.0 / 3}, 1e-15);
  const double l3 = -std::log(3.0);
  EXPECT_TENSOR_NEAR(log_softmax(x, 1), {1 - std::log(total), 2 - std::log(total), 3 - std::log(total), l3, l3, l3}, 1e-13);
  EXPECT_TENSOR_NEAR(exp(log_softmax(x)), softmax(x), 1e-15);
  EXPECT_TENSOR_NEAR(sum(softmax(x, 0), 0), {1, 1, 1}, 1e-15);
}

TEST(Softmax, Gradchecks) {
  EXPECT_GRADCHECK([](const Inputs& in) { return softmax(in[0]); }, {r64({3, 5})});
  EXPECT_GRADCHECK([](const Inputs& in) { return softmax(in[0], 0); }, {r64({3, 5})});
  EXPECT_GRADCHECK([](const Inputs& in) { return log_softmax(in[0]); }, {r64({3, 5})});
  EXPECT_GRADCHECK([](const Inputs& in) { return log_softmax(in[0], 1); }, {r64({2, 3, 4})});
}

TEST(Losses, ValuesByHand) {
  const Tensor t = tensor({1, 0, 1, 1}, {.dtype = float64});
  const Tensor p = tensor({0.9, 0.2, 0.6, 1.0}, {.dtype = float64});
  EXPECT_TENSOR_NEAR(mean_squared_error(t, p), {(0.01 + 0.04 + 0.16 + 0) / 4}, 1e-15);
  EXPECT_TENSOR_NEAR(mean_absolute_error(t, p), {(0.1 + 0.2 + 0.4 + 0) / 4}, 1e-15);
  // p = 1 is clipped to 1 − 1e-7 (Keras), so log stays finite.
  const double bce = -(std::log(0.9) + std::log(0.8) + std::log(0.6) + std::log(1 - 1e-7)) / 4;
  EXPECT_TENSOR_NEAR(binary_crossentropy(t, p), {bce}, 1e-12);
  const Tensor z = tensor({0.0, -30.0, 30.0}, {.dtype = float64});
  const Tensor tz = tensor({1, 0, 0}, {.dtype = float64});
  EXPECT_TENSOR_NEAR(binary_crossentropy(tz, z, true), {(std::log(2.0) + std::log1p(std::exp(-30.0)) + 30 + std::log1p(std::exp(-30.0))) / 3}, 1e-12);

  const Tensor logits = tensor({{2.0, 1.0, 0.1}, {0.5, 2.5, 0.3}}, {.dtype = float64});
  const Tensor labels = tensor({0, 1}, {.dtype = int64});
  const Tensor onehot = one_hot(labels, 3, float64);
  const Tensor expected = -mean(sum(onehot * log_softmax(logits), 1));
  EXPECT_TENSOR_NEAR(sparse_categorical_crossentropy(labels, logits, true), expected, 1e-14);
  EXPECT_TENSOR_NEAR(categorical_crossentropy(onehot, logits, true), expected, 1e-14);
  EXPECT_TENSOR_NEAR(categorical_crossentropy(onehot, softmax(logits)), expected, 1e-12);
  EXPECT_TENSOR_NEAR(sparse_categorical_crossentropy(labels, softmax(logits)), expected, 1e-12);
}

TEST(Losses, GradientAtZeroLogitIsExact) {
  // The derivative of softplus(z) − z·t at z = 0 is σ(0) − t = −0.5 (a kinked formula gives −1).
  Tensor z = zeros({1}, {.dtype = float64, .requires_grad = true});
  binary_crossentropy(ones({1}, {.dtype = float64}), z, true).backward();
  EXPECT_TENSOR_NEAR(z.grad(), {-0.5}, 1e-15);
}

TEST(Losses, Gradchecks) {
  const Tensor t01 = tensor({{1, 0, 1}, {0, 0, 1}}, {.dtype = float64});
  EXPECT_GRADCHECK([](const Inputs& in) { return mean_squared_error(in[1], in[0]); }, {r64({2, 3}), r64({2, 3})});
  EXPECT_GRADCHECK([](const Inputs& in) { return mean_absolute_error(in[1], in[0]); }, {r64({2, 3}), r64({2, 3}, 3, 4)});
  EXPECT_GRADCHECK([&](const Inputs& in) { return binary_crossentropy(t01, in[0]); }, {r64({2, 3}, 0.05, 0.95)});
  EXPECT_GRADCHECK([&](const Inputs& in) { return binary_crossentropy(t01, in[0], true); }, {r64({2, 3}, -4, 4)});
  const Tensor onehot = tensor({{0, 1, 0}, {1, 0, 0}}, {.dtype = float64});
  const Tensor labels = tensor({1, 0}, {.dtype = int64});
  EXPECT_GRADCHECK([&](const Inputs& in) { return categorical_crossentropy(onehot, in[0], true); }, {r64({2, 3})});
  EXPECT_GRADCHECK([&](const Inputs& in) { return categorical_crossentropy(onehot, in[0]); }, {r64({2, 3}, 0.1, 1)});
  EXPECT_GRADCHECK([&](const Inputs& in) { return sparse_categorical_crossentropy(labels, in[0], true); }, {r64({2, 3})});
  EXPECT_GRADCHECK([&](const Inputs& in) { return sparse_categorical_crossentropy(labels, in[0]); }, {r64({2, 3}, 0.1, 1)});
  // Labels for a sequence: [batch, time] labels, [batch, time, classes] logits.
  const Tensor seq_labels = tensor({{0, 2}, {1, 1}}, {.dtype = int64});
  EXPECT_GRADCHECK([&](const Inputs& in) { return sparse_categorical_crossentropy(seq_labels, in[0], true); }, {r64({2, 2, 3})});
}

// Keras's sample_weight: Σ wᵢ·lossᵢ / n, lossᵢ the sample's mean over its other axes.
TEST(Losses, SampleWeightsAreSumOverBatchSize) {
  const Tensor t = tensor({{1, 0}, {0, 1}, {1, 1}}, {.dtype = float64});
  const Tensor p = tensor({{0.9, 0.2}, {0.3, 0.6}, {0.5, 1.0}}, {.dtype = float64});
  const Tensor w = tensor({2.0, 0.0, 0.5}, {.dtype = float64});
  const double mse = (2.0 * (0.01 + 0.04) / 2 + 0.0 + 0.5 * (0.25 + 0.0) / 2) / 3;
  EXPECT_TENSOR_NEAR(mean_squared_error(t, p, w), {mse}, 1e-15);
  const Tensor ones = ones_like(w);
  EXPECT_TENSOR_NEAR(mean_squared_error(t, p, ones), mean_squared_error(t, p), 1e-15);
  EXPECT_TENSOR_NEAR(binary_crossentropy(t, p, false, ones), binary_crossentropy(t, p), 1e-15);
  EXPECT_TENSOR_NEAR(categorical_crossentropy(t, p, true, ones), categorical_crossentropy(t, p, true), 1e-15);

  const Tensor logits = tensor({{2.0, 1.0, 0.1}, {0.5, 2.5, 0.3}, {0.0, 0.0, 1.0}}, {.dtype = float64});
  const Tensor labels = tensor({0, 1, 2}, {.dtype = int64});
  const Tensor per_sample = -sum(one_hot(labels, 3, float64) * log_softmax(logits), 1);
  EXPECT_TENSOR_NEAR(sparse_categorical_crossentropy(labels, logits, true, w), mean(per_sample * w), 1e-14);
  EXPECT_TENSOR_NEAR(sparse_categorical_crossentropy(labels, softmax(logits), false, w), mean(per_sample * w), 1e-12);
  EXPECT_TENSOR_NEAR(categorical_crossentropy(one_hot(labels, 3, float64), logits, true, w), mean(per_sample * w), 1e-14);
  EXPECT_THROW(mean_squared_error(t, p, tensor({1.0, 2.0}, {.dtype = float64})), ShapeError);
}

TEST(Losses, WeightedGradchecks) {
  const Tensor w = uniform({4}, 0, 2, {.dtype = float64}, gen);
  const Tensor t = uniform({4, 3}, 0, 1, {.dtype = float64}, gen);
  const Tensor labels = tensor({2, 0, 1, 1}, {.dtype = int64});
  EXPECT_GRADCHECK([&](const Inputs& in) { return mean_squared_error(t, in[0], w); }, {r64({4, 3})});
  EXPECT_GRADCHECK([&](const Inputs& in) { return binary_crossentropy(t, in[0], true, w); }, {r64({4, 3})});
  EXPECT_GRADCHECK([&](const Inputs& in) { return sparse_categorical_crossentropy(labels, in[0], true, w); }, {r64({4, 3})});
}

TEST(Losses, BadInput) {
  EXPECT_THROW(mean_squared_error(ones({3}), ones({3, 1})), ShapeError);
  EXPECT_THROW(sparse_categorical_crossentropy(tensor({0.0, 1.0}), ones({2, 3}), true), ValueError);
  EXPECT_THROW(sparse_categorical_crossentropy(tensor({0, 1, 2}, {.dtype = int64}), ones({2, 3}), true), ShapeError);
  EXPECT_THROW(sparse_categorical_crossentropy(tensor({0, 3}, {.dtype = int64}), ones({2, 3}), true), IndexError);
}

TEST(Dropout, InvertedScalingAndTrainingFlag) {
  const Tensor x = ones({10000}, {.dtype = float64});
  Generator g(1);
  const Tensor y = dropout(x, 0.25, true, g);
  const auto v = y.to_vector<double>();
  int zeros_count = 0;
  for (double e : v) {
    if (e == 0) ++zeros_count;
    else EXPECT_DOUBLE_EQ(e, 1 / 0.75);
  }
  EXPECT_NEAR(zeros_count / 10000.0, 0.25, 0.02);
  EXPECT_TRUE(dropout(x, 0.25, false).is_same(x));
  EXPECT_THROW(dropout(x, 1.0, true), ValueError);
  EXPECT_GRADCHECK([&](const Inputs& in) { Generator gg(3); return dropout(in[0], 0.5, true, gg); }, {r64({4, 4})});
}

}  // namespace
}  // namespace axon
