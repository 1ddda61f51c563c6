// sklearn.linear_model.LinearRegression: ordinary least squares.
#pragma once

#include "axon/ml/linear_model/linear_model.hpp"

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
class LinearRegression : public LinearModel<LinearRegression, LinearRegressionOptions> {
 public:
  using LinearModel::LinearModel;
  std::string name() const override { return "LinearRegression"; }
  LinearRegression& fit(const Data& X, const Tensor& y = {}) override;
  /// Numerical rank of the (centred) X.
  std::int64_t rank() const;

 protected:
  std::vector<ParamBinding> bindings() override { return {param("fit_intercept", options_.fit_intercept)}; }

 private:
  std::int64_t rank_ = 0;
};

}  // namespace axon::ml
