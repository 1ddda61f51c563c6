#include "axon/nn/layer.hpp"

#include "axon/autograd/ops/elementwise.hpp"
#include "axon/nn/initializers.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cctype>
#include <map>

namespace axon::nn {

namespace {
std::map<std::string, int>& name_counters() {
  static std::map<std::string, int> counters;
  return counters;
}
// "BatchNormalization" → "batch_normalization"
std::string snake_case(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (std::isupper(c) && i > 0) out += '_';
    out += static_cast<char>(std::tolower(c));
  }
  return out;
}
}  // namespace

std::string unique_name(const std::string& prefix) {
  const int n = name_counters()[prefix]++;
  return n == 0 ? prefix : fmt::format("{}_{}", prefix, n);
}

void clear_session() { name_counters().clear(); }

Layer::Layer(std::string class_name, std::string name)
    : class_name_(std::move(class_name)), name_(name.empty() ? unique_name(snake_case(class_name_)) : std::move(name)) {}

void Layer::build(const std::vector<Shape>&) {}

void Layer::set_dtype(Dtype dtype) {
  check(!built_, "{} '{}': set_dtype must come before the layer is built", class_name_, name_);
  check(is_floating(dtype), "{} '{}': weights must be float32 or float64, got {}", class_name_, name_, dtype_name(dtype));
  dtype_ = dtype;
}

Tensor Layer::call(const std::vector<Tensor>& inputs, bool training) {
  check(inputs.size() == 1, "{} '{}': expected 1 input, got {}", class_name_, name_, inputs.size());
  return call(inputs[0], training);
}

Tensor Layer::call(const Tensor&, bool) {
  throw ValueError(fmt::format("{} '{}' does not implement call()", class_name_, name_));
}

nlohmann::json Layer::get_config() const { return {{"name", name_}, {"trainable", trainable_}}; }

namespace {
std::vector<Shape> without_batch(const std::vector<Tensor>& inputs) {
  std::vector<Shape> shapes;
  for (const auto& t : inputs) {
    check<ShapeError>(t.ndim() >= 1, "layer input must have a batch axis, got a 0-d tensor");
    shapes.emplace_back(t.shape().begin() + 1, t.shape().end());
  }
  return shapes;
}
}  // namespace

Tensor Layer::forward(const std::vector<Tensor>& inputs, bool training) {
  const int want = input_count();
  check(want == 0 ? inputs.size() >= 2 : static_cast<int>(inputs.size()) == want,
        "{} '{}': expected {} input(s), got {}", class_name_, name_, want == 0 ? "at least 2" : std::to_string(want),
        inputs.size());
  if (!built_) {
    const auto shapes = without_batch(inputs);
    compute_output_shape(shapes);  // validates the shapes with a message naming this layer
    build(shapes);
    built_ = true;
  }
  return call(inputs, training);
}

SymbolicTensor Layer::operator()(const SymbolicTensor& input) { return (*this)(std::vector<SymbolicTensor>{input}); }

SymbolicTensor Layer::operator()(const std::vector<SymbolicTensor>& inputs) {
  const int want = input_count();
  check(want == 0 ? inputs.size() >= 2 : static_cast<int>(inputs.size()) == want,
        "{} '{}': expected {} input(s), got {}", class_name_, name_, want == 0 ? "at least 2" : std::to_string(want),
        inputs.size());
  std::vector<Shape> shapes;
  for (const auto& s : inputs) shapes.push_back(s.shape);
  auto node = std::make_shared<GraphNode>();
  node->output_shape = compute_output_shape(shapes);
  if (!built_) {
    build(shapes);
    built_ = true;
  }
  node->layer = shared_from_this();
  node->inputs = inputs;
  return {node, node->output_shape};
}

std::vector<Tensor> Layer::trainable_weights() const {
  std::vector<Tensor> out;
  if (!trainable_) return out;
  for (const auto& w : weights_)
    if (w.trainable) out.push_back(w.value);
  return out;
}

std::int64_t Layer::count_params() const {
  std::int64_t n = 0;
  for (const auto& w : weights_) n += w.value.numel();
  return n;
}

Tensor Layer::add_weight(const std::string& name, Shape shape, const std::string& initializer, bool trainable) {
  return add_weight(name, initialize(initializer, shape, dtype_, generator()), trainable);
}

// A frozen layer's weights do not require grad, so no gradient is even computed for them.
void Layer::set_trainable(bool trainable) {
  trainable_ = trainable;
  for (auto& w : weights_)
    if (w.trainable) w.value.requires_grad_(trainable);
}

Tensor Layer::add_weight(const std::string& name, Tensor initial_value, bool trainable) {
  Tensor value = initial_value.clone();
  if (trainable && trainable_) value.requires_grad_(true);
  weights_.push_back({name_ + "/" + name, value, trainable});
  return value;
}

SymbolicTensor Input(Shape shape, std::string name) {
  for (auto d : shape) check<ShapeError>(d > 0, "Input: every extent must be positive, got {}", shape_text(shape));
  auto node = std::make_shared<GraphNode>();
  node->output_shape = shape;
  node->input_name = name.empty() ? unique_name("input_layer") : std::move(name);
  return {node, std::move(shape)};
}

}  // namespace axon::nn
