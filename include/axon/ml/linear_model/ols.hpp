// Ordinary least squares with the statistics of the fit, as statsmodels' OLS(y, add_constant(X))
// reports them (scikit-learn has no equivalent): standard errors, t values, p-values, confidence
// intervals of the coefficients, and for new points the confidence band of the mean response
// against the (wider) prediction interval of a new observation.
#pragma once

#include "axon/ml/estimator.hpp"

namespace axon::ml {

/// Student's t distribution with `df` degrees of freedom (df > 0, not necessarily whole): the
/// CDF through the regularized incomplete beta function, and its inverse (scipy.stats.t.ppf) by
/// safeguarded Newton steps on the CDF; both to about 1e-12.
double student_t_cdf(double t, double df);
double student_t_ppf(double q, double df);
/// The regularized incomplete beta function I_x(a, b) (scipy.special.betainc).
double regularized_incomplete_beta(double a, double b, double x);

struct OLSOptions {
  bool fit_intercept = true;  ///< a constant column first (statsmodels' add_constant)
};

/// For each new point: the fitted mean and its two intervals (statsmodels' summary_frame columns).
struct OLSPrediction {
  Tensor mean;                                ///< x·β
  Tensor mean_se;                             ///< sqrt(x·Cov(β)·xᵀ)
  Tensor mean_ci_lower, mean_ci_upper;        ///< where the regression line lies: mean ± t·mean_se
  Tensor obs_ci_lower, obs_ci_upper;          ///< where a new y lies: mean ± t·sqrt(mean_se² + σ̂²)
};

///   auto ols = ml::OLS().fit(X, y);
///   ols.params();  ols.bse();  ols.tvalues();  ols.conf_int(0.05);   // [p + 1, 2]
///   auto band = ols.get_prediction(X_new, 0.05);   // band.mean_ci_lower ... band.obs_ci_upper
/// The parameter order is statsmodels': the intercept first, then one per column of X.
class OLS : public EstimatorBase<OLS, OLSOptions> {
 public:
  using EstimatorBase::EstimatorBase;
  std::string name() const override { return "OLS"; }
  Kind kind() const override { return Kind::regressor; }
  OLS& fit(const Data& X, const Tensor& y = {}) override;
  Tensor predict(const Data& X) const override;
  bool fitted() const override { return params_.defined(); }

  const Tensor& params() const;   ///< β: [p + 1] with the intercept first ([p] without intercept)
  Tensor coef() const;            ///< β without the intercept: [p]
  double intercept() const;       ///< 0 without fit_intercept
  const Tensor& bse() const;      ///< standard errors sqrt(diag(σ̂²(AᵀA)⁻¹)), A = [1, X]
  Tensor tvalues() const;         ///< β / se
  Tensor pvalues() const;         ///< two-sided, Student t with df_resid
  Tensor conf_int(double alpha = 0.05) const;  ///< [k, 2]: β ∓ t_{1−α/2, df}·se
  const Tensor& cov_params() const;            ///< σ̂²(AᵀA)⁻¹
  double sigma2() const;          ///< RSS / df_resid
  double df_resid() const;        ///< n − p − 1 (n − p without intercept)
  double rsquared() const;
  OLSPrediction get_prediction(const Data& X, double alpha = 0.05) const;

 protected:
  std::vector<ParamBinding> bindings() override { return {param("fit_intercept", options_.fit_intercept)}; }

 private:
  Tensor design(const Data& X, std::string_view who) const;
  Tensor params_, bse_, cov_;
  double sigma2_ = 0, df_resid_ = 0, rsquared_ = 0;
  std::int64_t n_features_ = 0;
};

}  // namespace axon::ml
