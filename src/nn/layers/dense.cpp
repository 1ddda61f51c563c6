#include "axon/nn/layers/dense.hpp"

#include "axon/autograd/ops/elementwise.hpp"
#include "axon/autograd/ops/linalg.hpp"
#include "axon/autograd/ops/shape.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace axon::nn {
namespace layers {

Dense::Dense(std::int64_t units, std::string activation, DenseOptions options)
    : Layer("Dense", options.name), units_(units), activation_name_(std::move(activation)),
      activation_(get_activation(activation_name_)), options_(std::move(options)) {
  check(units > 0, "Dense '{}': units must be a positive integer, got {}", name(), units);
  declared_input_shape_ = options_.input_shape;
}

Shape Dense::compute_output_shape(const std::vector<Shape>& input_shapes) const {
  const Shape& in = input_shapes.at(0);
  check<ShapeError>(!in.empty(), "Dense '{}': expected inputs of shape [batch, ..., features], got a per-sample shape {}",
                    name(), shape_text(in));
  if (built() && in.back() != kernel_.shape(0))
    throw ShapeError(fmt::format("Dense '{}': built for {} input features, got per-sample shape {}", name(),
                                 kernel_.shape(0), shape_str(in)));
  Shape out = in;
  out.back() = units_;
  return out;
}

void Dense::build(const std::vector<Shape>& input_shapes) {
  kernel_ = add_weight("kernel", {input_shapes.at(0).back(), units_}, options_.kernel_initializer);
  if (options_.use_bias) bias_ = add_weight("bias", {units_}, options_.bias_initializer);
}

Tensor Dense::call(const Tensor& x, bool) { return activation_(logits(x)); }

Tensor Dense::logits(const Tensor& x) const {
  check<ShapeError>(x.ndim() >= 2 && x.shape(-1) == kernel_.shape(0),
                    "Dense '{}': expected input [batch, ..., {}], got {}", name(), kernel_.shape(0), shape_text(x.shape()));
  Tensor y = matmul(x.dtype() == kernel_.dtype() ? x : astype(x, kernel_.dtype()), kernel_);
  if (bias_.defined()) y = y + bias_;
  return y;
}

Tensor Dense::regularization_loss() const {
  Tensor total;
  if (options_.kernel_regularizer.active()) total = options_.kernel_regularizer(kernel_);
  if (bias_.defined() && options_.bias_regularizer.active()) {
    Tensor b = options_.bias_regularizer(bias_);
    total = total.defined() ? total + b : b;
  }
  return total;
}

nlohmann::json Dense::get_config() const {
  nlohmann::json config = Layer::get_config();
  config["units"] = units_;
  config["activation"] = activation_name_;
  config["use_bias"] = options_.use_bias;
  config["kernel_initializer"] = options_.kernel_initializer;
  config["bias_initializer"] = options_.bias_initializer;
  config["kernel_regularizer"] = {{"l1", options_.kernel_regularizer.l1}, {"l2", options_.kernel_regularizer.l2}};
  config["bias_regularizer"] = {{"l1", options_.bias_regularizer.l1}, {"l2", options_.bias_regularizer.l2}};
  return config;
}

}  // namespace layers

LayerHandle<layers::Dense> Dense(std::int64_t units, std::string activation, DenseOptions options) {
  return LayerHandle<layers::Dense>(std::make_shared<layers::Dense>(units, std::move(activation), std::move(options)));
}

}  // namespace axon::nn
