#include "axon/ml/ensemble/bagging_classifier.hpp"

#include "axon/core/creation.hpp"
#include "axon/ml/metrics.hpp"
#include "axon/ml/tree/decision_tree_classifier.hpp"
#include "ensemble_util.hpp"

#include <limits>

namespace axon::ml {

BaggingClassifier::BaggingClassifier(BaggingOptions options) : BaseBagging(std::move(options)) {
  if (!options_.estimator) options_.estimator = DecisionTreeClassifier();
}

BaggingClassifier& BaggingClassifier::fit(const Data& X, const Tensor& y) { return fit(X, y, Tensor()); }

BaggingClassifier& BaggingClassifier::fit(const Data& X, const Tensor& y, const Tensor& sample_weight) {
  constexpr std::string_view who = "BaggingClassifier.fit";
  ens_ = {};
  check_y(X, y, who);
  LabelCodes labels = encode_labels(y, who);
  const std::vector<double> w = check_sample_weight(X, sample_weight, who);
  // The estimators learn the class codes 0..K-1 (as scikit-learn's fit them on np.unique's inverse).
  const Tensor codes = from_vector(labels.codes, {static_cast<std::int64_t>(labels.codes.size())});
  bagging_detail::Ensemble e = bagging_detail::fit(options_, *options_.estimator, X, codes, w, who);
  voting_ = !ensemble_detail::has_predict_proba(*e.estimators.front(),
                                                bagging_detail::columns(X, e.features.front(), e.n_features, who));
  ens_ = std::move(e);
  labels_ = std::move(labels);
  if (options_.oob_score) {
    const std::int64_t n = ens_.n_samples, K = labels_.n_classes();
    std::vector<double> predictions(static_cast<std::size_t>(n * K), 0.0);
    for (std::size_t t = 0; t < ens_.estimators.size(); ++t) {
      std::vector<std::uint8_t> drawn(static_cast<std::size_t>(n), 0);
      for (auto s : bagging_detail::drawn_samples(ens_, t)) drawn[static_cast<std::size_t>(s)] = 1;
      std::vector<std::int64_t> oob;
      for (std::int64_t i = 0; i < n; ++i)
        if (!drawn[i]) oob.push_back(i);
      if (oob.empty()) continue;
      const Data rows = bagging_detail::columns(X.take(oob), ens_.features[t], ens_.n_features, who);
      const Estimator& est = *ens_.estimators[t];
      if (!voting_) {
        const std::vector<double> p = est.predict_proba(rows).to_vector<double>();
        const std::vector<std::int64_t> cls = est.classes().to_vector<std::int64_t>();
        const std::size_t k = cls.size();
        for (std::size_t r = 0; r < oob.size(); ++r)
          for (std::size_t j = 0; j < k; ++j) predictions[oob[r] * K + cls[j]] += p[r * k + j];
      } else {
        const std::vector<std::int64_t> p = est.predict(rows).to_vector<std::int64_t>();
        for (std::size_t r = 0; r < oob.size(); ++r) predictions[oob[r] * K + p[r]] += 1.0;
      }
    }
    std::vector<double> decision(predictions.size());
    std::vector<std::int64_t> best(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) {
      double s = 0.0;
      std::int64_t b = 0;
      for (std::int64_t k = 0; k < K; ++k) {
        s += predictions[i * K + k];
        if (predictions[i * K + k] > predictions[i * K + b]) b = k;
      }
      for (std::int64_t k = 0; k < K; ++k) decision[i * K + k] = predictions[i * K + k] / s;
      best[i] = b;
    }
    oob_decision_function_ = from_vector(decision, {n, K});
    oob_score_ = accuracy_score(codes, from_vector(best, {n}));
  }
  return *this;
}

std::vector<double> BaggingClassifier::sum_proba(const Data& X, std::string_view who) const {
  const std::int64_t K = labels_.n_classes();
  std::int64_t n = -1;
  std::vector<double> proba;
  for (std::size_t t = 0; t < ens_.estimators.size(); ++t) {
    const Data Xf = bagging_detail::columns(X, ens_.features[t], ens_.n_features, who);
    if (n < 0) {
      n = Xf.n_samples();
      proba.assign(static_cast<std::size_t>(n * K), 0.0);
    }
    const Estimator& est = *ens_.estimators[t];
    if (!voting_) {
      const std::vector<double> p = est.predict_proba(Xf).to_vector<double>();
      const std::vector<std::int64_t> cls = est.classes().to_vector<std::int64_t>();
      const auto k = static_cast<std::int64_t>(cls.size());
      for (std::int64_t r = 0; r < n; ++r)
        for (std::int64_t j = 0; j < k; ++j) proba[r * K + cls[j]] += p[r * k + j];
    } else {
      const std::vector<std::int64_t> p = est.predict(Xf).to_vector<std::int64_t>();
      for (std::int64_t r = 0; r < n; ++r) proba[r * K + p[r]] += 1.0;
    }
  }
  return proba;
}

Tensor BaggingClassifier::predict_proba(const Data& X) const {
  check_fitted("predict_proba");
  constexpr std::string_view who = "BaggingClassifier.predict_proba";
  check(X.n_features() == ens_.n_features || X.is_texts(), "{}: X has {} features, but BaggingClassifier is expecting {} features as input",
        who, X.n_features(), ens_.n_features);
  std::vector<double> proba = sum_proba(X, who);
  const double m = static_cast<double>(ens_.estimators.size());
  for (double& v : proba) v /= m;
  const std::int64_t K = labels_.n_classes();
  return from_vector(proba, {static_cast<std::int64_t>(proba.size()) / K, K});
}

Tensor BaggingClassifier::predict(const Data& X) const {
  check_fitted("predict");
  const Tensor proba = predict_proba(X);
  const std::int64_t n = proba.shape(0), K = proba.shape(1);
  const double* p = proba.data<double>();
  std::vector<std::int64_t> codes(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) {
    std::int64_t b = 0;
    for (std::int64_t k = 1; k < K; ++k)
      if (p[i * K + k] > p[i * K + b]) b = k;
    codes[i] = b;
  }
  return decode_labels(labels_.classes, codes);
}

Tensor BaggingClassifier::oob_decision_function() const {
  check_oob("oob_decision_function");
  return oob_decision_function_;
}

void BaggingClassifier::save_state(StateDict& state) const {
  save_base(state);
  state.set("classes", labels_.classes);
  state.set("voting", Param{voting_});
  if (oob_decision_function_.defined()) state.set("oob_decision_function", oob_decision_function_);
}

void BaggingClassifier::load_state(const StateDict& state) {
  load_base(state);
  labels_ = LabelCodes{state.tensor("classes"), {}};
  voting_ = state.flag("voting");
  oob_decision_function_ = state.contains("oob_decision_function") ? state.tensor("oob_decision_function") : Tensor();
}

}  // namespace axon::ml
