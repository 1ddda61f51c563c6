#include "axon/nn/callbacks.hpp"

#include "axon/autograd.hpp"
#include "axon/core/creation.hpp"
#include "axon/nn.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace axon::nn {
namespace {

struct Fixture : ::testing::Test {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / ("axon_callbacks_" + std::to_string(::getpid()));
  Tensor x, y;
  void SetUp() override {
    std::filesystem::create_directories(dir);
    clear_session();
    manual_seed(1);
    Generator gen(2);
    x = randn({64, 2}, {}, gen);
    y = sum(x, 1, true);
  }
  void TearDown() override { std::filesystem::remove_all(dir); }
  std::unique_ptr<Sequential> model(double lr = 0.05) {
    auto m = std::make_unique<Sequential>(std::vector<std::shared_ptr<Layer>>{Dense(1, "linear", {.input_shape = Shape{2}})});
    m->compile(optim::SGD({.learning_rate = lr}), "mse");
    return m;
  }
};

TEST_F(Fixture, ModelCheckpointSavesEachEpochOrTheBest) {
  auto m = model();
  auto every = std::make_shared<ModelCheckpoint>(dir / "ckpt-{epoch:02d}.axon", ModelCheckpointOptions{.monitor = "loss"});
  m->fit(x, y, {.epochs = 3, .verbose = 0, .callbacks = {every}});
  EXPECT_EQ(every->saves(), 3);
  EXPECT_TRUE(std::filesystem::exists(dir / "ckpt-03.axon"));
  auto reloaded = load_model(dir / "ckpt-03.axon");
  EXPECT_EQ(reloaded->predict(x).to_vector<float>(), m->predict(x).to_vector<float>());
  // A learning rate of zero never improves after the first epoch: one save.
  auto frozen = model(0.0);
  auto best = std::make_shared<ModelCheckpoint>(dir / "best.axon", ModelCheckpointOptions{.monitor = "loss", .save_best_only = true});
  frozen->fit(x, y, {.epochs = 3, .shuffle = false, .verbose = 0, .callbacks = {best}});
  EXPECT_EQ(best->saves(), 1);
}

TEST_F(Fixture, ReduceLROnPlateauAndScheduler) {
  auto m = model(0.0);  // the loss stays flat
  m->fit(x, y, {.epochs = 4, .verbose = 0,
                .callbacks = {ReduceLROnPlateau({.monitor = "loss", .factor = 0.5, .patience = 1})}});
  EXPECT_EQ(m->optimizer()->learning_rate(), 0.0);  // 0 · 0.5 stays 0
  auto n = model(0.1);
  n->fit(x, y, {.epochs = 3, .verbose = 0, .callbacks = {LearningRateScheduler([](int epoch, double) { return 0.1 / (epoch + 1); })}});
  EXPECT_DOUBLE_EQ(n->optimizer()->learning_rate(), 0.1 / 3);
  auto p = model(0.0);
  p->optimizer()->set_learning_rate(0.1);
  Generator gen(4);
  const Tensor noisy = randn({64, 1}, {}, gen) * 100.0;  // nothing to learn: the loss plateaus
  p->fit(x, noisy, {.epochs = 6, .shuffle = false, .verbose = 0,
                    .callbacks = {ReduceLROnPlateau({.monitor = "loss", .factor = 0.5, .patience = 1, .min_delta = 1e9})}});
  EXPECT_LT(p->optimizer()->learning_rate(), 0.1);
}

TEST_F(Fixture, CsvLoggerWritesOneLinePerEpoch) {
  auto m = model();
  m->fit(x, y, {.epochs = 2, .validation_split = 0.25, .verbose = 0, .callbacks = {CSVLogger(dir / "log.csv")}});
  std::ifstream in(dir / "log.csv");
  std::string header, line1, line2;
  std::getline(in, header);
  std::getline(in, line1);
  std::getline(in, line2);
  EXPECT_EQ(header, "epoch,loss,val_loss");
  EXPECT_EQ(line1.substr(0, 2), "0,");
  EXPECT_EQ(line2.substr(0, 2), "1,");
}

TEST_F(Fixture, TerminateOnNaNSaysWhere) {
  auto m = model();
  Tensor bad = x.clone();
  bad.data<float>()[0] = NAN;
  auto stop = std::make_shared<TerminateOnNaN>();
  const History h = m->fit(bad, y, {.epochs = 3, .batch_size = 64, .verbose = 0, .callbacks = {stop}});
  EXPECT_EQ(h.epoch.size(), 1u);
  EXPECT_EQ(stop->message(), "TerminateOnNaN: loss is nan at epoch 1, batch 0; training stopped");
}

TEST_F(Fixture, EarlyStoppingRestoresBestWeights) {
  auto m = model(0.05);
  auto es = std::make_shared<EarlyStopping>(EarlyStoppingOptions{.monitor = "loss", .patience = 0, .restore_best_weights = true});
  m->fit(x, y, {.epochs = 5, .verbose = 0, .callbacks = {es}});
  EXPECT_EQ(es->stopped_epoch(), -1);  // the loss keeps falling
  EXPECT_THROW(EarlyStopping({.mode = "sideways"}), ValueError);
}

}  // namespace
}  // namespace axon::nn
