// Losses and metrics by Keras name, for compile().
#pragma once

#include "axon/core/tensor.hpp"

#include <functional>
#include <string>
#include <vector>

namespace axon::nn {

/// loss(y_true, y_pred) → a 0-d tensor (the mean over the batch), differentiable in y_pred.
using LossFn = std::function<Tensor(const Tensor& y_true, const Tensor& y_pred)>;

struct Loss {
  std::string name;  ///< the canonical Keras name, "categorical_crossentropy"
  LossFn fn;
  /// When the model's output is a softmax (or sigmoid) of logits, the loss from those logits (the
  /// same value, computed stably and faster); empty for losses with no such form.
  LossFn from_logits;
};

/// "mean_squared_error"/"mse", "mean_absolute_error"/"mae", "huber" (δ = 1), "binary_crossentropy",
/// "categorical_crossentropy", "sparse_categorical_crossentropy", "kl_divergence"/"kld".
Loss get_loss(const std::string& name);
std::vector<std::string> known_losses();

/// Huber loss: ½e² for |e| ≤ δ, δ·(|e| − ½δ) beyond, averaged.
Tensor huber(const Tensor& y_true, const Tensor& y_pred, double delta = 1.0);
/// Σ t·log(t / p) over the last axis, averaged over the batch; t and p clipped to [1e-7, 1].
Tensor kl_divergence(const Tensor& y_true, const Tensor& y_pred);

/// A metric as the sum of its per-sample values over a batch (the model averages over samples).
struct Metric {
  std::string name;  ///< as reported in logs: "accuracy", "mae"
  std::function<double(const Tensor& y_true, const Tensor& y_pred)> batch_sum;
};

/// "accuracy"/"acc" (resolved by the loss, as Keras: categorical, sparse categorical or binary
/// accuracy), "binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy", "mae",
/// "mse". Unknown names are a ValueError listing the known ones.
Metric get_metric(const std::string& name, const std::string& loss_name);

/// Keras's to_categorical: int64 labels [n] → one-hot float32 [n, num_classes] (num_classes = max + 1
/// when 0).
Tensor to_categorical(const Tensor& labels, std::int64_t num_classes = 0);

}  // namespace axon::nn
