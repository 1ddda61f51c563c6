// The Layer base: a user-defined layer in Keras's subclassing style, names, freezing, initializers
// and activations by name.
#include "axon/nn/layer.hpp"

#include "axon/autograd.hpp"
#include "axon/core/creation.hpp"
#include "axon/nn.hpp"
#include "nn/layer_checks.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>

namespace axon::nn {
namespace {

// y = x·w + b with w a per-feature scale: written by a user as in Keras (build + call).
class Scale : public Layer {
 public:
  Scale() : Layer("Scale", "") {}
  void build(const std::vector<Shape>& input_shapes) override {
    w_ = add_weight("w", {input_shapes[0].back()}, "ones");
    b_ = add_weight("b", {input_shapes[0].back()}, "zeros");
  }
  Tensor call(const Tensor& x, bool /*training*/) override { return x * w_ + b_; }
  Shape compute_output_shape(const std::vector<Shape>& s) const override { return s.at(0); }
 private:
  Tensor w_, b_;
};

TEST(Layer, UserDefinedLayerTrainsInsideAModel) {
  clear_session();
  auto scale = std::make_shared<Scale>();
  EXPECT_EQ(scale->name(), "scale");
  Sequential model({Dense(4, "linear", {.input_shape = Shape{3}}), scale, Dense(1)});
  EXPECT_EQ(model.count_params(), 3 * 4 + 4 + 4 + 4 + 4 + 1);
  Generator gen(1);
  const Tensor x = randn({32, 3}, {}, gen);
  model.compile("adam", "mse");
  const History h = model.fit(x, sum(x, 1, true), {.epochs = 20, .verbose = 0});
  EXPECT_LT(h.history.at("loss").back(), h.history.at("loss").front());
  auto s64 = std::make_shared<Scale>();
  s64->set_dtype(float64);
  testing::expect_layer_gradients(*s64, randn({3, 4}, {.dtype = float64}, gen));
}

TEST(Layer, FreezingTurnsGradientsOff) {
  auto d = Dense(2);
  d(ones({1, 3}));
  EXPECT_TRUE(d->kernel().requires_grad());
  d->set_trainable(false);
  EXPECT_FALSE(d->kernel().requires_grad());
  EXPECT_TRUE(d->trainable_weights().empty());
  d->set_trainable(true);
  EXPECT_EQ(d->trainable_weights().size(), 2u);
  EXPECT_THROW(d->set_dtype(float64), ValueError);  // already built
}

TEST(Initializers, VarianceScalingAndOrthogonal) {
  Generator gen(3);
  const Tensor he = initialize("he_normal", {400, 300}, float64, gen);
  EXPECT_NEAR(std(he).item(), std::sqrt(2.0 / 400), 0.02 * std::sqrt(2.0 / 400));
  EXPECT_LE(max(abs(he)).item(), 2 * std::sqrt(2.0 / 400) / 0.8796256610342398 + 1e-12);  // truncated at 2σ
  const Tensor lecun = initialize("lecun_uniform", {100, 50}, float64, gen);
  EXPECT_LE(max(abs(lecun)).item(), std::sqrt(3.0 / 100));
  const Tensor q = initialize("orthogonal", {6, 4}, float64, gen);
  EXPECT_TENSOR_NEAR(matmul(q, q, {.trans_a = true}), eye(4, {.dtype = float64}), 1e-12);
  EXPECT_TENSOR_NEAR(initialize("constant:0.5", {2}, float32, gen), {0.5, 0.5});
  EXPECT_THROW(initialize("glorot", {2, 2}, float32, gen), ValueError);
  EXPECT_EQ(compute_fans({3, 3, 16, 32}), (std::pair<double, double>{144, 288}));
}

TEST(Activations, ByName) {
  const Tensor x = tensor({-1.0, 0.0, 2.0});
  EXPECT_TENSOR_NEAR(get_activation("relu")(x), {0, 0, 2});
  EXPECT_TENSOR_NEAR(get_activation("linear")(x), {-1, 0, 2});
  EXPECT_TENSOR_NEAR(get_activation("softmax")(tensor({{0.0, 0.0}})), {0.5, 0.5});
  try {
    get_activation("relux");
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_STREQ(e.what(), "Unknown activation 'relux'. Known: elu, gelu, leaky_relu, linear, relu, sigmoid, softmax, softplus, tanh.");
  }
}

TEST(Losses, ByNameAndKerasValues) {
  const Tensor t = tensor({{0.0, 1.0}, {1.0, 0.0}});
  const Tensor p = tensor({{0.2, 0.8}, {0.6, 0.4}});
  EXPECT_NEAR(get_loss("mse").fn(t, p, {}).item(), (0.04 + 0.04 + 0.16 + 0.16) / 4, 1e-6);
  EXPECT_NEAR(get_loss("huber").fn(t, p, {}).item(), 0.5 * (0.04 + 0.04 + 0.16 + 0.16) / 4, 1e-6);  // all |e| < 1
  // KL(t‖p) with t one-hot: −log p[true class], Keras clips t to 1e-7 so zeros add ~0.
  EXPECT_NEAR(get_loss("kld").fn(t, p, {}).item(), -(std::log(0.8) + std::log(0.6)) / 2, 1e-5);
  EXPECT_THROW(get_loss("hinge_x"), ValueError);
  EXPECT_TENSOR_NEAR(to_categorical(tensor({2, 0}, {.dtype = int64})), {0, 0, 1, 1, 0, 0});
  const Metric acc = get_metric("accuracy", "categorical_crossentropy");
  acc.update(t, p);
  EXPECT_EQ(acc.result(), 1.0);  // both rows: argmax(p) = argmax(t)
  acc.update(t, tensor({{0.9, 0.1}, {0.6, 0.4}}));
  EXPECT_EQ(acc.result(), 0.75);  // 3 of 4 rows over both batches
  acc.reset();
  EXPECT_EQ(acc.result(), 0.0);
  const Metric bin = get_metric("accuracy", "binary_crossentropy");
  bin.update(t, p);
  EXPECT_EQ(bin.result(), 1.0);  // every element on the right side of 0.5
}

// Keras's stateful Precision, Recall and AUC accumulate confusion counts over batches.
TEST(Metrics, PrecisionRecallAucAccumulate) {
  const Metric precision = get_metric("precision", "binary_crossentropy");
  const Metric recall = get_metric("recall", "binary_crossentropy");
  const Tensor t1 = tensor({0.0, 1.0}), p1 = tensor({0.6f, 0.7f});
  const Tensor t2 = tensor({1.0, 0.0}), p2 = tensor({0.2f, 0.5f});  // 0.5 is not > 0.5: a negative
  for (const Metric& m : {precision, recall}) {
    m.update(t1, p1);
    m.update(t2, p2);
  }
  EXPECT_DOUBLE_EQ(precision.result(), 0.5);  // TP 1 (0.7), FP 1 (0.6)
  EXPECT_DOUBLE_EQ(recall.result(), 0.5);     // TP 1, FN 1 (0.2)
  // Distinct scores in distinct threshold buckets: the 200-threshold ROC area is the exact one
  // (sklearn's roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.75).
  const Metric auc = get_metric("auc", "binary_crossentropy");
  auc.update(tensor({0.0, 0.0}), tensor({0.1f, 0.4f}));
  auc.update(tensor({1.0, 1.0}), tensor({0.35f, 0.8f}));
  EXPECT_NEAR(auc.result(), 0.75, 1e-12);
  auc.reset();
  auc.update(tensor({0.0, 1.0}), tensor({0.2f, 0.9f}));
  EXPECT_NEAR(auc.result(), 1.0, 1e-12);
  EXPECT_THROW(get_metric("f1x", "mse"), ValueError);
}

}  // namespace
}  // namespace axon::nn
