// Differentiable elementwise ops with numpy broadcasting, and the activations.
#pragma once

#include "axon/core/tensor.hpp"

namespace axon {

// Arithmetic. Mixed dtypes promote (float64 > float32 > int64 > uint8); a double scalar takes the
// tensor's dtype, as a Python scalar does in numpy and PyTorch.
Tensor add(const Tensor& a, const Tensor& b);
Tensor sub(const Tensor& a, const Tensor& b);
Tensor mul(const Tensor& a, const Tensor& b);
Tensor div(const Tensor& a, const Tensor& b);
Tensor pow(const Tensor& a, const Tensor& b);
Tensor pow(const Tensor& a, double exponent);
Tensor maximum(const Tensor& a, const Tensor& b);
Tensor minimum(const Tensor& a, const Tensor& b);

Tensor operator+(const Tensor& a, const Tensor& b);
Tensor operator-(const Tensor& a, const Tensor& b);
Tensor operator*(const Tensor& a, const Tensor& b);
Tensor operator/(const Tensor& a, const Tensor& b);
Tensor operator-(const Tensor& a);
Tensor operator+(const Tensor& a, double b);
Tensor operator-(const Tensor& a, double b);
Tensor operator*(const Tensor& a, double b);
Tensor operator/(const Tensor& a, double b);
Tensor operator+(double a, const Tensor& b);
Tensor operator-(double a, const Tensor& b);
Tensor operator*(double a, const Tensor& b);
Tensor operator/(double a, const Tensor& b);

Tensor neg(const Tensor& x);
Tensor exp(const Tensor& x);
Tensor log(const Tensor& x);
Tensor log1p(const Tensor& x);
Tensor sqrt(const Tensor& x);
Tensor abs(const Tensor& x);
Tensor square(const Tensor& x);
Tensor reciprocal(const Tensor& x);
/// -1, 0 or 1; not differentiable (its gradient is zero).
Tensor sign(const Tensor& x);
/// Limits values to [min, max]; the gradient passes where the input was inside (bounds included).
Tensor clip(const Tensor& x, double min, double max);

// Activations (Keras names and defaults).
Tensor relu(const Tensor& x);
/// x for x > 0, negative_slope·x otherwise (Keras's default slope 0.2).
Tensor leaky_relu(const Tensor& x, double negative_slope = 0.2);
/// x for x > 0, alpha·(exp(x) − 1) otherwise.
Tensor elu(const Tensor& x, double alpha = 1.0);
Tensor sigmoid(const Tensor& x);
Tensor tanh(const Tensor& x);
/// log(1 + exp(x)), stable for large |x|.
Tensor softplus(const Tensor& x);
/// Exact GELU, x·Φ(x) (Keras's approximate=False).
Tensor gelu(const Tensor& x);

// Comparisons give uint8 tensors of 0/1 and are not differentiable.
Tensor eq(const Tensor& a, const Tensor& b);
Tensor ne(const Tensor& a, const Tensor& b);
Tensor lt(const Tensor& a, const Tensor& b);
Tensor le(const Tensor& a, const Tensor& b);
Tensor gt(const Tensor& a, const Tensor& b);
Tensor ge(const Tensor& a, const Tensor& b);
Tensor gt(const Tensor& a, double b);
Tensor lt(const Tensor& a, double b);

/// cond ? a : b elementwise, with broadcasting; cond is a uint8 mask (any nonzero is true).
Tensor where(const Tensor& cond, const Tensor& a, const Tensor& b);

// In-place updates for optimizers and accumulators. They refuse a tensor that requires grad while
// grad mode is on (the graph would not see the change).
/// t += alpha · other (other broadcasts to t's shape).
Tensor& add_(Tensor& t, const Tensor& other, double alpha = 1.0);
Tensor& mul_(Tensor& t, double factor);
Tensor& mul_(Tensor& t, const Tensor& other);
/// Copies src's values into t (same numel; dtypes convert).
Tensor& copy_(Tensor& t, const Tensor& src);
Tensor& fill_(Tensor& t, double value);

}  // namespace axon
