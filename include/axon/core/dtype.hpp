// Element types of a Tensor, and the one place where a runtime dtype becomes a C++ type.
#pragma once

#include "axon/core/error.hpp"

#include <cstdint>
#include <string_view>

namespace axon {

enum class Dtype : std::uint8_t { float32, float64, int64, uint8 };

inline constexpr Dtype float32 = Dtype::float32;
inline constexpr Dtype float64 = Dtype::float64;
inline constexpr Dtype int64 = Dtype::int64;
inline constexpr Dtype uint8 = Dtype::uint8;

/// numpy's spelling: "float32", "float64", "int64", "uint8".
std::string_view dtype_name(Dtype d);
std::size_t itemsize(Dtype d);
inline bool is_floating(Dtype d) { return d == Dtype::float32 || d == Dtype::float64; }

/// numpy's promotion among axon's four types: float64 > float32 > int64 > uint8.
Dtype promote_types(Dtype a, Dtype b);

template <typename T> constexpr Dtype dtype_of();
template <> constexpr Dtype dtype_of<float>() { return Dtype::float32; }
template <> constexpr Dtype dtype_of<double>() { return Dtype::float64; }
template <> constexpr Dtype dtype_of<std::int64_t>() { return Dtype::int64; }
template <> constexpr Dtype dtype_of<std::uint8_t>() { return Dtype::uint8; }

/// Calls f.template operator()<T>() with T the C++ type of d:
///   visit_dtype(x.dtype(), [&]<typename T>() { ... });
template <typename F>
decltype(auto) visit_dtype(Dtype d, F&& f) {
  switch (d) {
    case Dtype::float32: return f.template operator()<float>();
    case Dtype::float64: return f.template operator()<double>();
    case Dtype::int64: return f.template operator()<std::int64_t>();
    case Dtype::uint8: break;
  }
  return f.template operator()<std::uint8_t>();
}

/// Same, restricted to float32/float64; other dtypes throw ValueError naming `op`.
template <typename F>
decltype(auto) visit_floating(Dtype d, std::string_view op, F&& f) {
  check(is_floating(d), "{}: expected a float32 or float64 tensor, got {}", op, dtype_name(d));
  if (d == Dtype::float64) return f.template operator()<double>();
  return f.template operator()<float>();
}

}  // namespace axon
