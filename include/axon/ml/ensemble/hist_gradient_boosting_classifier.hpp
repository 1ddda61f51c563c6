// HistGradientBoostingClassifier (sklearn.ensemble.HistGradientBoostingClassifier, scikit-learn
// 1.2): gradient boosting on binned features (255 bins + one for missing values), trees grown leaf
// by leaf on gradient histograms; log_loss (binomial, or one tree per class and iteration for
// multiclass). NaN in X is a value: each split sends it to the side that gains more. Early stopping
// ("auto": when n_samples > 10,000) watches the loss on a stratified 10 % validation split.
//
//   auto hgb = ml::HistGradientBoostingClassifier({.max_iter = 200, .random_state = 0}).fit(X, y);
//   hgb.predict_proba(X_test); hgb.n_iter();
#pragma once

#include "axon/ml/ensemble/base_hist_gradient_boosting.hpp"

namespace axon::ml {

struct HistGradientBoostingClassifierOptions {
  std::string loss = "log_loss";
  double learning_rate = 0.1;
  std::int64_t max_iter = 100;
  std::optional<std::int64_t> max_leaf_nodes = 31;
  std::optional<std::int64_t> max_depth;
  std::int64_t min_samples_leaf = 20;
  double l2_regularization = 0.0;
  std::int64_t max_bins = 255;                 ///< 2..255, plus one bin for missing values
  EarlyStoppingSetting early_stopping = std::string("auto");
  std::string scoring = "loss";                ///< only "loss" (the default) is supported
  std::optional<double> validation_fraction = 0.1;  ///< < 1: fraction; ≥ 1: row count; None: score on training data
  std::int64_t n_iter_no_change = 10;
  double tol = 1e-7;
  std::optional<std::int64_t> random_state;
};

class HistGradientBoostingClassifier
    : public BaseHistGradientBoosting<HistGradientBoostingClassifier, HistGradientBoostingClassifierOptions> {
 public:
  using BaseHistGradientBoosting::BaseHistGradientBoosting;
  std::string name() const override { return "HistGradientBoostingClassifier"; }
  Kind kind() const override { return Kind::classifier; }
  HistGradientBoostingClassifier& fit(const Data& X, const Tensor& y = {}) override;
  /// The class with the largest probability, in y's dtype.
  Tensor predict(const Data& X) const override;
  /// float64 [n, n_classes].
  Tensor predict_proba(const Data& X) const override;
  /// float64 [n] (binary: the log-odds of classes()[1]) or [n, n_classes].
  Tensor decision_function(const Data& X) const override;
  Tensor classes() const override { return labels_.classes; }
  void save_state(StateDict& state) const override;
  void load_state(const StateDict& state) override;
  /// After each iteration (element i after i + 1 iterations), as GradientBoosting's.
  std::vector<Tensor> staged_predict(const Data& X) const;
  std::vector<Tensor> staged_predict_proba(const Data& X) const;

 private:
  std::vector<double> raw(const Data& X, std::string_view who) const;
  LabelCodes labels_;
};

}  // namespace axon::ml
