// Flatten and Reshape: change the per-sample shape, keeping the batch axis (no copy).
#pragma once

#include "axon/nn/layer.hpp"

namespace axon::nn {
namespace layers {
/// [batch, d1, d2, ...] → [batch, d1·d2·...].
class Flatten : public Layer {
 public:
  Flatten(std::optional<Shape> input_shape, std::string name);
  Tensor call(const Tensor& x, bool training) override;
  Shape compute_output_shape(const std::vector<Shape>& s) const override;
};

/// [batch, ...] → [batch, target_shape...]; one extent of target_shape may be -1.
class Reshape : public Layer {
 public:
  Reshape(Shape target_shape, std::string name);
  Tensor call(const Tensor& x, bool training) override;
  Shape compute_output_shape(const std::vector<Shape>& s) const override;
  nlohmann::json get_config() const override;
 private:
  Shape target_shape_;
};
}  // namespace layers

/// nn::Flatten() or nn::Flatten({28, 28}) (Keras's Flatten(input_shape=(28, 28))); an empty
/// shape means no declared input shape.
LayerHandle<layers::Flatten> Flatten(Shape input_shape = {}, std::string name = "");
LayerHandle<layers::Reshape> Reshape(Shape target_shape, std::string name = "");

}  // namespace axon::nn
