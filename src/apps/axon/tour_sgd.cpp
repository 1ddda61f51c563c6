// Tour section 1. The course: "θ := θ − α ∇θ J_i(θ), ONE POINT AT A TIME ... Mini-Batch: do some
// at a time", and logistic regression's NLL with gradient ∇w NLL = Xᵀ(p − y).
#include "tour.hpp"

#include "axon/autograd.hpp"
#include "axon/core.hpp"

namespace axon::tour {
namespace {

struct Line {
  double w, b, mse;
};

// Fits y ≈ w·x + b by SGD on batches of `batch_size` points, reshuffled every epoch.
Line fit_line(const Tensor& x, const Tensor& y, std::int64_t batch_size, double learning_rate, int epochs,
              Generator& gen) {
  Tensor w = zeros({1}, {.dtype = float64, .requires_grad = true});
  Tensor b = zeros({1}, {.dtype = float64, .requires_grad = true});
  const std::int64_t n = x.shape(0);
  for (int epoch = 0; epoch < epochs; ++epoch) {
    const Tensor order = permutation(n, gen);
    for (std::int64_t start = 0; start < n; start += batch_size) {
      const Tensor idx = order.rows(start, std::min(n, start + batch_size));
      const Tensor xb = index_select(x, 0, idx), yb = index_select(y, 0, idx);
      Tensor loss = mean_squared_error(yb, xb * w + b);
      loss.backward();
      NoGradGuard no_grad;
      add_(w, w.grad(), -learning_rate);
      add_(b, b.grad(), -learning_rate);
      w.zero_grad();
      b.zero_grad();
    }
  }
  NoGradGuard no_grad;
  return {w.item(), b.item(), mean_squared_error(y, x * w + b).item()};
}

}  // namespace

void sgd_and_logistic(const TourOptions& options) {
  heading(1, "Stochastic gradient descent on the autograd engine");
  Generator gen(options.seed);
  const std::int64_t n = 200;
  const double true_w = 3.0, true_b = -1.5, noise = 0.3;
  const Tensor x = uniform({n}, -1.0, 1.0, {.dtype = float64}, gen);
  const Tensor y = x * true_w + true_b + normal({n}, 0.0, noise, {.dtype = float64}, gen);
  fmt::print("data: {} points of y = {}·x {} + noise (σ = {}), x uniform on [-1, 1]\n", n, true_w, true_b, noise);

  const int epochs = options.full ? 100 : 20;
  const Line one = fit_line(x, y, 1, 0.05, epochs, gen);
  fmt::print("one point at a time  (lr 0.05, {:3} epochs): w = {:.4f}  b = {:.4f}  mse = {:.4f}\n", epochs, one.w,
             one.b, one.mse);
  const Line mini = fit_line(x, y, 16, 0.2, epochs * 5, gen);
  fmt::print("mini-batches of 16   (lr 0.2,  {:3} epochs): w = {:.4f}  b = {:.4f}  mse = {:.4f}\n", epochs * 5, mini.w,
             mini.b, mini.mse);
  // Closed form for comparison: w = cov(x, y) / var(x), b = ȳ − w·x̄.
  const double xm = mean(x).item(), ym = mean(y).item();
  const double w_ls = mean((x - xm) * (y - ym)).item() / var(x).item();
  const double b_ls = ym - w_ls * xm;
  fmt::print("least squares (exact)                   : w = {:.4f}  b = {:.4f}  mse = {:.4f}\n", w_ls, b_ls,
             mean_squared_error(y, x * w_ls + b_ls).item());

  fmt::print("\nlogistic regression: minimize NLL(w) = −Σ y·log p + (1 − y)·log(1 − p), p = σ(Xw)\n");
  const std::int64_t m = 400;
  // Two Gaussian blobs in 2-D, plus a column of ones for the intercept.
  const Tensor labels = bernoulli({m, 1}, 0.5, {.dtype = float64}, gen);
  const Tensor centers = labels * 2.0 - 1.0;  // −1 or +1
  const Tensor features = normal({m, 2}, 0.0, 1.0, {.dtype = float64}, gen) + centers * tensor({{1.0, 0.5}}, {.dtype = float64});
  const Tensor X = concat({ones({m, 1}, {.dtype = float64}), features}, 1);
  Tensor w = zeros({3, 1}, {.dtype = float64, .requires_grad = true});
  const double learning_rate = 0.5 / static_cast<double>(m);
  const int steps = options.full ? 500 : 100;
  for (int step = 0; step <= steps; ++step) {
    const Tensor z = matmul(X, w);
    Tensor nll = binary_crossentropy(labels, z, /*from_logits=*/true) * static_cast<double>(m);
    nll.backward();
    NoGradGuard no_grad;
    const Tensor analytic = matmul(X, sigmoid(z) - labels, {.trans_a = true});  // Xᵀ(p − y)
    if (step == 0 || step == steps || step % (steps / 4) == 0) {
      const double diff = max(abs(w.grad() - analytic)).item();
      fmt::print("step {:3}: NLL = {:8.3f}  autograd ∇ = [{:8.4f} {:8.4f} {:8.4f}]  Xᵀ(p − y) = [{:8.4f} {:8.4f} {:8.4f}]  "
                 "max |diff| = {:.1e}\n",
                 step, nll.item(), w.grad().to_vector<double>()[0], w.grad().to_vector<double>()[1],
                 w.grad().to_vector<double>()[2], analytic.to_vector<double>()[0], analytic.to_vector<double>()[1],
                 analytic.to_vector<double>()[2], diff);
    }
    add_(w, w.grad(), -learning_rate);
    w.zero_grad();
  }
  NoGradGuard no_grad;
  const Tensor predicted = astype(gt(matmul(X, w), 0.0), float64);
  const double accuracy = mean(eq(predicted, labels)).item();
  const auto wv = w.to_vector<double>();
  fmt::print("fitted w = [{:.4f} {:.4f} {:.4f}] (intercept, x1, x2); training accuracy {:.1f}%\n", wv[0], wv[1], wv[2],
             100 * accuracy);
}

}  // namespace axon::tour
