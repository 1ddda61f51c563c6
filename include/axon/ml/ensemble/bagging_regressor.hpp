// BaggingRegressor (sklearn.ensemble.BaggingRegressor, scikit-learn 1.2): copies of any regressor
// of the library (default a DecisionTreeRegressor) fitted on random subsets of rows and columns;
// predict averages their predictions. The draws are scikit-learn's from the same random_state, so
// the ensemble is scikit-learn's, whatever n_jobs is.
//
//   auto bag = ml::BaggingRegressor({.n_estimators = 50, .oob_score = true, .random_state = 0}).fit(X, y);
//   bag.predict(X_test); bag.oob_score(); bag.oob_prediction();
#pragma once

#include "axon/ml/ensemble/base_bagging.hpp"

namespace axon::ml {

class BaggingRegressor : public BaseBagging<BaggingRegressor> {
 public:
  /// An empty estimator becomes DecisionTreeRegressor(), so that "estimator__max_depth" is reachable.
  explicit BaggingRegressor(BaggingOptions options = {});
  std::string name() const override { return "BaggingRegressor"; }
  Kind kind() const override { return Kind::regressor; }
  BaggingRegressor& fit(const Data& X, const Tensor& y = {}) override;
  BaggingRegressor& fit(const Data& X, const Tensor& y, const Tensor& sample_weight) override;
  bool accepts_sample_weight() const override { return options_.estimator && options_.estimator->accepts_sample_weight(); }
  /// float64 [n]: the mean of the estimators' predictions.
  Tensor predict(const Data& X) const override;
  /// float64 [n_train]: each training row's mean prediction over the estimators that did not draw
  /// it (0 for a row every estimator drew, as scikit-learn's).
  Tensor oob_prediction() const;
  void save_state(StateDict& state) const override;
  void load_state(const StateDict& state) override;

 private:
  Tensor oob_prediction_;
};

}  // namespace axon::ml
