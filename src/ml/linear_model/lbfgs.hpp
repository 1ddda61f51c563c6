// Limited-memory BFGS as scipy.optimize.minimize(method="L-BFGS-B") runs it without bounds (what
// scikit-learn's lbfgs solvers call): memory m = 10, B₀ = θI with θ = yᵀy/sᵀy, the first step
// 1/||d||, More–Thuente's line search (dcsrch: ftol 1e-3, gtol 0.9, xtol 0.1, at most maxls
// evaluations), a reset of the memory when a line search fails, and scipy's stopping rules:
// max |g_i| ≤ gtol (pgtol), or (f_old − f)/max(|f_old|, |f|, 1) ≤ ftol, or max_iter iterations.
// Private to src/ml.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace axon::ml::linear_detail {

struct LbfgsOptions {
  std::int64_t max_iter = 100;
  double gtol = 1e-5;
  double ftol = 2.220446049250313e-09;  ///< scipy's default (factr·eps = 1e7·eps)
  int m = 10;
  int maxls = 20;
  std::int64_t maxfun = 15000;
};

struct LbfgsResult {
  std::int64_t n_iter = 0;   ///< scipy's nit (sklearn's n_iter_)
  std::int64_t n_fev = 0;
  bool converged = false;    ///< a gradient or relative-reduction test stopped it
  std::string message;       ///< scipy's task text
  double f = 0;
};

/// Minimises f from x (updated in place). fg(x, g) returns f(x) and writes ∇f(x) into g.
using ObjectiveFn = std::function<double(const std::vector<double>& x, std::vector<double>& g)>;
LbfgsResult lbfgs_minimize(const ObjectiveFn& fg, std::vector<double>& x, const LbfgsOptions& options);

}  // namespace axon::ml::linear_detail
