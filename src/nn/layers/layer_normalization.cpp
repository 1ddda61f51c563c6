#include "axon/nn/layers/layer_normalization.hpp"

#include "axon/autograd/ops/elementwise.hpp"
#include "axon/autograd/ops/reduce.hpp"

#include <nlohmann/json.hpp>

namespace axon::nn {
namespace layers {

LayerNormalization::LayerNormalization(double epsilon, std::string name)
    : Layer("LayerNormalization", std::move(name)), epsilon_(epsilon) {
  check(epsilon > 0, "LayerNormalization '{}': epsilon must be positive, got {}", this->name(), epsilon);
}

void LayerNormalization::build(const std::vector<Shape>& input_shapes) {
  check<ShapeError>(!input_shapes.at(0).empty(), "LayerNormalization '{}': needs per-sample features", name());
  const std::int64_t features = input_shapes[0].back();
  gamma_ = add_weight("gamma", {features}, "ones");
  beta_ = add_weight("beta", {features}, "zeros");
}

Tensor LayerNormalization::call(const Tensor& x, bool) {
  const Tensor centered = x - mean(x, -1, true);
  const Tensor variance = mean(square(centered), -1, true);
  return centered / sqrt(variance + epsilon_) * gamma_ + beta_;
}

nlohmann::json LayerNormalization::get_config() const {
  nlohmann::json c = Layer::get_config();
  c["epsilon"] = epsilon_;
  return c;
}

}  // namespace layers

LayerHandle<layers::LayerNormalization> LayerNormalization(double epsilon, std::string name) {
  return LayerHandle<layers::LayerNormalization>(std::make_shared<layers::LayerNormalization>(epsilon, std::move(name)));
}

}  // namespace axon::nn
