#include "axon/nn/saving.hpp"

#include "axon/autograd.hpp"
#include "axon/core/creation.hpp"
#include "axon/nn.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace axon::nn {
namespace {

struct TempDir {
  std::filesystem::path path = std::filesystem::temp_directory_path() / ("axon_saving_" + std::to_string(::getpid()));
  TempDir() { std::filesystem::create_directories(path); }
  ~TempDir() { std::filesystem::remove_all(path); }
};

std::unique_ptr<Sequential> small_model(std::unique_ptr<optim::Optimizer> optimizer = optim::Adam()) {
  auto m = std::make_unique<Sequential>(std::vector<std::shared_ptr<Layer>>{
      Dense(8, "relu", {.input_shape = Shape{3}}), BatchNormalization(), Dense(2, "softmax")});
  m->compile(std::move(optimizer), "sparse_categorical_crossentropy", {"accuracy"});
  return m;
}

std::pair<Tensor, Tensor> data() {
  Generator gen(3);
  const Tensor x = randn({64, 3}, {}, gen);
  return {x, astype(gt(sum(x, 1), 0.0), int64)};
}

std::vector<float> all_weights(const Model& m) {
  std::vector<float> out;
  for (const auto& layer : m.layers())
    for (const auto& w : layer->weights())
      for (float v : w.value.to_vector<float>()) out.push_back(v);
  return out;
}

TEST(Saving, RoundTripGivesIdenticalPredictions) {
  TempDir dir;
  clear_session();
  auto m = small_model();
  const auto [x, y] = data();
  m->fit(x, y, {.epochs = 2, .verbose = 0});
  m->save(dir.path / "model.axon");
  auto loaded = load_model(dir.path / "model.axon");
  EXPECT_EQ(loaded->summary_string(), m->summary_string());
  EXPECT_EQ(loaded->predict(x).to_vector<float>(), m->predict(x).to_vector<float>());
  EXPECT_FALSE(std::filesystem::exists(dir.path / ("model.axon.tmp." + std::to_string(::getpid()))));
}

TEST(Saving, TrainingResumesExactly) {
  TempDir dir;
  const auto [x, y] = data();
  clear_session();
  manual_seed(5);
  auto straight = small_model();
  straight->fit(x, y, {.epochs = 4, .verbose = 0, .seed = 9});

  clear_session();
  manual_seed(5);
  auto first = small_model();
  first->fit(x, y, {.epochs = 2, .verbose = 0, .seed = 9});
  first->save(dir.path / "checkpoint.axon");
  auto resumed = load_model(dir.path / "checkpoint.axon");
  resumed->fit(x, y, {.epochs = 4, .verbose = 0, .initial_epoch = 2, .seed = 9});
  EXPECT_EQ(all_weights(*resumed), all_weights(*straight));
}

// Clipping and gradient accumulation are part of the saved optimizer: an odd number of batches
// per epoch (64 / 20 → 4) leaves a partial accumulation in the checkpoint.
TEST(Saving, TrainingResumesExactlyWithClippingAndAccumulation) {
  TempDir dir;
  const auto [x, y] = data();
  const auto optimizer = [] {
    return optim::RMSprop({.momentum = 0.5, .gradients = {.clipnorm = 0.1, .accumulate_steps = 3}});
  };
  clear_session();
  manual_seed(5);
  auto straight = small_model(optimizer());
  straight->fit(x, y, {.epochs = 4, .batch_size = 20, .verbose = 0, .seed = 9});

  clear_session();
  manual_seed(5);
  auto first = small_model(optimizer());
  first->fit(x, y, {.epochs = 2, .batch_size = 20, .verbose = 0, .seed = 9});
  first->save(dir.path / "checkpoint.axon");
  auto resumed = load_model(dir.path / "checkpoint.axon");
  EXPECT_EQ(resumed->optimizer()->config(), first->optimizer()->config());
  resumed->fit(x, y, {.epochs = 4, .batch_size = 20, .verbose = 0, .initial_epoch = 2, .seed = 9});
  EXPECT_EQ(all_weights(*resumed), all_weights(*straight));
}

TEST(Saving, FunctionalModelWithSharedLayer) {
  TempDir dir;
  clear_session();
  auto a = Input({4}), b = Input({4});
  auto shared = Dense(3, "tanh");
  auto out = Dense(1)(Concatenate()({shared(a), shared(b)}));
  Model m({a, b}, {out});
  Generator gen(1);
  const Tensor xa = randn({5, 4}, {}, gen), xb = randn({5, 4}, {}, gen);
  save_model(m, dir.path / "f.axon");
  auto loaded = load_model(dir.path / "f.axon");
  EXPECT_EQ(loaded->call({xa, xb}, false).at(0).to_vector<float>(), m.call({xa, xb}, false).at(0).to_vector<float>());
  EXPECT_EQ(loaded->layers().size(), 3u);
}

TEST(Saving, MultiOutputCompileSettingsRoundTrip) {
  TempDir dir;
  clear_session();
  auto in = Input({4});
  auto h = Dense(3, "relu")(in);
  Model m({in}, {Dense(1)(h), Dense(2, "softmax")(h)});
  m.compile("adam", CompileOptions{.loss = {"mse", "sparse_categorical_crossentropy"}, .metrics = {"accuracy"},
                                   .loss_weights = {0.3, 1.5}});
  m.save(dir.path / "multi.axon");
  auto loaded = load_model(dir.path / "multi.axon");
  EXPECT_EQ(loaded->loss_names(), (std::vector<std::string>{"mean_squared_error", "sparse_categorical_crossentropy"}));
  EXPECT_EQ(loaded->loss_weights(), (std::vector<double>{0.3, 1.5}));
  EXPECT_EQ(loaded->metric_names(), std::vector<std::string>{"accuracy"});
}

TEST(Saving, WeightsOnlyAndArchitectureMismatch) {
  TempDir dir;
  clear_session();
  auto m = small_model();
  save_weights(*m, dir.path / "w.axon");
  auto other = small_model();  // same shapes, different names (dense_2, ...)
  EXPECT_THROW(load_weights(*other, dir.path / "w.axon"), IoError);
  clear_session();
  auto same = small_model();
  EXPECT_NO_THROW(load_weights(*same, dir.path / "w.axon"));
  EXPECT_EQ(all_weights(*same), all_weights(*m));
}

TEST(Saving, CorruptFilesAreClearErrors) {
  TempDir dir;
  clear_session();
  auto m = small_model();
  const auto path = dir.path / "m.axon";
  m->save(path);
  const auto size = std::filesystem::file_size(path);
  std::filesystem::resize_file(path, size / 2);
  try {
    load_model(path);
    FAIL();
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find("corrupt or truncated"), std::string::npos) << e.what();
  }
  std::ofstream(dir.path / "junk.axon") << "hello";
  EXPECT_THROW(load_model(dir.path / "junk.axon"), IoError);
  EXPECT_THROW(load_model(dir.path / "missing.axon"), IoError);
  EXPECT_THROW(m->save(dir.path / "no" / "such" / "dir.axon"), IoError);
}

TEST(Saving, EveryLayerClassHasATableEntry) {
  EXPECT_EQ(known_layer_classes(), (std::vector<std::string>{"Activation", "Add", "BatchNormalization", "Concatenate",
                                                             "Dense", "Dropout", "Flatten", "LayerNormalization",
                                                             "Multiply", "Reshape"}));
}

}  // namespace
}  // namespace axon::nn
