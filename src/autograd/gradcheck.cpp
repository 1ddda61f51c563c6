#include "axon/autograd/gradcheck.hpp"

#include "axon/autograd/grad_mode.hpp"
#include "axon/autograd/ops/elementwise.hpp"
#include "axon/autograd/ops/reduce.hpp"
#include "axon/core/creation.hpp"

#include <cmath>

namespace axon {

GradcheckResult gradcheck(const std::function<Tensor(const std::vector<Tensor>&)>& f, const std::vector<Tensor>& inputs,
                          GradcheckOptions options) {
  // Fresh leaves, so the caller's tensors keep no gradient from us.
  std::vector<Tensor> leaves;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const Tensor& t = inputs[i];
    check(!is_floating(t.dtype()) || t.dtype() == Dtype::float64,
          "gradcheck: input {} is {}; finite differences need float64 inputs", i, dtype_name(t.dtype()));
    Tensor leaf = t.clone();
    if (is_floating(t.dtype())) leaf.requires_grad_(true);
    leaves.push_back(leaf);
  }

  // Analytic: gradient of sum(f(x)·r) for a fixed random r (r = 1 for a scalar output).
  Tensor projection;
  const auto objective = [&](const std::vector<Tensor>& xs) {
    const Tensor y = f(xs);
    check(y.dtype() == Dtype::float64, "gradcheck: f must return float64, got {}", dtype_name(y.dtype()));
    if (!projection.defined()) {
      Generator gen(options.seed);
      projection = y.numel() == 1 ? ones(y.shape(), {.dtype = Dtype::float64}) : randn(y.shape(), {.dtype = Dtype::float64}, gen);
    }
    return sum(y * projection);
  };
  objective(leaves).backward();

  GradcheckResult result;
  double worst_excess = 0;
  for (std::size_t i = 0; i < leaves.size(); ++i) {
    if (!leaves[i].requires_grad()) continue;
    Tensor analytic = leaves[i].grad();
    const std::vector<double> a = analytic.defined() ? analytic.to_vector<double>()
                                                     : std::vector<double>(static_cast<std::size_t>(leaves[i].numel()), 0.0);
    NoGradGuard no_grad;
    std::vector<Tensor> probe = leaves;
    probe[i] = leaves[i].detach().clone();
    double* p = probe[i].data<double>();
    for (std::int64_t j = 0; j < probe[i].numel(); ++j) {
      const double saved = p[j];
      p[j] = saved + options.eps;
      const double up = objective(probe).item<double>();
      p[j] = saved - options.eps;
      const double down = objective(probe).item<double>();
      p[j] = saved;
      const double numeric = (up - down) / (2 * options.eps);
      const double analytic_j = a[static_cast<std::size_t>(j)];
      const double excess = std::abs(analytic_j - numeric) - (options.atol + options.rtol * std::abs(numeric));
      if (excess > worst_excess || std::isnan(analytic_j) != std::isnan(numeric)) {
        worst_excess = std::isnan(excess) ? INFINITY : excess;
        result = {false, static_cast<int>(i), j, analytic_j, numeric, ""};
      }
    }
  }
  if (!result.ok)
    result.message = fmt::format("input {} element {}: analytic {:.10g} vs numeric {:.10g} (|diff| {:.3g})", result.input,
                                 result.index, result.analytic, result.numeric, std::abs(result.analytic - result.numeric));
  return result;
}

}  // namespace axon
