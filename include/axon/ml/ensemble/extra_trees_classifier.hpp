// ExtraTreesClassifier (sklearn.ensemble.ExtraTreesClassifier, scikit-learn 1.2): a forest of
// extremely randomized trees (ExtraTreeClassifier: a random threshold per drawn feature), by default
// each grown on all rows (bootstrap=False); predict_proba averages the trees' class probabilities.
// Trees are seeded from random_state exactly as scikit-learn seeds them (and, with bootstrap, draw
// the same rows), so a forest with a fixed random_state is scikit-learn's forest, whatever n_jobs is.
//
//   auto et = ml::ExtraTreesClassifier({.n_estimators = 100, .n_jobs = 2, .random_state = 0}).fit(X, y);
//   et.score(X_test, y_test); et.feature_importances();
#pragma once

#include "axon/ml/ensemble/base_forest.hpp"
#include "axon/ml/ensemble/random_forest_classifier.hpp"  // MaxSamples, max_samples_param

#include <map>
#include <optional>

namespace axon::ml {

struct ExtraTreesClassifierOptions {
  std::int64_t n_estimators = 100;
  std::string criterion = "gini";              ///< "gini", "entropy" or "log_loss"
  std::optional<std::int64_t> max_depth;
  std::int64_t min_samples_split = 2;
  std::int64_t min_samples_leaf = 1;
  double min_weight_fraction_leaf = 0.0;
  MaxFeatures max_features = std::string("sqrt");  ///< scikit-learn 1.2's default for classifiers
  std::optional<std::int64_t> max_leaf_nodes;
  double min_impurity_decrease = 0.0;
  bool bootstrap = false;                      ///< scikit-learn's default for extra trees: every tree sees all rows
  bool oob_score = false;                      ///< needs bootstrap=True
  std::optional<std::int64_t> n_jobs;          ///< threads: None → 1, -1 → all cores
  std::optional<std::int64_t> random_state;
  std::optional<std::string> class_weight;     ///< None or "balanced"
  std::map<double, double> class_weight_map;   ///< {label: weight}, used when class_weight is None
  double ccp_alpha = 0.0;
  MaxSamples max_samples;                      ///< bootstrap sample size (None: n); needs bootstrap=True
};

class ExtraTreesClassifier : public BaseForest<ExtraTreesClassifier, ExtraTreesClassifierOptions> {
 public:
  using BaseForest::BaseForest;
  std::string name() const override { return "ExtraTreesClassifier"; }
  Kind kind() const override { return Kind::classifier; }
  ExtraTreesClassifier& fit(const Data& X, const Tensor& y = {}) override;
  /// The class with the largest mean probability (first one on ties), in y's dtype.
  Tensor predict(const Data& X) const override;
  /// float64 [n, n_classes]: the mean of the trees' leaf class frequencies.
  Tensor predict_proba(const Data& X) const override;
  Tensor predict_log_proba(const Data& X) const override;
  Tensor classes() const override { return labels_.classes; }
  /// The leaf of each row in each tree, int64 [n, n_estimators] (scikit-learn's apply).
  Tensor apply(const Data& X) const;

  /// float64 [n_train, n_classes]: each training row's mean probability over the trees that did
  /// not draw it (needs bootstrap=True and oob_score=True).
  Tensor oob_decision_function() const;

  void save_state(StateDict& state) const override;
  void load_state(const StateDict& state) override;

 protected:
  std::vector<ParamBinding> bindings() override {
    return {param("bootstrap", options_.bootstrap), param("ccp_alpha", options_.ccp_alpha),
            param("class_weight", options_.class_weight), param("criterion", options_.criterion),
            param("max_depth", options_.max_depth), max_features_param("max_features", options_.max_features),
            param("max_leaf_nodes", options_.max_leaf_nodes), max_samples_param("max_samples", options_.max_samples),
            param("min_impurity_decrease", options_.min_impurity_decrease),
            param("min_samples_leaf", options_.min_samples_leaf), param("min_samples_split", options_.min_samples_split),
            param("min_weight_fraction_leaf", options_.min_weight_fraction_leaf),
            param("n_estimators", options_.n_estimators), param("n_jobs", options_.n_jobs),
            param("oob_score", options_.oob_score), param("random_state", options_.random_state)};
  }

 private:
  std::vector<double> mean_proba(const Data& X, std::string_view who) const;

  LabelCodes labels_;
  Tensor oob_decision_;
};

}  // namespace axon::ml
