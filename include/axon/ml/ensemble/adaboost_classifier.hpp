// AdaBoostClassifier (sklearn.ensemble.AdaBoostClassifier, scikit-learn 1.2): weak learners fitted
// one after another on re-weighted rows. "SAMME" (discrete: each learner's vote weighs
// log((1 - err) / err) + log(K - 1)) and "SAMME.R" (real: the learners' log-probabilities, the
// default of scikit-learn 1.2). The weak learner (default a stump, DecisionTreeClassifier(max_depth=1))
// must accept sample_weight; each copy gets its random_state drawn from random_state as
// scikit-learn's _set_random_states draws it, so the same random_state gives scikit-learn's model.
//
//   auto ada = ml::AdaBoostClassifier({.n_estimators = 100, .algorithm = "SAMME", .random_state = 0}).fit(X, y);
//   ada.predict(X_test); ada.estimator_weights(); ada.staged_score(X_test, y_test);
//   ml::AdaBoostClassifier({.estimator = ml::DecisionTreeClassifier({.max_depth = 2})});
#pragma once

#include "axon/ml/ensemble/base_ensemble.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace axon::ml {

struct AdaBoostClassifierOptions {
  EstimatorParam estimator;                  ///< the weak learner; None: DecisionTreeClassifier(max_depth=1)
  std::int64_t n_estimators = 50;            ///< the most learners fitted (fewer when one is perfect or useless)
  double learning_rate = 1.0;                ///< shrinks each learner's weight (> 0)
  std::string algorithm = "SAMME.R";         ///< "SAMME.R" (needs predict_proba) or "SAMME"
  std::optional<std::int64_t> random_state;  ///< seeds every learner's random_state
};

class AdaBoostClassifier : public EstimatorBase<AdaBoostClassifier, AdaBoostClassifierOptions> {
 public:
  /// An empty estimator becomes the default stump, so that "estimator__max_depth" is reachable.
  explicit AdaBoostClassifier(AdaBoostClassifierOptions options = {});

  std::string name() const override { return "AdaBoostClassifier"; }
  Kind kind() const override { return Kind::classifier; }
  AdaBoostClassifier& fit(const Data& X, const Tensor& y = {}) override;
  /// sample_weight: float64 [n] ≥ 0 with a positive sum (normalized to sum 1 first).
  AdaBoostClassifier& fit(const Data& X, const Tensor& y, const Tensor& sample_weight) override;
  bool accepts_sample_weight() const override { return true; }
  /// Two classes: the second where decision_function > 0; otherwise the largest score's class.
  Tensor predict(const Data& X) const override;
  /// float64 [n, n_classes]: the softmax of decision / (K - 1) (two classes: of [-d, d] / 2).
  Tensor predict_proba(const Data& X) const override;
  /// float64 [n] (two classes) or [n, n_classes]: the learners' weighted votes (SAMME) or
  /// symmetric log-probabilities (SAMME.R), divided by the sum of the learner weights.
  Tensor decision_function(const Data& X) const override;
  Tensor classes() const override { return labels_.classes; }
  bool fitted() const override { return !estimators_.empty(); }

  /// After each learner (element i with i + 1 learners).
  std::vector<Tensor> staged_decision_function(const Data& X) const;
  std::vector<Tensor> staged_predict(const Data& X) const;
  std::vector<Tensor> staged_predict_proba(const Data& X) const;
  std::vector<double> staged_score(const Data& X, const Tensor& y) const;

  /// estimator_weights_ / estimator_errors_: float64 [n_estimators] (learners not fitted keep
  /// weight 0 and error 1, as scikit-learn's).
  Tensor estimator_weights() const;
  Tensor estimator_errors() const;
  /// The fitted learners (estimators_). Copies of a fitted AdaBoostClassifier share them (they
  /// are not changed after fit; a new fit replaces them).
  const std::vector<std::shared_ptr<const Estimator>>& estimators() const {
    check_fitted("estimators");
    return estimators_;
  }
  /// Σ weightᵢ · importancesᵢ / Σ weightᵢ (the learners must be decision trees).
  Tensor feature_importances() const;
  std::int64_t n_classes() const { return labels_.n_classes(); }
  void save_state(StateDict& state) const override;
  void load_state(const StateDict& state) override;

 protected:
  std::vector<ParamBinding> bindings() override {
    return {param("algorithm", options_.algorithm), param("learning_rate", options_.learning_rate),
            param("n_estimators", options_.n_estimators), param("random_state", options_.random_state)};
  }
  std::vector<std::pair<std::string, Estimator*>> children() override { return {{"estimator", options_.estimator.get()}}; }
  void set_child(const std::string& name, std::unique_ptr<Estimator> estimator) override;

 private:
  /// Each learner's contribution to the decision (before the division by the weight sum), [n, K].
  std::vector<double> contribution(std::size_t i, const Data& X) const;
  Tensor finish_decision(std::vector<double> pred, double norm, std::int64_t n) const;
  Tensor proba_from_decision(const Tensor& decision) const;
  Tensor labels_from_decision(const Tensor& decision) const;

  std::vector<std::shared_ptr<const Estimator>> estimators_;
  std::vector<double> estimator_weights_, estimator_errors_;
  LabelCodes labels_;
};

}  // namespace axon::ml
