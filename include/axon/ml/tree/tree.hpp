// A fitted decision tree as flat arrays, scikit-learn's `tree_` object (sklearn.tree._tree.Tree):
// node i splits on feature[i] at threshold[i] (samples with X[:, feature] <= threshold go to
// children_left[i]), or is a leaf when children_left[i] == Tree::leaf. Nodes are numbered in the
// order they were made (pre-order, left first, for depth-first growth).
//
//   auto clf = ml::DecisionTreeClassifier({.max_depth = 3}).fit(X, y);
//   const ml::Tree& t = clf.tree();
//   t.node_count(); t.children_left[0]; t.threshold[0]; t.value_at(0);   // class weights at the root
#pragma once

#include "axon/core/tensor.hpp"
#include "axon/ml/params.hpp"
#include "axon/ml/state.hpp"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace axon::ml {

/// max_features of trees and forests: None (all features), an int count, a float fraction of the
/// features, "sqrt" or "log2" — `{.max_features = "sqrt"}`, `{.max_features = 0.5}`, `{.max_features = 3}`.
using MaxFeatures = std::variant<std::monostate, std::int64_t, double, std::string>;
/// The get_params/set_params binding of a MaxFeatures field (None, int, float or string).
ParamBinding max_features_param(std::string name, MaxFeatures& field);

class Tree {
 public:
  static constexpr std::int64_t leaf = -1;       ///< children_left/right of a leaf (sklearn's TREE_LEAF)
  static constexpr std::int64_t undefined = -2;  ///< feature of a leaf (TREE_UNDEFINED); its threshold is -2.0

  std::vector<std::int64_t> children_left, children_right, feature;
  std::vector<double> threshold;  ///< float64; the samples' float32 value is compared with it
  std::vector<double> impurity;
  std::vector<std::int64_t> n_node_samples;      ///< distinct training samples in the node
  std::vector<double> weighted_n_node_samples;   ///< their total sample weight
  /// [node_count, n_classes] row-major: the weighted class counts (classifier, as scikit-learn 1.2)
  /// or the weighted mean of y (regressor, n_classes = 1).
  std::vector<double> value;
  std::int64_t n_features = 0;
  std::int64_t n_classes = 1;
  std::int64_t max_depth = 0;  ///< depth of the deepest leaf (the root alone: 0)

  std::int64_t node_count() const { return static_cast<std::int64_t>(feature.size()); }
  std::int64_t n_leaves() const;
  bool is_leaf(std::int64_t node) const { return children_left[static_cast<std::size_t>(node)] == leaf; }
  const double* value_at(std::int64_t node) const { return value.data() + node * n_classes; }
  /// Σ over the splits on each feature of the weighted impurity decrease, divided by the root's
  /// weight, then (normalize) by its sum when that is positive: sklearn's compute_feature_importances.
  std::vector<double> feature_importances(bool normalize = true) const;

  /// Adds a node (the builders' and pruning's one way in); returns its id.
  std::int64_t add_node(std::int64_t parent, bool is_left, bool is_leaf, std::int64_t feature, double threshold,
                        double impurity, std::int64_t n_node_samples, double weighted_n_node_samples, std::int64_t depth);
  /// Builds the compact form that apply() walks; called once the tree is complete.
  void finalize();

  /// The arrays as tensors under `prefix` (for ml::save), and back: load checks that the arrays
  /// agree in length and that every child index and feature is in range (a file is untrusted).
  void save(StateDict& state, const std::string& prefix) const;
  static Tree load(const StateDict& state, const std::string& prefix);

  /// The leaf reached by each row of a row-major float32 [n, n_features] matrix.
  void apply(const float* X, std::int64_t n, std::int64_t* leaves) const;
  /// The leaves of n ≤ 256 consecutive rows, walked level by level together: the rows' node loads
  /// are independent, so their cache misses overlap instead of queueing (deep trees do not fit in
  /// cache).
  void apply_block(const float* rows, std::int64_t n, std::int32_t* leaves) const;
  /// The leaf reached by one row.
  std::int64_t apply_row(const float* row) const {
    std::int32_t i = 0;
    for (;;) {
      const Compact& c = compact_[static_cast<std::size_t>(i)];
      if (c.left == c.right) return c.left;
      i = row[c.feature] <= c.threshold ? c.left : c.right;
    }
  }

 private:
  // 16 bytes per node. The float32 threshold is the largest float ≤ the float64 threshold, so
  // x <= it exactly when (double)x <= threshold; a leaf has left = right = its node id (feature 0).
  struct Compact {
    std::int32_t feature;
    float threshold;
    std::int32_t left, right;
  };
  std::vector<Compact> compact_;
};

}  // namespace axon::ml
