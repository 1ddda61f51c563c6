// Making tensors: constants, ranges, from C++ values, and random draws.
#pragma once

#include "axon/core/generator.hpp"
#include "axon/core/tensor.hpp"

#include <initializer_list>
#include <span>
#include <vector>

namespace axon {

Tensor zeros(Shape shape, TensorOptions options = {});
Tensor ones(Shape shape, TensorOptions options = {});
Tensor full(Shape shape, double value, TensorOptions options = {});
Tensor zeros_like(const Tensor& t);
Tensor ones_like(const Tensor& t);
Tensor full_like(const Tensor& t, double value);
/// A 0-d tensor.
Tensor scalar_tensor(double value, TensorOptions options = {});
/// Values start, start+step, ... below stop (numpy.arange).
Tensor arange(double start, double stop, double step = 1.0, TensorOptions options = {});
Tensor arange(std::int64_t stop, TensorOptions options = {.dtype = Dtype::int64});
/// `num` evenly spaced values from start to stop inclusive (numpy.linspace).
Tensor linspace(double start, double stop, std::int64_t num, TensorOptions options = {});
/// The n×n identity.
Tensor eye(std::int64_t n, TensorOptions options = {});

/// Copies a flat vector into a tensor of the given shape (default: 1-D). The dtype is T's unless
/// options say otherwise.
template <typename T>
Tensor from_vector(std::span<const T> values, Shape shape, TensorOptions options);
Tensor from_vector(const std::vector<float>& values, Shape shape = {});
Tensor from_vector(const std::vector<double>& values, Shape shape = {});
Tensor from_vector(const std::vector<std::int64_t>& values, Shape shape = {});
Tensor from_vector(const std::vector<std::uint8_t>& values, Shape shape = {});

/// A nested list of numbers, as written in Python: tensor({{1, 2}, {3, 4}}).
class NestedList {
 public:
  NestedList(double value) : value_(value), is_leaf_(true) {}  // NOLINT: implicit on purpose
  NestedList(std::initializer_list<NestedList> items) : items_(items) {}
  bool is_leaf() const { return is_leaf_; }
  double value() const { return value_; }
  const std::vector<NestedList>& items() const { return items_; }
 private:
  std::vector<NestedList> items_;
  double value_ = 0.0;
  bool is_leaf_ = false;
};
/// torch.tensor: tensor({{1, 2}, {3, 4}}, {.dtype = float64}). Ragged lists are a ShapeError.
Tensor tensor(const NestedList& values, TensorOptions options = {});

// Random draws, from `gen` (default: the process-wide generator).
/// Uniform on [0, 1).
Tensor rand(Shape shape, TensorOptions options = {}, Generator& gen = default_generator());
/// Uniform on [low, high).
Tensor uniform(Shape shape, double low, double high, TensorOptions options = {},
               Generator& gen = default_generator());
/// Standard normal, or normal(mean, std).
Tensor randn(Shape shape, TensorOptions options = {}, Generator& gen = default_generator());
Tensor normal(Shape shape, double mean, double std, TensorOptions options = {},
              Generator& gen = default_generator());
/// Integers uniform on [low, high), int64 by default.
Tensor randint(std::int64_t low, std::int64_t high, Shape shape,
               TensorOptions options = {.dtype = Dtype::int64}, Generator& gen = default_generator());
/// 1 with probability p, else 0, in the dtype of options (float32 by default).
Tensor bernoulli(Shape shape, double p, TensorOptions options = {}, Generator& gen = default_generator());
/// Elementwise: 1 with probability p[i].
Tensor bernoulli(const Tensor& p, Generator& gen = default_generator());
/// Inverted-dropout mask: each element 1/(1 − rate) with probability 1 − rate, else 0. One draw
/// from `gen` seeds a counter-based hash per element (splitmix64 of seed + index), so the mask is
/// filled by all threads and still depends only on the generator's state, not on the thread count.
Tensor dropout_mask(Shape shape, double rate, TensorOptions options = {}, Generator& gen = default_generator());
/// A random ordering of 0..n-1 (int64), by Fisher–Yates.
Tensor permutation(std::int64_t n, Generator& gen = default_generator());

}  // namespace axon
