// RandomForestRegressor (sklearn.ensemble.RandomForestRegressor, scikit-learn 1.2): bagged
// regression trees (max_features 1.0: all features, scikit-learn 1.2's default); predict averages
// the trees' predictions. Trees are seeded from random_state exactly as scikit-learn seeds
// them (and draw the same bootstrap rows), so a forest with a fixed random_state is scikit-learn's
// forest, whatever n_jobs is.
//
//   auto rf = ml::RandomForestRegressor({.n_estimators = 100, .oob_score = true, .n_jobs = 2,
//                                         .random_state = 0}).fit(X, y);
//   rf.score(X_test, y_test); rf.oob_score(); rf.feature_importances();   // R²
#pragma once

#include "axon/ml/ensemble/base_forest.hpp"

#include <optional>

namespace axon::ml {

struct RandomForestRegressorOptions {
  std::int64_t n_estimators = 100;
  std::string criterion = "squared_error";
  std::optional<std::int64_t> max_depth;
  std::int64_t min_samples_split = 2;
  std::int64_t min_samples_leaf = 1;
  double min_weight_fraction_leaf = 0.0;
  MaxFeatures max_features = 1.0;              ///< scikit-learn 1.2's default for regressors: all
  std::optional<std::int64_t> max_leaf_nodes;
  double min_impurity_decrease = 0.0;
  bool bootstrap = true;
  bool oob_score = false;                      ///< score each row with the trees that did not draw it
  std::optional<std::int64_t> n_jobs;          ///< threads: None → 1, -1 → all cores
  std::optional<std::int64_t> random_state;
  double ccp_alpha = 0.0;
  MaxSamples max_samples;                      ///< bootstrap sample size (None: n)
};

/// ForestRegressor (base_forest.hpp) with DecisionTreeRegressor members (the best splitter).
class RandomForestRegressor : public ForestRegressor<RandomForestRegressor, RandomForestRegressorOptions> {
 public:
  using ForestRegressor::ForestRegressor;
  static constexpr const char* splitter = "best";
  std::string name() const override { return "RandomForestRegressor"; }
  RandomForestRegressor& fit(const Data& X, const Tensor& y = {}) override {
    fit_forest(X, y);
    return *this;
  }
};

extern template class ForestRegressor<RandomForestRegressor, RandomForestRegressorOptions>;

}  // namespace axon::ml
