// Softmax family (fused primitives) and the losses (compositions, except the fused sparse
// cross-entropy from logits that classifiers spend their time in).
#include "axon/autograd/ops/loss.hpp"

#include "axon/autograd/node.hpp"
#include "axon/autograd/ops/elementwise.hpp"
#include "axon/autograd/ops/reduce.hpp"
#include "axon/autograd/ops/shape.hpp"
#include "axon/core/backend.hpp"
#include "axon/core/creation.hpp"

namespace axon {

using autograd::Grads;
using autograd::record;

namespace {
constexpr double kEpsilon = 1e-7;  // Keras's backend.epsilon(), used to clip probabilities

Tensor softmax_kernel(const Tensor& x, int axis, bool log) {
  check(is_floating(x.dtype()), "{}: expected a float tensor, got {}", log ? "log_softmax" : "softmax",
        dtype_name(x.dtype()));
  Tensor y = Tensor::empty(x.shape(), {.dtype = x.dtype(), .device = x.device()});
  backend(x.device()).softmax(x, axis, log, y);
  return y;
}

void check_same_shape(const Tensor& y_true, const Tensor& y_pred, const char* loss) {
  check<ShapeError>(y_true.shape() == y_pred.shape(), "{}: y_true has shape {} but y_pred has shape {}", loss,
                    shape_text(y_true.shape()), shape_text(y_pred.shape()));
}
Tensor as_dtype_of(const Tensor& t, const Tensor& like) { return t.dtype() == like.dtype() ? t : astype(t, like.dtype()); }

}  // namespace

// d softmax: gx = y·(gy − Σ gy·y)
Tensor softmax(const Tensor& x, int axis) {
  const int a = normalize_axis(axis, x.ndim(), "softmax");
  Tensor y = softmax_kernel(x, a, false);
  return record("softmax", y, {x}, [y, a](const Tensor& gy) { return Grads{y * (gy - sum(gy * y, a, true))}; });
}

// d log_softmax: gx = gy − softmax(x)·Σ gy
Tensor log_softmax(const Tensor& x, int axis) {
  const int a = normalize_axis(axis, x.ndim(), "log_softmax");
  Tensor y = softmax_kernel(x, a, true);
  return record("log_softmax", y, {x}, [y, a](const Tensor& gy) { return Grads{gy - exp(y) * sum(gy, a, true)}; });
}

// Keras's reduction "sum_over_batch_size": the per-element losses are averaged within each sample
// (all axes after the first), multiplied by the sample's weight, and the sum divided by the batch
// size. Without weights that is the plain mean of every element.
Tensor reduce_loss(const Tensor& elementwise, const Tensor& sample_weight, const char* loss) {
  if (!sample_weight.defined()) return mean(elementwise);
  const std::int64_t n = elementwise.ndim() == 0 ? 1 : elementwise.shape(0);
  check<ShapeError>(sample_weight.ndim() == 1 && sample_weight.shape(0) == n,
                    "{}: sample_weight must be [{}] (one weight per sample), got {}", loss, n,
                    shape_text(sample_weight.shape()));
  Tensor per_sample = elementwise;
  if (elementwise.ndim() > 1) {
    std::vector<int> rest;
    for (int a = 1; a < elementwise.ndim(); ++a) rest.push_back(a);
    per_sample = mean(elementwise, Axes(rest));
  }
  return mean(per_sample * as_dtype_of(sample_weight, per_sample));
}

Tensor mean_squared_error(const Tensor& y_true, const Tensor& y_pred, const Tensor& sample_weight) {
  check_same_shape(y_true, y_pred, "mean_squared_error");
  return reduce_loss(square(y_pred - as_dtype_of(y_true, y_pred)), sample_weight, "mean_squared_error");
}

Tensor mean_absolute_error(const Tensor& y_true, const Tensor& y_pred, const Tensor& sample_weight) {
  check_same_shape(y_true, y_pred, "mean_absolute_error");
  return reduce_loss(abs(y_pred - as_dtype_of(y_true, y_pred)), sample_weight, "mean_absolute_error");
}

Tensor binary_crossentropy(const Tensor& y_true, const Tensor& y_pred, bool from_logits, const Tensor& sample_weight) {
  check_same_shape(y_true, y_pred, "binary_crossentropy");
  const Tensor t = as_dtype_of(y_true, y_pred);
  // softplus(z) − z·t, not max(z, 0) + log1p(exp(−|z|)) − z·t: the same value, but the kinks of max
  // and |z| at z = 0 give a zero subgradient there where the true derivative is σ(0) = 1/2.
  if (from_logits) return reduce_loss(softplus(y_pred) - y_pred * t, sample_weight, "binary_crossentropy");
  const Tensor p = clip(y_pred, kEpsilon, 1.0 - kEpsilon);
  return -reduce_loss(t * log(p) + (1.0 - t) * log(1.0 - p), sample_weight, "binary_crossentropy");
}

Tensor categorical_crossentropy(const Tensor& y_true, const Tensor& y_pred, bool from_logits,
                                const Tensor& sample_weight) {
  check_same_shape(y_true, y_pred, "categorical_crossentropy");
  const Tensor t = as_dtype_of(y_true, y_pred);
  if (from_logits) return -reduce_loss(sum(t * log_softmax(y_pred, -1), -1), sample_weight, "categorical_crossentropy");
  const Tensor p = clip(y_pred / sum(y_pred, -1, true), kEpsilon, 1.0 - kEpsilon);
  return -reduce_loss(sum(t * log(p), -1), sample_weight, "categorical_crossentropy");
}

Tensor sparse_categorical_crossentropy(const Tensor& y_true, const Tensor& y_pred, bool from_logits,
                                       const Tensor& sample_weight) {
  check(y_true.dtype() == Dtype::int64, "sparse_categorical_crossentropy: y_true must hold int64 class labels, got {}",
        dtype_name(y_true.dtype()));
  check<ShapeError>(y_pred.ndim() >= 1 && y_true.numel() * y_pred.shape(-1) == y_pred.numel(),
                    "sparse_categorical_crossentropy: y_true of shape {} does not give one label per row of y_pred {}",
                    shape_text(y_true.shape()), shape_text(y_pred.shape()));
  const std::int64_t classes = y_pred.shape(-1);
  const std::int64_t rows = y_true.numel();
  const Tensor labels = y_true.view_as_shape({rows, 1});
  if (!from_logits) {
    const Tensor p = reshape(y_pred, {rows, classes});
    const Tensor picked = gather(clip(p / sum(p, -1, true), kEpsilon, 1.0 - kEpsilon), 1, labels);
    return -reduce_loss(reshape(log(picked), {rows}), sample_weight, "sparse_categorical_crossentropy");
  }
  if (sample_weight.defined())  // the weighted form through the general ops (the fused op is unweighted)
    return -reduce_loss(reshape(gather(log_softmax(reshape(y_pred, {rows, classes}), 1), 1, labels), {rows}),
                        sample_weight, "sparse_categorical_crossentropy");
  // Fused: loss = −mean(log_softmax(z)[label]); d/dz = (softmax(z) − onehot(label)) / rows.
  const Tensor z = y_pred.view_as_shape({rows, classes});
  const Tensor log_p = softmax_kernel(z, 1, true);
  Tensor picked = Tensor::empty({rows, 1}, {.dtype = z.dtype(), .device = z.device()});
  backend(z.device()).gather(log_p, 1, labels, picked);
  Tensor loss;
  {
    NoGradGuard no_grad;
    loss = -mean(picked);
  }
  return record("sparse_categorical_crossentropy", loss, {y_pred},
                [log_p, labels, shape = y_pred.shape(), rows](const Tensor& gy) {
                  Tensor g = exp(log_p);
                  const Tensor minus_one = full({rows, 1}, -1.0, {.dtype = g.dtype(), .device = g.device()});
                  backend(g.device()).scatter_add(g, 1, labels, minus_one);
                  return Grads{reshape(g * (gy / static_cast<double>(rows)), shape)};
                });
}

Tensor dropout(const Tensor& x, double rate, bool training, Generator& gen) {
  check(rate >= 0 && rate < 1, "dropout: rate must be in [0, 1), got {}", rate);
  if (!training || rate == 0) return x;
  return x * dropout_mask(x.shape(), rate, {.dtype = x.dtype(), .device = x.device()}, gen);
}

}  // namespace axon
