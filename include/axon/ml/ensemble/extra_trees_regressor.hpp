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
#include "axon/ml/ensemble/random_forest_classifier.hpp"  // MaxSamples, max_samples_param

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

class ExtraTreesRegressor : public BaseForest<ExtraTreesRegressor, ExtraTreesRegressorOptions> {
 public:
  using BaseForest::BaseForest;
  std::string name() const override { return "ExtraTreesRegressor"; }
  Kind kind() const override { return Kind::regressor; }
  ExtraTreesRegressor& fit(const Data& X, const Tensor& y = {}) override;
  /// float64 [n]: the mean of the trees' predictions.
  Tensor predict(const Data& X) const override;
  /// The leaf of each row in each tree, int64 [n, n_estimators] (scikit-learn's apply).
  Tensor apply(const Data& X) const;

  /// float64 [n_train]: each training row's mean prediction over the trees that did not draw it
  /// (needs bootstrap=True and oob_score=True).
  Tensor oob_prediction() const;

  void save_state(StateDict& state) const override;
  void load_state(const StateDict& state) override;

 protected:
  std::vector<ParamBinding> bindings() override {
    return {param("bootstrap", options_.bootstrap), param("ccp_alpha", options_.ccp_alpha),
            param("criterion", options_.criterion),
            param("max_depth", options_.max_depth), max_features_param("max_features", options_.max_features),
            param("max_leaf_nodes", options_.max_leaf_nodes), max_samples_param("max_samples", options_.max_samples),
            param("min_impurity_decrease", options_.min_impurity_decrease),
            param("min_samples_leaf", options_.min_samples_leaf), param("min_samples_split", options_.min_samples_split),
            param("min_weight_fraction_leaf", options_.min_weight_fraction_leaf),
            param("n_estimators", options_.n_estimators), param("n_jobs", options_.n_jobs),
            param("oob_score", options_.oob_score), param("random_state", options_.random_state)};
  }

 private:
  Tensor oob_prediction_;
};

}  // namespace axon::ml
