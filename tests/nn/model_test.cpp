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
