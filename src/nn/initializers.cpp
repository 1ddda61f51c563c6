#include "axon/nn/initializers.hpp"

#include "axon/autograd/ops/elementwise.hpp"
#include "axon/autograd/ops/linalg.hpp"
#include "axon/autograd/ops/shape.hpp"
#include "axon/core/creation.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>

namespace axon::nn {

std::pair<double, double> compute_fans(const Shape& shape) {
  if (shape.empty()) return {1, 1};
  if (shape.size() == 1) return {static_cast<double>(shape[0]), static_cast<double>(shape[0])};
  // Keras: receptive field = product of all but the last two axes.
  double receptive = 1;
  for (std::size_t i = 0; i + 2 < shape.size(); ++i) receptive *= static_cast<double>(shape[i]);
  return {static_cast<double>(shape[shape.size() - 2]) * receptive, static_cast<double>(shape.back()) * receptive};
}

std::vector<std::string> known_initializers() {
  return {"glorot_uniform", "glorot_normal", "he_uniform", "he_normal", "lecun_uniform", "lecun_normal",
          "zeros", "ones", "orthogonal", "constant:<value>"};
}

namespace {
// Normal truncated at ±2σ by redrawing, with Keras's correction so the result has stddev `std`.
Tensor truncated_normal(const Shape& shape, double std, Dtype dtype, Generator& gen) {
  const double scale = std / 0.87962566103423978;  // stddev of a standard normal truncated to [-2, 2]
  Tensor t = Tensor::empty(shape, {.dtype = Dtype::float64});
  double* p = t.data<double>();
  for (std::int64_t i = 0; i < t.numel(); ++i) {
    double v;
    do v = gen.normal(); while (std::abs(v) > 2.0);
    p[i] = v * scale;
  }
  return astype(t, dtype);
}

// A random orthogonal matrix (rows × cols flattened from the shape) from the QR of a normal matrix,
// by modified Gram–Schmidt on the columns (Keras's Orthogonal with gain 1).
Tensor orthogonal(const Shape& shape, Dtype dtype, Generator& gen) {
  check<ShapeError>(shape.size() >= 2, "orthogonal initializer needs at least 2 dimensions, got {}", shape_text(shape));
  const std::int64_t cols = shape.back();
  const std::int64_t rows = shape_numel(shape) / cols;
  const std::int64_t n = std::max(rows, cols), m = std::min(rows, cols);
  // Orthonormal columns of an n×m normal matrix.
  Tensor a = randn({n, m}, {.dtype = Dtype::float64}, gen);
  double* q = a.data<double>();
  for (std::int64_t j = 0; j < m; ++j) {
    for (std::int64_t k = 0; k < j; ++k) {
      double dot = 0;
      for (std::int64_t i = 0; i < n; ++i) dot += q[i * m + j] * q[i * m + k];
      for (std::int64_t i = 0; i < n; ++i) q[i * m + j] -= dot * q[i * m + k];
    }
    double norm = 0;
    for (std::int64_t i = 0; i < n; ++i) norm += q[i * m + j] * q[i * m + j];
    norm = std::sqrt(norm);
    for (std::int64_t i = 0; i < n; ++i) q[i * m + j] /= norm;
  }
  Tensor result = rows >= cols ? a : transpose(a);
  return astype(reshape(result, shape), dtype);
}
}  // namespace

Tensor initialize(const std::string& name, const Shape& shape, Dtype dtype, Generator& gen) {
  const auto [fan_in, fan_out] = compute_fans(shape);
  const TensorOptions options{.dtype = dtype};
  if (name == "zeros") return zeros(shape, options);
  if (name == "ones") return ones(shape, options);
  if (name.rfind("constant:", 0) == 0) return full(shape, std::stod(name.substr(9)), options);
  if (name == "orthogonal") return orthogonal(shape, dtype, gen);
  // Variance scaling: scale / fan, uniform limit sqrt(3·var), or truncated normal with stddev sqrt(var).
  double scale = 0, fan = 0;
  if (name == "glorot_uniform" || name == "glorot_normal") scale = 1.0, fan = (fan_in + fan_out) / 2;
  else if (name == "he_uniform" || name == "he_normal") scale = 2.0, fan = fan_in;
  else if (name == "lecun_uniform" || name == "lecun_normal") scale = 1.0, fan = fan_in;
  else throw ValueError(fmt::format("Unknown initializer '{}'. Known: {}.", name, fmt::join(known_initializers(), ", ")));
  const double variance = scale / std::max(1.0, fan);
  if (name.ends_with("uniform")) {
    const double limit = std::sqrt(3.0 * variance);
    return uniform(shape, -limit, limit, options, gen);
  }
  return truncated_normal(shape, std::sqrt(variance), dtype, gen);
}

}  // namespace axon::nn
