// DecisionTreeRegressor (sklearn.tree.DecisionTreeRegressor, scikit-learn 1.2): CART grown with
// scikit-learn's best splitter (or its random splitter, splitter="random"), so that the same data
// and random_state give scikit-learn's tree (the same feature draws, the same float32 thresholds,
// the same tie rule).
//
//   auto reg = ml::DecisionTreeRegressor({.max_depth = 3, .random_state = 0}).fit(X, y);
//   reg.predict(X_test); reg.feature_importances();
//   fmt::print("{}", ml::export_text(reg, {.feature_names = diabetes.feature_names}));
#pragma once

#include "axon/ml/tree/base_decision_tree.hpp"

#include <optional>

namespace axon::ml {

struct DecisionTreeRegressorOptions {
  /// "squared_error" (the variance of y in a node; leaf value the mean), "friedman_mse" (the same
  /// impurity, splits ranked by Friedman's improvement) or "absolute_error" (the weighted mean absolute
  /// deviation from the node's weighted median; leaf value that median; O(n²) per node, as scikit-learn's)
  std::string criterion = "squared_error";
  std::string splitter = "best";               ///< "best" (every threshold) or "random" (one random threshold per feature, as ExtraTreeRegressor)
  std::optional<std::int64_t> max_depth;       ///< None: grow until leaves are pure or too small
  std::int64_t min_samples_split = 2;          ///< an internal node needs this many samples (an int)
  std::int64_t min_samples_leaf = 1;           ///< each child of a split keeps at least this many (an int)
  double min_weight_fraction_leaf = 0.0;       ///< ... and at least this fraction of the total weight
  MaxFeatures max_features;                    ///< features drawn (without replacement) per split; None: all
  std::optional<std::int64_t> random_state;    ///< numpy seed: the order features are tried in (ties!)
  std::optional<std::int64_t> max_leaf_nodes;  ///< set: best-first growth up to this many leaves
  double min_impurity_decrease = 0.0;          ///< split only when the weighted impurity decrease reaches it
  double ccp_alpha = 0.0;                      ///< minimal cost-complexity pruning strength (0: none)
};

/// TreeRegressor (base_decision_tree.hpp) with the best splitter by default.
class DecisionTreeRegressor : public TreeRegressor<DecisionTreeRegressor, DecisionTreeRegressorOptions> {
 public:
  using TreeRegressor::TreeRegressor;
  std::string name() const override { return "DecisionTreeRegressor"; }
  /// See TreeRegressor::fit_tree.
  DecisionTreeRegressor& fit(const Data& X, const Tensor& y = {}) override { return fit(X, y, Tensor()); }
  DecisionTreeRegressor& fit(const Data& X, const Tensor& y, const Tensor& sample_weight) override {
    fit_tree(X, y, sample_weight);
    return *this;
  }
};

extern template class TreeRegressor<DecisionTreeRegressor, DecisionTreeRegressorOptions>;

}  // namespace axon::ml
