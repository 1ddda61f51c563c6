// sklearn.linear_model.Lasso: least squares with an L1 penalty (ElasticNet with l1_ratio = 1).
#pragma once

#include "axon/ml/linear_model/elastic_net.hpp"

namespace axon::ml {

struct LassoOptions {
  double alpha = 1.0;
  bool fit_intercept = true;
  std::int64_t max_iter = 1000;
  double tol = 1e-4;
  bool positive = false;
  std::string selection = "cyclic";
  std::optional<std::int64_t> random_state;
};

/// Minimises 1/(2n)·||y − Xw − b||² + alpha·||w||₁ by the coordinate descent of ElasticNet.
class Lasso : public LinearModel<Lasso, LassoOptions> {
 public:
  using LinearModel::LinearModel;
  std::string name() const override { return "Lasso"; }
  Lasso& fit(const Data& X, const Tensor& y = {}) override;
  std::int64_t n_iter() const;
  double dual_gap() const;

 protected:
  std::vector<ParamBinding> bindings() override;

 private:
  ElasticNet enet_;  ///< the fit (l1_ratio = 1), for n_iter and dual_gap
};

}  // namespace axon::ml
