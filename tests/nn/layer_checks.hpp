// Gradient check through a layer: the gradients of every weight and of the input, from autograd,
// against central differences in float64 (the layer must be built with set_dtype(float64)).
#pragma once

#include "axon/autograd.hpp"
#include "axon/core/creation.hpp"
#include "axon/nn/layer.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace axon::nn::testing {

inline void expect_layer_gradients(Layer& layer, const Tensor& x_in, bool training = true, double tol = 1e-6) {
  // Randomness inside the layer (dropout) must repeat between evaluations.
  auto objective = [&](const Tensor& x, const Tensor& r) {
    manual_seed(1234);
    return sum(layer.forward({x}, training) * r);
  };
  Tensor x = x_in.clone().requires_grad_();
  manual_seed(1234);
  Generator gen(99);
  const Tensor r = randn(layer.forward({x}, training).shape(), {.dtype = float64}, gen);
  for (auto& w : layer.weights()) w.value.zero_grad();
  objective(x, r).backward();

  auto check_tensor = [&](Tensor target, const Tensor& analytic, const std::string& what) {
    NoGradGuard no_grad;
    const std::vector<double> a = analytic.defined() ? analytic.to_vector<double>() : std::vector<double>(target.numel(), 0.0);
    double* p = target.data<double>();
    for (std::int64_t j = 0; j < target.numel(); ++j) {
      const double saved = p[j];
      const double eps = 1e-6;
      p[j] = saved + eps;
      const double up = objective(x.detach(), r).item();
      p[j] = saved - eps;
      const double down = objective(x.detach(), r).item();
      p[j] = saved;
      const double numeric = (up - down) / (2 * eps);
      EXPECT_NEAR(a[static_cast<std::size_t>(j)], numeric, tol * (1 + std::abs(numeric)))
          << layer.name() << ": gradient of " << what << " element " << j;
    }
  };
  check_tensor(x.detach(), x.grad(), "the input");
  for (auto& w : layer.weights())
    if (w.value.requires_grad()) check_tensor(w.value.detach(), w.value.grad(), w.name);
}

}  // namespace axon::nn::testing
