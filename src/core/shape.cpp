#include "axon/core/shape.hpp"

#include "axon/core/error.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace axon {

std::int64_t shape_numel(std::span<const std::int64_t> shape) {
  std::int64_t n = 1;
  for (auto d : shape) n *= d;
  return n;
}

std::string shape_str(std::span<const std::int64_t> shape) { return fmt::format("[{}]", fmt::join(shape, ", ")); }

Shape broadcast_shapes(const Shape& a, const Shape& b, const char* op) {
  if (a == b) return a;
  const std::size_t n = std::max(a.size(), b.size());
  Shape out(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t da = i < n - a.size() ? 1 : a[i - (n - a.size())];
    const std::int64_t db = i < n - b.size() ? 1 : b[i - (n - b.size())];
    check<ShapeError>(da == db || da == 1 || db == 1,
                      "{}: shapes {} and {} cannot be broadcast together (axis {}: {} vs {})", op,
                      shape_str(a), shape_str(b), i, da, db);
    out[i] = da == 1 ? db : da;
  }
  return out;
}

int normalize_axis(std::int64_t axis, int ndim, const char* op) {
  const std::int64_t a = axis < 0 ? axis + ndim : axis;
  check<IndexError>(a >= 0 && a < std::max(ndim, 1) && (ndim > 0 || a == 0),
                    "{}: axis {} is out of range for a tensor with {} dimensions", op, axis, ndim);
  return static_cast<int>(a);
}

Shape contiguous_strides(const Shape& shape) {
  Shape strides(shape.size());
  std::int64_t s = 1;
  for (std::size_t i = shape.size(); i-- > 0;) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}

}  // namespace axon
