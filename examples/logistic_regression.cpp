// The README's example: logistic regression's negative log-likelihood minimized by gradient
// descent on the autograd engine. Built and run by the tests, so the README cannot rot.
#include <axon/axon.hpp>
using namespace axon;

int main() {
  // Logistic regression's negative log-likelihood, minimized by gradient descent.
  Tensor X = randn({400, 3}, {.dtype = float64});
  Tensor y = astype(gt(matmul(X, tensor({{1.0}, {-2.0}, {0.5}}, {.dtype = float64})), 0.0), float64);
  Tensor w = zeros({3, 1}, {.dtype = float64, .requires_grad = true});
  for (int step = 0; step < 100; ++step) {
    Tensor nll = binary_crossentropy(y, matmul(X, w), /*from_logits=*/true);
    nll.backward();
    NoGradGuard no_grad;
    add_(w, w.grad(), -0.5);   // w -= 0.5 · ∇w
    w.zero_grad();
  }
  fmt::print("{}\n", w);

  // The data is separable by w ∝ (1, −2, 0.5): the fit must point the same way.
  const auto v = w.to_vector<double>();
  return v[0] > 0 && v[1] < -1.5 * v[0] && v[2] > 0 ? 0 : 1;
}
