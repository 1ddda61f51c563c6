#include "axon/nn/layers/activation.hpp"

#include <nlohmann/json.hpp>

namespace axon::nn {
namespace layers {

Activation::Activation(std::string activation, std::string name)
    : Layer("Activation", std::move(name)), activation_(std::move(activation)), fn_(get_activation(activation_)) {}

nlohmann::json Activation::get_config() const {
  nlohmann::json c = Layer::get_config();
  c["activation"] = activation_;
  return c;
}

}  // namespace layers

LayerHandle<layers::Activation> Activation(std::string activation, std::string name) {
  return LayerHandle<layers::Activation>(std::make_shared<layers::Activation>(std::move(activation), std::move(name)));
}

}  // namespace axon::nn
