// The math of every elementwise kernel: each unary op's value and derivative side by side, and each
// binary op's value. Both backends instantiate these, so `ref` and `cpu` differ only in how they
// loop, never in what they compute.
#pragma once

#include "axon/core/backend.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <type_traits>

namespace axon::kernels {

// e^x for float in arithmetic alone, so that loops over it vectorize (a call to expf does not):
// Cephes' expf, i.e. x = n·ln 2 + r with ln 2 in two parts (Cody–Waite), e^r by a degree-7
// polynomial, and 2^n applied as two factors so that denormal results and overflow to inf come
// out right. Within 2 ulp of the correctly rounded value (tests/core/kernels/elementwise_math_test).
[[gnu::always_inline]] inline float exp_float(float x) {
  const bool nan = x != x;
  const float xc = nan ? 0.0f : std::min(std::max(x, -104.0f), 88.75f);  // beyond: 0 and inf
  const float n = (xc * 1.44269504088896341f + 12582912.0f) - 12582912.0f;  // round(x / ln 2)
  const float r = (xc - n * 0.693359375f) - n * -2.12194440e-4f;
  float q = 1.9875691500e-4f;
  q = q * r + 1.3981999507e-3f;
  q = q * r + 8.3334519073e-3f;
  q = q * r + 4.1665795894e-2f;
  q = q * r + 1.6666665459e-1f;
  q = q * r + 5.0000001201e-1f;
  const float e_r = q * r * r + r + 1.0f;
  const auto k = static_cast<std::int32_t>(n);
  const std::int32_t k1 = k >> 1, k2 = k - k1;  // each in [-76, 64]: a normal power of two
  const float y = e_r * std::bit_cast<float>((k1 + 127) << 23) * std::bit_cast<float>((k2 + 127) << 23);
  return nan ? x : y;
}

/// e^x: exp_float for float (vectorizable), std::exp for double.
template <typename T>
[[gnu::always_inline]] inline T exp_of(T x) {
  if constexpr (std::is_same_v<T, float>) return exp_float(x);
  else return std::exp(x);
}

/// σ(x), stable on both sides: with e = exp(−|x|) ≤ 1, 1/(1 + e) for x ≥ 0 and e/(1 + e) below.
template <typename T>
[[gnu::always_inline]] inline T sigmoid_of(T x) {
  const T e = exp_of(-std::abs(x));
  return x >= T(0) ? T(1) / (T(1) + e) : e / (T(1) + e);
}

template <UnaryOp Op> struct Unary;

// Each specialization: fwd(x, p) = f(x); grad(gy, x, y, p) = gy · f'(x), where y = f(x).
#define AXON_UNARY(OP, FWD, GRAD)                                                    \
  template <> struct Unary<UnaryOp::OP> {                                            \
    template <typename T> static T fwd(T x, UnaryParams p) { (void)p; return FWD; }  \
    template <typename T> static T grad(T gy, T x, T y, UnaryParams p) {             \
      (void)gy; (void)x; (void)y; (void)p; return GRAD;                              \
    }                                                                                \
  };
// (A macro here because 18 four-line structs would hide the one line of math each holds.)

AXON_UNARY(neg, -x, -gy)
AXON_UNARY(exp, exp_of(x), gy * y)
AXON_UNARY(log, std::log(x), gy / x)
AXON_UNARY(log1p, std::log1p(x), gy / (T(1) + x))
AXON_UNARY(sqrt, std::sqrt(x), gy * T(0.5) / y)
AXON_UNARY(abs, std::abs(x), x > T(0) ? gy : (x < T(0) ? -gy : T(0)))
AXON_UNARY(sign, T((x > T(0)) - (x < T(0))), T(0))
AXON_UNARY(square, x * x, gy * T(2) * x)
AXON_UNARY(reciprocal, T(1) / x, -gy * y * y)
AXON_UNARY(relu, x > T(0) ? x : T(0), x > T(0) ? gy : T(0))
AXON_UNARY(sigmoid, sigmoid_of(x), gy * y * (T(1) - y))
AXON_UNARY(tanh, std::tanh(x), gy * (T(1) - y * y))
// softplus(x) = max(x, 0) + log1p(exp(-|x|)); its derivative is sigmoid(x).
AXON_UNARY(softplus, std::max(x, T(0)) + std::log1p(exp_of(-std::abs(x))), gy * sigmoid_of(x))
// gelu(x) = x·Φ(x); d/dx = Φ(x) + x·φ(x).
AXON_UNARY(gelu, x * T(0.5) * (T(1) + std::erf(x * T(std::numbers::sqrt2 / 2))),
           gy * (T(0.5) * (T(1) + std::erf(x * T(std::numbers::sqrt2 / 2))) +
                 x * T(0.5 * std::numbers::inv_sqrtpi * std::numbers::sqrt2) * exp_of(T(-0.5) * x * x)))
// elu(x) = x for x > 0, a·(exp(x) − 1) otherwise; d/dx = 1 or y + a.
AXON_UNARY(elu, x > T(0) ? x : T(p.a) * std::expm1(x), x > T(0) ? gy : gy * (y + T(p.a)))
AXON_UNARY(leaky_relu, x > T(0) ? x : T(p.a) * x, x > T(0) ? gy : gy * T(p.a))
AXON_UNARY(pow, std::pow(x, T(p.a)), p.a == 0 ? T(0) : gy * T(p.a) * std::pow(x, T(p.a - 1)))
// clip passes the gradient where the input was inside [a, b] (bounds included, as PyTorch).
AXON_UNARY(clip, std::min(std::max(x, T(p.a)), T(p.b)), (x >= T(p.a) && x <= T(p.b)) ? gy : T(0))
#undef AXON_UNARY

/// Calls f.template operator()<Op>() for the runtime op.
template <typename F>
decltype(auto) visit_unary(UnaryOp op, F&& f) {
  switch (op) {
    case UnaryOp::neg: return f.template operator()<UnaryOp::neg>();
    case UnaryOp::exp: return f.template operator()<UnaryOp::exp>();
    case UnaryOp::log: return f.template operator()<UnaryOp::log>();
    case UnaryOp::log1p: return f.template operator()<UnaryOp::log1p>();
    case UnaryOp::sqrt: return f.template operator()<UnaryOp::sqrt>();
    case UnaryOp::abs: return f.template operator()<UnaryOp::abs>();
    case UnaryOp::sign: return f.template operator()<UnaryOp::sign>();
    case UnaryOp::square: return f.template operator()<UnaryOp::square>();
    case UnaryOp::reciprocal: return f.template operator()<UnaryOp::reciprocal>();
    case UnaryOp::relu: return f.template operator()<UnaryOp::relu>();
    case UnaryOp::sigmoid: return f.template operator()<UnaryOp::sigmoid>();
    case UnaryOp::tanh: return f.template operator()<UnaryOp::tanh>();
    case UnaryOp::softplus: return f.template operator()<UnaryOp::softplus>();
    case UnaryOp::gelu: return f.template operator()<UnaryOp::gelu>();
    case UnaryOp::elu: return f.template operator()<UnaryOp::elu>();
    case UnaryOp::leaky_relu: return f.template operator()<UnaryOp::leaky_relu>();
    case UnaryOp::pow: return f.template operator()<UnaryOp::pow>();
    case UnaryOp::clip: break;
  }
  return f.template operator()<UnaryOp::clip>();
}

template <BinaryOp Op> struct Binary;
#define AXON_BINARY(OP, EXPR) \
  template <> struct Binary<BinaryOp::OP> { template <typename T> static auto apply(T a, T b) { return EXPR; } };
AXON_BINARY(add, T(a + b))
AXON_BINARY(sub, T(a - b))
AXON_BINARY(mul, T(a * b))
AXON_BINARY(div, T(a / b))
AXON_BINARY(pow, T(std::pow(a, b)))
// NaN propagates through maximum/minimum, as numpy.
AXON_BINARY(maximum, T(a != a ? a : (b != b ? b : std::max(a, b))))
AXON_BINARY(minimum, T(a != a ? a : (b != b ? b : std::min(a, b))))
AXON_BINARY(eq, std::uint8_t(a == b))
AXON_BINARY(ne, std::uint8_t(a != b))
AXON_BINARY(lt, std::uint8_t(a < b))
AXON_BINARY(le, std::uint8_t(a <= b))
AXON_BINARY(gt, std::uint8_t(a > b))
AXON_BINARY(ge, std::uint8_t(a >= b))
#undef AXON_BINARY

template <typename F>
decltype(auto) visit_binary(BinaryOp op, F&& f) {
  switch (op) {
    case BinaryOp::add: return f.template operator()<BinaryOp::add>();
    case BinaryOp::sub: return f.template operator()<BinaryOp::sub>();
    case BinaryOp::mul: return f.template operator()<BinaryOp::mul>();
    case BinaryOp::div: return f.template operator()<BinaryOp::div>();
    case BinaryOp::pow: return f.template operator()<BinaryOp::pow>();
    case BinaryOp::maximum: return f.template operator()<BinaryOp::maximum>();
    case BinaryOp::minimum: return f.template operator()<BinaryOp::minimum>();
    case BinaryOp::eq: return f.template operator()<BinaryOp::eq>();
    case BinaryOp::ne: return f.template operator()<BinaryOp::ne>();
    case BinaryOp::lt: return f.template operator()<BinaryOp::lt>();
    case BinaryOp::le: return f.template operator()<BinaryOp::le>();
    case BinaryOp::gt: return f.template operator()<BinaryOp::gt>();
    case BinaryOp::ge: break;
  }
  return f.template operator()<BinaryOp::ge>();
}

/// x viewed as [outer, n, inner] around `axis`.
struct AxisSplit {
  std::int64_t outer = 1, n = 1, inner = 1;
};
inline AxisSplit split_at_axis(const Shape& shape, int axis) {
  AxisSplit s;
  for (int i = 0; i < static_cast<int>(shape.size()); ++i) {
    const std::int64_t d = shape[static_cast<std::size_t>(i)];
    if (i < axis) s.outer *= d; else if (i == axis) s.n = d; else s.inner *= d;
  }
  return s;
}

/// Strides (in elements) of `in` when broadcast to `out_shape`: 0 along broadcast axes.
inline Shape broadcast_strides(const Shape& in, const Shape& out_shape) {
  Shape strides(out_shape.size(), 0);
  const Shape own = contiguous_strides(in);
  const std::size_t lead = out_shape.size() - in.size();
  for (std::size_t i = 0; i < in.size(); ++i) strides[lead + i] = in[i] == 1 ? 0 : own[i];
  return strides;
}

}  // namespace axon::kernels
