#include "axon/ml/tree/decision_tree_regressor.hpp"

#include "axon/core/creation.hpp"
#include "builder.hpp"

#include <cmath>

namespace axon::ml {

using namespace tree_detail;

DecisionTreeRegressor& DecisionTreeRegressor::fit(const Data& X, const Tensor& y) {
  constexpr std::string_view who = "DecisionTreeRegressor.fit";
  fitted_ = false;
  const Tensor Xd = check_dense_X(X, who);
  check_y(X, y, who);
  GrowRules rules = rules_from(options_, who);
  check(Xd.shape(0) > 0, "{}: X has 0 samples; a tree needs at least 1", who);
  const std::vector<double> target = y.to_vector<double>();
  for (std::size_t i = 0; i < target.size(); ++i)
    check(std::isfinite(target[i]), "{}: y has a non-finite value ({}) at position {}", who, target[i], i);
  max_features_ = resolve_max_features(options_.max_features, Xd.shape(1), who);
  rules.max_features = max_features_;
  const ColumnMajorX cx = column_major_f32(Xd, who);
  tree_ = grow_tree(cx, target.data(), 0, nullptr, rules, splitter_seed(resolve_seed(options_.random_state, who)));
  fitted_ = true;
  return *this;
}

Tensor DecisionTreeRegressor::predict(const Data& X) const {
  check_fitted("predict");
  const Tensor leaves = apply_tree(tree_, X, "DecisionTreeRegressor.predict");
  const std::int64_t n = leaves.numel();
  std::vector<double> out(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) out[i] = tree_.value_at(leaves.data<std::int64_t>()[i])[0];
  return from_vector(out, {n});
}

Tensor DecisionTreeRegressor::apply(const Data& X) const {
  check_fitted("apply");
  return apply_tree(tree_, X, "DecisionTreeRegressor.apply");
}
SparseMatrix DecisionTreeRegressor::decision_path(const Data& X) const {
  check_fitted("decision_path");
  return tree_detail::decision_path(tree_, X, "DecisionTreeRegressor.decision_path");
}
Tensor DecisionTreeRegressor::feature_importances() const {
  check_fitted("feature_importances");
  const std::vector<double> v = tree_.feature_importances();
  return from_vector(v, {static_cast<std::int64_t>(v.size())});
}
std::int64_t DecisionTreeRegressor::get_depth() const { check_fitted("get_depth"); return tree_.max_depth; }
std::int64_t DecisionTreeRegressor::get_n_leaves() const { check_fitted("get_n_leaves"); return tree_.n_leaves(); }
std::int64_t DecisionTreeRegressor::node_count() const { check_fitted("node_count"); return tree_.node_count(); }
std::int64_t DecisionTreeRegressor::n_features_in() const { check_fitted("n_features_in"); return tree_.n_features; }
std::int64_t DecisionTreeRegressor::max_features() const { check_fitted("max_features"); return max_features_; }
const Tree& DecisionTreeRegressor::tree() const { check_fitted("tree"); return tree_; }

}  // namespace axon::ml
