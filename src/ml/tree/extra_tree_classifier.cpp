#include "axon/ml/tree/extra_tree_classifier.hpp"

#include "axon/core/creation.hpp"
#include "builder.hpp"

#include <cmath>

namespace axon::ml {

using namespace tree_detail;

// The same steps as DecisionTreeClassifier::fit (scikit-learn's ExtraTreeClassifier is that class
// with other defaults); the splitter option picks the RandomSplitter.
ExtraTreeClassifier& ExtraTreeClassifier::fit(const Data& X, const Tensor& y) { return fit(X, y, Tensor()); }

ExtraTreeClassifier& ExtraTreeClassifier::fit(const Data& X, const Tensor& y, const Tensor& sample_weight) {
  constexpr std::string_view who = "ExtraTreeClassifier.fit";
  fitted_ = false;
  const Tensor Xd = check_dense_X(X, who);
  check_y(X, y, who);
  GrowRules rules = rules_from(options_, who);
  check(Xd.shape(0) > 0, "{}: X has 0 samples; a tree needs at least 1", who);
  labels_ = encode_labels(y, who);
  check(labels_.n_classes() >= 2, "{}: y has 1 class ({}); a classifier needs at least 2", who, label_text(labels_.classes, 0));
  max_features_ = resolve_max_features(options_.max_features, Xd.shape(1), who);
  rules.max_features = max_features_;
  const std::vector<double> cw = class_weights(labels_.codes, labels_.classes, options_.class_weight, options_.class_weight_map, who);
  const std::size_t n = labels_.codes.size();
  std::vector<double> codes(n), weights = check_sample_weight(X, sample_weight, who);
  for (std::size_t i = 0; i < n; ++i) codes[i] = static_cast<double>(labels_.codes[i]);
  if (!cw.empty()) {
    weights.resize(n, 1.0);
    for (std::size_t i = 0; i < n; ++i) weights[i] *= cw[static_cast<std::size_t>(labels_.codes[i])];
  }
  const ColumnMajorX cx = column_major_f32(Xd, who);
  tree_ = grow_tree(cx, codes.data(), labels_.n_classes(), weights.empty() ? nullptr : weights.data(), rules,
                    splitter_seed(resolve_seed(options_.random_state, who)));
  fitted_ = true;
  return *this;
}

Tensor ExtraTreeClassifier::predict_proba(const Data& X) const {
  check_fitted("predict_proba");
  const Tensor leaves = apply_tree(tree_, X, "ExtraTreeClassifier.predict_proba");
  const std::int64_t n = leaves.numel(), k = tree_.n_classes;
  std::vector<double> out(static_cast<std::size_t>(n * k));
  for (std::int64_t i = 0; i < n; ++i) {
    const double* v = tree_.value_at(leaves.data<std::int64_t>()[i]);
    double s = 0.0;
    for (std::int64_t c = 0; c < k; ++c) s += v[c];
    if (s == 0.0) s = 1.0;
    for (std::int64_t c = 0; c < k; ++c) out[i * k + c] = v[c] / s;
  }
  return from_vector(out, {n, k});
}

Tensor ExtraTreeClassifier::predict_log_proba(const Data& X) const {
  std::vector<double> p = predict_proba(X).to_vector<double>();
  for (double& v : p) v = std::log(v);
  return from_vector(p, {static_cast<std::int64_t>(p.size()) / tree_.n_classes, tree_.n_classes});
}

Tensor ExtraTreeClassifier::predict(const Data& X) const {
  check_fitted("predict");
  const Tensor leaves = apply_tree(tree_, X, "ExtraTreeClassifier.predict");
  const std::int64_t n = leaves.numel(), k = tree_.n_classes;
  std::vector<std::int64_t> best(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) {
    const double* v = tree_.value_at(leaves.data<std::int64_t>()[i]);
    std::int64_t b = 0;
    for (std::int64_t c = 1; c < k; ++c)
      if (v[c] > v[b]) b = c;
    best[i] = b;
  }
  return decode_labels(labels_.classes, best);
}

void ExtraTreeClassifier::save_state(StateDict& state) const {
  BaseDecisionTree::save_state(state);
  state.set("classes", labels_.classes);
}

void ExtraTreeClassifier::load_state(const StateDict& state) {
  BaseDecisionTree::load_state(state);
  labels_ = LabelCodes{state.tensor("classes"), {}};
  check<IoError>(labels_.n_classes() == tree_.n_classes, "load: ExtraTreeClassifier has {} classes but its tree {}",
                 labels_.n_classes(), tree_.n_classes);
}

}  // namespace axon::ml
