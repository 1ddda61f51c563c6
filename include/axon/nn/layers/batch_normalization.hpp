// BatchNormalization (Ioffe & Szegedy 2015), Keras's defaults: normalizes over every axis but
// `axis` with the batch statistics in training and the moving statistics in inference, then
// γ·x̂ + β with learnable γ (scale) and β (center).
#pragma once

#include "axon/nn/layer.hpp"

namespace axon::nn {

struct BatchNormalizationOptions {
  int axis = -1;
  double momentum = 0.99;  ///< moving = momentum·moving + (1 − momentum)·batch
  double epsilon = 1e-3;
  bool center = true;      ///< learn β
  bool scale = true;       ///< learn γ
  std::string name = {};
};

namespace layers {
class BatchNormalization : public Layer {
 public:
  explicit BatchNormalization(BatchNormalizationOptions options);
  void build(const std::vector<Shape>& input_shapes) override;
  Tensor call(const Tensor& x, bool training) override;
  Shape compute_output_shape(const std::vector<Shape>& s) const override;
  nlohmann::json get_config() const override;
  const Tensor& moving_mean() const { return moving_mean_; }
  const Tensor& moving_variance() const { return moving_variance_; }
 private:
  BatchNormalizationOptions options_;
  Tensor gamma_, beta_, moving_mean_, moving_variance_;
};
}  // namespace layers

LayerHandle<layers::BatchNormalization> BatchNormalization(BatchNormalizationOptions options = {});

}  // namespace axon::nn
