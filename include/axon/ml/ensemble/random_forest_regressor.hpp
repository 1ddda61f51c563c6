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

#include "axon/ml/ensemble/random_forest_classifier.hpp"

#include <memory>
#include <optional>
#include <variant>

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

class RandomForestRegressor : public BaseForest<RandomForestRegressor, RandomForestRegressorOptions> {
 public:
  using BaseForest::BaseForest;
  std::string name() const override { return "RandomForestRegressor"; }
  Kind kind() const override { return Kind::regressor; }
  RandomForestRegressor& fit(const Data& X, const Tensor& y = {}) override;
  /// float64 [n]: the mean of the trees' predictions.
  Tensor predict(const Data& X) const override;

  /// float64 [n_train]: each training row's mean prediction over the trees that did not draw it.
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
