#include "axon/nn/model.hpp"

#include "axon/autograd.hpp"
#include "axon/core/creation.hpp"
#include "axon/nn.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>

namespace axon::nn {
namespace {

// Three Gaussian blobs in 2-D, labels 0..2.
std::pair<Tensor, Tensor> blobs(std::int64_t n, std::uint64_t seed) {
  Generator gen(seed);
  const Tensor labels = randint(0, 3, {n}, {.dtype = int64}, gen);
  const Tensor centers = tensor({{0, 3}, {3, -2}, {-3, -2}});
  const Tensor x = index_select(centers, 0, labels) + randn({n, 2}, {}, gen);
  return {x, labels};
}

TEST(Model, CourseFunctionalSnippet) {
  clear_session();
  auto inputs = Input({1});
  auto outputs = Dense(1, "linear")(inputs);
  Model m(inputs, outputs);
  m.compile("sgd", "mean_squared_error", {"mae", "accuracy"});
  EXPECT_EQ(m.summary_string(),
            "Model: \"functional\"\n"
            "_________________________________________________________________\n"
            " Layer (type)                Output Shape              Param #   \n"
            "=================================================================\n"
            " input_layer (InputLayer)    (None, 1)                 0         \n"
            " dense (Dense)               (None, 1)                 2         \n"
            "=================================================================\n"
            "Total params: 2\n"
            "Trainable params: 2\n"
            "Non-trainable params: 0\n"
            "_________________________________________________________________\n");
  const Tensor x = linspace(-1, 1, 64).view_as_shape({64, 1});
  const Tensor y = x * 2.0 + 1.0;
  const History h = m.fit(x, y, {.epochs = 100, .batch_size = 8, .verbose = 0});
  EXPECT_LT(h.history.at("loss").back(), 1e-3);
  EXPECT_LT(h.history.at("mae").back(), 0.03);
  auto dense = std::dynamic_pointer_cast<layers::Dense>(m.get_layer("dense"));
  EXPECT_NEAR(dense->kernel().item(), 2.0, 0.05);
  EXPECT_NEAR(dense->bias().item(), 1.0, 0.05);
}

TEST(Model, SequentialMlpLearnsBlobsAndReportsHistory) {
  clear_session();
  manual_seed(42);
  const auto [x, y] = blobs(600, 1);
  const auto [xv, yv] = blobs(200, 2);
  Sequential model;
  model.add(Dense(16, "relu", {.input_shape = Shape{2}}));
  model.add(Dropout(0.1));
  model.add(Dense(3, "softmax"));
  model.compile("adam", "sparse_categorical_crossentropy", {"accuracy"});
  EXPECT_EQ(model.count_params(), 2 * 16 + 16 + 16 * 3 + 3);
  const History h = model.fit(x, y, {.epochs = 15, .batch_size = 32, .validation_data = ValidationData{xv, yv}, .verbose = 0});
  EXPECT_EQ(h.epoch.size(), 15u);
  for (const char* key : {"loss", "accuracy", "val_loss", "val_accuracy"}) EXPECT_EQ(h.history.at(key).size(), 15u) << key;
  EXPECT_GT(h.history.at("val_accuracy").back(), 0.93);
  EXPECT_LT(h.history.at("loss").back(), h.history.at("loss").front());
  const Logs eval = model.evaluate(xv, yv);
  EXPECT_NEAR(eval.at("accuracy"), h.history.at("val_accuracy").back(), 1e-9);
  // predict: probabilities, batched the same as one call.
  const Tensor p = model.predict(xv, 7);
  EXPECT_EQ(p.shape(), (Shape{200, 3}));
  EXPECT_TENSOR_NEAR(p, model(xv), 1e-6);
}

TEST(Model, FusedSoftmaxCrossEntropyEqualsTheUnfusedLoss) {
  clear_session();
  manual_seed(3);
  const auto [x, y] = blobs(64, 3);
  Sequential model({Dense(3, "softmax", {.input_shape = Shape{2}})});
  model.compile("sgd", "sparse_categorical_crossentropy");
  const double fused = model.evaluate(x, y, {.batch_size = 64}).at("loss");
  const double direct = sparse_categorical_crossentropy(y, model.predict(x)).item();
  EXPECT_NEAR(fused, direct, 1e-5);
  Sequential onehot({Dense(3, "softmax", {.input_shape = Shape{2}})});
  onehot.compile("sgd", "categorical_crossentropy", {"accuracy"});
  EXPECT_GT(onehot.fit(x, to_categorical(y, 3), {.epochs = 2, .verbose = 0}).history.at("accuracy").size(), 0u);
}

TEST(Model, SameSeedSameWeights) {
  auto train = [] {
    clear_session();
    manual_seed(7);
    const auto [x, y] = blobs(128, 5);
    Sequential model({Dense(8, "relu", {.input_shape = Shape{2}}), BatchNormalization(), Dropout(0.2), Dense(3, "softmax")});
    model.compile("adam", "sparse_categorical_crossentropy");
    model.fit(x, y, {.epochs = 3, .batch_size = 16, .verbose = 0, .seed = 11});
    std::vector<float> all;
    for (const auto& layer : model.layers())
      for (const auto& w : layer->weights())
        for (float v : w.value.to_vector<float>()) all.push_back(v);
    return all;
  };
  EXPECT_EQ(train(), train());
}

// Trains a small softmax model with the given optimizer and fit options; returns every weight.
std::vector<float> weights_after(std::unique_ptr<optim::Optimizer> optimizer, FitOptions options) {
  clear_session();
  manual_seed(3);
  const auto [x, y] = blobs(96, 4);
  Sequential model({Dense(6, "tanh", {.input_shape = Shape{2}}), Dense(3, "softmax")});
  model.compile(std::move(optimizer), "sparse_categorical_crossentropy");
  options.verbose = 0;
  model.fit(x, y, options);
  std::vector<float> all;
  for (const auto& layer : model.layers())
    for (const auto& w : layer->weights())
      for (float v : w.value.to_vector<float>()) all.push_back(v);
  return all;
}

// Keras's weighting: the loss is Σ wᵢ·lossᵢ / batch size, so with plain SGD a weight of 2 on every
// sample is exactly a doubled learning rate, class_weight is sample_weight by label, and weights of
// 1 change nothing.
TEST(Model, SampleAndClassWeightsScaleTheLoss) {
  const auto sgd = [](double lr) { return optim::SGD({.learning_rate = lr}); };
  const FitOptions base{.epochs = 2, .batch_size = 16, .seed = 1};
  FitOptions doubled = base;
  doubled.sample_weight = full({96}, 2.0);
  EXPECT_EQ(weights_after(sgd(0.1), doubled), weights_after(sgd(0.2), base));
  FitOptions ones = base;
  ones.sample_weight = ones_like(doubled.sample_weight);
  EXPECT_EQ(weights_after(sgd(0.1), ones), weights_after(sgd(0.1), base));

  const auto [x, y] = blobs(96, 4);
  FitOptions by_class = base;
  by_class.class_weight = {{0, 3.0}, {2, 0.5}};
  const std::vector<std::int64_t> labels = y.to_vector<std::int64_t>();
  std::vector<float> w;
  for (std::int64_t l : labels) w.push_back(l == 0 ? 3.0f : l == 2 ? 0.5f : 1.0f);
  FitOptions by_sample = base;
  by_sample.sample_weight = from_vector(w, {96});
  EXPECT_EQ(weights_after(sgd(0.1), by_class), weights_after(sgd(0.1), by_sample));
  EXPECT_NE(weights_after(sgd(0.1), by_class), weights_after(sgd(0.1), base));

  FitOptions wrong = base;
  wrong.sample_weight = ones_like(tensor({1.0, 2.0}));
  EXPECT_THROW_MESSAGE(weights_after(sgd(0.1), wrong), ShapeError, "sample_weight must be [96]");
}

TEST(Model, FitReportsPrecisionRecallAndAuc) {
  clear_session();
  manual_seed(2);
  Generator gen(9);
  const Tensor x = randn({200, 3}, {}, gen);
  const Tensor y = astype(gt(sum(x, 1), 0.0), float32).view_as_shape({200, 1});
  Sequential model({Dense(1, "sigmoid", {.input_shape = Shape{3}})});
  model.compile(optim::Adam({.learning_rate = 0.05}), "binary_crossentropy", {"accuracy", "precision", "recall", "auc"});
  const History h = model.fit(x, y, {.epochs = 20, .batch_size = 20, .verbose = 0});
  for (const char* k : {"accuracy", "precision", "recall", "auc"}) ASSERT_EQ(h.history.at(k).size(), 20u) << k;
  EXPECT_GT(h.history.at("auc").back(), 0.95);  // a linearly separable problem
  const Logs logs = model.evaluate(x, y, {.batch_size = 50});
  EXPECT_GT(logs.at("precision"), 0.85);
  EXPECT_GT(logs.at("recall"), 0.85);
  EXPECT_LE(logs.at("auc"), 1.0);
}

// Keras's multi-input, multi-output functional model: one loss per output, loss_weights in the
// total, per-output logs named after the output layers.
TEST(Model, MultipleInputsAndOutputsWithLossWeights) {
  clear_session();
  manual_seed(4);
  Generator gen(12);
  const std::int64_t n = 120;
  const Tensor a = randn({n, 3}, {}, gen), b = randn({n, 2}, {}, gen);
  const Tensor target = sum(a, 1, true) - sum(b, 1, true);             // regression head
  const Tensor label = astype(gt(sum(a, 1, true), 0.0), float32);     // binary head
  auto in_a = Input({3}, "a"), in_b = Input({2}, "b");
  auto trunk = Dense(16, "tanh")(Concatenate()({in_a, in_b}));
  auto value = Dense(1, "linear", {.name = "value"})(trunk);
  auto sign = Dense(1, "sigmoid", {.name = "sign"})(trunk);
  Model model({in_a, in_b}, {value, sign});
  model.compile(optim::Adam({.learning_rate = 0.02}),
                CompileOptions{.loss = {"mse", "binary_crossentropy"}, .metrics = {"accuracy"}, .loss_weights = {1.0, 0.5}});
  const Logs before = model.evaluate({a, b}, {target, label});
  EXPECT_NEAR(before.at("loss"), before.at("value_loss") + 0.5 * before.at("sign_loss"), 1e-5);
  const History h = model.fit({a, b}, {target, label}, {.epochs = 30, .batch_size = 20, .validation_split = 0.25,
                                                        .verbose = 0});
  for (const char* k : {"loss", "value_loss", "sign_loss", "sign_accuracy", "val_loss", "val_sign_loss"})
    EXPECT_EQ(h.history.count(k), 1u) << k;
  const Logs after = model.evaluate({a, b}, {target, label});
  EXPECT_LT(after.at("value_loss"), 0.5 * before.at("value_loss"));
  EXPECT_LT(after.at("sign_loss"), before.at("sign_loss"));
  EXPECT_NEAR(after.at("loss"), after.at("value_loss") + 0.5 * after.at("sign_loss"), 1e-5);
  const std::vector<Tensor> out = model.predict({a, b});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[1].shape(), (Shape{n, 1}));
  EXPECT_THROW_MESSAGE(model.fit({a, b}, {target}), ValueError, "has 2 output(s), got 1 y tensor(s)");
  EXPECT_THROW_MESSAGE(model.compile("adam", CompileOptions{.loss = {"mse", "mse", "mse"}}), ValueError,
                       "compile got 3 losses for 2 outputs");
}

TEST(Model, FunctionalSkipConnectionAndSharedLayer) {
  clear_session();
  manual_seed(1);
  auto input = Input({4});
  auto hidden = Dense(8, "relu")(input);
  auto shared = Dense(8, "tanh");
  auto twice = shared(shared(hidden));  // the same weights applied twice
  auto skip = Add()({hidden, twice});
  auto out = Dense(1)(skip);
  Model m(input, out);
  EXPECT_EQ(m.layers().size(), 4u);
  EXPECT_EQ(m.count_params(), (4 * 8 + 8) + (8 * 8 + 8) + (8 + 1));
  Generator gen(2);
  const Tensor x = randn({64, 4}, {}, gen);
  const Tensor y = sum(x, 1, true);
  m.compile(optim::Adam({.learning_rate = 0.01}), "mse");
  const History h = m.fit(x, y, {.epochs = 30, .batch_size = 16, .verbose = 0});
  EXPECT_LT(h.history.at("loss").back(), 0.2 * h.history.at("loss").front());
}

TEST(Model, FrozenLayersDoNotChange) {
  clear_session();
  const auto [x, y] = blobs(64, 4);
  auto base = Dense(8, "relu", {.input_shape = Shape{2}});
  Sequential model({base, Dense(3, "softmax")});
  base->set_trainable(false);
  const std::vector<float> before = base->kernel().to_vector<float>();
  model.compile("adam", "sparse_categorical_crossentropy");
  model.fit(x, y, {.epochs = 2, .verbose = 0});
  EXPECT_EQ(base->kernel().to_vector<float>(), before);
  EXPECT_NE(model.summary_string().find("Non-trainable params: 24"), std::string::npos) << model.summary_string();
}

TEST(Model, EarlyStoppingStopsAndRestores) {
  clear_session();
  manual_seed(9);
  const auto [x, y] = blobs(200, 6);
  Sequential model({Dense(3, "softmax", {.input_shape = Shape{2}})});
  model.compile(optim::SGD({.learning_rate = 0.0}), "sparse_categorical_crossentropy");  // never improves
  auto stopper = std::make_shared<EarlyStopping>(EarlyStoppingOptions{.monitor = "loss", .patience = 2});
  const History h = model.fit(x, y, {.epochs = 50, .shuffle = false, .verbose = 0, .callbacks = {stopper}});
  EXPECT_EQ(h.epoch.size(), 4u);  // epoch 0 sets the best, then 3 epochs without improvement > patience 2
  EXPECT_EQ(stopper->stopped_epoch(), 3);
}

TEST(Model, CourseSequentialSnippetReadsTheSame) {
  clear_session();
  struct { double dropout = 0.2; int hidden_nodes = 32; std::string optimizer = "adam"; int epochs = 2; } config;
  const int num_classes = 10;
  Generator gen(1);
  const Tensor X_train = rand({256, 28, 28}, {}, gen), X_test = rand({64, 28, 28}, {}, gen);
  const Tensor y_train = to_categorical(randint(0, 10, {256}, {.dtype = int64}, gen), 10);
  const Tensor y_test = to_categorical(randint(0, 10, {64}, {.dtype = int64}, gen), 10);

  Sequential model;
  model.add(Flatten({28, 28}));
  model.add(Dropout(config.dropout));
  model.add(Dense(config.hidden_nodes, "relu"));
  model.add(Dropout(config.dropout));
  model.add(Dense(num_classes, "softmax"));
  model.compile(config.optimizer, "categorical_crossentropy", {"accuracy"});
  auto history = model.fit(X_train, y_train, {.epochs = config.epochs, .batch_size = 128,
                                              .validation_data = ValidationData{X_test, y_test},
                                              .verbose = 0, .callbacks = {EarlyStopping({.patience = 3})}});
  EXPECT_EQ(history.history.at("val_accuracy").size(), 2u);
  EXPECT_NE(model.summary_string().find(" flatten (Flatten)           (None, 784)               0"), std::string::npos)
      << model.summary_string();
}

TEST(Model, ClearErrors) {
  clear_session();
  Sequential model({Dense(3, "softmax", {.input_shape = Shape{4}})});
  EXPECT_THROW(model.fit(ones({2, 4}), ones({2, 3})), ValueError);  // not compiled
  try {
    model.compile("nadamx", "mse");
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_NE(std::string(e.what()).find("Unknown optimizer 'nadamx'"), std::string::npos) << e.what();
  }
  EXPECT_THROW(model.compile("adam", "msee"), ValueError);
  model.compile("adam", "sparse_categorical_crossentropy");
  // One-hot labels given to the sparse loss: the loss says what it wants.
  try {
    model.fit(ones({2, 4}), ones({2, 3}), {.verbose = 0});
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_NE(std::string(e.what()).find("sparse_categorical_crossentropy: y_true must hold int64 class labels"),
              std::string::npos) << e.what();
  }
  try {
    model.predict(ones({2, 5}));
    FAIL();
  } catch (const ShapeError& e) {
    EXPECT_NE(std::string(e.what()).find("expects batches of shape [batch, 4], got [2, 5]"), std::string::npos) << e.what();
  }
  // Incompatible layers when building: both layers and shapes named.
  auto a = Input({3}), b = Input({4});
  try {
    Add()({Dense(2)(a), Dense(5)(b)});
    FAIL();
  } catch (const ShapeError& e) {
    EXPECT_NE(std::string(e.what()).find("input 1 has shape [5] but input 0 has [2]"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace axon::nn
