// RandomForestClassifier (sklearn.ensemble.RandomForestClassifier, scikit-learn 1.2): bagged
// decision trees, each split choosing among max_features random features; predict_proba averages
// the trees' class probabilities. Trees are seeded from random_state exactly as scikit-learn seeds
// them (and draw the same bootstrap rows), so a forest with a fixed random_state is scikit-learn's
// forest, whatever n_jobs is.
//
//   auto rf = ml::RandomForestClassifier({.n_estimators = 100, .oob_score = true, .n_jobs = 2,
//                                         .random_state = 0}).fit(X, y);
//   rf.score(X_test, y_test); rf.oob_score(); rf.feature_importances();
#pragma once

#include "axon/ml/ensemble/base_forest.hpp"

#include <map>
#include <memory>
#include <optional>
#include <variant>

namespace axon::ml {

/// max_samples of forests: None (n rows), an int count or a float fraction of the rows.
using MaxSamples = std::variant<std::monostate, std::int64_t, double>;
/// The get_params/set_params binding of a MaxSamples field.
ParamBinding max_samples_param(std::string name, MaxSamples& field);

struct RandomForestClassifierOptions {
  std::int64_t n_estimators = 100;
  std::string criterion = "gini";              ///< "gini", "entropy" or "log_loss"
  std::optional<std::int64_t> max_depth;
  std::int64_t min_samples_split = 2;
  std::int64_t min_samples_leaf = 1;
  double min_weight_fraction_leaf = 0.0;
  MaxFeatures max_features = std::string("sqrt");  ///< scikit-learn 1.2's default for classifiers
  std::optional<std::int64_t> max_leaf_nodes;
  double min_impurity_decrease = 0.0;
  bool bootstrap = true;
  bool oob_score = false;                      ///< score each row with the trees that did not draw it
  std::optional<std::int64_t> n_jobs;          ///< threads: None → 1, -1 → all cores
  std::optional<std::int64_t> random_state;
  std::optional<std::string> class_weight;     ///< None or "balanced"
  std::map<double, double> class_weight_map;   ///< {label: weight}, used when class_weight is None
  double ccp_alpha = 0.0;
  MaxSamples max_samples;                      ///< bootstrap sample size (None: n)
};

class RandomForestClassifier : public BaseForest<RandomForestClassifier, RandomForestClassifierOptions> {
 public:
  using BaseForest::BaseForest;
  std::string name() const override { return "RandomForestClassifier"; }
  Kind kind() const override { return Kind::classifier; }
  RandomForestClassifier& fit(const Data& X, const Tensor& y = {}) override;
  /// The class with the largest mean probability (first one on ties), in y's dtype.
  Tensor predict(const Data& X) const override;
  /// float64 [n, n_classes]: the mean of the trees' leaf class frequencies.
  Tensor predict_proba(const Data& X) const override;
  Tensor predict_log_proba(const Data& X) const override;
  Tensor classes() const override { return labels_.classes; }

  /// float64 [n_train, n_classes]: each training row's mean probability over the trees that did not
  /// draw it (rows every tree drew are divided by 1, i.e. stay 0, with scikit-learn's warning case).
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
