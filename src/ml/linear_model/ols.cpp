#include "axon/ml/linear_model/ols.hpp"

#include "axon/core/creation.hpp"
#include "common.hpp"

#include <Eigen/Dense>

#include <cmath>
#include <limits>

namespace axon::ml {

using namespace linear_detail;
using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

namespace {

// Continued fraction for I_x(a, b) (modified Lentz), valid for x < (a + 1)/(a + b + 2).
double beta_continued_fraction(double a, double b, double x) {
  constexpr double tiny = 1e-300, eps = 1e-16;
  double c = 1.0, d = 1.0 - (a + b) * x / (a + 1.0);
  if (std::abs(d) < tiny) d = tiny;
  d = 1.0 / d;
  double h = d;
  for (int m = 1; m <= 10000; ++m) {
    const double m2 = 2.0 * m;
    double aa = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));  // even step
    d = 1.0 + aa * d;
    if (std::abs(d) < tiny) d = tiny;
    c = 1.0 + aa / c;
    if (std::abs(c) < tiny) c = tiny;
    d = 1.0 / d;
    h *= d * c;
    aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));  // odd step
    d = 1.0 + aa * d;
    if (std::abs(d) < tiny) d = tiny;
    c = 1.0 + aa / c;
    if (std::abs(c) < tiny) c = tiny;
    d = 1.0 / d;
    const double del = d * c;
    h *= del;
    if (std::abs(del - 1.0) < eps) break;
  }
  return h;
}

}  // namespace

double regularized_incomplete_beta(double a, double b, double x) {
  check(a > 0 && b > 0, "regularized_incomplete_beta: a and b must be positive, got {} and {}", a, b);
  check(x >= 0 && x <= 1, "regularized_incomplete_beta: x must be in [0, 1], got {}", x);
  if (x == 0 || x == 1) return x;
  const double log_front = std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
  if (x < (a + 1.0) / (a + b + 2.0)) return std::exp(log_front) * beta_continued_fraction(a, b, x) / a;
  return 1.0 - std::exp(log_front) * beta_continued_fraction(b, a, 1.0 - x) / b;
}

double student_t_cdf(double t, double df) {
  check(df > 0, "student_t_cdf: df must be positive, got {}", df);
  if (std::isinf(t)) return t > 0 ? 1.0 : 0.0;
  // P(|T| > |t|) = I_{df/(df+t²)}(df/2, 1/2).
  const double tail = 0.5 * regularized_incomplete_beta(0.5 * df, 0.5, df / (df + t * t));
  return t > 0 ? 1.0 - tail : tail;
}

double student_t_ppf(double q, double df) {
  check(df > 0, "student_t_ppf: df must be positive, got {}", df);
  check(q >= 0 && q <= 1, "student_t_ppf: q must be in [0, 1], got {}", q);
  if (q == 0) return -std::numeric_limits<double>::infinity();
  if (q == 1) return std::numeric_limits<double>::infinity();
  if (q == 0.5) return 0.0;
  if (q < 0.5) return -student_t_ppf(1.0 - q, df);
  // Upper half: bracket [0, hi] with cdf(hi) > q, then Newton steps kept inside the bracket
  // (bisection when a step leaves it). The density is the CDF's derivative.
  const double log_norm = std::lgamma(0.5 * (df + 1)) - std::lgamma(0.5 * df) - 0.5 * std::log(df * M_PI);
  auto pdf = [&](double t) { return std::exp(log_norm - 0.5 * (df + 1) * std::log1p(t * t / df)); };
  double lo = 0, hi = 1;
  while (student_t_cdf(hi, df) < q && hi < 1e300) {
    lo = hi;
    hi *= 2;
  }
  double t = 0.5 * (lo + hi);
  for (int it = 0; it < 200; ++it) {
    const double c = student_t_cdf(t, df);
    // Work with the upper tail near 1, where 1 − cdf keeps its digits.
    const double err = c - q;
    if (err > 0) hi = t;
    else lo = t;
    const double dens = pdf(t);
    double next = dens > 0 ? t - err / dens : 0.5 * (lo + hi);
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (std::abs(next - t) <= 1e-15 * std::max(1.0, std::abs(t))) return next;
    t = next;
  }
  return t;
}

Tensor OLS::design(const Data& X, std::string_view who) const {
  const Tensor x = checked_X(X, who, fitted() ? n_features_ : -1);
  if (!options_.fit_intercept) return x;
  const std::int64_t n = x.shape(0), p = x.shape(1);
  Tensor a = Tensor::empty({n, p + 1}, {.dtype = Dtype::float64});
  const double* xv = x.data<double>();
  double* av = a.data<double>();
  for (std::int64_t i = 0; i < n; ++i) {
    av[i * (p + 1)] = 1.0;
    for (std::int64_t j = 0; j < p; ++j) av[i * (p + 1) + 1 + j] = xv[i * p + j];
  }
  return a;
}

OLS& OLS::fit(const Data& X, const Tensor& y) {
  constexpr std::string_view who = "OLS.fit";
  params_ = {};
  const Tensor a = design(X, who);
  const std::vector<double> yv = checked_y(X, y, who);
  const std::int64_t n = a.shape(0), k = a.shape(1);
  check(n > k, "{}: {} samples leave no degrees of freedom for {} parameters; need more samples than parameters", who,
        n, k);
  Eigen::Map<const RowMatrix> am(a.data<double>(), n, k);
  Eigen::Map<const Eigen::VectorXd> ym(yv.data(), n);
  Eigen::ColPivHouseholderQR<RowMatrix> qr(am);
  check(qr.rank() == k, "{}: the design matrix has rank {} < {} parameters (collinear columns); the standard errors are "
        "undefined", who, qr.rank(), k);
  const Eigen::VectorXd beta = qr.solve(ym);
  const Eigen::VectorXd resid = ym - am * beta;
  df_resid_ = static_cast<double>(n - k);
  sigma2_ = resid.squaredNorm() / df_resid_;
  const double ss_tot = (ym.array() - ym.mean()).square().sum();
  rsquared_ = 1.0 - resid.squaredNorm() / ss_tot;
  // (AᵀA)⁻¹ = (RᵀR)⁻¹ permuted back, from the QR (no explicit normal equations).
  const Eigen::MatrixXd r = qr.matrixR().topLeftCorner(k, k).template triangularView<Eigen::Upper>();
  const Eigen::MatrixXd r_inv = r.triangularView<Eigen::Upper>().solve(Eigen::MatrixXd::Identity(k, k));
  const Eigen::MatrixXd inv_perm = r_inv * r_inv.transpose();
  const auto& perm = qr.colsPermutation();
  Eigen::MatrixXd inv = perm * inv_perm * perm.transpose();
  const Eigen::MatrixXd cov = sigma2_ * inv;
  std::vector<double> se(static_cast<std::size_t>(k)), covv(static_cast<std::size_t>(k * k));
  for (std::int64_t i = 0; i < k; ++i) {
    se[i] = std::sqrt(cov(i, i));
    for (std::int64_t j = 0; j < k; ++j) covv[i * k + j] = cov(i, j);
  }
  n_features_ = options_.fit_intercept ? k - 1 : k;
  bse_ = from_vector(se, {k});
  cov_ = from_vector(covv, {k, k});
  params_ = from_vector(std::vector<double>(beta.data(), beta.data() + k), {k});
  return *this;
}

Tensor OLS::predict(const Data& X) const {
  check_fitted("predict");
  const Tensor a = design(X, "OLS.predict");
  return linear_predict(a, params_.to_vector<double>(), 0.0);
}

const Tensor& OLS::params() const {
  check_fitted("params");
  return params_;
}
Tensor OLS::coef() const {
  check_fitted("coef");
  const std::vector<double> b = params_.to_vector<double>();
  const std::size_t off = options_.fit_intercept ? 1 : 0;
  return from_vector(std::vector<double>(b.begin() + static_cast<std::ptrdiff_t>(off), b.end()), {n_features_});
}
double OLS::intercept() const {
  check_fitted("intercept");
  return options_.fit_intercept ? params_.to_vector<double>()[0] : 0.0;
}
const Tensor& OLS::bse() const {
  check_fitted("bse");
  return bse_;
}
Tensor OLS::tvalues() const {
  check_fitted("tvalues");
  std::vector<double> b = params_.to_vector<double>();
  const std::vector<double> se = bse_.to_vector<double>();
  for (std::size_t i = 0; i < b.size(); ++i) b[i] /= se[i];
  return from_vector(b, {static_cast<std::int64_t>(b.size())});
}
Tensor OLS::pvalues() const {
  check_fitted("pvalues");
  std::vector<double> t = tvalues().to_vector<double>();
  for (double& v : t) v = 2.0 * student_t_cdf(-std::abs(v), df_resid_);
  return from_vector(t, {static_cast<std::int64_t>(t.size())});
}
Tensor OLS::conf_int(double alpha) const {
  check_fitted("conf_int");
  check(alpha > 0 && alpha < 1, "OLS.conf_int: alpha must be in (0, 1), got {}", alpha);
  const double q = student_t_ppf(1.0 - alpha / 2.0, df_resid_);
  const std::vector<double> b = params_.to_vector<double>(), se = bse_.to_vector<double>();
  std::vector<double> out(2 * b.size());
  for (std::size_t i = 0; i < b.size(); ++i) {
    out[2 * i] = b[i] - q * se[i];
    out[2 * i + 1] = b[i] + q * se[i];
  }
  return from_vector(out, {static_cast<std::int64_t>(b.size()), 2});
}
const Tensor& OLS::cov_params() const {
  check_fitted("cov_params");
  return cov_;
}
double OLS::sigma2() const {
  check_fitted("sigma2");
  return sigma2_;
}
double OLS::df_resid() const {
  check_fitted("df_resid");
  return df_resid_;
}
double OLS::rsquared() const {
  check_fitted("rsquared");
  return rsquared_;
}

OLSPrediction OLS::get_prediction(const Data& X, double alpha) const {
  check_fitted("get_prediction");
  check(alpha > 0 && alpha < 1, "OLS.get_prediction: alpha must be in (0, 1), got {}", alpha);
  const Tensor a = design(X, "OLS.get_prediction");
  const std::int64_t n = a.shape(0), k = a.shape(1);
  const double q = student_t_ppf(1.0 - alpha / 2.0, df_resid_);
  const double* av = a.data<double>();
  const double* cv = cov_.data<double>();
  const std::vector<double> b = params_.to_vector<double>();
  std::vector<double> mean(n), se(n), ml(n), mu(n), ol(n), ou(n);
  for (std::int64_t i = 0; i < n; ++i) {
    const double* ai = av + i * k;
    double m = 0, v = 0;
    for (std::int64_t r = 0; r < k; ++r) {
      m += ai[r] * b[r];
      for (std::int64_t c = 0; c < k; ++c) v += ai[r] * cv[r * k + c] * ai[c];
    }
    mean[i] = m;
    se[i] = std::sqrt(v);
    const double se_obs = std::sqrt(v + sigma2_);
    ml[i] = m - q * se[i];
    mu[i] = m + q * se[i];
    ol[i] = m - q * se_obs;
    ou[i] = m + q * se_obs;
  }
  return {from_vector(mean, {n}), from_vector(se, {n}), from_vector(ml, {n}),
          from_vector(mu, {n}),   from_vector(ol, {n}), from_vector(ou, {n})};
}

}  // namespace axon::ml
