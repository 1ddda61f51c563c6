// Weight initializers by Keras name (fan_in/fan_out as Keras computes them for dense and conv kernels).
#pragma once

#include "axon/core/generator.hpp"
#include "axon/core/tensor.hpp"

#include <string>
#include <vector>

namespace axon::nn {

/// "glorot_uniform", "glorot_normal", "he_uniform", "he_normal", "lecun_uniform", "lecun_normal",
/// "zeros", "ones", "orthogonal", or "constant:<value>". Normal variants are truncated at two
/// standard deviations, as Keras's. An unknown name is a ValueError listing the known ones.
Tensor initialize(const std::string& initializer, const Shape& shape, Dtype dtype, Generator& gen);
std::vector<std::string> known_initializers();

/// (fan_in, fan_out) of a kernel: [in, out] for dense; [k..., in, out] for convolutions.
std::pair<double, double> compute_fans(const Shape& shape);

}  // namespace axon::nn
