// HistGradientBoostingRegressor (sklearn.ensemble.HistGradientBoostingRegressor, scikit-learn
// 1.2): gradient boosting on binned features (255 bins + one for missing values), trees grown leaf
// by leaf on gradient histograms; loss "squared_error" or "absolute_error" (leaves then hold the
// median residual). NaN in X is a value: each split sends it to the side that gains more. Early
// stopping ("auto": when n_samples > 10,000) watches the loss on a 10 % validation split.
//
//   auto hgb = ml::HistGradientBoostingRegressor({.max_iter = 200, .random_state = 0}).fit(X, y);
//   hgb.predict(X_test); hgb.score(X_test, y_test);
#pragma once

#include "axon/ml/ensemble/base_hist_gradient_boosting.hpp"

namespace axon::ml {

struct HistGradientBoostingRegressorOptions {
  std::string loss = "squared_error";          ///< "squared_error" or "absolute_error"
  double learning_rate = 0.1;
  std::int64_t max_iter = 100;
  std::optional<std::int64_t> max_leaf_nodes = 31;
  std::optional<std::int64_t> max_depth;
  std::int64_t min_samples_leaf = 20;
  double l2_regularization = 0.0;
  std::int64_t max_bins = 255;
  EarlyStoppingSetting early_stopping = std::string("auto");
  std::string scoring = "loss";
  std::optional<double> validation_fraction = 0.1;
  std::int64_t n_iter_no_change = 10;
  double tol = 1e-7;
  std::optional<std::int64_t> random_state;
};

class HistGradientBoostingRegressor
    : public BaseHistGradientBoosting<HistGradientBoostingRegressor, HistGradientBoostingRegressorOptions> {
 public:
  using BaseHistGradientBoosting::BaseHistGradientBoosting;
  std::string name() const override { return "HistGradientBoostingRegressor"; }
  Kind kind() const override { return Kind::regressor; }
  HistGradientBoostingRegressor& fit(const Data& X, const Tensor& y = {}) override;
  /// float64 [n].
  Tensor predict(const Data& X) const override;
  /// After each iteration (element i after i + 1 iterations), as GradientBoosting's.
  std::vector<Tensor> staged_predict(const Data& X) const;
};

}  // namespace axon::ml
