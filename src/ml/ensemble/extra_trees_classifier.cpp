#include "axon/ml/ensemble/extra_trees_classifier.hpp"

#include "axon/core/creation.hpp"
#include "forest.hpp"
#include "forest_state.hpp"

#include <cmath>

namespace axon::ml {

using namespace forest_detail;

// scikit-learn's ExtraTreesClassifier is its RandomForestClassifier with ExtraTreeClassifier
// members (RandomSplitter) and bootstrap=False by default: the same seeding (tree i's random_state
// is RandomState(random_state).randint(2³¹ - 1), draw i), class weights and averaging.
ExtraTreesClassifier& ExtraTreesClassifier::fit(const Data& X, const Tensor& y) {
  constexpr std::string_view who = "ExtraTreesClassifier.fit";
  forest_.reset();
  check(options_.n_estimators >= 1, "{}: n_estimators must be >= 1, got {}", who, options_.n_estimators);
  const Tensor Xd = check_dense_X(X, who);
  check_y(X, y, who);
  tree_detail::GrowRules rules = tree_detail::rules_from(options_, who);
  rules.splitter = "random";
  check(Xd.shape(0) > 0, "{}: X has 0 samples; a forest needs at least 1", who);
  check(options_.bootstrap || !options_.oob_score, "{}: oob_score=True needs bootstrap=True", who);
  check(options_.bootstrap || std::holds_alternative<std::monostate>(options_.max_samples),
        "{}: max_samples can only be set with bootstrap=True", who);
  labels_ = encode_labels(y, who);
  check(labels_.n_classes() >= 2, "{}: y has 1 class ({}); a classifier needs at least 2", who,
        tree_detail::label_text(labels_.classes, 0));
  const std::int64_t n = Xd.shape(0), p = Xd.shape(1), k = labels_.n_classes();
  rules.max_features = tree_detail::resolve_max_features(options_.max_features, p, who);
  const std::int64_t n_boot = options_.bootstrap ? bootstrap_size(options_.max_samples, n, who) : n;
  const std::vector<double> cw =
      tree_detail::class_weights(labels_.codes, labels_.classes, options_.class_weight, options_.class_weight_map, who);
  std::vector<double> codes(static_cast<std::size_t>(n)), weights;
  for (std::int64_t i = 0; i < n; ++i) codes[i] = static_cast<double>(labels_.codes[i]);
  if (!cw.empty()) {
    weights.resize(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) weights[i] = cw[static_cast<std::size_t>(labels_.codes[i])];
  }
  const int threads = resolve_jobs(options_.n_jobs, who);
  const tree_detail::ColumnMajorX cx = tree_detail::column_major_f32(Xd, who);
  auto forest = std::make_shared<Forest>(grow_forest(cx, codes.data(), k, weights, rules, options_.n_estimators, options_.bootstrap,
                                                     n_boot, tree_detail::resolve_seed(options_.random_state, who), threads));
  oob_decision_ = Tensor();
  if (options_.oob_score) {
    std::vector<double> sums, counts;
    oob_sums(*forest, cx, n_boot, k, sums, counts, threads);
    std::int64_t correct = 0;
    for (std::int64_t i = 0; i < n; ++i) {
      const double c = counts[i] == 0.0 ? 1.0 : counts[i];
      std::int64_t best = 0;
      for (std::int64_t j = 0; j < k; ++j) {
        sums[i * k + j] /= c;
        if (sums[i * k + j] > sums[i * k + best]) best = j;
      }
      correct += best == labels_.codes[i];
    }
    oob_score_ = static_cast<double>(correct) / static_cast<double>(n);
    oob_decision_ = from_vector(sums, {n, k});
  }
  n_features_ = p;
  forest_ = std::move(forest);
  return *this;
}

std::vector<double> ExtraTreesClassifier::mean_proba(const Data& X, std::string_view who) const {
  const std::vector<float> rows = tree_detail::predict_rows(X, n_features_, who);
  const std::int64_t n = static_cast<std::int64_t>(rows.size()) / n_features_, k = labels_.n_classes();
  std::vector<double> out(static_cast<std::size_t>(n * k));
  sum_leaf_values(*forest_, rows.data(), n, n_features_, k, out.data(), resolve_jobs(options_.n_jobs, who));
  const double m = static_cast<double>(forest_->trees.size());
  for (double& v : out) v /= m;
  return out;
}

Tensor ExtraTreesClassifier::predict_proba(const Data& X) const {
  check_fitted("predict_proba");
  const std::vector<double> p = mean_proba(X, "ExtraTreesClassifier.predict_proba");
  const std::int64_t k = labels_.n_classes();
  return from_vector(p, {static_cast<std::int64_t>(p.size()) / k, k});
}

Tensor ExtraTreesClassifier::predict_log_proba(const Data& X) const {
  std::vector<double> p = predict_proba(X).to_vector<double>();
  for (double& v : p) v = std::log(v);
  const std::int64_t k = labels_.n_classes();
  return from_vector(p, {static_cast<std::int64_t>(p.size()) / k, k});
}

Tensor ExtraTreesClassifier::predict(const Data& X) const {
  check_fitted("predict");
  const std::vector<double> p = mean_proba(X, "ExtraTreesClassifier.predict");
  const std::int64_t k = labels_.n_classes(), n = static_cast<std::int64_t>(p.size()) / k;
  std::vector<std::int64_t> best(static_cast<std::size_t>(n), 0);
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t j = 1; j < k; ++j)
      if (p[i * k + j] > p[i * k + best[i]]) best[i] = j;
  return decode_labels(labels_.classes, best);
}

Tensor ExtraTreesClassifier::apply(const Data& X) const {
  check_fitted("apply");
  return forest_apply(*forest_, X, n_features_, "ExtraTreesClassifier.apply");
}

Tensor ExtraTreesClassifier::oob_decision_function() const {
  check_oob("oob_decision_function");
  return oob_decision_;
}

void ExtraTreesClassifier::save_state(StateDict& state) const {
  forest_detail::save_forest(*forest_, state);
  state.set("classes", labels_.classes);
  state.set("n_features_in", Param{n_features_});
  state.set("oob_score", Param{oob_score_});
  if (oob_decision_.defined()) state.set("oob_decision_function", oob_decision_);
}

void ExtraTreesClassifier::load_state(const StateDict& state) {
  labels_ = LabelCodes{state.tensor("classes"), {}};
  n_features_ = state.integer("n_features_in");
  oob_score_ = state.number("oob_score");
  oob_decision_ = state.contains("oob_decision_function") ? state.tensor("oob_decision_function") : Tensor();
  forest_ = forest_detail::load_forest(state, n_features_, labels_.n_classes());
}

}  // namespace axon::ml
