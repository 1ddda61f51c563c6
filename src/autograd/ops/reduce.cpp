// Reductions: sum and max/min are primitives (one kernel per axis); mean, var, std and logsumexp
// are compositions and get their gradients from the primitives.
#include "axon/autograd/ops/reduce.hpp"

#include "axon/autograd/node.hpp"
#include "axon/autograd/ops/elementwise.hpp"
#include "axon/autograd/ops/shape.hpp"
#include "axon/core/backend.hpp"
#include "axon/core/creation.hpp"

#include <algorithm>
#include <cmath>

namespace axon {

using autograd::record;

std::vector<int> Axes::resolve(int ndim, const char* op) const {
  std::vector<int> out;
  if (axes_.empty()) {
    for (int i = 0; i < ndim; ++i) out.push_back(i);
    return out;
  }
  for (int a : axes_) out.push_back(normalize_axis(a, ndim, op));
  std::sort(out.begin(), out.end());
  check(std::adjacent_find(out.begin(), out.end()) == out.end(), "{}: an axis is repeated", op);
  return out;
}

namespace {

// Shape after reducing `axes` (kept as 1 when keepdims).
Shape reduced_shape(const Shape& shape, const std::vector<int>& axes, bool keepdims) {
  Shape out;
  for (int i = 0; i < static_cast<int>(shape.size()); ++i) {
    const bool reduced = std::find(axes.begin(), axes.end(), i) != axes.end();
    if (!reduced) out.push_back(shape[static_cast<std::size_t>(i)]);
    else if (keepdims) out.push_back(1);
  }
  return out;
}

// Applies a one-axis kernel over each axis, last first, keeping dims; no autograd.
Tensor reduce_kernel(ReduceOp op, const Tensor& x, const std::vector<int>& axes, const char* name) {
  Tensor cur = x;
  for (auto it = axes.rbegin(); it != axes.rend(); ++it) {
    check<ShapeError>(cur.shape(*it) > 0 || op == ReduceOp::sum, "{}: cannot reduce an empty axis {} of shape {}",
                      name, *it, shape_text(x.shape()));
    Shape s = cur.shape();
    s[static_cast<std::size_t>(*it)] = 1;
    const Dtype dtype = (op == ReduceOp::argmax || op == ReduceOp::argmin) ? Dtype::int64 : cur.dtype();
    Tensor out = Tensor::empty(std::move(s), {.dtype = dtype, .device = x.device()});
    backend(x.device()).reduce(op, cur, *it, out);
    cur = out;
  }
  return cur;
}

}  // namespace

// d sum = gy broadcast back over the reduced axes.
Tensor sum(const Tensor& x_in, Axes axes_in, bool keepdims) {
  // Like numpy, small integers (uint8 masks) sum as int64 so that counts do not wrap at 256.
  const Tensor x = x_in.dtype() == Dtype::uint8 ? astype(x_in, Dtype::int64) : x_in;
  const auto axes = axes_in.resolve(x.ndim(), "sum");
  Tensor y = reduce_kernel(ReduceOp::sum, x, axes, "sum");
  if (!keepdims) y = y.view_as_shape(reduced_shape(x.shape(), axes, false));
  return record("sum", y, {x}, [keep = reduced_shape(x.shape(), axes, true), shape = x.shape()](const Tensor& gy) {
    return autograd::Grads{broadcast_to(reshape(gy, keep), shape)};
  });
}

Tensor mean(const Tensor& x, Axes axes_in, bool keepdims) {
  const auto axes = axes_in.resolve(x.ndim(), "mean");
  std::int64_t count = 1;
  for (int a : axes) count *= x.shape(a);
  check(count > 0, "mean: mean of an empty selection (shape {})", shape_text(x.shape()));
  const Tensor xf = is_floating(x.dtype()) ? x : astype(x, Dtype::float64);
  return sum(xf, Axes(axes), keepdims) / static_cast<double>(count);
}

Tensor var(const Tensor& x, Axes axes_in, int ddof, bool keepdims) {
  const auto axes = axes_in.resolve(x.ndim(), "var");
  std::int64_t count = 1;
  for (int a : axes) count *= x.shape(a);
  check(count - ddof > 0, "var: ddof ({}) must be below the number of elements reduced ({})", ddof, count);
  const Tensor xf = is_floating(x.dtype()) ? x : astype(x, Dtype::float64);
  const Tensor centered = xf - mean(xf, Axes(axes), true);
  return sum(square(centered), Axes(axes), keepdims) / static_cast<double>(count - ddof);
}

Tensor std(const Tensor& x, Axes axes, int ddof, bool keepdims) { return sqrt(var(x, std::move(axes), ddof, keepdims)); }

namespace {
// d max = gy shared among the positions equal to the maximum.
Tensor extremum(ReduceOp op, const char* name, const Tensor& x, const Axes& axes_in, bool keepdims) {
  const auto axes = axes_in.resolve(x.ndim(), name);
  const Tensor y_keep = reduce_kernel(op, x, axes, name);
  Tensor y = keepdims ? y_keep : y_keep.view_as_shape(reduced_shape(x.shape(), axes, false));
  return record(name, y, {x}, [x = x.detach(), y_keep, axes](const Tensor& gy) -> autograd::Grads {
    const Tensor hit = astype(eq(x, y_keep), gy.dtype());
    const Tensor count = sum(hit, Axes(axes), true);
    return {hit * (reshape(gy, y_keep.shape()) / count)};
  });
}
}  // namespace

Tensor max(const Tensor& x, Axes axes, bool keepdims) { return extremum(ReduceOp::max, "max", x, axes, keepdims); }
Tensor min(const Tensor& x, Axes axes, bool keepdims) { return extremum(ReduceOp::min, "min", x, axes, keepdims); }

// log Σ exp(x) = m + log Σ exp(x − m) with m = max(x) held constant (any constant gives the same
// value and gradient; the max keeps exp from overflowing).
Tensor logsumexp(const Tensor& x, Axes axes_in, bool keepdims) {
  const auto axes = axes_in.resolve(x.ndim(), "logsumexp");
  Tensor m = reduce_kernel(ReduceOp::max, x, axes, "logsumexp");
  {
    NoGradGuard no_grad;
    // An all −inf slice would give −inf − (−inf) = NaN; shift by 0 there instead.
    m = where(eq(abs(m), scalar_tensor(INFINITY, {.dtype = m.dtype()})), zeros({}, {.dtype = m.dtype()}), m);
  }
  Tensor y = log(sum(exp(x - m), Axes(axes), true)) + m;
  return keepdims ? y : reshape(y, reduced_shape(x.shape(), axes, false));
}

namespace {
Tensor arg_extremum(ReduceOp op, const char* name, const Tensor& x, std::optional<int> axis, bool keepdims) {
  if (!axis) {
    Tensor flat = x.view_as_shape({x.numel()});
    Tensor r = reduce_kernel(op, flat, {0}, name);
    return r.view_as_shape(keepdims ? Shape(static_cast<std::size_t>(x.ndim()), 1) : Shape{});
  }
  const int a = normalize_axis(*axis, x.ndim(), name);
  Tensor r = reduce_kernel(op, x, {a}, name);
  return keepdims ? r : r.view_as_shape(reduced_shape(x.shape(), {a}, false));
}
}  // namespace

Tensor argmax(const Tensor& x, std::optional<int> axis, bool keepdims) {
  return arg_extremum(ReduceOp::argmax, "argmax", x, axis, keepdims);
}
Tensor argmin(const Tensor& x, std::optional<int> axis, bool keepdims) {
  return arg_extremum(ReduceOp::argmin, "argmin", x, axis, keepdims);
}

}  // namespace axon
