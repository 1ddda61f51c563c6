// Activation: applies an activation function by name (Keras's Activation layer).
#pragma once

#include "axon/nn/activations.hpp"
#include "axon/nn/layer.hpp"

namespace axon::nn {
namespace layers {
class Activation : public Layer {
 public:
  Activation(std::string activation, std::string name);
  Tensor call(const Tensor& x, bool /*training*/) override { return fn_(x); }
  Shape compute_output_shape(const std::vector<Shape>& s) const override { return s.at(0); }
  nlohmann::json get_config() const override;
 private:
  std::string activation_;
  ActivationFn fn_;
};
}  // namespace layers

LayerHandle<layers::Activation> Activation(std::string activation, std::string name = "");

}  // namespace axon::nn
