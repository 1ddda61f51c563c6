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

/// ForestClassifier (base_forest.hpp) with ExtraTreeClassifier members (the random splitter).
class ExtraTreesClassifier : public ForestClassifier<ExtraTreesClassifier, ExtraTreesClassifierOptions> {
 public:
  using ForestClassifier::ForestClassifier;
  static constexpr const char* splitter = "random";
  std::string name() const override { return "ExtraTreesClassifier"; }
  ExtraTreesClassifier& fit(const Data& X, const Tensor& y = {}) override {
    fit_forest(X, y);
    return *this;
  }
};

extern template class ForestClassifier<ExtraTreesClassifier, ExtraTreesClassifierOptions>;

}  // namespace axon::ml
