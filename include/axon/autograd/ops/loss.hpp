// Softmax, the losses (Keras names, argument order y_true, y_pred, and Keras's reductions: the mean
// over the batch), and dropout. Every loss takes optional per-sample weights [n] (Keras's
// sample_weight, reduction "sum_over_batch_size": Σ wᵢ·lossᵢ / n, where lossᵢ is the sample's mean
// over its other axes).
#pragma once

#include "axon/core/generator.hpp"
#include "axon/core/tensor.hpp"

namespace axon {

/// exp(x) / sum(exp(x)) along `axis`, fused and stable.
Tensor softmax(const Tensor& x, int axis = -1);
/// x − logsumexp(x) along `axis`, fused and stable.
Tensor log_softmax(const Tensor& x, int axis = -1);

/// Keras's "sum_over_batch_size" reduction of per-element losses [n, ...]: the plain mean without
/// weights; with sample_weight [n], Σ wᵢ·mean(lossᵢ) / n.
Tensor reduce_loss(const Tensor& elementwise, const Tensor& sample_weight = Tensor(), const char* loss = "loss");

/// mean((y_pred − y_true)²) over all elements.
Tensor mean_squared_error(const Tensor& y_true, const Tensor& y_pred, const Tensor& sample_weight = Tensor());
/// mean(|y_pred − y_true|).
Tensor mean_absolute_error(const Tensor& y_true, const Tensor& y_pred, const Tensor& sample_weight = Tensor());
/// −mean(t·log p + (1 − t)·log(1 − p)). From probabilities, Keras clips p to [1e-7, 1 − 1e-7];
/// from logits it uses softplus(z) − z·t, exact for any z.
Tensor binary_crossentropy(const Tensor& y_true, const Tensor& y_pred, bool from_logits = false,
                           const Tensor& sample_weight = Tensor());
/// −mean over rows of sum(t · log p) for one-hot (or soft) targets t [n, k]. From probabilities, p
/// is renormalized and clipped as Keras does; from logits, log_softmax is used.
Tensor categorical_crossentropy(const Tensor& y_true, const Tensor& y_pred, bool from_logits = false,
                                const Tensor& sample_weight = Tensor());
/// Same with int64 class labels [n] instead of one-hot rows. From logits it is one fused op.
Tensor sparse_categorical_crossentropy(const Tensor& y_true, const Tensor& y_pred, bool from_logits = false,
                                       const Tensor& sample_weight = Tensor());

/// Inverted dropout: in training, zeroes each element with probability `rate` and scales the rest
/// by 1 / (1 − rate); outside training, the identity.
Tensor dropout(const Tensor& x, double rate, bool training, Generator& gen = default_generator());

}  // namespace axon
