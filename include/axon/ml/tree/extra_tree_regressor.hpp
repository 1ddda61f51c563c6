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

/// A split sends a sample left when its float32 feature value is <= the float64 threshold.
/// NaN or infinite inputs are errors naming the column.
class ExtraTreeRegressor : public BaseDecisionTree<ExtraTreeRegressor, ExtraTreeRegressorOptions> {
 public:
  using BaseDecisionTree::BaseDecisionTree;
  std::string name() const override { return "ExtraTreeRegressor"; }
  Kind kind() const override { return Kind::regressor; }
  /// X: dense or sparse (densified) or a numeric DataFrame; y: 1-D numeric targets.
  ExtraTreeRegressor& fit(const Data& X, const Tensor& y = {}) override;
  /// sample_weight: float64 [n] ≥ 0; rows of weight 0 take no part.
  ExtraTreeRegressor& fit(const Data& X, const Tensor& y, const Tensor& sample_weight) override;
  bool accepts_sample_weight() const override { return true; }
  /// The leaf's value (mean, or weighted median for absolute_error), float64 [n].
  Tensor predict(const Data& X) const override;

 protected:
  std::vector<ParamBinding> bindings() override {
    return {param("ccp_alpha", options_.ccp_alpha), param("criterion", options_.criterion), param("max_depth", options_.max_depth),
            max_features_param("max_features", options_.max_features), param("max_leaf_nodes", options_.max_leaf_nodes),
            param("min_impurity_decrease", options_.min_impurity_decrease), param("min_samples_leaf", options_.min_samples_leaf),
            param("min_samples_split", options_.min_samples_split),
            param("min_weight_fraction_leaf", options_.min_weight_fraction_leaf), param("random_state", options_.random_state),
            param("splitter", options_.splitter)};
  }
};

}  // namespace axon::ml
