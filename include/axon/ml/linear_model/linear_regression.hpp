// sklearn.linear_model.LinearRegression: ordinary least squares.
#pragma once

#include "axon/ml/estimator.hpp"

namespace axon::ml {

struct LinearRegressionOptions {
  bool fit_intercept = true;  ///< centre X and y, fit, then intercept = ȳ − x̄·coef (sklearn's way)
};

/// Minimises ||y − Xw − b||². Solved as scikit-learn's lstsq: a complete orthogonal decomposition
/// of the centred X (column-pivoted QR, then RZ), which gives the minimum-norm solution when X is
/// rank-deficient (duplicate or collinear columns).
///
///   auto lr = ml::LinearRegression().fit(X, y);
///   lr.coef();  lr.intercept();  lr.predict(X_new);
class LinearRegression : public EstimatorBase<LinearRegression, LinearRegressionOptions> {
 public:
  using EstimatorBase::EstimatorBase;
  std::string name() const override { return "LinearRegression"; }
  Kind kind() const override { return Kind::regressor; }
  LinearRegression& fit(const Data& X, const Tensor& y = {}) override;
  Tensor predict(const Data& X) const override;
  bool fitted() const override { return coef_.defined(); }

  /// float64 [n_features].
  const Tensor& coef() const;
  double intercept() const;
  /// Numerical rank of the (centred) X.
  std::int64_t rank() const;
  std::int64_t n_features_in() const;

 protected:
  std::vector<ParamBinding> bindings() override { return {param("fit_intercept", options_.fit_intercept)}; }

 private:
  Tensor coef_;
  double intercept_ = 0;
  std::int64_t rank_ = 0;
};

}  // namespace axon::ml
