// DecisionTreeClassifier (sklearn.tree.DecisionTreeClassifier, scikit-learn 1.2): CART grown with
// scikit-learn's best splitter, so that the same data and random_state give scikit-learn's tree
// (the same feature draws, the same float32 thresholds, the same tie rule).
//
//   auto clf = ml::DecisionTreeClassifier({.max_depth = 3, .random_state = 0}).fit(X, y);
//   clf.predict(X_test); clf.predict_proba(X_test); clf.feature_importances();
//   fmt::print("{}", ml::export_text(clf, {.feature_names = iris.feature_names}));
#pragma once

#include "axon/ml/tree/base_decision_tree.hpp"

#include <map>
#include <optional>

namespace axon::ml {

struct DecisionTreeClassifierOptions {
  std::string criterion = "gini";              ///< "gini", "entropy" or "log_loss" (= entropy, in bits)
  std::string splitter = "best";               ///< "best" (every threshold) or "random" (one random threshold per feature, as ExtraTreeClassifier)
  std::optional<std::int64_t> max_depth;       ///< None: grow until leaves are pure or too small
  std::int64_t min_samples_split = 2;          ///< an internal node needs this many samples (an int)
  std::int64_t min_samples_leaf = 1;           ///< each child of a split keeps at least this many (an int)
  double min_weight_fraction_leaf = 0.0;       ///< ... and at least this fraction of the total weight
  MaxFeatures max_features;                    ///< features drawn (without replacement) per split; None: all
  std::optional<std::int64_t> random_state;    ///< numpy seed: the order features are tried in (ties!)
  std::optional<std::int64_t> max_leaf_nodes;  ///< set: best-first growth up to this many leaves
  double min_impurity_decrease = 0.0;          ///< split only when the weighted impurity decrease reaches it
  std::optional<std::string> class_weight;     ///< None or "balanced" (n / (n_classes · count(class)))
  /// {label: weight}, as class_weight={0: 1, 1: 5} (not a get_params entry); used when class_weight is None.
  std::map<double, double> class_weight_map;
  double ccp_alpha = 0.0;                      ///< minimal cost-complexity pruning strength (0: none)
};

/// TreeClassifier (base_decision_tree.hpp) with the best splitter by default.
class DecisionTreeClassifier : public TreeClassifier<DecisionTreeClassifier, DecisionTreeClassifierOptions> {
 public:
  using TreeClassifier::TreeClassifier;
  std::string name() const override { return "DecisionTreeClassifier"; }
  /// See TreeClassifier::fit_tree.
  DecisionTreeClassifier& fit(const Data& X, const Tensor& y = {}) override { return fit(X, y, Tensor()); }
  DecisionTreeClassifier& fit(const Data& X, const Tensor& y, const Tensor& sample_weight) override {
    fit_tree(X, y, sample_weight);
    return *this;
  }
};

extern template class TreeClassifier<DecisionTreeClassifier, DecisionTreeClassifierOptions>;

}  // namespace axon::ml
