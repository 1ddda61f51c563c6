// scikit-learn's BaseDecisionTree: what a fitted classification or regression tree shares (the
// tree itself, leaves, paths, importances, size); then TreeClassifier and TreeRegressor, what
// DecisionTree* and ExtraTree* share (as in scikit-learn, ExtraTree* is DecisionTree* with other
// defaults: splitter "random", max_features "sqrt" / 1.0). Their members are defined in the private
// src/ml/tree/tree_impl.hpp and instantiated by each concrete estimator's source.
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
  Tensor apply(const Data& X) const { return leaves(X, "apply"); }
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
  /// apply, for `method` (which must see a fitted tree).
  Tensor leaves(const Data& X, std::string_view method) const {
    this->check_fitted(method);
    return tree_detail::apply_tree(tree_, X, this->name() + "." + std::string(method));
  }

  Tree tree_;
  std::int64_t max_features_ = 0;
  bool fitted_ = false;

 private:
  const Tree& tree(std::string_view method) const {
    this->check_fitted(method);
    return tree_;
  }
};

namespace tree_detail {
/// The get_params bindings of a tree's options (classifiers add class_weight).
template <class Options>
std::vector<ParamBinding> bindings(Options& o) {
  std::vector<ParamBinding> b = {
      param("ccp_alpha", o.ccp_alpha), param("criterion", o.criterion), param("max_depth", o.max_depth),
      max_features_param("max_features", o.max_features), param("max_leaf_nodes", o.max_leaf_nodes),
      param("min_impurity_decrease", o.min_impurity_decrease), param("min_samples_leaf", o.min_samples_leaf),
      param("min_samples_split", o.min_samples_split), param("min_weight_fraction_leaf", o.min_weight_fraction_leaf),
      param("random_state", o.random_state), param("splitter", o.splitter)};
  if constexpr (requires { o.class_weight; }) b.insert(b.begin() + 1, param("class_weight", o.class_weight));
  return b;
}
}  // namespace tree_detail

/// scikit-learn's DecisionTreeClassifier (and ExtraTreeClassifier, the same class with other
/// defaults). Derived declares its covariant fit(X, y) and fit(X, y, sample_weight), calling fit_tree.
///
/// A split sends a sample left when its float32 feature value is <= the float64 threshold (a
/// midpoint between consecutive distinct float32 values with the best splitter, as scikit-learn
/// casts X to float32). NaN or infinite inputs are errors naming the column.
template <class Derived, class Options>
class TreeClassifier : public BaseDecisionTree<Derived, Options> {
 public:
  using BaseDecisionTree<Derived, Options>::BaseDecisionTree;
  Estimator::Kind kind() const override { return Estimator::Kind::classifier; }
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
  std::vector<ParamBinding> bindings() override { return tree_detail::bindings(this->options_); }
  /// X: dense or sparse (densified) or a numeric DataFrame; y: 1-D labels with at least 2 classes.
  /// sample_weight: float64 [n] ≥ 0 (multiplied by class_weight), or undefined; rows of weight 0
  /// take no part, min_weight_fraction_leaf is a fraction of the total weight.
  void fit_tree(const Data& X, const Tensor& y, const Tensor& sample_weight);

  LabelCodes labels_;
};

/// scikit-learn's DecisionTreeRegressor (and ExtraTreeRegressor, the same class with other
/// defaults). Derived declares its covariant fit overloads as for TreeClassifier; splits as there.
template <class Derived, class Options>
class TreeRegressor : public BaseDecisionTree<Derived, Options> {
 public:
  using BaseDecisionTree<Derived, Options>::BaseDecisionTree;
  Estimator::Kind kind() const override { return Estimator::Kind::regressor; }
  bool accepts_sample_weight() const override { return true; }
  /// The leaf's value (the mean training target, or the weighted median for absolute_error), float64 [n].
  Tensor predict(const Data& X) const override;

 protected:
  std::vector<ParamBinding> bindings() override { return tree_detail::bindings(this->options_); }
  /// X: dense or sparse (densified) or a numeric DataFrame; y: 1-D numeric targets.
  /// sample_weight: float64 [n] ≥ 0, or undefined; rows of weight 0 take no part,
  /// min_weight_fraction_leaf is a fraction of the total weight.
  void fit_tree(const Data& X, const Tensor& y, const Tensor& sample_weight);
};

}  // namespace axon::ml
