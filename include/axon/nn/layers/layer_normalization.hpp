// LayerNormalization (Ba et al. 2016): normalizes each sample over its last axis, then γ·x̂ + β.
#pragma once

#include "axon/nn/layer.hpp"

namespace axon::nn {
namespace layers {
class LayerNormalization : public Layer {
 public:
  LayerNormalization(double epsilon, std::string name);
  void build(const std::vector<Shape>& input_shapes) override;
  Tensor call(const Tensor& x, bool training) override;
  Shape compute_output_shape(const std::vector<Shape>& s) const override { return s.at(0); }
  nlohmann::json get_config() const override;
 private:
  double epsilon_;
  Tensor gamma_, beta_;
};
}  // namespace layers

/// Keras default epsilon 1e-3; normalizes over the last axis.
LayerHandle<layers::LayerNormalization> LayerNormalization(double epsilon = 1e-3, std::string name = "");

}  // namespace axon::nn
