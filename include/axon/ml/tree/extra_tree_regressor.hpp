// ExtraTreeRegressor (sklearn.tree.ExtraTreeRegressor, scikit-learn 1.2): an extremely randomized
// regression tree. Each split draws max_features features (default 1.0: all of them, in a random
// order), draws one threshold per feature uniformly between the node's min and max, and keeps the
// best of those random splits. Grown with scikit-learn's RandomSplitter step for step (the same
// rand_r draws, the same in-place partitions), so the same data and random_state give
// scikit-learn's tree. Meant as a member of ExtraTreesRegressor.
//
//   auto reg = ml::ExtraTreeRegressor({.max_depth = 6, .random_state = 0}).fit(X, y);
//   reg.predict(X_test); reg.feature_importances();
#pragma once

#include "axon/ml/tree/base_decision_tree.hpp"

#include <optional>

namespace axon::ml {

struct ExtraTreeRegressorOptions {
  /// "squared_error", "friedman_mse" or "absolute_error" (leaf value: the weighted median)
  std::string criterion = "squared_error";
  std::string splitter = "random";             ///< "random" (one random threshold per feature) or "best"
  std::optional<std::int64_t> max_depth;       ///< None: grow until leaves are pure or too small
  std::int64_t min_samples_split = 2;          ///< an internal node needs this many samples (an int)
  std::int64_t min_samples_leaf = 1;           ///< each child of a split keeps at least this many (an int)
  double min_weight_fraction_leaf = 0.0;       ///< ... and at least this fraction of the total weight
  MaxFeatures max_features = 1.0;              ///< scikit-learn 1.2's default for ExtraTreeRegressor: all
  std::optional<std::int64_t> random_state;    ///< numpy seed of the feature and threshold draws
  std::optional<std::int64_t> max_leaf_nodes;  ///< set: best-first growth up to this many leaves
  double min_impurity_decrease = 0.0;          ///< split only when the weighted impurity decrease reaches it
  double ccp_alpha = 0.0;                      ///< minimal cost-complexity pruning strength (0: none)
};

/// TreeRegressor (base_decision_tree.hpp) with the random splitter and max_features 1.0 by default.
class ExtraTreeRegressor : public TreeRegressor<ExtraTreeRegressor, ExtraTreeRegressorOptions> {
 public:
  using TreeRegressor::TreeRegressor;
  std::string name() const override { return "ExtraTreeRegressor"; }
  /// See TreeRegressor::fit_tree.
  ExtraTreeRegressor& fit(const Data& X, const Tensor& y = {}) override { return fit(X, y, Tensor()); }
  ExtraTreeRegressor& fit(const Data& X, const Tensor& y, const Tensor& sample_weight) override {
    fit_tree(X, y, sample_weight);
    return *this;
  }
};

extern template class TreeRegressor<ExtraTreeRegressor, ExtraTreeRegressorOptions>;

}  // namespace axon::ml
