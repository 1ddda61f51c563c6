// Losses and metrics by Keras name, for compile().
#pragma once

#include "axon/core/tensor.hpp"

#include <functional>
#include <string>
#include <vector>

namespace axon::nn {

/// loss(y_true, y_pred, sample_weight) → a 0-d tensor, differentiable in y_pred: the mean over the
/// batch, or with per-sample weights [n] Σ wᵢ·lossᵢ / n (Keras's sum_over_batch_size); pass an
/// undefined Tensor for no weights.
using LossFn = std::function<Tensor(const Tensor& y_true, const Tensor& y_pred, const Tensor& sample_weight)>;

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
Tensor huber(const Tensor& y_true, const Tensor& y_pred, double delta = 1.0, const Tensor& sample_weight = Tensor());
/// Σ t·log(t / p) over the last axis, averaged over the batch; t and p clipped to [1e-7, 1].
Tensor kl_divergence(const Tensor& y_true, const Tensor& y_pred, const Tensor& sample_weight = Tensor());

/// A metric accumulates batches and reports over everything seen since its last reset (Keras's
/// stateful metrics: the model resets them at each epoch, evaluate and train_on_batch). A Metric
/// is a handle: copies share the state.
struct Metric {
  std::string name;  ///< as reported in logs: "accuracy", "mae", "auc"
  std::function<void(const Tensor& y_true, const Tensor& y_pred)> update;
  std::function<double()> result;
  std::function<void()> reset;
};

/// "accuracy"/"acc" (resolved by the loss, as Keras: categorical, sparse categorical or binary
/// accuracy), "binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy", "mae",
/// "mse", "precision", "recall" (predictions > 0.5 against y_true, every element a binary decision,
/// as Keras), "auc" (Keras's AUC: ROC area from 200 thresholds by the trapezoidal rule). Unknown
/// names are a ValueError listing the known ones.
Metric get_metric(const std::string& name, const std::string& loss_name);

/// Keras's to_categorical: int64 labels [n] → one-hot float32 [n, num_classes] (num_classes = max + 1
/// when 0).
Tensor to_categorical(const Tensor& labels, std::int64_t num_classes = 0);

}  // namespace axon::nn
