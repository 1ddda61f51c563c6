// scikit-learn's BaseDecisionTree: what a fitted classification or regression tree shares (the
// tree itself, leaves, paths, importances, size). The two estimators differ in fit and predict.
#pragma once

#include "axon/core/sparse.hpp"
#include "axon/ml/estimator.hpp"
#include "axon/ml/tree/tree.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace axon::ml {

namespace tree_detail {
/// The leaf of each row (int64 [n]).
Tensor apply_tree(const Tree& tree, const Data& X, std::string_view who);
/// CSR [n, node_count] indicator of the nodes each row passes through (sklearn's decision_path).
SparseMatrix decision_path(const Tree& tree, const Data& X, std::string_view who);
/// The tree's normalized importances as float64 [n_features].
Tensor feature_importances(const Tree& tree);
}  // namespace tree_detail

template <class Derived, class Options>
class BaseDecisionTree : public EstimatorBase<Derived, Options> {
 public:
  using EstimatorBase<Derived, Options>::EstimatorBase;
  bool fitted() const override { return fitted_; }

  /// The leaf index (node id) of each row, int64 [n].
  Tensor apply(const Data& X) const {
    this->check_fitted("apply");
    return tree_detail::apply_tree(tree_, X, this->name() + ".apply");
  }
  /// CSR [n, node_count]: 1 where a row passes through a node.
  SparseMatrix decision_path(const Data& X) const {
    this->check_fitted("decision_path");
    return tree_detail::decision_path(tree_, X, this->name() + ".decision_path");
  }
  /// Normalized total impurity decrease per feature, float64 [n_features].
  Tensor feature_importances() const { return tree_detail::feature_importances(tree("feature_importances")); }
  std::int64_t get_depth() const { return tree("get_depth").max_depth; }
  std::int64_t get_n_leaves() const { return tree("get_n_leaves").n_leaves(); }
  std::int64_t node_count() const { return tree("node_count").node_count(); }
  std::int64_t n_features_in() const { return tree("n_features_in").n_features; }
  /// The resolved max_features_.
  std::int64_t max_features() const {
    this->check_fitted("max_features");
    return max_features_;
  }
  /// The fitted tree (scikit-learn's tree_).
  const Tree& tree() const { return tree("tree"); }

  void save_state(StateDict& state) const override {
    tree_.save(state, "tree/");
    state.set("max_features", Param{max_features_});
  }
  void load_state(const StateDict& state) override {
    tree_ = Tree::load(state, "tree/");
    max_features_ = state.integer("max_features");
    fitted_ = true;
  }

 protected:
  Tree tree_;
  std::int64_t max_features_ = 0;
  bool fitted_ = false;

 private:
  const Tree& tree(std::string_view method) const {
    this->check_fitted(method);
    return tree_;
  }
};

}  // namespace axon::ml
