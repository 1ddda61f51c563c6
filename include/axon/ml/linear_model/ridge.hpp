// sklearn.linear_model.Ridge: least squares with an L2 penalty.
#pragma once

#include "axon/ml/linear_model/linear_model.hpp"

namespace axon::ml {

struct RidgeOptions {
  double alpha = 1.0;          ///< L2 strength, ≥ 0
  bool fit_intercept = true;   ///< the intercept is not penalized (X and y are centred)
  std::string solver = "auto"; ///< "auto" or "cholesky" (the same here: sklearn's choice for dense X)
};

/// Minimises ||y − Xw − b||² + alpha·||w||², by Cholesky on the normal equations
/// (XᵀX + αI)w = Xᵀy as sklearn's "cholesky" solver; with more features than samples, on the
/// kernel form (XXᵀ + αI)c = y, w = Xᵀc, as sklearn does.
class Ridge : public LinearModel<Ridge, RidgeOptions> {
 public:
  using LinearModel::LinearModel;
  std::string name() const override { return "Ridge"; }
  Ridge& fit(const Data& X, const Tensor& y = {}) override;

 protected:
  std::vector<ParamBinding> bindings() override {
    return {param("alpha", options_.alpha), param("fit_intercept", options_.fit_intercept), param("solver", options_.solver)};
  }
};

}  // namespace axon::ml
