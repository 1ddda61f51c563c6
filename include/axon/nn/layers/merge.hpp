// Layers that merge several inputs, for skip connections: Add, Multiply (same shapes), and
// Concatenate (along an axis).
#pragma once

#include "axon/nn/layer.hpp"

namespace axon::nn {
namespace layers {
class Add : public Layer {
 public:
  explicit Add(std::string name) : Layer("Add", std::move(name)) {}
  int input_count() const override { return 0; }
  Tensor call(const std::vector<Tensor>& inputs, bool training) override;
  Shape compute_output_shape(const std::vector<Shape>& s) const override;
};
class Multiply : public Layer {
 public:
  explicit Multiply(std::string name) : Layer("Multiply", std::move(name)) {}
  int input_count() const override { return 0; }
  Tensor call(const std::vector<Tensor>& inputs, bool training) override;
  Shape compute_output_shape(const std::vector<Shape>& s) const override;
};
class Concatenate : public Layer {
 public:
  Concatenate(int axis, std::string name) : Layer("Concatenate", std::move(name)), axis_(axis) {}
  int input_count() const override { return 0; }
  Tensor call(const std::vector<Tensor>& inputs, bool training) override;
  Shape compute_output_shape(const std::vector<Shape>& s) const override;
  nlohmann::json get_config() const override;
 private:
  int axis_;  ///< counts the batch axis, as Keras (-1: the last)
};
}  // namespace layers

LayerHandle<layers::Add> Add(std::string name = "");
LayerHandle<layers::Multiply> Multiply(std::string name = "");
LayerHandle<layers::Concatenate> Concatenate(int axis = -1, std::string name = "");

}  // namespace axon::nn
