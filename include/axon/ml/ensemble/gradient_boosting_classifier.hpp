// GradientBoostingClassifier (sklearn.ensemble.GradientBoostingClassifier, scikit-learn 1.2) with
// loss log_loss: one regression tree per stage for two classes (on the log-odds), one per class
// per stage otherwise (on the class's raw score, softmax across classes), each tree's leaves set
// by a Newton step. Starts from the class priors (log-odds / log priors). Trees are seeded from
// random_state exactly as scikit-learn seeds them, so the same data and random_state give
// scikit-learn's model.
//
//   auto gb = ml::GradientBoostingClassifier({.n_estimators = 50, .random_state = 0}).fit(X, y);
//   gb.predict(X_test); gb.predict_proba(X_test); gb.staged_predict_proba(X_test); gb.train_score();
//
// Not (yet) here: loss "exponential", warm_start, an estimator as init (None and "zero" are),
// verbose.
#pragma once

#include "axon/ml/ensemble/base_gradient_boosting.hpp"

#include <optional>
#include <string>

namespace axon::ml {

struct GradientBoostingClassifierOptions {
  std::string loss = "log_loss";               ///< log_loss (binomial or multinomial deviance)
  double learning_rate = 0.1;                  ///< shrinks each tree's contribution (>= 0)
  std::int64_t n_estimators = 100;             ///< boosting stages (>= 1)
  double subsample = 1.0;                      ///< fraction of rows each stage fits on, in (0, 1]
  std::string criterion = "friedman_mse";      ///< friedman_mse or squared_error
  std::int64_t min_samples_split = 2;
  std::int64_t min_samples_leaf = 1;
  double min_weight_fraction_leaf = 0.0;
  std::optional<std::int64_t> max_depth = 3;
  double min_impurity_decrease = 0.0;
  std::optional<std::string> init;             ///< None: the class priors; "zero": raw scores start at 0
  std::optional<std::int64_t> random_state;    ///< seeds the subsamples and each tree's feature order
  MaxFeatures max_features;                    ///< None: all features at every split
  std::optional<std::int64_t> max_leaf_nodes;
  double validation_fraction = 0.1;            ///< the rows held out for early stopping, in (0, 1)
  /// Set: stop when the validation loss has not improved by tol over any of the last
  /// n_iter_no_change stages (the split is scikit-learn's train_test_split from random_state).
  std::optional<std::int64_t> n_iter_no_change;
  double tol = 1e-4;
  double ccp_alpha = 0.0;
};

class GradientBoostingClassifier
    : public BaseGradientBoosting<GradientBoostingClassifier, GradientBoostingClassifierOptions> {
 public:
  using BaseGradientBoosting::BaseGradientBoosting;
  std::string name() const override { return "GradientBoostingClassifier"; }
  Kind kind() const override { return Kind::classifier; }
  GradientBoostingClassifier& fit(const Data& X, const Tensor& y = {}) override;
  /// sample_weight: float64 [n] ≥ 0; at least two classes must keep a positive weight.
  GradientBoostingClassifier& fit(const Data& X, const Tensor& y, const Tensor& sample_weight) override;
  bool accepts_sample_weight() const override { return true; }
  /// The most probable class (the first on ties), in y's dtype.
  Tensor predict(const Data& X) const override;
  /// float64 [n, n_classes].
  Tensor predict_proba(const Data& X) const override;
  /// float64 [n] (two classes: the log-odds of the second) or [n, n_classes] (the raw scores).
  Tensor decision_function(const Data& X) const override;
  Tensor classes() const override { return labels_.classes; }
  std::int64_t n_classes() const { return labels_.n_classes(); }
  void save_state(StateDict& state) const override;
  void load_state(const StateDict& state) override;

  /// After each stage (element i after i + 1 stages), as staged_predict, staged_predict_proba and
  /// staged_decision_function.
  std::vector<Tensor> staged_predict(const Data& X) const;
  std::vector<Tensor> staged_predict_proba(const Data& X) const;
  std::vector<Tensor> staged_decision_function(const Data& X) const;

 protected:
  std::vector<ParamBinding> bindings() override {
    return {param("ccp_alpha", options_.ccp_alpha), param("criterion", options_.criterion), param("init", options_.init),
            param("learning_rate", options_.learning_rate), param("loss", options_.loss),
            param("max_depth", options_.max_depth), max_features_param("max_features", options_.max_features),
            param("max_leaf_nodes", options_.max_leaf_nodes),
            param("min_impurity_decrease", options_.min_impurity_decrease),
            param("min_samples_leaf", options_.min_samples_leaf), param("min_samples_split", options_.min_samples_split),
            param("min_weight_fraction_leaf", options_.min_weight_fraction_leaf),
            param("n_estimators", options_.n_estimators), param("random_state", options_.random_state),
            param("n_iter_no_change", options_.n_iter_no_change), param("subsample", options_.subsample),
            param("tol", options_.tol), param("validation_fraction", options_.validation_fraction)};
  }

 private:
  Tensor proba_of(const std::vector<double>& raw) const;
  Tensor labels_of(const std::vector<double>& raw) const;
  Tensor decision_of(const std::vector<double>& raw) const;
  LabelCodes labels_;
};

}  // namespace axon::ml
