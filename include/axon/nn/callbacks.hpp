// Callbacks: hooks into Model::fit (Keras names). The tracking floor implements this interface
// too, so that nn never depends on it.
#pragma once

#include <concepts>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace axon::nn {

class Model;

/// Metric name → value for the epoch or batch ("loss", "accuracy", "val_loss", ...).
using Logs = std::map<std::string, double>;

class Callback {
 public:
  virtual ~Callback() = default;
  virtual void on_train_begin() {}
  virtual void on_train_end() {}
  virtual void on_epoch_begin(int /*epoch*/) {}
  virtual void on_epoch_end(int /*epoch*/, const Logs& /*logs*/) {}
  virtual void on_train_batch_end(std::int64_t /*batch*/, const Logs& /*logs*/) {}
  /// Set by fit before training starts.
  void set_model(Model* model) { model_ = model; }
 protected:
  Model* model() const { return model_; }
 private:
  Model* model_ = nullptr;
};

/// What fit's `callbacks` holds: a callback object by value (`nn::EarlyStopping({.patience = 3})`,
/// as in Keras) or a shared_ptr the caller keeps to inspect it afterwards.
class CallbackRef {
 public:
  template <typename C>
    requires std::derived_from<C, Callback>
  CallbackRef(C callback) : ptr_(std::make_shared<C>(std::move(callback))) {}  // NOLINT: implicit on purpose
  template <typename C>
    requires std::derived_from<C, Callback>
  CallbackRef(std::shared_ptr<C> callback) : ptr_(std::move(callback)) {}  // NOLINT
  Callback* operator->() const { return ptr_.get(); }
  const std::shared_ptr<Callback>& get() const { return ptr_; }
 private:
  std::shared_ptr<Callback> ptr_;
};

/// Per-epoch logs of a fit (Keras History): history.at("val_loss")[epoch].
struct History {
  std::vector<int> epoch;
  std::map<std::string, std::vector<double>> history;
};

struct EarlyStoppingOptions {
  std::string monitor = "val_loss";
  double min_delta = 0.0;
  int patience = 0;
  std::string mode = "auto";  ///< "min", "max", or "auto" (max for accuracy-like names)
  bool restore_best_weights = false;
  int start_from_epoch = 0;
};

/// Stops training when `monitor` has not improved by min_delta for `patience` epochs.
class EarlyStopping : public Callback {
 public:
  explicit EarlyStopping(EarlyStoppingOptions options = {});
  void on_train_begin() override;
  void on_epoch_end(int epoch, const Logs& logs) override;
  void on_train_end() override;
  int stopped_epoch() const { return stopped_epoch_; }  ///< -1 when training ran to the end
  int best_epoch() const { return best_epoch_; }
 private:
  EarlyStoppingOptions options_;
  bool maximize_ = false;
  double best_ = 0;
  int wait_ = 0, best_epoch_ = -1, stopped_epoch_ = -1;
  std::vector<std::vector<double>> best_weights_;
};

struct ModelCheckpointOptions {
  std::string monitor = "val_loss";
  bool save_best_only = false;
  std::string mode = "auto";
  bool save_weights_only = false;
};

/// Saves the model (or its weights) after each epoch, or only when `monitor` improves. The path
/// may hold {epoch} (1-based), formatted as Keras does: "ckpt-{epoch:02d}.axon". Each save is atomic,
/// so a crash mid-training leaves the last checkpoint whole.
class ModelCheckpoint : public Callback {
 public:
  ModelCheckpoint(std::filesystem::path path, ModelCheckpointOptions options = {});
  void on_train_begin() override;
  void on_epoch_end(int epoch, const Logs& logs) override;
  int saves() const { return saves_; }
 private:
  std::filesystem::path path_;
  ModelCheckpointOptions options_;
  bool maximize_ = false;
  double best_ = 0;
  int saves_ = 0;
};

struct ReduceLROnPlateauOptions {
  std::string monitor = "val_loss";
  double factor = 0.1;
  int patience = 10;
  std::string mode = "auto";
  double min_delta = 1e-4;
  int cooldown = 0;
  double min_lr = 0.0;
};

/// Multiplies the learning rate by `factor` when `monitor` has not improved for `patience` epochs.
class ReduceLROnPlateau : public Callback {
 public:
  explicit ReduceLROnPlateau(ReduceLROnPlateauOptions options = {});
  void on_train_begin() override;
  void on_epoch_end(int epoch, const Logs& logs) override;
 private:
  ReduceLROnPlateauOptions options_;
  bool maximize_ = false;
  double best_ = 0;
  int wait_ = 0, cooldown_left_ = 0;
};

/// Sets the learning rate at the start of each epoch from schedule(epoch, current_lr).
class LearningRateScheduler : public Callback {
 public:
  explicit LearningRateScheduler(std::function<double(int epoch, double lr)> schedule) : schedule_(std::move(schedule)) {}
  void on_epoch_begin(int epoch) override;
 private:
  std::function<double(int, double)> schedule_;
};

/// Writes the epoch logs as CSV (epoch, then the metrics in name order), rewriting the file
/// atomically after each epoch; append = true continues an existing file.
class CSVLogger : public Callback {
 public:
  explicit CSVLogger(std::filesystem::path path, char separator = ',', bool append = false);
  void on_train_begin() override;
  void on_epoch_end(int epoch, const Logs& logs) override;
 private:
  std::filesystem::path path_;
  char separator_;
  bool append_;
  std::string text_;
  std::vector<std::string> keys_;
};

/// Calls a function at the end of each epoch (Keras LambdaCallback, on_epoch_end only).
class LambdaCallback : public Callback {
 public:
  explicit LambdaCallback(std::function<void(int, const Logs&)> on_epoch_end) : fn_(std::move(on_epoch_end)) {}
  void on_epoch_end(int epoch, const Logs& logs) override { fn_(epoch, logs); }
 private:
  std::function<void(int, const Logs&)> fn_;
};

/// Stops training as soon as a batch loss is NaN or infinite, saying at which epoch and batch.
class TerminateOnNaN : public Callback {
 public:
  void on_train_batch_end(std::int64_t batch, const Logs& logs) override;
  void on_epoch_begin(int epoch) override { epoch_ = epoch; }
  const std::string& message() const { return message_; }
 private:
  int epoch_ = 0;
  std::string message_;
};

}  // namespace axon::nn
