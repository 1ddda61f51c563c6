// The gradient-boosting losses of scikit-learn 1.2 (sklearn/ensemble/_gb_losses.py) and the
// boosting loop of BaseGradientBoosting.fit / _fit_stages / _fit_stage, step for step, and the
// numpy reductions they rest on (pairwise sums, percentiles) so that results agree with
// scikit-learn's to the last bits where the arithmetic allows. Private to the ml floor.
#pragma once

#include "axon/ml/ensemble/base_gradient_boosting.hpp"
#include "axon/ml/tree/tree.hpp"
#include "../tree/builder.hpp"

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace axon::ml::gb_detail {

/// numpy's np.sum of a contiguous float64 array: pairwise summation (blocks of 8 partial sums up
/// to 128 elements, halves above), as numpy's DOUBLE_pairwise_sum.
double np_sum(const double* a, std::int64_t n);
inline double np_sum(const std::vector<double>& a) { return np_sum(a.data(), static_cast<std::int64_t>(a.size())); }
/// sklearn.utils.stats._weighted_percentile (the lower weighted percentile) of 1-D values.
double weighted_percentile(const std::vector<double>& values, const std::vector<double>& weights, double percentile);
/// np.percentile(values, q) with numpy's default linear interpolation.
double np_percentile(std::vector<double> values, double q);
/// np.logaddexp(x, y).
double np_logaddexp(double x, double y);
/// scipy.special.expit(x) = 1 / (1 + exp(-x)).
inline double expit(double x) { return 1.0 / (1.0 + std::exp(-x)); }

/// Everything of the estimators' options that the boosting loop needs, checked.
struct Config {
  std::string loss;          ///< squared_error, absolute_error, huber, quantile | log_loss
  double alpha = 0.9;        ///< huber and quantile
  double learning_rate = 0.1;
  std::int64_t n_estimators = 100;
  double subsample = 1.0;
  tree_detail::GrowRules rules;  ///< criterion friedman_mse/squared_error, depth, leaves ...; max_features resolved in fit
  MaxFeatures max_features;
  std::optional<std::int64_t> random_state;
  bool init_zero = false;    ///< init="zero": raw predictions start at 0
  std::optional<std::int64_t> n_iter_no_change;  ///< set: early stopping on a validation split
  double validation_fraction = 0.1;
  double tol = 1e-4;
};

/// The Config of an estimator's options (validated by rules_from; init must be None or "zero").
template <class Options>
Config config_from(const Options& o, std::string loss, double alpha, std::string_view who) {
  Config c;
  c.loss = std::move(loss);
  c.alpha = alpha;
  c.learning_rate = o.learning_rate;
  c.n_estimators = o.n_estimators;
  c.subsample = o.subsample;
  c.rules = tree_detail::rules_from(o, who);
  c.max_features = o.max_features;
  c.random_state = o.random_state;
  check(!o.init || *o.init == "zero", "{}: init must be None or 'zero' (an init estimator is not supported), got '{}'",
        who, o.init.value_or(""));
  c.init_zero = o.init.has_value();
  c.n_iter_no_change = o.n_iter_no_change;
  c.validation_fraction = o.validation_fraction;
  c.tol = o.tol;
  return c;
}

/// The raw prediction → probability maps of the classification losses.
void raw_to_proba(const double* raw, std::int64_t n, std::int64_t K, double* proba);

/// Fits the ensemble (BaseGradientBoosting.fit without warm start). With n_iter_no_change, the
/// rows are first split as train_test_split(..., test_size=validation_fraction,
/// random_state=random_state, stratify=y for classifiers) splits them, and boosting stops once
/// the validation loss has not improved by tol over any of the last n_iter_no_change stages.
/// X: float64 [n, p]; y: regression targets, or class codes 0..n_classes-1 as doubles
/// (n_classes ≥ 2 for classification, 0 for regression); sample_weight: one per row (ones when the
/// caller gave none: `weighted` false then, which makes the init estimator unweighted, as sklearn).
Ensemble fit(const Tensor& X, const std::vector<double>& y, std::int64_t n_classes, const std::vector<double>& sample_weight,
             bool weighted, const Config& config, std::string_view who);

}  // namespace axon::ml::gb_detail
