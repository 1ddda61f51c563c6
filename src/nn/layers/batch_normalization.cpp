#include "axon/nn/layers/batch_normalization.hpp"

#include "axon/autograd/grad_mode.hpp"
#include "axon/autograd/ops/elementwise.hpp"
#include "axon/autograd/ops/reduce.hpp"
#include "axon/autograd/ops/shape.hpp"

#include <nlohmann/json.hpp>

namespace axon::nn {
namespace layers {

BatchNormalization::BatchNormalization(BatchNormalizationOptions options)
    : Layer("BatchNormalization", options.name), options_(std::move(options)) {
  check(options_.momentum >= 0 && options_.momentum <= 1, "BatchNormalization '{}': momentum must be in [0, 1], got {}",
        name(), options_.momentum);
  check(options_.epsilon > 0, "BatchNormalization '{}': epsilon must be positive, got {}", name(), options_.epsilon);
}

Shape BatchNormalization::compute_output_shape(const std::vector<Shape>& s) const {
  check<ShapeError>(!s.at(0).empty(), "BatchNormalization '{}': needs per-sample features, got shape []", name());
  normalize_axis(options_.axis < 0 ? options_.axis : options_.axis - 1, static_cast<int>(s[0].size()), "BatchNormalization");
  return s.at(0);
}

void BatchNormalization::build(const std::vector<Shape>& input_shapes) {
  const Shape& in = input_shapes.at(0);
  // The axis counts the batch axis, as in Keras; the weights span that one axis.
  const int ndim = static_cast<int>(in.size()) + 1;
  const std::int64_t features = in[static_cast<std::size_t>(normalize_axis(options_.axis, ndim, "BatchNormalization") - 1)];
  if (options_.scale) gamma_ = add_weight("gamma", {features}, "ones");
  if (options_.center) beta_ = add_weight("beta", {features}, "zeros");
  moving_mean_ = add_weight("moving_mean", {features}, "zeros", /*trainable=*/false);
  moving_variance_ = add_weight("moving_variance", {features}, "ones", /*trainable=*/false);
}

Tensor BatchNormalization::call(const Tensor& x, bool training) {
  const int axis = normalize_axis(options_.axis, x.ndim(), "BatchNormalization");
  // Statistics over every axis but `axis`; γ, β and the moving statistics broadcast along it.
  std::vector<int> reduce_axes;
  Shape broadcast_shape(static_cast<std::size_t>(x.ndim()), 1);
  broadcast_shape[static_cast<std::size_t>(axis)] = x.shape(axis);
  for (int i = 0; i < x.ndim(); ++i)
    if (i != axis) reduce_axes.push_back(i);
  Tensor mean_, variance;
  if (training) {
    mean_ = mean(x, Axes(reduce_axes), true);
    variance = var(x, Axes(reduce_axes), 0, true);  // biased, as Keras uses for both
    NoGradGuard no_grad;
    const double m = options_.momentum;
    Tensor mm = moving_mean_, mv = moving_variance_;
    mul_(mm, m);
    add_(mm, reshape(mean_.detach(), {x.shape(axis)}), 1 - m);
    mul_(mv, m);
    add_(mv, reshape(variance.detach(), {x.shape(axis)}), 1 - m);
  } else {
    mean_ = reshape(moving_mean_, broadcast_shape);
    variance = reshape(moving_variance_, broadcast_shape);
  }
  Tensor y = (x - mean_) / sqrt(variance + options_.epsilon);
  if (gamma_.defined()) y = y * reshape(gamma_, broadcast_shape);
  if (beta_.defined()) y = y + reshape(beta_, broadcast_shape);
  return y;
}

nlohmann::json BatchNormalization::get_config() const {
  nlohmann::json c = Layer::get_config();
  c["axis"] = options_.axis;
  c["momentum"] = options_.momentum;
  c["epsilon"] = options_.epsilon;
  c["center"] = options_.center;
  c["scale"] = options_.scale;
  return c;
}

}  // namespace layers

LayerHandle<layers::BatchNormalization> BatchNormalization(BatchNormalizationOptions options) {
  return LayerHandle<layers::BatchNormalization>(std::make_shared<layers::BatchNormalization>(std::move(options)));
}

}  // namespace axon::nn
