#include "axon/nn/activations.hpp"

#include "axon/autograd/ops/elementwise.hpp"
#include "axon/autograd/ops/loss.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <map>

namespace axon::nn {
namespace {
const std::map<std::string, ActivationFn>& table() {
  static const std::map<std::string, ActivationFn> activations = {
      {"linear", [](const Tensor& x) { return x; }},
      {"relu", [](const Tensor& x) { return relu(x); }},
      {"sigmoid", [](const Tensor& x) { return sigmoid(x); }},
      {"tanh", [](const Tensor& x) { return tanh(x); }},
      {"softmax", [](const Tensor& x) { return softmax(x, -1); }},
      {"leaky_relu", [](const Tensor& x) { return leaky_relu(x); }},
      {"elu", [](const Tensor& x) { return elu(x); }},
      {"gelu", [](const Tensor& x) { return gelu(x); }},
      {"softplus", [](const Tensor& x) { return softplus(x); }},
  };
  return activations;
}
}  // namespace

std::vector<std::string> known_activations() {
  std::vector<std::string> names;
  for (const auto& [name, fn] : table()) names.push_back(name);
  return names;
}

ActivationFn get_activation(const std::string& name) {
  const auto it = table().find(name.empty() ? "linear" : name);
  check(it != table().end(), "Unknown activation '{}'. Known: {}.", name, fmt::join(known_activations(), ", "));
  return it->second;
}

}  // namespace axon::nn
