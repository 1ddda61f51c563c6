// Elementwise ops: each forward calls one kernel; its backward is written beside it.
#include "axon/autograd/ops/elementwise.hpp"

#include "axon/autograd/node.hpp"
#include "axon/autograd/ops/shape.hpp"
#include "axon/core/backend.hpp"
#include "axon/core/creation.hpp"

#include <cmath>

namespace axon {

using autograd::record;

namespace {

// A Python scalar next to a tensor takes the tensor's dtype (a fractional one makes an integer
// tensor float32), so x * 0.5 stays float32.
Tensor scalar_like(double v, const Tensor& t) {
  Dtype d = t.dtype();
  if (!is_floating(d) && v != std::nearbyint(v)) d = Dtype::float32;
  return scalar_tensor(v, {.dtype = d, .device = t.device()});
}

Tensor binary_kernel(BinaryOp op, const Tensor& a, const Tensor& b, const char* name) {
  check(a.defined() && b.defined(), "{}: an operand is an undefined tensor", name);
  const Dtype dtype = promote_types(a.dtype(), b.dtype());
  const Tensor& ca = a.dtype() == dtype ? a : astype(a.detach(), dtype);
  const Tensor& cb = b.dtype() == dtype ? b : astype(b.detach(), dtype);
  Tensor out = Tensor::empty(broadcast_shapes(a.shape(), b.shape(), name),
                             {.dtype = is_comparison(op) ? Dtype::uint8 : dtype, .device = a.device()});
  backend(a.device()).binary(op, ca, cb, out);
  return out;
}

Tensor unary_kernel(UnaryOp op, const Tensor& x, UnaryParams p = {}) {
  Tensor out = Tensor::empty(x.shape(), {.dtype = x.dtype(), .device = x.device()});
  backend(x.device()).unary(op, p, x, out);
  return out;
}

// A unary op whose derivative is the kernel table's (see kernels/elementwise_math.hpp).
Tensor unary_op(UnaryOp op, const char* name, const Tensor& x, UnaryParams p = {}) {
  check(is_floating(x.dtype()), "{}: expected a float32 or float64 tensor, got {}", name, dtype_name(x.dtype()));
  Tensor y = unary_kernel(op, x, p);
  return record(name, y, {x}, [op, p, x = x.detach(), y](const Tensor& gy) -> autograd::Grads {
    Tensor gx = Tensor::empty(gy.shape(), {.dtype = gy.dtype(), .device = gy.device()});
    backend(gy.device()).unary_backward(op, p, gy, x, y, gx);
    return {gx};
  });
}

Tensor as_float(const Tensor& mask, Dtype dtype) { return astype(mask, dtype); }

}  // namespace

// d(a + b) = (gy, gy); broadcasting is undone by the engine.
Tensor add(const Tensor& a, const Tensor& b) {
  return record("add", binary_kernel(BinaryOp::add, a, b, "add"), {a, b},
                [](const Tensor& gy) -> autograd::Grads { return {gy, gy}; });
}

Tensor sub(const Tensor& a, const Tensor& b) {
  return record("sub", binary_kernel(BinaryOp::sub, a, b, "sub"), {a, b},
                [](const Tensor& gy) -> autograd::Grads { return {gy, neg(gy)}; });
}

// d(a·b) = (gy·b, gy·a)
Tensor mul(const Tensor& a, const Tensor& b) {
  return record("mul", binary_kernel(BinaryOp::mul, a, b, "mul"), {a, b},
                [a = a.detach(), b = b.detach()](const Tensor& gy) -> autograd::Grads { return {gy * b, gy * a}; });
}

// d(a/b) = (gy/b, −gy·y/b)
Tensor div(const Tensor& a, const Tensor& b) {
  Tensor y = binary_kernel(BinaryOp::div, a, b, "div");
  return record("div", y, {a, b}, [b = b.detach(), y](const Tensor& gy) -> autograd::Grads {
    Tensor ga = gy / b;
    return {ga, neg(ga * y)};
  });
}

// d(a^b) = (gy·b·a^(b−1), gy·y·log a)
Tensor pow(const Tensor& a, const Tensor& b) {
  Tensor y = binary_kernel(BinaryOp::pow, a, b, "pow");
  return record("pow", y, {a, b},
                [a = a.detach(), b = b.detach(), y, a_grad = a.requires_grad(), b_grad = b.requires_grad()](
                    const Tensor& gy) -> autograd::Grads {
                  return {a_grad ? gy * b * pow(a, b - 1.0) : Tensor(), b_grad ? gy * y * log(a) : Tensor()};
                });
}

Tensor pow(const Tensor& a, double exponent) { return unary_op(UnaryOp::pow, "pow", a, {.a = exponent}); }

namespace {
// maximum/minimum route the gradient to the chosen side, half to each on ties (as PyTorch).
Tensor extremum(BinaryOp op, const char* name, const Tensor& a, const Tensor& b) {
  Tensor y = binary_kernel(op, a, b, name);
  return record(name, y, {a, b}, [op, a = a.detach(), b = b.detach()](const Tensor& gy) -> autograd::Grads {
    const Tensor wins = as_float(op == BinaryOp::maximum ? gt(a, b) : lt(a, b), gy.dtype());
    const Tensor w = wins + as_float(eq(a, b), gy.dtype()) * 0.5;
    return {gy * w, gy * (1.0 - w)};
  });
}
}  // namespace
Tensor maximum(const Tensor& a, const Tensor& b) { return extremum(BinaryOp::maximum, "maximum", a, b); }
Tensor minimum(const Tensor& a, const Tensor& b) { return extremum(BinaryOp::minimum, "minimum", a, b); }

Tensor operator+(const Tensor& a, const Tensor& b) { return add(a, b); }
Tensor operator-(const Tensor& a, const Tensor& b) { return sub(a, b); }
Tensor operator*(const Tensor& a, const Tensor& b) { return mul(a, b); }
Tensor operator/(const Tensor& a, const Tensor& b) { return div(a, b); }
Tensor operator-(const Tensor& a) { return neg(a); }
Tensor operator+(const Tensor& a, double b) { return add(a, scalar_like(b, a)); }
Tensor operator-(const Tensor& a, double b) { return sub(a, scalar_like(b, a)); }
Tensor operator*(const Tensor& a, double b) { return mul(a, scalar_like(b, a)); }
Tensor operator/(const Tensor& a, double b) { return div(a, scalar_like(b, a)); }
Tensor operator+(double a, const Tensor& b) { return add(scalar_like(a, b), b); }
Tensor operator-(double a, const Tensor& b) { return sub(scalar_like(a, b), b); }
Tensor operator*(double a, const Tensor& b) { return mul(scalar_like(a, b), b); }
Tensor operator/(double a, const Tensor& b) { return div(scalar_like(a, b), b); }

Tensor neg(const Tensor& x) {
  if (!is_floating(x.dtype())) return sub(scalar_like(0, x), x);
  return unary_op(UnaryOp::neg, "neg", x);
}
Tensor exp(const Tensor& x) { return unary_op(UnaryOp::exp, "exp", x); }
Tensor log(const Tensor& x) { return unary_op(UnaryOp::log, "log", x); }
Tensor log1p(const Tensor& x) { return unary_op(UnaryOp::log1p, "log1p", x); }
Tensor sqrt(const Tensor& x) { return unary_op(UnaryOp::sqrt, "sqrt", x); }
Tensor abs(const Tensor& x) { return unary_op(UnaryOp::abs, "abs", x); }
Tensor square(const Tensor& x) { return unary_op(UnaryOp::square, "square", x); }
Tensor reciprocal(const Tensor& x) { return unary_op(UnaryOp::reciprocal, "reciprocal", x); }
Tensor sign(const Tensor& x) { return unary_kernel(UnaryOp::sign, x); }
Tensor clip(const Tensor& x, double min, double max) {
  check(min <= max, "clip: min ({}) must not exceed max ({})", min, max);
  return unary_op(UnaryOp::clip, "clip", x, {.a = min, .b = max});
}
Tensor relu(const Tensor& x) { return unary_op(UnaryOp::relu, "relu", x); }
Tensor leaky_relu(const Tensor& x, double negative_slope) {
  return unary_op(UnaryOp::leaky_relu, "leaky_relu", x, {.a = negative_slope});
}
Tensor elu(const Tensor& x, double alpha) { return unary_op(UnaryOp::elu, "elu", x, {.a = alpha}); }
Tensor sigmoid(const Tensor& x) { return unary_op(UnaryOp::sigmoid, "sigmoid", x); }
Tensor tanh(const Tensor& x) { return unary_op(UnaryOp::tanh, "tanh", x); }
Tensor softplus(const Tensor& x) { return unary_op(UnaryOp::softplus, "softplus", x); }
Tensor gelu(const Tensor& x) { return unary_op(UnaryOp::gelu, "gelu", x); }

Tensor eq(const Tensor& a, const Tensor& b) { return binary_kernel(BinaryOp::eq, a, b, "eq"); }
Tensor ne(const Tensor& a, const Tensor& b) { return binary_kernel(BinaryOp::ne, a, b, "ne"); }
Tensor lt(const Tensor& a, const Tensor& b) { return binary_kernel(BinaryOp::lt, a, b, "lt"); }
Tensor le(const Tensor& a, const Tensor& b) { return binary_kernel(BinaryOp::le, a, b, "le"); }
Tensor gt(const Tensor& a, const Tensor& b) { return binary_kernel(BinaryOp::gt, a, b, "gt"); }
Tensor ge(const Tensor& a, const Tensor& b) { return binary_kernel(BinaryOp::ge, a, b, "ge"); }
Tensor gt(const Tensor& a, double b) { return gt(a, scalar_like(b, a)); }
Tensor lt(const Tensor& a, double b) { return lt(a, scalar_like(b, a)); }

// d where(c, a, b) = (where(c, gy, 0), where(c, 0, gy))
Tensor where(const Tensor& cond, const Tensor& a, const Tensor& b) {
  check(cond.dtype() == Dtype::uint8, "where: the condition must be a uint8 mask, got {}", dtype_name(cond.dtype()));
  const Dtype dtype = promote_types(a.dtype(), b.dtype());
  const Tensor ca = a.dtype() == dtype ? a : astype(a, dtype);
  const Tensor cb = b.dtype() == dtype ? b : astype(b, dtype);
  Tensor out = Tensor::empty(broadcast_shapes(broadcast_shapes(cond.shape(), a.shape(), "where"), b.shape(), "where"),
                             {.dtype = dtype, .device = a.device()});
  backend(out.device()).where(cond, ca, cb, out);
  return record("where", out, {ca, cb}, [cond](const Tensor& gy) -> autograd::Grads {
    const Tensor zero = zeros({}, {.dtype = gy.dtype()});
    return {where(cond, gy, zero), where(cond, zero, gy)};
  });
}

namespace {
void check_in_place(const Tensor& t, const char* op) {
  check(!(is_grad_enabled() && t.requires_grad()),
        "{}: in-place update of a tensor that requires grad while grad mode is on; wrap it in NoGradGuard", op);
}
}  // namespace

Tensor& add_(Tensor& t, const Tensor& other, double alpha) {
  check_in_place(t, "add_");
  check<ShapeError>(broadcast_shapes(t.shape(), other.shape(), "add_") == t.shape(),
                    "add_: cannot add shape {} into shape {} in place", shape_text(other.shape()), shape_text(t.shape()));
  const Tensor src = other.dtype() == t.dtype() ? other : astype(other, t.dtype());
  if (src.shape() == t.shape() && is_floating(t.dtype())) {
    backend(t.device()).axpy(alpha, src, t);  // one pass, no temporary
  } else {
    backend(t.device()).binary(BinaryOp::add, t, alpha == 1.0 ? src : src.detach() * alpha, t);
  }
  return t;
}

Tensor& mul_(Tensor& t, double factor) {
  check_in_place(t, "mul_");
  backend(t.device()).binary(BinaryOp::mul, t, scalar_like(factor, t), t);
  return t;
}

Tensor& mul_(Tensor& t, const Tensor& other) {
  check_in_place(t, "mul_");
  check<ShapeError>(broadcast_shapes(t.shape(), other.shape(), "mul_") == t.shape(),
                    "mul_: cannot multiply shape {} into shape {} in place", shape_text(other.shape()),
                    shape_text(t.shape()));
  backend(t.device()).binary(BinaryOp::mul, t, other.dtype() == t.dtype() ? other : astype(other, t.dtype()), t);
  return t;
}

Tensor& copy_(Tensor& t, const Tensor& src) {
  check_in_place(t, "copy_");
  check<ShapeError>(t.numel() == src.numel(), "copy_: cannot copy {} elements (shape {}) into {} (shape {})",
                    src.numel(), shape_text(src.shape()), t.numel(), shape_text(t.shape()));
  backend(t.device()).cast(src, t);
  return t;
}

Tensor& fill_(Tensor& t, double value) {
  check_in_place(t, "fill_");
  backend(t.device()).fill(t, value);
  return t;
}

}  // namespace axon
