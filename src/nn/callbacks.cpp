#include "axon/nn/callbacks.hpp"

#include "axon/autograd/grad_mode.hpp"
#include "axon/autograd/ops/elementwise.hpp"
#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/nn/model.hpp"
#include "axon/nn/saving.hpp"

#include <fmt/format.h>

#include <cmath>
#include <fstream>

namespace axon::nn {

namespace {
// Keras's rule for mode "auto": maximize accuracy-like quantities, minimize the rest.
bool maximizes(const std::string& mode, const std::string& monitor) {
  check(mode == "auto" || mode == "min" || mode == "max", "callback: mode must be 'auto', 'min' or 'max', got '{}'", mode);
  return mode == "max" || (mode == "auto" && (monitor.find("acc") != std::string::npos || monitor.find("auc") != std::string::npos));
}
double monitored(const Logs& logs, const std::string& monitor, const char* who) {
  const auto it = logs.find(monitor);
  check(it != logs.end(), "{}: the monitored quantity '{}' is not in the logs (did you give validation data?)", who, monitor);
  return it->second;
}
// "ckpt-{epoch:02d}.axon" → "ckpt-03.axon" for epoch 3.
std::string with_epoch(const std::string& pattern, int epoch) {
  std::string out = pattern;
  const auto open = out.find("{epoch");
  if (open == std::string::npos) return out;
  const auto close = out.find('}', open);
  const std::string spec = out.substr(open + 6, close - open - 6);  // "" or ":02d"
  const std::string number = fmt::format(fmt::runtime("{" + spec + "}"), epoch);
  return out.replace(open, close - open + 1, number);
}
void atomic_write(const std::filesystem::path& path, const std::string& text) {
  const std::filesystem::path temp = path.string() + ".tmp";
  {
    std::ofstream out(temp, std::ios::trunc);
    check<IoError>(out.good(), "CSVLogger: cannot write {}", temp.string());
    out << text;
    check<IoError>(out.good(), "CSVLogger: writing {} failed", temp.string());
  }
  std::filesystem::rename(temp, path);
}
}  // namespace

EarlyStopping::EarlyStopping(EarlyStoppingOptions options) : options_(std::move(options)) {
  maximize_ = maximizes(options_.mode, options_.monitor);
  check(options_.patience >= 0, "EarlyStopping: patience must be non-negative, got {}", options_.patience);
}

void EarlyStopping::on_train_begin() {
  maximize_ = maximizes(options_.mode, options_.monitor);
  best_ = maximize_ ? -INFINITY : INFINITY;
  wait_ = 0;
  best_epoch_ = stopped_epoch_ = -1;
  best_weights_.clear();
}

void EarlyStopping::on_epoch_end(int epoch, const Logs& logs) {
  const double value = monitored(logs, options_.monitor, "EarlyStopping");
  if (epoch < options_.start_from_epoch) return;
  const bool improved = maximize_ ? value > best_ + options_.min_delta : value < best_ - options_.min_delta;
  if (improved) {
    best_ = value;
    best_epoch_ = epoch;
    wait_ = 0;
    if (options_.restore_best_weights) {
      best_weights_.clear();
      for (const auto& layer : model()->layers())
        for (const auto& w : layer->weights()) best_weights_.push_back(w.value.to_vector<double>());
    }
    return;
  }
  if (++wait_ > options_.patience) {
    stopped_epoch_ = epoch;
    model()->stop_training = true;
  }
}

void EarlyStopping::on_train_end() {
  if (!options_.restore_best_weights || best_weights_.empty() || stopped_epoch_ < 0) return;
  NoGradGuard no_grad;
  std::size_t i = 0;
  for (const auto& layer : model()->layers())
    for (auto& w : layer->weights()) {
      Tensor target = w.value;
      const Tensor saved = from_vector(best_weights_.at(i++), w.value.shape());
      copy_(target, saved);
    }
}

void TerminateOnNaN::on_train_batch_end(std::int64_t batch, const Logs& logs) {
  const auto it = logs.find("loss");
  if (it == logs.end() || std::isfinite(it->second)) return;
  message_ = fmt::format("TerminateOnNaN: loss is {} at epoch {}, batch {}; training stopped", it->second, epoch_ + 1, batch);
  fmt::print("\n{}\n", message_);
  model()->stop_training = true;
}



ModelCheckpoint::ModelCheckpoint(std::filesystem::path path, ModelCheckpointOptions options)
    : path_(std::move(path)), options_(std::move(options)) {
  maximize_ = maximizes(options_.mode, options_.monitor);
}

void ModelCheckpoint::on_train_begin() { best_ = maximize_ ? -INFINITY : INFINITY; }

void ModelCheckpoint::on_epoch_end(int epoch, const Logs& logs) {
  if (options_.save_best_only) {
    const double value = monitored(logs, options_.monitor, "ModelCheckpoint");
    if (!(maximize_ ? value > best_ : value < best_)) return;
    best_ = value;
  }
  const std::filesystem::path target = with_epoch(path_.string(), epoch + 1);
  if (options_.save_weights_only) save_weights(*model(), target);
  else save_model(*model(), target);
  ++saves_;
}

ReduceLROnPlateau::ReduceLROnPlateau(ReduceLROnPlateauOptions options) : options_(std::move(options)) {
  check(options_.factor > 0 && options_.factor < 1, "ReduceLROnPlateau: factor must be in (0, 1), got {}", options_.factor);
  maximize_ = maximizes(options_.mode, options_.monitor);
}

void ReduceLROnPlateau::on_train_begin() {
  best_ = maximize_ ? -INFINITY : INFINITY;
  wait_ = cooldown_left_ = 0;
}

void ReduceLROnPlateau::on_epoch_end(int, const Logs& logs) {
  const double value = monitored(logs, options_.monitor, "ReduceLROnPlateau");
  if (cooldown_left_ > 0) --cooldown_left_;
  if (maximize_ ? value > best_ + options_.min_delta : value < best_ - options_.min_delta) {
    best_ = value;
    wait_ = 0;
    return;
  }
  if (cooldown_left_ > 0 || ++wait_ < options_.patience) return;
  optim::Optimizer* opt = model()->optimizer();
  const double lr = opt->learning_rate();
  if (lr > options_.min_lr) opt->set_learning_rate(std::max(lr * options_.factor, options_.min_lr));
  cooldown_left_ = options_.cooldown;
  wait_ = 0;
}

void LearningRateScheduler::on_epoch_begin(int epoch) {
  optim::Optimizer* opt = model()->optimizer();
  opt->set_learning_rate(schedule_(epoch, opt->learning_rate()));
}

CSVLogger::CSVLogger(std::filesystem::path path, char separator, bool append)
    : path_(std::move(path)), separator_(separator), append_(append) {}

void CSVLogger::on_train_begin() {
  text_.clear();
  keys_.clear();
  if (append_ && std::filesystem::exists(path_)) {
    std::ifstream in(path_);
    text_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
}

void CSVLogger::on_epoch_end(int epoch, const Logs& logs) {
  if (keys_.empty()) {
    for (const auto& [k, v] : logs) keys_.push_back(k);
    if (text_.empty()) {
      text_ += "epoch";
      for (const auto& k : keys_) text_ += separator_ + k;
      text_ += '\n';
    }
  }
  text_ += std::to_string(epoch);
  for (const auto& k : keys_) {
    const auto it = logs.find(k);
    text_ += separator_;
    if (it != logs.end()) text_ += fmt::format("{}", it->second);
  }
  text_ += '\n';
  atomic_write(path_, text_);
}

}  // namespace axon::nn
