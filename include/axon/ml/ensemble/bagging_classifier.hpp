// BaggingClassifier (sklearn.ensemble.BaggingClassifier, scikit-learn 1.2): copies of any
// classifier of the library (default a DecisionTreeClassifier) fitted on random subsets of rows
// and columns; predict_proba averages their probabilities (or their votes, for a classifier
// without predict_proba). The draws are scikit-learn's from the same random_state, so the
// ensemble is scikit-learn's, whatever n_jobs is.
//
//   auto bag = ml::BaggingClassifier({.estimator = ml::KNeighborsClassifier(), .max_samples = 0.5,
//                                     .oob_score = true, .random_state = 0}).fit(X, y);
//   bag.predict(X_test); bag.oob_score(); bag.oob_decision_function();
#pragma once

#include "axon/ml/ensemble/base_bagging.hpp"

namespace axon::ml {

class BaggingClassifier : public BaseBagging<BaggingClassifier> {
 public:
  /// An empty estimator becomes DecisionTreeClassifier(), so that "estimator__max_depth" is reachable.
  explicit BaggingClassifier(BaggingOptions options = {});
  std::string name() const override { return "BaggingClassifier"; }
  Kind kind() const override { return Kind::classifier; }
  BaggingClassifier& fit(const Data& X, const Tensor& y = {}) override;
  /// sample_weight needs an estimator that accepts it (each estimator's weights: these times the
  /// bootstrap counts).
  BaggingClassifier& fit(const Data& X, const Tensor& y, const Tensor& sample_weight) override;
  bool accepts_sample_weight() const override { return options_.estimator && options_.estimator->accepts_sample_weight(); }
  /// The class of largest mean probability (the first on ties), in y's dtype.
  Tensor predict(const Data& X) const override;
  /// float64 [n, n_classes]: the mean of the estimators' probabilities (a class an estimator did
  /// not see counts 0 for it), or of their one-hot votes when they have no predict_proba.
  Tensor predict_proba(const Data& X) const override;
  Tensor classes() const override { return labels_.classes; }
  std::int64_t n_classes() const { return labels_.n_classes(); }

  /// float64 [n_train, n_classes]: each training row's summed out-of-bag probabilities (or votes)
  /// divided by their sum (NaN for a row every estimator drew, as scikit-learn's 0/0).
  Tensor oob_decision_function() const;
  void save_state(StateDict& state) const override;
  void load_state(const StateDict& state) override;

 private:
  /// Σ over the estimators of their probabilities (or votes) for the rows of X, [n, K].
  std::vector<double> sum_proba(const Data& X, std::string_view who) const;
  LabelCodes labels_;
  bool voting_ = false;  ///< the estimators have no predict_proba
  Tensor oob_decision_function_;
};

}  // namespace axon::ml
