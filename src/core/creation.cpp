#include "axon/core/creation.hpp"

#include "axon/core/backend.hpp"

#include <cmath>
#include <cstring>

namespace axon {

Tensor full(Shape shape, double value, TensorOptions options) {
  const bool requires_grad = options.requires_grad;
  options.requires_grad = false;
  Tensor t = Tensor::empty(std::move(shape), options);
  backend(t.device()).fill(t, value);
  if (requires_grad) t.requires_grad_(true);
  return t;
}
Tensor zeros(Shape shape, TensorOptions options) { return full(std::move(shape), 0.0, options); }
Tensor ones(Shape shape, TensorOptions options) { return full(std::move(shape), 1.0, options); }
Tensor zeros_like(const Tensor& t) { return zeros(t.shape(), {.dtype = t.dtype(), .device = t.device()}); }
Tensor ones_like(const Tensor& t) { return ones(t.shape(), {.dtype = t.dtype(), .device = t.device()}); }
Tensor full_like(const Tensor& t, double value) { return full(t.shape(), value, {.dtype = t.dtype(), .device = t.device()}); }
Tensor scalar_tensor(double value, TensorOptions options) { return full({}, value, options); }

namespace {
// Fills a fresh tensor element by element from f(i), in the tensor's dtype.
template <typename F>
Tensor generate(Shape shape, TensorOptions options, F&& f) {
  const bool requires_grad = options.requires_grad;
  options.requires_grad = false;
  Tensor t = Tensor::empty(std::move(shape), options);
  const std::int64_t n = t.numel();
  visit_dtype(t.dtype(), [&]<typename T>() {
    T* p = t.data<T>();
    for (std::int64_t i = 0; i < n; ++i) p[i] = static_cast<T>(f(i));
  });
  if (requires_grad) t.requires_grad_(true);
  return t;
}
}  // namespace

Tensor arange(double start, double stop, double step, TensorOptions options) {
  check(step != 0, "arange: step must be nonzero");
  const auto n = static_cast<std::int64_t>(std::max(0.0, std::ceil((stop - start) / step)));
  return generate({n}, options, [&](std::int64_t i) { return start + static_cast<double>(i) * step; });
}
Tensor arange(std::int64_t stop, TensorOptions options) { return arange(0.0, static_cast<double>(stop), 1.0, options); }

Tensor linspace(double start, double stop, std::int64_t num, TensorOptions options) {
  check(num >= 0, "linspace: num must be non-negative, got {}", num);
  const double step = num > 1 ? (stop - start) / static_cast<double>(num - 1) : 0.0;
  return generate({num}, options, [&](std::int64_t i) { return i == num - 1 ? stop : start + static_cast<double>(i) * step; });
}

Tensor eye(std::int64_t n, TensorOptions options) {
  return generate({n, n}, options, [n](std::int64_t i) { return i / n == i % n ? 1.0 : 0.0; });
}

template <typename T>
Tensor from_vector(std::span<const T> values, Shape shape, TensorOptions options) {
  if (shape.empty() && values.size() != 1) shape = {static_cast<std::int64_t>(values.size())};
  check<ShapeError>(shape_numel(shape) == static_cast<std::int64_t>(values.size()),
                    "from_vector: {} values do not fill shape {}", values.size(), shape_text(shape));
  return generate(std::move(shape), options, [&](std::int64_t i) { return values[static_cast<std::size_t>(i)]; });
}
template Tensor from_vector<float>(std::span<const float>, Shape, TensorOptions);
template Tensor from_vector<double>(std::span<const double>, Shape, TensorOptions);
template Tensor from_vector<std::int64_t>(std::span<const std::int64_t>, Shape, TensorOptions);
template Tensor from_vector<std::uint8_t>(std::span<const std::uint8_t>, Shape, TensorOptions);

Tensor from_vector(const std::vector<float>& v, Shape s) { return from_vector<float>(v, std::move(s), {.dtype = float32}); }
Tensor from_vector(const std::vector<double>& v, Shape s) { return from_vector<double>(v, std::move(s), {.dtype = float64}); }
Tensor from_vector(const std::vector<std::int64_t>& v, Shape s) { return from_vector<std::int64_t>(v, std::move(s), {.dtype = int64}); }
Tensor from_vector(const std::vector<std::uint8_t>& v, Shape s) { return from_vector<std::uint8_t>(v, std::move(s), {.dtype = uint8}); }

namespace {
void flatten_nested(const NestedList& list, std::size_t depth, Shape& shape, std::vector<double>& out) {
  if (list.is_leaf()) {
    check<ShapeError>(depth == shape.size(), "tensor: ragged nested list (a number at depth {}, expected depth {})", depth,
                      shape.size());
    out.push_back(list.value());
    return;
  }
  const auto n = static_cast<std::int64_t>(list.items().size());
  if (depth == shape.size()) {
    check<ShapeError>(out.empty(), "tensor: ragged nested list (a list at depth {} where numbers were found before)", depth);
    shape.push_back(n);
  } else {
    check<ShapeError>(shape[depth] == n, "tensor: ragged nested list (length {} at depth {}, expected {})", n, depth,
                      shape[depth]);
  }
  for (const auto& item : list.items()) flatten_nested(item, depth + 1, shape, out);
}
}  // namespace

Tensor tensor(const NestedList& values, TensorOptions options) {
  Shape shape;
  std::vector<double> flat;
  flatten_nested(values, 0, shape, flat);
  return generate(std::move(shape), options, [&](std::int64_t i) { return flat[static_cast<std::size_t>(i)]; });
}

Tensor rand(Shape shape, TensorOptions options, Generator& gen) {
  return generate(std::move(shape), options, [&](std::int64_t) { return gen.uniform(); });
}
Tensor uniform(Shape shape, double low, double high, TensorOptions options, Generator& gen) {
  return generate(std::move(shape), options, [&](std::int64_t) { return low + (high - low) * gen.uniform(); });
}
Tensor randn(Shape shape, TensorOptions options, Generator& gen) {
  return generate(std::move(shape), options, [&](std::int64_t) { return gen.normal(); });
}
Tensor normal(Shape shape, double mean, double std, TensorOptions options, Generator& gen) {
  return generate(std::move(shape), options, [&](std::int64_t) { return mean + std * gen.normal(); });
}
Tensor randint(std::int64_t low, std::int64_t high, Shape shape, TensorOptions options, Generator& gen) {
  check(low < high, "randint: low ({}) must be below high ({})", low, high);
  const auto span = static_cast<std::uint64_t>(high - low);
  return generate(std::move(shape), options,
                  [&](std::int64_t) { return static_cast<double>(low + static_cast<std::int64_t>(gen.below(span))); });
}
Tensor bernoulli(Shape shape, double p, TensorOptions options, Generator& gen) {
  check(p >= 0 && p <= 1, "bernoulli: p must be in [0, 1], got {}", p);
  return generate(std::move(shape), options, [&](std::int64_t) { return gen.uniform() < p ? 1.0 : 0.0; });
}
Tensor bernoulli(const Tensor& p, Generator& gen) {
  const std::vector<double> probs = p.to_vector<double>();
  return generate(p.shape(), {.dtype = p.dtype()}, [&](std::int64_t i) {
    return gen.uniform() < probs[static_cast<std::size_t>(i)] ? 1.0 : 0.0;
  });
}
Tensor dropout_mask(Shape shape, double rate, TensorOptions options, Generator& gen) {
  check(rate >= 0 && rate < 1, "dropout_mask: rate must be in [0, 1), got {}", rate);
  check(options.dtype == Dtype::float32 || options.dtype == Dtype::float64,
        "dropout_mask: expected a float32 or float64 mask, got {}", dtype_name(options.dtype));
  options.requires_grad = false;
  Tensor t = Tensor::empty(std::move(shape), options);
  const std::int64_t n = t.numel();
  const std::uint64_t seed = gen.next_u64();
  // Keep when the top 32 bits of the hash fall below (1 − rate)·2³².
  const auto keep_below = static_cast<std::uint64_t>((1.0 - rate) * 4294967296.0);
  visit_floating(t.dtype(), "dropout_mask", [&]<typename T>() {
    T* p = t.data<T>();
    const T scale = static_cast<T>(1.0 / (1.0 - rate));
#pragma omp parallel for schedule(static) if (n >= (1 << 15))
    for (std::int64_t i = 0; i < n; ++i) {
      std::uint64_t z = seed + static_cast<std::uint64_t>(i) * 0x9e3779b97f4a7c15ULL;  // splitmix64
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
      z ^= z >> 31;
      p[i] = (z >> 32) < keep_below ? scale : T(0);
    }
  });
  return t;
}

Tensor permutation(std::int64_t n, Generator& gen) {
  Tensor t = arange(n);
  auto* p = t.data<std::int64_t>();
  for (std::int64_t i = n - 1; i > 0; --i) std::swap(p[i], p[gen.below(static_cast<std::uint64_t>(i) + 1)]);
  return t;
}

}  // namespace axon
