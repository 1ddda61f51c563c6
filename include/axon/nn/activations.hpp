// Activation functions by Keras name.
#pragma once

#include "axon/core/tensor.hpp"

#include <functional>
#include <string>
#include <vector>

namespace axon::nn {

using ActivationFn = std::function<Tensor(const Tensor&)>;

/// "linear" (or ""), "relu", "sigmoid", "tanh", "softmax" (last axis), "leaky_relu", "elu", "gelu",
/// "softplus". An unknown name is a ValueError listing the known ones.
ActivationFn get_activation(const std::string& name);
std::vector<std::string> known_activations();

}  // namespace axon::nn
