#include "axon/ml/linear_model/elastic_net.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/generator.hpp"
#include "axon/ml/linear_model/lasso.hpp"
#include "common.hpp"

#include <algorithm>
#include <cmath>

namespace axon::ml {

using namespace linear_detail;

namespace {

double dot(const double* a, const double* b, std::int64_t n) {
  double s = 0;
  for (std::int64_t i = 0; i < n; ++i) s += a[i] * b[i];
  return s;
}

// sklearn's cd_fast.enet_coordinate_descent on column-major xt ([p][n]: column j at xt + j·n):
// minimises ½||y − Xw||² + alpha·||w||₁ + ½·beta·||w||² (alpha, beta already scaled by n).
struct CdResult {
  double gap = 0;
  std::int64_t n_iter = 0;
};

CdResult enet_coordinate_descent(std::vector<double>& w, double alpha, double beta, const std::vector<double>& xt,
                                 const std::vector<double>& y, std::int64_t n, std::int64_t p, std::int64_t max_iter,
                                 double tol, bool random, Generator& gen, bool positive) {
  std::vector<double> norm_cols(static_cast<std::size_t>(p));
  for (std::int64_t j = 0; j < p; ++j) norm_cols[j] = dot(&xt[j * n], &xt[j * n], n);
  std::vector<double> r(y);
  for (std::int64_t j = 0; j < p; ++j)
    if (w[j] != 0)
      for (std::int64_t i = 0; i < n; ++i) r[i] -= w[j] * xt[j * n + i];
  const double d_w_tol = tol;
  tol *= dot(y.data(), y.data(), n);
  CdResult res;
  std::vector<double> xta(static_cast<std::size_t>(p));
  std::int64_t it = 0;
  for (; it < max_iter; ++it) {
    double w_max = 0, d_w_max = 0;
    for (std::int64_t f = 0; f < p; ++f) {
      const std::int64_t j = random ? static_cast<std::int64_t>(gen.below(static_cast<std::uint64_t>(p))) : f;
      if (norm_cols[j] == 0) continue;
      const double* xj = &xt[j * n];
      const double w_old = w[j];
      if (w_old != 0)
        for (std::int64_t i = 0; i < n; ++i) r[i] += w_old * xj[i];
      const double tmp = dot(xj, r.data(), n);
      if (positive && tmp < 0)
        w[j] = 0;
      else
        w[j] = std::copysign(std::max(std::abs(tmp) - alpha, 0.0), tmp) / (norm_cols[j] + beta);
      if (w[j] != 0)
        for (std::int64_t i = 0; i < n; ++i) r[i] -= w[j] * xj[i];
      d_w_max = std::max(d_w_max, std::abs(w[j] - w_old));
      w_max = std::max(w_max, std::abs(w[j]));
    }
    if (w_max == 0 || d_w_max / w_max < d_w_tol || it == max_iter - 1) {
      // The duality gap of the current w (sklearn's formula, a dual point scaled from R).
      double dual_norm = 0;
      for (std::int64_t j = 0; j < p; ++j) {
        xta[j] = dot(&xt[j * n], r.data(), n) - beta * w[j];
        dual_norm = std::max(dual_norm, positive ? xta[j] : std::abs(xta[j]));
      }
      const double r_norm2 = dot(r.data(), r.data(), n), w_norm2 = dot(w.data(), w.data(), p);
      double c = 1.0, gap = r_norm2;
      if (dual_norm > alpha) {
        c = alpha / dual_norm;
        gap = 0.5 * (r_norm2 + r_norm2 * c * c);
      }
      double l1 = 0;
      for (double v : w) l1 += std::abs(v);
      gap += alpha * l1 - c * dot(r.data(), y.data(), n) + 0.5 * beta * (1 + c * c) * w_norm2;
      res.gap = gap;
      if (gap < tol) break;
    }
  }
  res.n_iter = std::min(it + 1, max_iter);
  return res;
}

}  // namespace

ElasticNet& ElasticNet::fit(const Data& X, const Tensor& y) {
  const std::string who = name() + ".fit";
  const ElasticNetOptions& o = options_;
  check(o.alpha >= 0, "{}: alpha must be >= 0, got {}", who, o.alpha);
  check(o.l1_ratio >= 0 && o.l1_ratio <= 1, "{}: l1_ratio must be in [0, 1], got {}", who, o.l1_ratio);
  check(o.max_iter >= 1, "{}: max_iter must be >= 1, got {}", who, o.max_iter);
  check(o.selection == "cyclic" || o.selection == "random", "{}: selection must be 'cyclic' or 'random', got '{}'", who,
        o.selection);
  const Tensor x = checked_X(X, who);
  std::vector<double> yv = checked_y(X, y, who);
  const std::int64_t n = x.shape(0), p = x.shape(1);
  coef_ = {};
  const double* xv = x.data<double>();
  std::vector<double> x_offset(static_cast<std::size_t>(p), 0.0);
  double y_offset = 0;
  if (o.fit_intercept) {
    x_offset = column_means(xv, n, p);
    y_offset = mean(yv);
    for (double& v : yv) v -= y_offset;
  }
  std::vector<double> xt(static_cast<std::size_t>(n * p));  // column-major, centred
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t j = 0; j < p; ++j) xt[j * n + i] = xv[i * p + j] - x_offset[j];
  std::vector<double> w(static_cast<std::size_t>(p), 0.0);
  Generator gen(static_cast<std::uint64_t>(o.random_state.value_or(0)));
  const double nd = static_cast<double>(n);
  const CdResult res = enet_coordinate_descent(w, o.alpha * o.l1_ratio * nd, o.alpha * (1.0 - o.l1_ratio) * nd, xt, yv,
                                               n, p, o.max_iter, o.tol, o.selection == "random", gen, o.positive);
  double xw = 0;
  for (std::int64_t j = 0; j < p; ++j) xw += x_offset[j] * w[j];
  intercept_ = o.fit_intercept ? y_offset - xw : 0.0;
  dual_gap_ = res.gap / nd;
  n_iter_ = res.n_iter;
  coef_ = from_vector(w, {p});
  return *this;
}

std::int64_t ElasticNet::n_iter() const {
  check_fitted("n_iter");
  return n_iter_;
}
double ElasticNet::dual_gap() const {
  check_fitted("dual_gap");
  return dual_gap_;
}

std::vector<ParamBinding> ElasticNet::bindings() {
  return {param("alpha", options_.alpha),       param("l1_ratio", options_.l1_ratio),
          param("fit_intercept", options_.fit_intercept), param("max_iter", options_.max_iter),
          param("tol", options_.tol),           param("positive", options_.positive),
          param("selection", options_.selection), param("random_state", options_.random_state)};
}

// --- Lasso: the same fit with l1_ratio = 1, errors under its own name ------------------------------

namespace {
class LassoEngine : public ElasticNet {
 public:
  using ElasticNet::ElasticNet;
  std::string name() const override { return "Lasso"; }
};
}  // namespace

Lasso& Lasso::fit(const Data& X, const Tensor& y) {
  const LassoOptions& o = options_;
  LassoEngine engine({.alpha = o.alpha, .l1_ratio = 1.0, .fit_intercept = o.fit_intercept, .max_iter = o.max_iter,
                      .tol = o.tol, .positive = o.positive, .selection = o.selection, .random_state = o.random_state});
  enet_ = ElasticNet();
  coef_ = {};
  engine.fit(X, y);
  enet_ = static_cast<ElasticNet&>(engine);
  coef_ = enet_.coef();
  intercept_ = enet_.intercept();
  return *this;
}

std::int64_t Lasso::n_iter() const {
  check_fitted("n_iter");
  return enet_.n_iter();
}
double Lasso::dual_gap() const {
  check_fitted("dual_gap");
  return enet_.dual_gap();
}

std::vector<ParamBinding> Lasso::bindings() {
  return {param("alpha", options_.alpha),         param("fit_intercept", options_.fit_intercept),
          param("max_iter", options_.max_iter),   param("tol", options_.tol),
          param("positive", options_.positive),   param("selection", options_.selection),
          param("random_state", options_.random_state)};
}

}  // namespace axon::ml
