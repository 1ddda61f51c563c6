// The members of TreeClassifier and TreeRegressor (base_decision_tree.hpp), included only by the
// sources of the concrete trees, which instantiate them:
//   template class TreeClassifier<DecisionTreeClassifier, DecisionTreeClassifierOptions>;
// scikit-learn's ExtraTree* are its DecisionTree* with other defaults; the splitter option picks
// the BestSplitter or the RandomSplitter.
#pragma once

#include "axon/core/creation.hpp"
#include "axon/ml/tree/base_decision_tree.hpp"
#include "builder.hpp"

#include <cmath>

namespace axon::ml {

namespace tree_detail {
/// The first steps of both trees' fit: X densified and checked, y checked, the rules validated.
template <class Options>
Tensor start_fit(const Options& o, const Data& X, const Tensor& y, std::string_view who, GrowRules& rules) {
  Tensor Xd = check_dense_X(X, who);
  check_y(X, y, who);
  rules = rules_from(o, who);
  check(Xd.shape(0) > 0, "{}: X has 0 samples; a tree needs at least 1", who);
  return Xd;
}

/// The last step of both trees' fit: the tree grown on X cast to float32 (k classes, 0 for regression).
template <class Options>
Tree grow(const Options& o, const Tensor& Xd, const double* y, std::int64_t k, const std::vector<double>& weights,
          const GrowRules& rules, std::string_view who) {
  const ColumnMajorX cx = column_major_f32(Xd, who);
  return grow_tree(cx, y, k, weights.empty() ? nullptr : weights.data(), rules,
                   splitter_seed(resolve_seed(o.random_state, who)));
}
}  // namespace tree_detail

template <class Derived, class Options>
void TreeClassifier<Derived, Options>::fit_tree(const Data& X, const Tensor& y, const Tensor& sample_weight) {
  using namespace tree_detail;
  const std::string who = this->name() + ".fit";
  const Options& o = this->options_;
  this->fitted_ = false;
  GrowRules rules;
  const Tensor Xd = start_fit(o, X, y, who, rules);
  labels_ = encode_labels(y, who);
  check(labels_.n_classes() >= 2, "{}: y has 1 class ({}); a classifier needs at least 2", who, label_text(labels_.classes, 0));
  this->max_features_ = resolve_max_features(o.max_features, Xd.shape(1), who);
  rules.max_features = this->max_features_;
  const std::vector<double> cw = class_weights(labels_.codes, labels_.classes, o.class_weight, o.class_weight_map, who);
  const std::size_t n = labels_.codes.size();
  std::vector<double> codes(n), weights = check_sample_weight(X, sample_weight, who);
  for (std::size_t i = 0; i < n; ++i) codes[i] = static_cast<double>(labels_.codes[i]);
  if (!cw.empty()) {  // sample_weight × class weight, as scikit-learn multiplies them
    weights.resize(n, 1.0);
    for (std::size_t i = 0; i < n; ++i) weights[i] *= cw[static_cast<std::size_t>(labels_.codes[i])];
  }
  this->tree_ = grow(o, Xd, codes.data(), labels_.n_classes(), weights, rules, who);
  this->fitted_ = true;
}

template <class Derived, class Options>
Tensor TreeClassifier<Derived, Options>::predict_proba(const Data& X) const {
  const Tree& tree = this->tree_;
  const Tensor leaves = this->leaves(X, "predict_proba");
  const std::int64_t n = leaves.numel(), k = tree.n_classes;
  std::vector<double> out(static_cast<std::size_t>(n * k));
  for (std::int64_t i = 0; i < n; ++i) {
    const double* v = tree.value_at(leaves.data<std::int64_t>()[i]);
    double s = 0.0;
    for (std::int64_t c = 0; c < k; ++c) s += v[c];
    if (s == 0.0) s = 1.0;
    for (std::int64_t c = 0; c < k; ++c) out[i * k + c] = v[c] / s;
  }
  return from_vector(out, {n, k});
}

template <class Derived, class Options>
Tensor TreeClassifier<Derived, Options>::predict_log_proba(const Data& X) const {
  std::vector<double> p = predict_proba(X).template to_vector<double>();
  for (double& v : p) v = std::log(v);
  const std::int64_t k = this->tree_.n_classes;
  return from_vector(p, {static_cast<std::int64_t>(p.size()) / k, k});
}

template <class Derived, class Options>
Tensor TreeClassifier<Derived, Options>::predict(const Data& X) const {
  const Tree& tree = this->tree_;
  const Tensor leaves = this->leaves(X, "predict");
  const std::int64_t n = leaves.numel(), k = tree.n_classes;
  std::vector<std::int64_t> best(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) {
    const double* v = tree.value_at(leaves.data<std::int64_t>()[i]);
    std::int64_t b = 0;
    for (std::int64_t c = 1; c < k; ++c)
      if (v[c] > v[b]) b = c;
    best[i] = b;
  }
  return decode_labels(labels_.classes, best);
}

template <class Derived, class Options>
void TreeClassifier<Derived, Options>::save_state(StateDict& state) const {
  BaseDecisionTree<Derived, Options>::save_state(state);
  state.set("classes", labels_.classes);
}

template <class Derived, class Options>
void TreeClassifier<Derived, Options>::load_state(const StateDict& state) {
  BaseDecisionTree<Derived, Options>::load_state(state);
  labels_ = LabelCodes{state.tensor("classes"), {}};
  check<IoError>(labels_.n_classes() == this->tree_.n_classes, "load: {} has {} classes but its tree {}", this->name(),
                 labels_.n_classes(), this->tree_.n_classes);
}

template <class Derived, class Options>
void TreeRegressor<Derived, Options>::fit_tree(const Data& X, const Tensor& y, const Tensor& sample_weight) {
  using namespace tree_detail;
  const std::string who = this->name() + ".fit";
  const Options& o = this->options_;
  this->fitted_ = false;
  GrowRules rules;
  const Tensor Xd = start_fit(o, X, y, who, rules);
  const std::vector<double> target = y.to_vector<double>();
  for (std::size_t i = 0; i < target.size(); ++i)
    check(std::isfinite(target[i]), "{}: y has a non-finite value ({}) at position {}", who, target[i], i);
  this->max_features_ = resolve_max_features(o.max_features, Xd.shape(1), who);
  rules.max_features = this->max_features_;
  const std::vector<double> weights = check_sample_weight(X, sample_weight, who);
  this->tree_ = grow(o, Xd, target.data(), 0, weights, rules, who);
  this->fitted_ = true;
}

template <class Derived, class Options>
Tensor TreeRegressor<Derived, Options>::predict(const Data& X) const {
  const Tree& tree = this->tree_;
  const Tensor leaves = this->leaves(X, "predict");
  const std::int64_t n = leaves.numel();
  std::vector<double> out(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) out[i] = tree.value_at(leaves.data<std::int64_t>()[i])[0];
  return from_vector(out, {n});
}

}  // namespace axon::ml
