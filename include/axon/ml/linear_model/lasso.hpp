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
class Lasso : public EstimatorBase<Lasso, LassoOptions> {
 public:
  using EstimatorBase::EstimatorBase;
  std::string name() const override { return "Lasso"; }
  Kind kind() const override { return Kind::regressor; }
  Lasso& fit(const Data& X, const Tensor& y = {}) override;
  Tensor predict(const Data& X) const override;
  bool fitted() const override { return enet_.fitted(); }

  const Tensor& coef() const;
  double intercept() const;
  std::int64_t n_iter() const;
  double dual_gap() const;
  std::int64_t n_features_in() const;

 protected:
  std::vector<ParamBinding> bindings() override;

 private:
  ElasticNet enet_;
};

}  // namespace axon::ml
