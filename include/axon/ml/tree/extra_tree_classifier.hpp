// ExtraTreeClassifier (sklearn.tree.ExtraTreeClassifier, scikit-learn 1.2): an extremely randomized
// tree. Each split draws max_features features (default "sqrt") as the best splitter does, draws one
// threshold per feature uniformly between the node's min and max, and keeps the best of those
// random splits. Grown with scikit-learn's RandomSplitter step for step (the same rand_r draws,
// the same in-place partitions), so the same data and random_state give scikit-learn's tree.
// Meant as a member of ExtraTreesClassifier; alone it is a weak, high-variance learner.
//
//   auto clf = ml::ExtraTreeClassifier({.random_state = 0}).fit(X, y);
//   clf.predict(X_test); clf.predict_proba(X_test); clf.feature_importances();
#pragma once

#include "axon/ml/tree/base_decision_tree.hpp"

#include <map>
#include <optional>

namespace axon::ml {

struct ExtraTreeClassifierOptions {
  std::string criterion = "gini";              ///< "gini", "entropy" or "log_loss" (= entropy, in bits)
  std::string splitter = "random";             ///< "random" (one random threshold per feature) or "best"
  std::optional<std::int64_t> max_depth;       ///< None: grow until leaves are pure or too small
  std::int64_t min_samples_split = 2;          ///< an internal node needs this many samples (an int)
  std::int64_t min_samples_leaf = 1;           ///< each child of a split keeps at least this many (an int)
  double min_weight_fraction_leaf = 0.0;       ///< ... and at least this fraction of the total weight
  MaxFeatures max_features = std::string("sqrt");  ///< scikit-learn 1.2's default for ExtraTreeClassifier
  std::optional<std::int64_t> random_state;    ///< numpy seed of the feature and threshold draws
  std::optional<std::int64_t> max_leaf_nodes;  ///< set: best-first growth up to this many leaves
  double min_impurity_decrease = 0.0;          ///< split only when the weighted impurity decrease reaches it
  std::optional<std::string> class_weight;     ///< None or "balanced" (n / (n_classes · count(class)))
  /// {label: weight}, as class_weight={0: 1, 1: 5} (not a get_params entry); used when class_weight is None.
  std::map<double, double> class_weight_map;
  double ccp_alpha = 0.0;                      ///< minimal cost-complexity pruning strength (0: none)
};

/// A split sends a sample left when its float32 feature value is <= the float64 threshold.
/// NaN or infinite inputs are errors naming the column.
class ExtraTreeClassifier : public BaseDecisionTree<ExtraTreeClassifier, ExtraTreeClassifierOptions> {
 public:
  using BaseDecisionTree::BaseDecisionTree;
  std::string name() const override { return "ExtraTreeClassifier"; }
  Kind kind() const override { return Kind::classifier; }
  /// X: dense or sparse (densified) or a numeric DataFrame; y: 1-D labels with at least 2 classes.
  ExtraTreeClassifier& fit(const Data& X, const Tensor& y = {}) override;
  /// sample_weight: float64 [n] ≥ 0 (multiplied by class_weight); rows of weight 0 take no part.
  ExtraTreeClassifier& fit(const Data& X, const Tensor& y, const Tensor& sample_weight) override;
  bool accepts_sample_weight() const override { return true; }
  /// The class with the largest weight in the leaf (first one on ties), in y's dtype.
  Tensor predict(const Data& X) const override;
  /// float64 [n, n_classes]: the leaf's class weights divided by their sum.
  Tensor predict_proba(const Data& X) const override;
  Tensor predict_log_proba(const Data& X) const override;
  Tensor classes() const override { return labels_.classes; }

  std::int64_t n_classes() const { return labels_.n_classes(); }
  void save_state(StateDict& state) const override;
  void load_state(const StateDict& state) override;

 protected:
  std::vector<ParamBinding> bindings() override {
    return {param("ccp_alpha", options_.ccp_alpha), param("class_weight", options_.class_weight),
            param("criterion", options_.criterion), param("max_depth", options_.max_depth),
            max_features_param("max_features", options_.max_features), param("max_leaf_nodes", options_.max_leaf_nodes),
            param("min_impurity_decrease", options_.min_impurity_decrease), param("min_samples_leaf", options_.min_samples_leaf),
            param("min_samples_split", options_.min_samples_split),
            param("min_weight_fraction_leaf", options_.min_weight_fraction_leaf), param("random_state", options_.random_state),
            param("splitter", options_.splitter)};
  }

 private:
  LabelCodes labels_;
};

}  // namespace axon::ml
