#include "axon/nn/layers/reshaping.hpp"

#include "axon/autograd/ops/shape.hpp"

#include <nlohmann/json.hpp>

namespace axon::nn {
namespace layers {

Flatten::Flatten(std::optional<Shape> input_shape, std::string name) : Layer("Flatten", std::move(name)) {
  declared_input_shape_ = std::move(input_shape);
}

Shape Flatten::compute_output_shape(const std::vector<Shape>& s) const { return {shape_numel(s.at(0))}; }

Tensor Flatten::call(const Tensor& x, bool) { return reshape(x, {x.shape(0), -1}); }

Reshape::Reshape(Shape target_shape, std::string name)
    : Layer("Reshape", std::move(name)), target_shape_(std::move(target_shape)) {}

Shape Reshape::compute_output_shape(const std::vector<Shape>& s) const {
  const std::int64_t n = shape_numel(s.at(0));
  Shape out = target_shape_;
  std::int64_t known = 1;
  int infer = -1;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == -1) infer = static_cast<int>(i);
    else known *= out[i];
  }
  if (infer >= 0 && known > 0 && n % known == 0) out[static_cast<std::size_t>(infer)] = n / known;
  check<ShapeError>(shape_numel(out) == n, "Reshape '{}': cannot reshape per-sample shape {} ({} values) into {}", name(),
                    shape_text(s.at(0)), n, shape_text(target_shape_));
  return out;
}

Tensor Reshape::call(const Tensor& x, bool) {
  Shape shape{x.shape(0)};
  for (auto d : compute_output_shape({Shape(x.shape().begin() + 1, x.shape().end())})) shape.push_back(d);
  return reshape(x, shape);
}

nlohmann::json Reshape::get_config() const {
  nlohmann::json c = Layer::get_config();
  c["target_shape"] = target_shape_;
  return c;
}

}  // namespace layers

LayerHandle<layers::Flatten> Flatten(Shape input_shape, std::string name) {
  std::optional<Shape> declared;
  if (!input_shape.empty()) declared = std::move(input_shape);
  return LayerHandle<layers::Flatten>(std::make_shared<layers::Flatten>(std::move(declared), std::move(name)));
}
LayerHandle<layers::Reshape> Reshape(Shape target_shape, std::string name) {
  return LayerHandle<layers::Reshape>(std::make_shared<layers::Reshape>(std::move(target_shape), std::move(name)));
}

}  // namespace axon::nn
