#include "axon/nn/layers/dropout.hpp"

#include "axon/autograd/ops/loss.hpp"

#include <nlohmann/json.hpp>

namespace axon::nn {
namespace layers {

Dropout::Dropout(double rate, std::string name) : Layer("Dropout", std::move(name)), rate_(rate) {
  check(rate >= 0 && rate < 1, "Dropout '{}': rate must be in [0, 1), got {}", this->name(), rate);
}

Tensor Dropout::call(const Tensor& x, bool training) { return dropout(x, rate_, training, generator()); }

nlohmann::json Dropout::get_config() const {
  nlohmann::json c = Layer::get_config();
  c["rate"] = rate_;
  return c;
}

}  // namespace layers

LayerHandle<layers::Dropout> Dropout(double rate, std::string name) {
  return LayerHandle<layers::Dropout>(std::make_shared<layers::Dropout>(rate, std::move(name)));
}

}  // namespace axon::nn
