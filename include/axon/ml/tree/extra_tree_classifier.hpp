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

/// TreeClassifier (base_decision_tree.hpp) with the random splitter and max_features "sqrt" by default.
class ExtraTreeClassifier : public TreeClassifier<ExtraTreeClassifier, ExtraTreeClassifierOptions> {
 public:
  using TreeClassifier::TreeClassifier;
  std::string name() const override { return "ExtraTreeClassifier"; }
  /// See TreeClassifier::fit_tree.
  ExtraTreeClassifier& fit(const Data& X, const Tensor& y = {}) override { return fit(X, y, Tensor()); }
  ExtraTreeClassifier& fit(const Data& X, const Tensor& y, const Tensor& sample_weight) override {
    fit_tree(X, y, sample_weight);
    return *this;
  }
};

extern template class TreeClassifier<ExtraTreeClassifier, ExtraTreeClassifierOptions>;

}  // namespace axon::ml
