// a·b + c must round as numpy does (no FMA): the weight updates and the votes.
#pragma GCC optimize("fp-contract=off")

#include "axon/ml/ensemble/adaboost_classifier.hpp"

#include "axon/core/creation.hpp"
#include "axon/ml/metrics.hpp"
#include "axon/ml/tree/decision_tree_classifier.hpp"
#include "../tree/builder.hpp"
#include "ensemble_util.hpp"
#include "gb_losses.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace axon::ml {

using gb_detail::np_sum;

AdaBoostClassifier::AdaBoostClassifier(AdaBoostClassifierOptions options) : EstimatorBase(std::move(options)) {
  if (!options_.estimator) options_.estimator = DecisionTreeClassifier({.max_depth = 1});
}

AdaBoostClassifier& AdaBoostClassifier::fit(const Data& X, const Tensor& y) { return fit(X, y, Tensor()); }

AdaBoostClassifier& AdaBoostClassifier::fit(const Data& X, const Tensor& y, const Tensor& sample_weight) {
  constexpr std::string_view who = "AdaBoostClassifier.fit";
  estimators_.clear();
  check(options_.n_estimators >= 1, "{}: n_estimators must be >= 1, got {}", who, options_.n_estimators);
  check(options_.learning_rate > 0.0 && std::isfinite(options_.learning_rate), "{}: learning_rate must be > 0, got {}",
        who, options_.learning_rate);
  const bool real = options_.algorithm == "SAMME.R";
  check(real || options_.algorithm == "SAMME", "{}: algorithm must be 'SAMME' or 'SAMME.R', got '{}'", who,
        options_.algorithm);
  const Estimator& base = *options_.estimator;
  check(base.accepts_sample_weight(), "{}: {} doesn't support sample_weight.", who, base.name());
  check_y(X, y, who);
  LabelCodes labels = encode_labels(y, who);
  const std::int64_t n = static_cast<std::int64_t>(labels.codes.size()), K = labels.n_classes();
  const std::vector<double> ylab = y.to_vector<double>();
  std::vector<double> w = check_sample_weight(X, sample_weight, who);
  if (w.empty()) w.assign(static_cast<std::size_t>(n), 1.0);
  {
    const double s = np_sum(w);
    for (double& v : w) v /= s;
  }
  const std::size_t M = static_cast<std::size_t>(options_.n_estimators);
  estimator_weights_.assign(M, 0.0);
  estimator_errors_.assign(M, 1.0);
  tree_detail::NumpyRandomState rs(tree_detail::resolve_seed(options_.random_state, who));
  const double eps = std::numeric_limits<double>::epsilon();
  std::vector<std::uint8_t> zero_mask(w.size());
  for (std::size_t i = 0; i < w.size(); ++i) zero_mask[i] = w[i] == 0.0;
  std::vector<double> incorrect(w.size());
  std::vector<std::shared_ptr<const Estimator>> fitted;
  for (std::size_t iboost = 0; iboost < M; ++iboost) {
    for (std::size_t i = 0; i < w.size(); ++i) w[i] = zero_mask[i] ? 0.0 : std::max(w[i], eps);
    // _make_estimator(random_state=random_state): clone, then _set_random_states from the shared stream
    std::unique_ptr<Estimator> est = base.clone();
    ensemble_detail::set_random_states(*est, rs);
    est->fit(X, y, from_vector(w, {n}));
    const bool last = iboost + 1 == M;
    std::vector<double> proba;
    std::vector<double> pred_label(w.size());
    if (real) {
      const Tensor p = est->predict_proba(X);
      check(p.ndim() == 2 && p.shape(1) == K, "{}: the learner's predict_proba gave {} columns for {} classes", who,
            p.ndim() == 2 ? p.shape(1) : 0, K);
      proba = p.to_vector<double>();
      const std::vector<double> classes = labels.classes.to_vector<double>();
      for (std::int64_t i = 0; i < n; ++i) {
        std::int64_t best = 0;
        for (std::int64_t k = 1; k < K; ++k)
          if (proba[i * K + k] > proba[i * K + best]) best = k;
        pred_label[i] = classes[best];
      }
    } else {
      pred_label = est->predict(X).to_vector<double>();
    }
    std::vector<double> wi(w.size());
    for (std::size_t i = 0; i < w.size(); ++i) {
      incorrect[i] = pred_label[i] != ylab[i] ? 1.0 : 0.0;
      wi[i] = incorrect[i] * w[i];
    }
    const double error = np_sum(wi) / np_sum(w);  // np.average(incorrect, weights=sample_weight)
    fitted.push_back(std::move(est));
    if (error <= 0) {  // a perfect learner: weight 1, error 0, and stop
      estimator_weights_[iboost] = 1.0;
      estimator_errors_[iboost] = 0.0;
      break;
    }
    double estimator_weight = 1.0;
    if (real) {
      // -lr · (K-1)/K · Σ_k y_coding · log(proba), the proba clipped to eps
      const double neg = -1.0 / static_cast<double>(K - 1);
      const double scale = -1.0 * options_.learning_rate * ((static_cast<double>(K) - 1.0) / static_cast<double>(K));
      std::vector<double> terms(static_cast<std::size_t>(K));
      for (std::int64_t i = 0; i < n; ++i) {
        for (std::int64_t k = 0; k < K; ++k) {
          const double coding = k == labels.codes[i] ? 1.0 : neg;
          terms[k] = coding * std::log(std::max(proba[i * K + k], eps));  // xlogy
        }
        const double ew = scale * np_sum(terms.data(), K);
        if (!last && (w[i] > 0 || ew < 0)) w[i] *= std::exp(ew);
        else if (!last) w[i] *= std::exp(0.0 * ew);
      }
    } else {
      if (error >= 1.0 - 1.0 / static_cast<double>(K)) {  // no better than chance: drop it and stop
        fitted.pop_back();
        check(!fitted.empty(), "{}: BaseClassifier in AdaBoostClassifier ensemble is worse than random, ensemble can not be fit.",
              who);
        break;
      }
      estimator_weight = options_.learning_rate * (std::log((1.0 - error) / error) + std::log(static_cast<double>(K) - 1.0));
      if (!last)
        for (std::size_t i = 0; i < w.size(); ++i)
          w[i] = std::exp(std::log(w[i]) + estimator_weight * incorrect[i] * (w[i] > 0 ? 1.0 : 0.0));
    }
    estimator_weights_[iboost] = estimator_weight;
    estimator_errors_[iboost] = error;
    const double sum = np_sum(w);
    if (!std::isfinite(sum) || sum <= 0) break;
    if (!last)
      for (double& v : w) v /= sum;
  }
  estimators_ = std::move(fitted);
  labels_ = std::move(labels);
  return *this;
}

std::vector<double> AdaBoostClassifier::contribution(std::size_t i, const Data& X) const {
  const std::int64_t K = labels_.n_classes();
  const Estimator& est = *estimators_[i];
  if (options_.algorithm == "SAMME.R") {  // _samme_proba
    std::vector<double> p = est.predict_proba(X).to_vector<double>();
    const std::int64_t n = static_cast<std::int64_t>(p.size()) / K;
    const double eps = std::numeric_limits<double>::epsilon();
    for (double& v : p) v = std::log(std::max(v, eps));
    std::vector<double> out(p.size());
    for (std::int64_t r = 0; r < n; ++r) {
      const double s = np_sum(p.data() + r * K, K);
      for (std::int64_t k = 0; k < K; ++k)
        out[r * K + k] = (static_cast<double>(K) - 1) * (p[r * K + k] - (1.0 / static_cast<double>(K)) * s);
    }
    return out;
  }
  // (estimator.predict(X) == classes).T * w
  const std::vector<double> pred = est.predict(X).to_vector<double>();
  const std::vector<double> classes = labels_.classes.to_vector<double>();
  const double w = estimator_weights_[i];
  std::vector<double> out(pred.size() * static_cast<std::size_t>(K));
  for (std::size_t r = 0; r < pred.size(); ++r)
    for (std::int64_t k = 0; k < K; ++k) out[r * K + k] = (pred[r] == classes[k] ? 1.0 : 0.0) * w;
  return out;
}

Tensor AdaBoostClassifier::finish_decision(std::vector<double> pred, double norm, std::int64_t n) const {
  const std::int64_t K = labels_.n_classes();
  for (double& v : pred) v /= norm;
  if (K == 2) {
    std::vector<double> d(static_cast<std::size_t>(n));
    for (std::int64_t r = 0; r < n; ++r) d[r] = -pred[r * 2] + pred[r * 2 + 1];
    return from_vector(d, {n});
  }
  return from_vector(pred, {n, K});
}

Tensor AdaBoostClassifier::decision_function(const Data& X) const {
  check_fitted("decision_function");
  std::vector<double> pred;
  for (std::size_t i = 0; i < estimators_.size(); ++i) {
    const std::vector<double> c = contribution(i, X);
    if (pred.empty()) pred.assign(c.size(), 0.0);  // Python's sum(): 0 + first + ...
    for (std::size_t j = 0; j < c.size(); ++j) pred[j] += c[j];
  }
  const std::int64_t n = static_cast<std::int64_t>(pred.size()) / labels_.n_classes();
  return finish_decision(std::move(pred), np_sum(estimator_weights_), n);
}

std::vector<Tensor> AdaBoostClassifier::staged_decision_function(const Data& X) const {
  check_fitted("staged_decision_function");
  std::vector<Tensor> out;
  std::vector<double> pred;
  double norm = 0.0;
  for (std::size_t i = 0; i < estimators_.size(); ++i) {
    norm += estimator_weights_[i];
    const std::vector<double> c = contribution(i, X);
    if (pred.empty()) pred = c;
    else
      for (std::size_t j = 0; j < c.size(); ++j) pred[j] += c[j];
    out.push_back(finish_decision(pred, norm, static_cast<std::int64_t>(pred.size()) / labels_.n_classes()));
  }
  return out;
}

Tensor AdaBoostClassifier::labels_from_decision(const Tensor& decision) const {
  const std::vector<double> d = decision.to_vector<double>();
  const std::int64_t K = labels_.n_classes();
  std::vector<std::int64_t> codes;
  if (K == 2) {
    for (double v : d) codes.push_back(v > 0 ? 1 : 0);
  } else {
    const std::int64_t n = static_cast<std::int64_t>(d.size()) / K;
    for (std::int64_t r = 0; r < n; ++r) {
      std::int64_t best = 0;
      for (std::int64_t k = 1; k < K; ++k)
        if (d[r * K + k] > d[r * K + best]) best = k;
      codes.push_back(best);
    }
  }
  return decode_labels(labels_.classes, codes);
}

Tensor AdaBoostClassifier::proba_from_decision(const Tensor& decision) const {
  const std::vector<double> d = decision.to_vector<double>();
  const std::int64_t K = labels_.n_classes();
  const std::int64_t n = K == 2 ? static_cast<std::int64_t>(d.size()) : static_cast<std::int64_t>(d.size()) / K;
  std::vector<double> p(static_cast<std::size_t>(n * K));
  for (std::int64_t r = 0; r < n; ++r) {
    double* row = p.data() + r * K;
    if (K == 2) {
      row[0] = -d[r] / 2;
      row[1] = d[r] / 2;
    } else {
      for (std::int64_t k = 0; k < K; ++k) row[k] = d[r * K + k] / static_cast<double>(K - 1);
    }
    double m = row[0];  // sklearn.utils.extmath.softmax
    for (std::int64_t k = 1; k < K; ++k) m = std::max(m, row[k]);
    for (std::int64_t k = 0; k < K; ++k) row[k] = std::exp(row[k] - m);
    const double s = np_sum(row, K);
    for (std::int64_t k = 0; k < K; ++k) row[k] /= s;
  }
  return from_vector(p, {n, K});
}

Tensor AdaBoostClassifier::predict(const Data& X) const {
  check_fitted("predict");
  return labels_from_decision(decision_function(X));
}

Tensor AdaBoostClassifier::predict_proba(const Data& X) const {
  check_fitted("predict_proba");
  return proba_from_decision(decision_function(X));
}

std::vector<Tensor> AdaBoostClassifier::staged_predict(const Data& X) const {
  std::vector<Tensor> out;
  for (const Tensor& d : staged_decision_function(X)) out.push_back(labels_from_decision(d));
  return out;
}

std::vector<Tensor> AdaBoostClassifier::staged_predict_proba(const Data& X) const {
  std::vector<Tensor> out;
  for (const Tensor& d : staged_decision_function(X)) out.push_back(proba_from_decision(d));
  return out;
}

std::vector<double> AdaBoostClassifier::staged_score(const Data& X, const Tensor& y) const {
  std::vector<double> out;
  for (const Tensor& p : staged_predict(X)) out.push_back(accuracy_score(y, p));
  return out;
}

Tensor AdaBoostClassifier::estimator_weights() const {
  check_fitted("estimator_weights");
  return from_vector(estimator_weights_, {static_cast<std::int64_t>(estimator_weights_.size())});
}

Tensor AdaBoostClassifier::estimator_errors() const {
  check_fitted("estimator_errors");
  return from_vector(estimator_errors_, {static_cast<std::int64_t>(estimator_errors_.size())});
}

Tensor AdaBoostClassifier::feature_importances() const {
  check_fitted("feature_importances");
  std::vector<double> total;
  for (std::size_t i = 0; i < estimators_.size(); ++i) {
    const auto* tree = dynamic_cast<const DecisionTreeClassifier*>(estimators_[i].get());
    check(tree != nullptr,
          "AdaBoostClassifier.feature_importances: unable to compute feature importances since {} does not have "
          "feature_importances_",
          estimators_[i]->name());
    const std::vector<double> imp = tree->feature_importances().to_vector<double>();
    if (total.empty()) total.assign(imp.size(), 0.0);
    for (std::size_t j = 0; j < imp.size(); ++j) total[j] += estimator_weights_[i] * imp[j];
  }
  const double norm = np_sum(estimator_weights_);
  for (double& v : total) v /= norm;
  return from_vector(total, {static_cast<std::int64_t>(total.size())});
}

void AdaBoostClassifier::set_child(const std::string& name, std::unique_ptr<Estimator> estimator) {
  if (name != "estimator") Estimator::set_child(name, std::move(estimator));
  options_.estimator = EstimatorParam(std::move(estimator));
}

void AdaBoostClassifier::save_state(StateDict& state) const {
  state.set("n_fitted", Param{static_cast<std::int64_t>(estimators_.size())});
  for (std::size_t i = 0; i < estimators_.size(); ++i) state.set(fmt::format("estimators/{}", i), *estimators_[i]);
  state.set("estimator_weights", from_vector(estimator_weights_));
  state.set("estimator_errors", from_vector(estimator_errors_));
  state.set("classes", labels_.classes);
}

void AdaBoostClassifier::load_state(const StateDict& state) {
  const std::int64_t n = state.integer("n_fitted");
  check<IoError>(n >= 1 && n <= 1000000, "load: AdaBoostClassifier with {} learners", n);
  estimators_.clear();
  for (std::int64_t i = 0; i < n; ++i) estimators_.push_back(state.estimator(fmt::format("estimators/{}", i)));
  estimator_weights_ = state.tensor("estimator_weights").to_vector<double>();
  estimator_errors_ = state.tensor("estimator_errors").to_vector<double>();
  labels_ = LabelCodes{state.tensor("classes"), {}};
  check<IoError>(estimator_weights_.size() >= static_cast<std::size_t>(n) && estimator_errors_.size() == estimator_weights_.size() &&
                     labels_.n_classes() >= 2,
                 "load: AdaBoostClassifier's weights, errors and classes do not fit its {} learners", n);
}

}  // namespace axon::ml
