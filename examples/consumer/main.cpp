// Fits y = 2x + 1 with autograd and plain gradient descent, using only the installed axon.
#include <axon/axon.hpp>

#include <cmath>
#include <cstdio>

int main() {
  using namespace axon;
  const Tensor x = linspace(-1, 1, 50, {.dtype = float64});
  const Tensor y = x * 2.0 + 1.0;
  Tensor w = zeros({1}, {.dtype = float64, .requires_grad = true});
  Tensor b = zeros({1}, {.dtype = float64, .requires_grad = true});
  for (int step = 0; step < 500; ++step) {
    Tensor loss = mean_squared_error(y, x * w + b);
    loss.backward();
    NoGradGuard no_grad;
    add_(w, w.grad(), -0.1);
    add_(b, b.grad(), -0.1);
    w.zero_grad();
    b.zero_grad();
  }
  std::printf("w = %.4f, b = %.4f\n", w.item(), b.item());
  return std::abs(w.item() - 2.0) < 1e-3 && std::abs(b.item() - 1.0) < 1e-3 ? 0 : 1;
}
