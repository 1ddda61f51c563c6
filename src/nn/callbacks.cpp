#include "axon/nn/callbacks.hpp"

#include "axon/autograd/grad_mode.hpp"
#include "axon/autograd/ops/elementwise.hpp"
#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/nn/model.hpp"

#include <fmt/format.h>

#include <cmath>

namespace axon::nn {

EarlyStopping::EarlyStopping(EarlyStoppingOptions options) : options_(std::move(options)) {
  check(options_.mode == "auto" || options_.mode == "min" || options_.mode == "max",
        "EarlyStopping: mode must be 'auto', 'min' or 'max', got '{}'", options_.mode);
  check(options_.patience >= 0, "EarlyStopping: patience must be non-negative, got {}", options_.patience);
}

void EarlyStopping::on_train_begin() {
  const bool accuracy_like = options_.monitor.find("acc") != std::string::npos || options_.monitor.find("auc") != std::string::npos;
  maximize_ = options_.mode == "max" || (options_.mode == "auto" && accuracy_like);
  best_ = maximize_ ? -INFINITY : INFINITY;
  wait_ = 0;
  best_epoch_ = stopped_epoch_ = -1;
  best_weights_.clear();
}

void EarlyStopping::on_epoch_end(int epoch, const Logs& logs) {
  const auto it = logs.find(options_.monitor);
  check(it != logs.end(), "EarlyStopping: the monitored quantity '{}' is not in the logs (did you give validation data?)",
        options_.monitor);
  if (epoch < options_.start_from_epoch) return;
  const double value = it->second;
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

}  // namespace axon::nn
