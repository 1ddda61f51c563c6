#include "axon/nn/layers/merge.hpp"

#include "axon/autograd/ops/elementwise.hpp"
#include "axon/autograd/ops/shape.hpp"

#include <nlohmann/json.hpp>

namespace axon::nn {
namespace layers {
namespace {
Shape same_shapes(const Layer& layer, const std::vector<Shape>& s) {
  for (std::size_t i = 1; i < s.size(); ++i)
    check<ShapeError>(s[i] == s[0], "{} '{}': input {} has shape {} but input 0 has {}; all inputs must match",
                      layer.class_name(), layer.name(), i, shape_text(s[i]), shape_text(s[0]));
  return s.at(0);
}
}  // namespace

Shape Add::compute_output_shape(const std::vector<Shape>& s) const { return same_shapes(*this, s); }
Tensor Add::call(const std::vector<Tensor>& inputs, bool) {
  Tensor y = inputs[0];
  for (std::size_t i = 1; i < inputs.size(); ++i) y = y + inputs[i];
  return y;
}

Shape Multiply::compute_output_shape(const std::vector<Shape>& s) const { return same_shapes(*this, s); }
Tensor Multiply::call(const std::vector<Tensor>& inputs, bool) {
  Tensor y = inputs[0];
  for (std::size_t i = 1; i < inputs.size(); ++i) y = y * inputs[i];
  return y;
}

Shape Concatenate::compute_output_shape(const std::vector<Shape>& s) const {
  const int ndim = static_cast<int>(s.at(0).size());
  // Keras's axis counts the batch axis; per-sample shapes do not.
  const int a = normalize_axis(axis_ < 0 ? axis_ : axis_ - 1, ndim, "Concatenate");
  Shape out = s[0];
  for (std::size_t i = 1; i < s.size(); ++i) {
    check<ShapeError>(static_cast<int>(s[i].size()) == ndim, "Concatenate '{}': input {} has shape {}, input 0 has {}",
                      name(), i, shape_text(s[i]), shape_text(s[0]));
    for (int d = 0; d < ndim; ++d)
      check<ShapeError>(d == a || s[i][static_cast<std::size_t>(d)] == s[0][static_cast<std::size_t>(d)],
                        "Concatenate '{}': input {} has shape {}, input 0 has {}; they may differ only along axis {}",
                        name(), i, shape_text(s[i]), shape_text(s[0]), axis_);
    out[static_cast<std::size_t>(a)] += s[i][static_cast<std::size_t>(a)];
  }
  return out;
}

Tensor Concatenate::call(const std::vector<Tensor>& inputs, bool) {
  return concat(inputs, axis_);  // batch tensors: Keras's axis applies as is
}

nlohmann::json Concatenate::get_config() const {
  nlohmann::json c = Layer::get_config();
  c["axis"] = axis_;
  return c;
}

}  // namespace layers

LayerHandle<layers::Add> Add(std::string name) { return LayerHandle<layers::Add>(std::make_shared<layers::Add>(std::move(name))); }
LayerHandle<layers::Multiply> Multiply(std::string name) {
  return LayerHandle<layers::Multiply>(std::make_shared<layers::Multiply>(std::move(name)));
}
LayerHandle<layers::Concatenate> Concatenate(int axis, std::string name) {
  return LayerHandle<layers::Concatenate>(std::make_shared<layers::Concatenate>(axis, std::move(name)));
}

}  // namespace axon::nn
