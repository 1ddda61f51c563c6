// Shapes, broadcasting and axis arithmetic shared by every op.
#pragma once

#include <fmt/format.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace axon {

/// Row-major extents, outermost first, as in numpy. A 0-d tensor (a scalar) has an empty shape.
using Shape = std::vector<std::int64_t>;

std::int64_t shape_numel(std::span<const std::int64_t> shape);
/// "[32, 784]", the way every error message prints a shape.
std::string shape_str(std::span<const std::int64_t> shape);
/// The same text, built only if the message is: pass shape_text(s) to check(), never shape_str(s),
/// whose string would be built on every successful call too (it once was most of a small op's cost).
struct ShapeText {
  std::span<const std::int64_t> dims;
};
inline ShapeText shape_text(std::span<const std::int64_t> shape) { return {shape}; }
/// numpy broadcasting of two shapes; throws ShapeError naming `op` when they do not broadcast.
Shape broadcast_shapes(const Shape& a, const Shape& b, const char* op);
/// Maps a possibly negative axis into [0, ndim); throws IndexError naming `op` when out of range.
int normalize_axis(std::int64_t axis, int ndim, const char* op);
/// Row-major strides in elements.
Shape contiguous_strides(const Shape& shape);

}  // namespace axon

template <>
struct fmt::formatter<axon::ShapeText> : fmt::formatter<std::string_view> {
  auto format(const axon::ShapeText& s, fmt::format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(axon::shape_str(s.dims), ctx);
  }
};
