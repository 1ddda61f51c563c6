// sklearn.linear_model.ElasticNet: least squares with combined L1 and L2 penalties, fitted by
// coordinate descent as sklearn's cd_fast.enet_coordinate_descent.
#pragma once

#include "axon/ml/linear_model/linear_model.hpp"

#include <optional>

namespace axon::ml {

struct ElasticNetOptions {
  double alpha = 1.0;              ///< overall penalty strength, ≥ 0
  double l1_ratio = 0.5;           ///< 1: lasso, 0: ridge-like
  bool fit_intercept = true;
  std::int64_t max_iter = 1000;    ///< passes over the features
  double tol = 1e-4;               ///< duality gap below tol·||y||² stops
  bool positive = false;           ///< constrain the coefficients to be ≥ 0
  std::string selection = "cyclic";  ///< "cyclic" or "random" (a feature drawn at each step)
  std::optional<std::int64_t> random_state;  ///< seed for selection="random" (axon's generator, not numpy's)
};

/// Minimises 1/(2n)·||y − Xw − b||² + alpha·l1_ratio·||w||₁ + alpha·(1 − l1_ratio)/2·||w||².
/// Cyclic coordinate descent exactly as scikit-learn's: a pass over the features, then, when the
/// largest coefficient change is below tol relative to the largest coefficient, the duality gap,
/// stopping when it is below tol·||y − ȳ||². n_iter() is sklearn's n_iter_.
class ElasticNet : public LinearModel<ElasticNet, ElasticNetOptions> {
 public:
  using LinearModel::LinearModel;
  std::string name() const override { return "ElasticNet"; }
  ElasticNet& fit(const Data& X, const Tensor& y = {}) override;
  std::int64_t n_iter() const;
  double dual_gap() const;     ///< the last duality gap, in sklearn's scale (divided by n)

 protected:
  std::vector<ParamBinding> bindings() override;

 private:
  double dual_gap_ = 0;
  std::int64_t n_iter_ = 0;
};

}  // namespace axon::ml
