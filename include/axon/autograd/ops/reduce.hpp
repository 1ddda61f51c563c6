// Differentiable reductions along axes, numpy-style (axis, keepdims).
#pragma once

#include "axon/core/tensor.hpp"

#include <initializer_list>
#include <optional>
#include <vector>

namespace axon {

/// Which axes to reduce: none given means all. sum(x), sum(x, 1), sum(x, {0, 2}).
class Axes {
 public:
  Axes() = default;
  Axes(int axis) : axes_{axis} {}  // NOLINT: implicit, as numpy's axis=1
  Axes(std::initializer_list<int> axes) : axes_(axes) {}
  explicit Axes(std::vector<int> axes) : axes_(std::move(axes)) {}
  bool all() const { return axes_.empty(); }
  /// Sorted, non-negative, unique axes for a tensor of `ndim` dimensions.
  std::vector<int> resolve(int ndim, const char* op) const;
 private:
  std::vector<int> axes_;
};

/// uint8 tensors (masks) sum to int64, as numpy.
Tensor sum(const Tensor& x, Axes axes = {}, bool keepdims = false);
Tensor mean(const Tensor& x, Axes axes = {}, bool keepdims = false);
/// Variance with numpy's ddof (0 by default: the population variance; ddof = 1 for the sample).
Tensor var(const Tensor& x, Axes axes = {}, int ddof = 0, bool keepdims = false);
Tensor std(const Tensor& x, Axes axes = {}, int ddof = 0, bool keepdims = false);
/// The gradient of max/min is shared equally among tied maxima (as torch.amax).
Tensor max(const Tensor& x, Axes axes = {}, bool keepdims = false);
Tensor min(const Tensor& x, Axes axes = {}, bool keepdims = false);
/// log(sum(exp(x))) computed stably.
Tensor logsumexp(const Tensor& x, Axes axes = {}, bool keepdims = false);
/// Index of the first maximum along `axis` (int64); over the flattened tensor when axis is absent.
Tensor argmax(const Tensor& x, std::optional<int> axis = std::nullopt, bool keepdims = false);
Tensor argmin(const Tensor& x, std::optional<int> axis = std::nullopt, bool keepdims = false);

}  // namespace axon
