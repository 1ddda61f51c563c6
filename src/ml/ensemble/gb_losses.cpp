// a·b + c must round as numpy does (no FMA): raw += lr·value, the losses and the leaf steps.
#pragma GCC optimize("fp-contract=off")

#include "gb_losses.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <numeric>

namespace axon::ml::gb_detail {

using tree_detail::NumpyRandomState;

// ---------------------------------------------------------------------------------------------
// numpy's reductions

double np_sum(const double* a, std::int64_t n) { return tree_detail::numpy_sum(a, n); }

double weighted_percentile(const std::vector<double>& values, const std::vector<double>& weights, double percentile) {
  const std::size_t n = values.size();
  if (n == 0) return std::numeric_limits<double>::quiet_NaN();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  // numpy's argsort (quicksort) is not stable; among equal values the order cannot change the
  // value returned, only where inside a run of equal values the cumulative weight crosses.
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  std::vector<double> cdf(n);
  double acc = 0.0;
  for (std::size_t i = 0; i < n; ++i) cdf[i] = acc += weights[order[i]];  // stable_cumsum: np.cumsum
  double adjusted = percentile / 100 * cdf[n - 1];
  if (adjusted == 0.0) adjusted = std::nextafter(adjusted, adjusted + 1);
  std::size_t idx = static_cast<std::size_t>(std::lower_bound(cdf.begin(), cdf.end(), adjusted) - cdf.begin());
  idx = std::min(idx, n - 1);
  return values[order[idx]];
}

double np_percentile(std::vector<double> values, double q) {
  const std::int64_t n = static_cast<std::int64_t>(values.size());
  check(n > 0, "percentile: no values");
  std::sort(values.begin(), values.end());
  const double quantile = q / 100;
  const double virtual_index = static_cast<double>(n - 1) * quantile;
  if (virtual_index >= static_cast<double>(n - 1)) return values.back();
  if (virtual_index < 0) return values.front();
  const auto prev = static_cast<std::int64_t>(std::floor(virtual_index));
  const double a = values[static_cast<std::size_t>(prev)], b = values[static_cast<std::size_t>(prev + 1)];
  const double gamma = virtual_index - static_cast<double>(prev);
  // numpy's _lerp: a + (b - a)·t below t = 0.5, b - (b - a)·(1 - t) from there
  const double diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}

double np_logaddexp(double x, double y) {
  if (x == y) return x + 0.693147180559945309417232121458176568;  // NPY_LOGE2
  const double tmp = x - y;
  if (tmp > 0) return x + std::log1p(std::exp(-tmp));
  if (tmp <= 0) return y + std::log1p(std::exp(tmp));
  return tmp;  // NaN
}

namespace {

// scipy.special.logsumexp of one row of K values: log(Σ exp(a - max)) + max.
double logsumexp_row(const double* a, std::int64_t K) {
  double m = a[0];
  for (std::int64_t k = 1; k < K; ++k) m = std::max(m, a[k]);
  if (!std::isfinite(m)) m = 0.0;
  double small[64];
  std::vector<double> large;
  double* tmp = small;
  if (K > 64) {
    large.resize(static_cast<std::size_t>(K));
    tmp = large.data();
  }
  for (std::int64_t k = 0; k < K; ++k) tmp[k] = std::exp(a[k] - m);
  double out = std::log(np_sum(tmp, K));
  out += m;
  return out;
}

double nan_to_num(double v) {
  if (std::isnan(v)) return 0.0;
  if (std::isinf(v)) return v > 0 ? std::numeric_limits<double>::max() : std::numeric_limits<double>::lowest();
  return v;
}

double np_sign(double v) { return v > 0 ? 1.0 : (v < 0 ? -1.0 : (v == 0 ? 0.0 : v)); }

constexpr double kFloat32Eps = 1.1920928955078125e-07;  // np.finfo(np.float32).eps

// The rows of each leaf, in row order (np.where(terminal_regions == leaf)), skipping rows out of
// the bag.
std::vector<std::vector<std::int64_t>> leaf_regions(const Tree& tree, const std::vector<std::int64_t>& leaves,
                                                    const std::vector<std::uint8_t>& in_bag) {
  std::vector<std::vector<std::int64_t>> regions(static_cast<std::size_t>(tree.node_count()));
  for (std::size_t i = 0; i < leaves.size(); ++i)
    if (in_bag.empty() || in_bag[i]) regions[static_cast<std::size_t>(leaves[i])].push_back(static_cast<std::int64_t>(i));
  return regions;
}

// One of sklearn's LossFunction classes. raw is [n, K] row-major.
class Loss {
 public:
  explicit Loss(std::int64_t K) : K(K) {}
  virtual ~Loss() = default;
  const std::int64_t K;
  virtual bool is_multi_class() const { return false; }
  /// The init estimator's raw prediction (DummyRegressor / DummyClassifier(prior)); w null: fit
  /// without sample_weight.
  virtual std::vector<double> init_raw(const std::vector<double>& y, const std::vector<double>* w) const = 0;
  /// __call__(y, raw_predictions, sample_weight).
  virtual double loss(const std::vector<double>& y, const std::vector<double>& raw, const std::vector<double>& w) = 0;
  virtual std::vector<double> negative_gradient(const std::vector<double>& y, const std::vector<double>& raw,
                                                std::int64_t k, const std::vector<double>& w) = 0;
  /// update_terminal_regions: new leaf values from the in-bag rows, then raw[:, k] += lr · value.
  virtual void update_terminal_regions(Tree& tree, const std::vector<std::int64_t>& leaves,
                                       const std::vector<std::uint8_t>& in_bag, const std::vector<double>& y,
                                       const std::vector<double>& residual, std::vector<double>& raw,
                                       const std::vector<double>& w, double lr, std::int64_t k) {
    const auto regions = leaf_regions(tree, leaves, in_bag);
    for (std::int64_t node = 0; node < tree.node_count(); ++node)
      if (tree.is_leaf(node))
        tree.value[static_cast<std::size_t>(node)] =
            leaf_value(regions[static_cast<std::size_t>(node)], y, residual, raw, w, k);
    add_tree(tree, leaves, raw, lr, k);
  }

 protected:
  virtual double leaf_value(const std::vector<std::int64_t>& region, const std::vector<double>& y,
                            const std::vector<double>& residual, const std::vector<double>& raw,
                            const std::vector<double>& w, std::int64_t k) const = 0;
  void add_tree(const Tree& tree, const std::vector<std::int64_t>& leaves, std::vector<double>& raw, double lr,
                std::int64_t k) const {
    for (std::size_t i = 0; i < leaves.size(); ++i) raw[i * K + k] += lr * tree.value[static_cast<std::size_t>(leaves[i])];
  }
  // y[region] - raw[region, k]
  std::vector<double> region_diff(const std::vector<std::int64_t>& region, const std::vector<double>& y,
                                  const std::vector<double>& raw, std::int64_t k) const {
    std::vector<double> d(region.size());
    for (std::size_t j = 0; j < region.size(); ++j) d[j] = y[region[j]] - raw[region[j] * K + k];
    return d;
  }
  static std::vector<double> take(const std::vector<double>& v, const std::vector<std::int64_t>& region) {
    std::vector<double> out(region.size());
    for (std::size_t j = 0; j < region.size(); ++j) out[j] = v[region[j]];
    return out;
  }
};

// ---- regression (K = 1)

class RegressionLoss : public Loss {
 public:
  RegressionLoss() : Loss(1) {}
};

// DummyRegressor(strategy="mean"): np.average(y, weights=w).
double dummy_mean(const std::vector<double>& y, const std::vector<double>* w) {
  if (!w) return np_sum(y) / static_cast<double>(y.size());
  std::vector<double> yw(y.size());
  for (std::size_t i = 0; i < y.size(); ++i) yw[i] = y[i] * (*w)[i];
  return np_sum(yw) / np_sum(*w);
}
// DummyRegressor(strategy="quantile", quantile=q): np.percentile, or the weighted percentile.
double dummy_quantile(const std::vector<double>& y, const std::vector<double>* w, double quantile) {
  const double percentile = quantile * 100.0;
  return w ? weighted_percentile(y, *w, percentile) : np_percentile(y, percentile);
}

class LeastSquaresError : public RegressionLoss {
 public:
  std::vector<double> init_raw(const std::vector<double>& y, const std::vector<double>* w) const override {
    return {dummy_mean(y, w)};
  }
  double loss(const std::vector<double>& y, const std::vector<double>& raw, const std::vector<double>& w) override {
    std::vector<double> t(y.size());
    for (std::size_t i = 0; i < y.size(); ++i) {
      const double d = y[i] - raw[i];
      t[i] = w[i] * (d * d);
    }
    return 1 / np_sum(w) * np_sum(t);
  }
  std::vector<double> negative_gradient(const std::vector<double>& y, const std::vector<double>& raw, std::int64_t,
                                        const std::vector<double>&) override {
    std::vector<double> r(y.size());
    for (std::size_t i = 0; i < y.size(); ++i) r[i] = y[i] - raw[i];
    return r;
  }
  // The tree's own leaf means (tree.predict) are the step.
  void update_terminal_regions(Tree& tree, const std::vector<std::int64_t>& leaves, const std::vector<std::uint8_t>&,
                               const std::vector<double>&, const std::vector<double>&, std::vector<double>& raw,
                               const std::vector<double>&, double lr, std::int64_t k) override {
    add_tree(tree, leaves, raw, lr, k);
  }

 protected:
  double leaf_value(const std::vector<std::int64_t>&, const std::vector<double>&, const std::vector<double>&,
                    const std::vector<double>&, const std::vector<double>&, std::int64_t) const override {
    return 0.0;
  }
};

class LeastAbsoluteError : public RegressionLoss {
 public:
  std::vector<double> init_raw(const std::vector<double>& y, const std::vector<double>* w) const override {
    return {dummy_quantile(y, w, 0.5)};
  }
  double loss(const std::vector<double>& y, const std::vector<double>& raw, const std::vector<double>& w) override {
    std::vector<double> t(y.size());
    for (std::size_t i = 0; i < y.size(); ++i) t[i] = w[i] * std::abs(y[i] - raw[i]);
    return 1 / np_sum(w) * np_sum(t);
  }
  std::vector<double> negative_gradient(const std::vector<double>& y, const std::vector<double>& raw, std::int64_t,
                                        const std::vector<double>&) override {
    std::vector<double> r(y.size());
    for (std::size_t i = 0; i < y.size(); ++i) r[i] = y[i] - raw[i] > 0 ? 1.0 : -1.0;
    return r;
  }

 protected:
  double leaf_value(const std::vector<std::int64_t>& region, const std::vector<double>& y, const std::vector<double>&,
                    const std::vector<double>& raw, const std::vector<double>& w, std::int64_t k) const override {
    return weighted_percentile(region_diff(region, y, raw, k), take(w, region), 50);
  }
};

class HuberLoss : public RegressionLoss {
 public:
  explicit HuberLoss(double alpha) : alpha_(alpha) {}
  std::vector<double> init_raw(const std::vector<double>& y, const std::vector<double>* w) const override {
    return {dummy_quantile(y, w, 0.5)};
  }
  double loss(const std::vector<double>& y, const std::vector<double>& raw, const std::vector<double>& w) override {
    const std::size_t n = y.size();
    std::vector<double> diff(n), absdiff(n);
    for (std::size_t i = 0; i < n; ++i) {
      diff[i] = y[i] - raw[i];
      absdiff[i] = std::abs(diff[i]);
    }
    const double gamma = gamma_ ? *gamma_ : weighted_percentile(absdiff, w, alpha_ * 100);
    std::vector<double> sq, lin;
    for (std::size_t i = 0; i < n; ++i) {
      if (absdiff[i] <= gamma) sq.push_back(0.5 * w[i] * (diff[i] * diff[i]));
      else lin.push_back(gamma * w[i] * (absdiff[i] - gamma / 2));
    }
    return (np_sum(sq) + np_sum(lin)) / np_sum(w);
  }
  std::vector<double> negative_gradient(const std::vector<double>& y, const std::vector<double>& raw, std::int64_t,
                                        const std::vector<double>& w) override {
    const std::size_t n = y.size();
    std::vector<double> diff(n), absdiff(n), r(n);
    for (std::size_t i = 0; i < n; ++i) {
      diff[i] = y[i] - raw[i];
      absdiff[i] = std::abs(diff[i]);
    }
    const double gamma = weighted_percentile(absdiff, w, alpha_ * 100);
    for (std::size_t i = 0; i < n; ++i) r[i] = absdiff[i] <= gamma ? diff[i] : gamma * np_sign(diff[i]);
    gamma_ = gamma;
    return r;
  }

 protected:
  double leaf_value(const std::vector<std::int64_t>& region, const std::vector<double>& y, const std::vector<double>&,
                    const std::vector<double>& raw, const std::vector<double>& w, std::int64_t k) const override {
    const std::vector<double> diff = region_diff(region, y, raw, k);
    const double median = weighted_percentile(diff, take(w, region), 50);
    std::vector<double> t(diff.size());
    for (std::size_t j = 0; j < diff.size(); ++j) {
      const double dmm = diff[j] - median;
      t[j] = np_sign(dmm) * std::min(std::abs(dmm), *gamma_);
    }
    return median + np_sum(t) / static_cast<double>(t.size());
  }

 private:
  double alpha_;
  std::optional<double> gamma_;  // set by negative_gradient; the loss uses the last one
};

class QuantileLoss : public RegressionLoss {
 public:
  explicit QuantileLoss(double alpha) : alpha_(alpha), percentile_(alpha * 100) {}
  std::vector<double> init_raw(const std::vector<double>& y, const std::vector<double>* w) const override {
    return {dummy_quantile(y, w, alpha_)};
  }
  double loss(const std::vector<double>& y, const std::vector<double>& raw, const std::vector<double>& w) override {
    std::vector<double> above, below;
    for (std::size_t i = 0; i < y.size(); ++i) {
      const double d = y[i] - raw[i];
      (y[i] > raw[i] ? above : below).push_back(w[i] * d);
    }
    return (alpha_ * np_sum(above) - (1 - alpha_) * np_sum(below)) / np_sum(w);
  }
  std::vector<double> negative_gradient(const std::vector<double>& y, const std::vector<double>& raw, std::int64_t,
                                        const std::vector<double>&) override {
    std::vector<double> r(y.size());
    for (std::size_t i = 0; i < y.size(); ++i) r[i] = y[i] > raw[i] ? alpha_ : 0.0 - (1 - alpha_);
    return r;
  }

 protected:
  double leaf_value(const std::vector<std::int64_t>& region, const std::vector<double>& y, const std::vector<double>&,
                    const std::vector<double>& raw, const std::vector<double>& w, std::int64_t k) const override {
    return weighted_percentile(region_diff(region, y, raw, k), take(w, region), percentile_);
  }

 private:
  double alpha_, percentile_;
};

// ---- classification

// DummyClassifier(strategy="prior"): class frequencies, weighted when fit with sample_weight.
std::vector<double> class_prior(const std::vector<double>& y, const std::vector<double>* w, std::int64_t n_classes) {
  std::vector<double> prior(static_cast<std::size_t>(n_classes), 0.0);
  if (!w) {
    std::vector<std::int64_t> counts(static_cast<std::size_t>(n_classes), 0);
    for (double v : y) ++counts[static_cast<std::size_t>(v)];
    std::int64_t total = 0;
    for (auto c : counts) total += c;
    for (std::size_t c = 0; c < counts.size(); ++c) prior[c] = static_cast<double>(counts[c]) / static_cast<double>(total);
    return prior;
  }
  for (std::size_t i = 0; i < y.size(); ++i) prior[static_cast<std::size_t>(y[i])] += (*w)[i];
  const double total = np_sum(prior);
  for (double& p : prior) p /= total;
  return prior;
}

double newton_leaf(const std::vector<std::int64_t>& region, const std::vector<double>& y,
                   const std::vector<double>& residual, const std::vector<double>& w, double numerator_scale) {
  std::vector<double> num(region.size()), den(region.size());
  for (std::size_t j = 0; j < region.size(); ++j) {
    const double r = residual[region[j]], yy = y[region[j]], ww = w[region[j]];
    num[j] = ww * r;
    den[j] = ww * (yy - r) * (1 - yy + r);
  }
  double numerator = np_sum(num);
  if (numerator_scale != 1.0) numerator *= numerator_scale;
  const double denominator = np_sum(den);
  return std::abs(denominator) < 1e-150 ? 0.0 : numerator / denominator;
}

class BinomialDeviance : public Loss {
 public:
  BinomialDeviance() : Loss(1) {}
  std::vector<double> init_raw(const std::vector<double>& y, const std::vector<double>* w) const override {
    const double p = std::clamp(class_prior(y, w, 2)[1], kFloat32Eps, 1 - kFloat32Eps);
    return {std::log(p / (1 - p))};
  }
  double loss(const std::vector<double>& y, const std::vector<double>& raw, const std::vector<double>& w) override {
    std::vector<double> t(y.size());
    for (std::size_t i = 0; i < y.size(); ++i) t[i] = w[i] * ((y[i] * raw[i]) - np_logaddexp(0.0, raw[i]));
    return -2 / np_sum(w) * np_sum(t);
  }
  std::vector<double> negative_gradient(const std::vector<double>& y, const std::vector<double>& raw, std::int64_t,
                                        const std::vector<double>&) override {
    std::vector<double> r(y.size());
    for (std::size_t i = 0; i < y.size(); ++i) r[i] = y[i] - expit(raw[i]);
    return r;
  }

 protected:
  double leaf_value(const std::vector<std::int64_t>& region, const std::vector<double>& y,
                    const std::vector<double>& residual, const std::vector<double>&, const std::vector<double>& w,
                    std::int64_t) const override {
    return newton_leaf(region, y, residual, w, 1.0);
  }
};

class MultinomialDeviance : public Loss {
 public:
  explicit MultinomialDeviance(std::int64_t n_classes) : Loss(n_classes) {}
  bool is_multi_class() const override { return true; }
  std::vector<double> init_raw(const std::vector<double>& y, const std::vector<double>* w) const override {
    std::vector<double> prior = class_prior(y, w, K);
    for (double& p : prior) p = std::log(std::clamp(p, kFloat32Eps, 1 - kFloat32Eps));
    return prior;
  }
  double loss(const std::vector<double>& y, const std::vector<double>& raw, const std::vector<double>& w) override {
    // np.average(-1 * (Y * raw).sum(axis=1) + logsumexp(raw, axis=1), weights=w)
    std::vector<double> t(y.size());
    for (std::size_t i = 0; i < y.size(); ++i) {
      const double* r = raw.data() + i * K;
      double s = 0.0;
      for (std::int64_t k = 0; k < K; ++k) s += (static_cast<double>(y[i]) == static_cast<double>(k) ? 1.0 : 0.0) * r[k];
      t[i] = (-1 * s + logsumexp_row(r, K)) * w[i];
    }
    return np_sum(t) / np_sum(w);
  }
  std::vector<double> negative_gradient(const std::vector<double>& y, const std::vector<double>& raw, std::int64_t k,
                                        const std::vector<double>&) override {
    std::vector<double> r(y.size());
    for (std::size_t i = 0; i < y.size(); ++i) {
      const double* row = raw.data() + i * K;
      r[i] = y[i] - nan_to_num(std::exp(row[k] - logsumexp_row(row, K)));
    }
    return r;
  }

 protected:
  double leaf_value(const std::vector<std::int64_t>& region, const std::vector<double>& y,
                    const std::vector<double>& residual, const std::vector<double>&, const std::vector<double>& w,
                    std::int64_t) const override {
    return newton_leaf(region, y, residual, w, static_cast<double>(K - 1) / static_cast<double>(K));
  }
};

std::unique_ptr<Loss> make_loss(const Config& c, std::int64_t n_classes, std::string_view who) {
  if (n_classes > 0) {
    check(c.loss == "log_loss", "{}: loss must be 'log_loss' (known: log_loss), got '{}'", who, c.loss);
    if (n_classes == 2) return std::make_unique<BinomialDeviance>();
    return std::make_unique<MultinomialDeviance>(n_classes);
  }
  if (c.loss == "squared_error") return std::make_unique<LeastSquaresError>();
  if (c.loss == "absolute_error") return std::make_unique<LeastAbsoluteError>();
  if (c.loss == "huber") return std::make_unique<HuberLoss>(c.alpha);
  if (c.loss == "quantile") return std::make_unique<QuantileLoss>(c.alpha);
  throw ValueError(fmt::format("{}: unknown loss '{}' (known: squared_error, absolute_error, huber, quantile)", who, c.loss));
}

// sklearn.ensemble._gradient_boosting._random_sample_mask
std::vector<std::uint8_t> random_sample_mask(std::int64_t n, std::int64_t n_in_bag, NumpyRandomState& rs) {
  std::vector<double> rand(static_cast<std::size_t>(n));
  for (double& r : rand) r = rs.random_sample();
  std::vector<std::uint8_t> mask(static_cast<std::size_t>(n), 0);
  std::int64_t bagged = 0;
  for (std::int64_t i = 0; i < n; ++i)
    if (rand[i] * static_cast<double>(n - i) < static_cast<double>(n_in_bag - bagged)) {
      mask[i] = 1;
      ++bagged;
    }
  return mask;
}

// y[rows], raw[rows, :], w[rows] for rows where mask == want.
void subset(const std::vector<double>& y, const std::vector<double>& raw, const std::vector<double>& w, std::int64_t K,
            const std::vector<std::uint8_t>& mask, bool want, std::vector<double>& ys, std::vector<double>& raws,
            std::vector<double>& ws) {
  ys.clear();
  raws.clear();
  ws.clear();
  for (std::size_t i = 0; i < y.size(); ++i)
    if (static_cast<bool>(mask[i]) == want) {
      ys.push_back(y[i]);
      ws.push_back(w[i]);
      raws.insert(raws.end(), raw.begin() + static_cast<std::ptrdiff_t>(i * K), raw.begin() + static_cast<std::ptrdiff_t>((i + 1) * K));
    }
}

// sklearn.model_selection._split._approximate_mode
std::vector<std::int64_t> approximate_mode(const std::vector<std::int64_t>& class_counts, std::int64_t n_draws,
                                           NumpyRandomState& rng) {
  const std::size_t K = class_counts.size();
  std::int64_t total = 0;
  for (auto c : class_counts) total += c;
  std::vector<double> continuous(K), floored(K), remainder(K);
  for (std::size_t k = 0; k < K; ++k) {
    continuous[k] = static_cast<double>(class_counts[k]) / static_cast<double>(total) * static_cast<double>(n_draws);
    floored[k] = std::floor(continuous[k]);
    remainder[k] = continuous[k] - floored[k];
  }
  auto need_to_add = static_cast<std::int64_t>(static_cast<double>(n_draws) - np_sum(floored));
  if (need_to_add > 0) {
    std::vector<double> values = remainder;  // np.sort(np.unique(remainder))[::-1]
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    std::reverse(values.begin(), values.end());
    for (double value : values) {
      std::vector<std::int64_t> inds;
      for (std::size_t k = 0; k < K; ++k)
        if (remainder[k] == value) inds.push_back(static_cast<std::int64_t>(k));
      const auto add_now = std::min<std::int64_t>(static_cast<std::int64_t>(inds.size()), need_to_add);
      // rng.choice(inds, size=add_now, replace=False): a permutation's head
      const std::vector<std::int64_t> perm = rng.permutation(static_cast<std::int64_t>(inds.size()));
      for (std::int64_t j = 0; j < add_now; ++j) floored[static_cast<std::size_t>(inds[perm[j]])] += 1;
      need_to_add -= add_now;
      if (need_to_add == 0) break;
    }
  }
  std::vector<std::int64_t> out(K);
  for (std::size_t k = 0; k < K; ++k) out[k] = static_cast<std::int64_t>(floored[k]);
  return out;
}

// train_test_split(..., test_size=fraction, random_state=seed[, stratify=y]): (train, test) rows,
// as ShuffleSplit / StratifiedShuffleSplit draw them from RandomState(seed).
void validation_split(std::int64_t n, double fraction, const std::vector<double>& y, std::int64_t n_classes,
                      std::uint32_t seed, std::vector<std::int64_t>& train, std::vector<std::int64_t>& test,
                      std::string_view who) {
  const auto n_test = static_cast<std::int64_t>(std::ceil(fraction * static_cast<double>(n)));
  const std::int64_t n_train = n - n_test;
  check(n_train > 0 && n_test > 0,
        "{}: with n_samples={} and validation_fraction={}, the training or the validation set would be empty", who, n,
        fraction);
  NumpyRandomState rng(seed);
  train.clear();
  test.clear();
  if (n_classes == 0) {
    const std::vector<std::int64_t> perm = rng.permutation(n);
    test.assign(perm.begin(), perm.begin() + n_test);
    train.assign(perm.begin() + n_test, perm.begin() + n_test + n_train);
    return;
  }
  std::vector<std::int64_t> counts(static_cast<std::size_t>(n_classes), 0);
  std::vector<std::vector<std::int64_t>> class_indices(static_cast<std::size_t>(n_classes));
  for (std::int64_t i = 0; i < n; ++i) {
    const auto k = static_cast<std::size_t>(y[static_cast<std::size_t>(i)]);
    ++counts[k];
    class_indices[k].push_back(i);  // np.argsort(y_indices, kind="mergesort"), split by class
  }
  for (auto c : counts)
    check(c >= 2, "{}: The least populated class in y has only {} member, which is too few for the early-stopping "
          "validation split. The minimum number of groups for any class cannot be less than 2.", who, c);
  check(n_train >= n_classes && n_test >= n_classes,
        "{}: the early-stopping split needs at least {} (the number of classes) rows on each side, got train {} and "
        "validation {}", who, n_classes, n_train, n_test);
  const std::vector<std::int64_t> n_i = approximate_mode(counts, n_train, rng);
  std::vector<std::int64_t> remaining(counts.size());
  for (std::size_t k = 0; k < counts.size(); ++k) remaining[k] = counts[k] - n_i[k];
  const std::vector<std::int64_t> t_i = approximate_mode(remaining, n_test, rng);
  for (std::size_t k = 0; k < counts.size(); ++k) {
    const std::vector<std::int64_t> perm = rng.permutation(counts[k]);
    for (std::int64_t j = 0; j < n_i[k]; ++j) train.push_back(class_indices[k][static_cast<std::size_t>(perm[j])]);
    for (std::int64_t j = n_i[k]; j < n_i[k] + t_i[k]; ++j) test.push_back(class_indices[k][static_cast<std::size_t>(perm[j])]);
  }
  rng.shuffle(train);  // rng.permutation(train)
  rng.shuffle(test);
}

template <class T>
std::vector<T> take_rows(const std::vector<T>& v, const std::vector<std::int64_t>& rows, std::int64_t width = 1) {
  std::vector<T> out;
  out.reserve(rows.size() * static_cast<std::size_t>(width));
  for (auto r : rows)
    for (std::int64_t j = 0; j < width; ++j) out.push_back(v[static_cast<std::size_t>(r * width + j)]);
  return out;
}

}  // namespace

void raw_to_proba(const double* raw, std::int64_t n, std::int64_t K, double* proba) {
  if (K == 1) {  // BinomialDeviance._raw_prediction_to_proba
    for (std::int64_t i = 0; i < n; ++i) {
      proba[2 * i + 1] = expit(raw[i]);
      proba[2 * i] = 1.0 - proba[2 * i + 1];
    }
    return;
  }
  for (std::int64_t i = 0; i < n; ++i) {
    const double lse = logsumexp_row(raw + i * K, K);
    for (std::int64_t k = 0; k < K; ++k) proba[i * K + k] = nan_to_num(std::exp(raw[i * K + k] - lse));
  }
}

Ensemble fit(const Tensor& X_all, const std::vector<double>& y_all, std::int64_t n_classes,
             const std::vector<double>& sample_weight_all, bool weighted, const Config& c, std::string_view who) {
  check(c.n_estimators >= 1, "{}: n_estimators must be >= 1, got {}", who, c.n_estimators);
  check(c.learning_rate >= 0.0 && std::isfinite(c.learning_rate), "{}: learning_rate must be >= 0, got {}", who,
        c.learning_rate);
  check(c.subsample > 0.0 && c.subsample <= 1.0, "{}: subsample must be in (0, 1], got {}", who, c.subsample);
  check(c.rules.criterion == "friedman_mse" || c.rules.criterion == "squared_error",
        "{}: criterion must be 'friedman_mse' or 'squared_error', got '{}'", who, c.rules.criterion);
  if (n_classes == 0 && (c.loss == "huber" || c.loss == "quantile"))
    check(c.alpha > 0.0 && c.alpha < 1.0, "{}: alpha must be in (0, 1), got {}", who, c.alpha);
  check(!c.n_iter_no_change || *c.n_iter_no_change >= 1, "{}: n_iter_no_change must be >= 1 or None, got {}", who,
        c.n_iter_no_change.value_or(0));
  check(c.validation_fraction > 0.0 && c.validation_fraction < 1.0, "{}: validation_fraction must be in (0, 1), got {}",
        who, c.validation_fraction);
  check(c.tol >= 0.0, "{}: tol must be >= 0, got {}", who, c.tol);
  std::unique_ptr<Loss> loss = make_loss(c, n_classes, who);
  check(X_all.shape(0) > 0, "{}: X has 0 samples; boosting needs at least 1", who);

  // Early stopping: hold out a validation set first (train_test_split with random_state).
  Tensor X = X_all;
  std::vector<double> y = y_all, sample_weight = sample_weight_all, y_val, w_val;
  std::vector<float> rows_val;
  if (c.n_iter_no_change) {
    std::vector<std::int64_t> train, test;
    validation_split(X_all.shape(0), c.validation_fraction, y_all, n_classes, tree_detail::resolve_seed(c.random_state, who),
                     train, test, who);
    X = Data(X_all).take(train).tensor();
    y = take_rows(y_all, train);
    sample_weight = take_rows(sample_weight_all, train);
    y_val = take_rows(y_all, test);
    w_val = take_rows(sample_weight_all, test);
    rows_val = tree_detail::row_major_f32(Data(X_all).take(test).tensor(), who);
    if (n_classes > 0) {
      std::vector<std::uint8_t> seen(static_cast<std::size_t>(n_classes), 0);
      for (double v : y) seen[static_cast<std::size_t>(v)] = 1;
      for (auto s : seen)
        check(s != 0, "{}: The training data after the early stopping split is missing some classes. Try using another "
              "random seed.", who);
    }
  }
  const std::int64_t n = X.shape(0), p = X.shape(1), K = loss->K;

  tree_detail::GrowRules rules = c.rules;
  rules.sklearn_sort = true;  // node sums of the residuals round as scikit-learn's, stage after stage
  rules.max_features = tree_detail::resolve_max_features(c.max_features, p, who);
  const tree_detail::ColumnMajorX cx = tree_detail::column_major_f32(X, who);
  const std::vector<float> rows = tree_detail::row_major_f32(X, who);

  Ensemble e;
  e.n_features = p;
  e.trees_per_stage = K;
  e.learning_rate = c.learning_rate;
  e.init_raw = c.init_zero ? std::vector<double>(static_cast<std::size_t>(K), 0.0)
                           : loss->init_raw(y, weighted ? &sample_weight : nullptr);
  std::vector<double> raw(static_cast<std::size_t>(n * K));
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t k = 0; k < K; ++k) raw[i * K + k] = e.init_raw[k];

  NumpyRandomState rng(tree_detail::resolve_seed(c.random_state, who));  // self._rng
  const bool do_oob = c.subsample < 1.0;
  const std::int64_t n_inbag = std::max<std::int64_t>(1, static_cast<std::int64_t>(c.subsample * static_cast<double>(n)));
  std::vector<std::uint8_t> mask;  // empty: every row in the bag
  std::vector<double> ys, raws, ws, yk(static_cast<std::size_t>(n));
  std::vector<std::int64_t> leaves(static_cast<std::size_t>(n));
  std::vector<double> raw_val, loss_history;
  if (c.n_iter_no_change) {
    raw_val.resize(y_val.size() * static_cast<std::size_t>(K));
    for (std::size_t i = 0; i < y_val.size(); ++i)
      for (std::int64_t k = 0; k < K; ++k) raw_val[i * K + k] = e.init_raw[k];
    loss_history.assign(static_cast<std::size_t>(*c.n_iter_no_change), std::numeric_limits<double>::infinity());
  }
  e.trees.reserve(static_cast<std::size_t>(c.n_estimators * K));
  for (std::int64_t stage = 0; stage < c.n_estimators; ++stage) {
    double old_oob = 0.0;
    if (do_oob) {
      mask = random_sample_mask(n, n_inbag, rng);
      subset(y, raw, sample_weight, K, mask, false, ys, raws, ws);
      old_oob = loss->loss(ys, raws, ws);
    }
    // _fit_stage
    const std::vector<double> raw_copy = raw;
    std::vector<double> w = sample_weight;
    for (std::int64_t k = 0; k < K; ++k) {
      const std::vector<double>* target = &y;
      if (loss->is_multi_class()) {
        for (std::int64_t i = 0; i < n; ++i) yk[i] = y[i] == static_cast<double>(k) ? 1.0 : 0.0;
        target = &yk;
      }
      const std::vector<double> residual = loss->negative_gradient(*target, raw_copy, k, w);
      // DecisionTreeRegressor(random_state=self._rng).fit: its splitter draws its seed now
      const auto seed = static_cast<std::uint32_t>(rng.randint(0, 0x7FFFFFFF));
      if (do_oob)
        for (std::int64_t i = 0; i < n; ++i) w[i] = w[i] * (mask[i] ? 1.0 : 0.0);
      Tree tree = tree_detail::grow_tree(cx, residual.data(), 0, w.data(), rules, seed);
      tree.apply(rows.data(), n, leaves.data());
      loss->update_terminal_regions(tree, leaves, mask, *target, residual, raw, w, c.learning_rate, k);
      e.trees.push_back(std::move(tree));
    }
    if (do_oob) {
      subset(y, raw, sample_weight, K, mask, true, ys, raws, ws);
      e.train_score.push_back(loss->loss(ys, raws, ws));
      subset(y, raw, sample_weight, K, mask, false, ys, raws, ws);
      e.oob_improvement.push_back(old_oob - loss->loss(ys, raws, ws));
    } else {
      e.train_score.push_back(loss->loss(y, raw, sample_weight));
    }
    e.n_stages = stage + 1;
    if (c.n_iter_no_change) {
      // the validation loss after this stage must beat one of the last n_iter_no_change by tol
      const std::int64_t n_val = static_cast<std::int64_t>(y_val.size());
      for (std::int64_t k = 0; k < K; ++k) {
        const Tree& t = e.trees[static_cast<std::size_t>(stage * K + k)];
        for (std::int64_t i = 0; i < n_val; ++i)
          raw_val[i * K + k] += c.learning_rate * t.value[static_cast<std::size_t>(t.apply_row(rows_val.data() + i * p))];
      }
      const double validation_loss = loss->loss(y_val, raw_val, w_val);
      bool better = false;
      for (double h : loss_history) better = better || validation_loss + c.tol < h;
      if (!better) break;
      loss_history[static_cast<std::size_t>(stage % static_cast<std::int64_t>(loss_history.size()))] = validation_loss;
    }
  }
  return e;
}

// ---------------------------------------------------------------------------------------------
// prediction (BaseGradientBoosting._raw_predict / _staged_raw_predict, predict_stages)

namespace {
void add_stage(const Ensemble& e, std::int64_t stage, const float* rows, std::int64_t n, double* raw) {
  const std::int64_t K = e.trees_per_stage;
  for (std::int64_t k = 0; k < K; ++k) {
    const Tree& t = e.trees[static_cast<std::size_t>(stage * K + k)];
    for (std::int64_t i = 0; i < n; ++i)
      raw[i * K + k] += e.learning_rate * t.value[static_cast<std::size_t>(t.apply_row(rows + i * e.n_features))];
  }
}
std::vector<double> init_raw(const Ensemble& e, std::int64_t n) {
  const std::int64_t K = e.trees_per_stage;
  std::vector<double> raw(static_cast<std::size_t>(n * K));
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t k = 0; k < K; ++k) raw[i * K + k] = e.init_raw[k];
  return raw;
}
}  // namespace

std::vector<double> raw_predict(const Ensemble& e, const Data& X, std::int64_t stages, std::string_view who) {
  const std::vector<float> rows = tree_detail::predict_rows(X, e.n_features, who);
  const std::int64_t n = static_cast<std::int64_t>(rows.size()) / std::max<std::int64_t>(1, e.n_features);
  std::vector<double> raw = init_raw(e, n);
  const std::int64_t m = stages < 0 ? e.n_stages : std::min(stages, e.n_stages);
  for (std::int64_t s = 0; s < m; ++s) add_stage(e, s, rows.data(), n, raw.data());
  return raw;
}

std::vector<std::vector<double>> staged_raw_predict(const Ensemble& e, const Data& X, std::string_view who) {
  const std::vector<float> rows = tree_detail::predict_rows(X, e.n_features, who);
  const std::int64_t n = static_cast<std::int64_t>(rows.size()) / std::max<std::int64_t>(1, e.n_features);
  std::vector<double> raw = init_raw(e, n);
  std::vector<std::vector<double>> out;
  out.reserve(static_cast<std::size_t>(e.n_stages));
  for (std::int64_t s = 0; s < e.n_stages; ++s) {
    add_stage(e, s, rows.data(), n, raw.data());
    out.push_back(raw);
  }
  return out;
}

Tensor feature_importances(const Ensemble& e) {
  std::vector<double> mean(static_cast<std::size_t>(e.n_features), 0.0);
  std::int64_t used = 0;
  for (const Tree& t : e.trees) {
    if (t.node_count() <= 1) continue;
    const std::vector<double> imp = t.feature_importances(false);
    for (std::int64_t j = 0; j < e.n_features; ++j) mean[j] += imp[j];
    ++used;
  }
  if (used > 0) {
    for (double& v : mean) v /= static_cast<double>(used);
    const double s = np_sum(mean);
    for (double& v : mean) v /= s;
  }
  return from_vector(mean, {e.n_features});
}

void save_ensemble(const Ensemble& e, StateDict& state) {
  state.set("n_features", Param{e.n_features});
  state.set("trees_per_stage", Param{e.trees_per_stage});
  state.set("n_stages", Param{e.n_stages});
  state.set("learning_rate", Param{e.learning_rate});
  state.set("init_raw", from_vector(e.init_raw));
  state.set("train_score", from_vector(e.train_score));
  state.set("oob_improvement", from_vector(e.oob_improvement));
  for (std::size_t t = 0; t < e.trees.size(); ++t) e.trees[t].save(state, fmt::format("trees/{}/", t));
}

Ensemble load_ensemble(const StateDict& state) {
  Ensemble e;
  e.n_features = state.integer("n_features");
  e.trees_per_stage = state.integer("trees_per_stage");
  e.n_stages = state.integer("n_stages");
  e.learning_rate = state.number("learning_rate");
  e.init_raw = state.tensor("init_raw").to_vector<double>();
  e.train_score = state.tensor("train_score").to_vector<double>();
  e.oob_improvement = state.tensor("oob_improvement").to_vector<double>();
  check<IoError>(e.n_stages >= 1 && e.trees_per_stage >= 1 && e.n_stages <= 1000000 && e.trees_per_stage <= 100000 &&
                     e.init_raw.size() == static_cast<std::size_t>(e.trees_per_stage),
                 "load: gradient boosting with {} stages of {} trees and {} initial values", e.n_stages, e.trees_per_stage,
                 e.init_raw.size());
  for (std::int64_t t = 0; t < e.n_stages * e.trees_per_stage; ++t) {
    e.trees.push_back(Tree::load(state, fmt::format("trees/{}/", t)));
    check<IoError>(e.trees.back().n_features == e.n_features && e.trees.back().n_classes == 1,
                   "load: gradient boosting tree {} does not fit {} features", t, e.n_features);
  }
  return e;
}

}  // namespace axon::ml::gb_detail
