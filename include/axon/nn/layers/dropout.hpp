// Dropout: zeroes a fraction `rate` of inputs in training and scales the rest by 1/(1 − rate).
#pragma once

#include "axon/nn/layer.hpp"

namespace axon::nn {
namespace layers {
class Dropout : public Layer {
 public:
  Dropout(double rate, std::string name);
  Tensor call(const Tensor& x, bool training) override;
  Shape compute_output_shape(const std::vector<Shape>& s) const override { return s.at(0); }
  nlohmann::json get_config() const override;
  double rate() const { return rate_; }
 private:
  double rate_;
};
}  // namespace layers

LayerHandle<layers::Dropout> Dropout(double rate, std::string name = "");

}  // namespace axon::nn
