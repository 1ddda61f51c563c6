// ExtraTreesRegressor (sklearn.ensemble.ExtraTreesRegressor, scikit-learn 1.2): a forest of
// extremely randomized regression trees (ExtraTreeRegressor: a random threshold per feature; all
// features drawn by default, max_features 1.0), by default each grown on all rows (bootstrap=False);
// predict averages the trees' predictions. Trees are seeded from random_state exactly as
// scikit-learn seeds them, so a forest with a fixed random_state is scikit-learn's forest, whatever
// n_jobs is.
//
//   auto et = ml::ExtraTreesRegressor({.n_estimators = 100, .n_jobs = 2, .random_state = 0}).fit(X, y);
//   et.score(X_test, y_test); et.feature_importances();   // R²
#pragma once

#include "axon/ml/ensemble/base_forest.hpp"

#include <optional>

namespace axon::ml {

struct ExtraTreesRegressorOptions {
  std::int64_t n_estimators = 100;
  std::string criterion = "squared_error";     ///< "squared_error", "friedman_mse" or "absolute_error"
  std::optional<std::int64_t> max_depth;
  std::int64_t min_samples_split = 2;
  std::int64_t min_samples_leaf = 1;
  double min_weight_fraction_leaf = 0.0;
  MaxFeatures max_features = 1.0;              ///< scikit-learn 1.2's default for regressors: all
  std::optional<std::int64_t> max_leaf_nodes;
  double min_impurity_decrease = 0.0;
  bool bootstrap = false;                      ///< scikit-learn's default for extra trees: every tree sees all rows
  bool oob_score = false;                      ///< needs bootstrap=True
  std::optional<std::int64_t> n_jobs;          ///< threads: None → 1, -1 → all cores
  std::optional<std::int64_t> random_state;
  double ccp_alpha = 0.0;
  MaxSamples max_samples;                      ///< bootstrap sample size (None: n); needs bootstrap=True
};

/// ForestRegressor (base_forest.hpp) with ExtraTreeRegressor members (the random splitter).
class ExtraTreesRegressor : public ForestRegressor<ExtraTreesRegressor, ExtraTreesRegressorOptions> {
 public:
  using ForestRegressor::ForestRegressor;
  static constexpr const char* splitter = "random";
  std::string name() const override { return "ExtraTreesRegressor"; }
  ExtraTreesRegressor& fit(const Data& X, const Tensor& y = {}) override {
    fit_forest(X, y);
    return *this;
  }
};

extern template class ForestRegressor<ExtraTreesRegressor, ExtraTreesRegressorOptions>;

}  // namespace axon::ml
