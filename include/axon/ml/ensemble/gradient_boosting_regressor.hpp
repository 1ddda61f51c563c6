// GradientBoostingRegressor (sklearn.ensemble.GradientBoostingRegressor, scikit-learn 1.2):
// stage-wise additive regression trees, each fitted on the negative gradient of the loss and its
// leaves then set by the loss (medians for absolute_error, a Huber step, a quantile). Trees are
// seeded from random_state exactly as scikit-learn seeds them (and draw the same subsamples), so
// the same data and random_state give scikit-learn's model: the same train_score_, the same staged
// predictions.
//
//   auto gb = ml::GradientBoostingRegressor({.loss = "huber", .n_estimators = 200, .subsample = 0.8,
//                                            .random_state = 0}).fit(X, y);
//   gb.predict(X_test); gb.train_score(); gb.oob_improvement(); gb.staged_predict(X_test);
//
// Not (yet) here: warm_start, an estimator as init (None and "zero" are), verbose.
#pragma once

#include "axon/ml/ensemble/base_gradient_boosting.hpp"

#include <optional>
#include <string>

namespace axon::ml {

struct GradientBoostingRegressorOptions {
  std::string loss = "squared_error";          ///< squared_error, absolute_error, huber or quantile
  double learning_rate = 0.1;                  ///< shrinks each tree's contribution (>= 0)
  std::int64_t n_estimators = 100;             ///< boosting stages (>= 1)
  double subsample = 1.0;                      ///< fraction of rows each stage fits on, in (0, 1]
  std::string criterion = "friedman_mse";      ///< friedman_mse or squared_error
  std::int64_t min_samples_split = 2;
  std::int64_t min_samples_leaf = 1;
  double min_weight_fraction_leaf = 0.0;
  std::optional<std::int64_t> max_depth = 3;
  double min_impurity_decrease = 0.0;
  std::optional<std::string> init;             ///< None: the loss's baseline (mean, median, quantile); "zero": 0
  std::optional<std::int64_t> random_state;    ///< seeds the subsamples and each tree's feature order
  MaxFeatures max_features;                    ///< None: all features at every split
  double alpha = 0.9;                          ///< huber's and quantile's alpha, in (0, 1)
  std::optional<std::int64_t> max_leaf_nodes;
  double validation_fraction = 0.1;            ///< the rows held out for early stopping, in (0, 1)
  /// Set: stop when the validation loss has not improved by tol over any of the last
  /// n_iter_no_change stages (the split is scikit-learn's train_test_split from random_state).
  std::optional<std::int64_t> n_iter_no_change;
  double tol = 1e-4;
  double ccp_alpha = 0.0;
};

class GradientBoostingRegressor : public BaseGradientBoosting<GradientBoostingRegressor, GradientBoostingRegressorOptions> {
 public:
  using BaseGradientBoosting::BaseGradientBoosting;
  std::string name() const override { return "GradientBoostingRegressor"; }
  Kind kind() const override { return Kind::regressor; }
  GradientBoostingRegressor& fit(const Data& X, const Tensor& y = {}) override;
  /// sample_weight: float64 [n] ≥ 0 with a positive sum.
  GradientBoostingRegressor& fit(const Data& X, const Tensor& y, const Tensor& sample_weight) override;
  bool accepts_sample_weight() const override { return true; }
  /// float64 [n]: the init value plus learning_rate × every tree's leaf value.
  Tensor predict(const Data& X) const override;
  /// The predictions after each stage (staged_predict): element i after i + 1 stages.
  std::vector<Tensor> staged_predict(const Data& X) const;

 protected:
  std::vector<ParamBinding> bindings() override {
    return {param("alpha", options_.alpha), param("ccp_alpha", options_.ccp_alpha), param("criterion", options_.criterion),
            param("init", options_.init), param("learning_rate", options_.learning_rate), param("loss", options_.loss),
            param("max_depth", options_.max_depth), max_features_param("max_features", options_.max_features),
            param("max_leaf_nodes", options_.max_leaf_nodes),
            param("min_impurity_decrease", options_.min_impurity_decrease),
            param("min_samples_leaf", options_.min_samples_leaf), param("min_samples_split", options_.min_samples_split),
            param("min_weight_fraction_leaf", options_.min_weight_fraction_leaf),
            param("n_estimators", options_.n_estimators), param("random_state", options_.random_state),
            param("n_iter_no_change", options_.n_iter_no_change), param("subsample", options_.subsample),
            param("tol", options_.tol), param("validation_fraction", options_.validation_fraction)};
  }
};

}  // namespace axon::ml
