// The members of ForestClassifier and ForestRegressor (base_forest.hpp), included only by the
// sources of the concrete forests, which instantiate them:
//   template class ForestClassifier<RandomForestClassifier, RandomForestClassifierOptions>;
// scikit-learn's ExtraTrees* are its RandomForest* with ExtraTree* members (RandomSplitter) and
// bootstrap=False by default: the same seeding (tree i's random_state is
// RandomState(random_state).randint(2³¹ - 1), draw i), class weights and averaging.
#pragma once

#include "axon/core/creation.hpp"
#include "axon/ml/ensemble/base_forest.hpp"
#include "forest.hpp"
#include "forest_state.hpp"

#include <cmath>

namespace axon::ml {

namespace forest_detail {
/// The first steps of both forests' fit: X densified and checked, y checked, the rules validated
/// (the trees' splitter: "best" or "random").
template <class Options>
Tensor start_fit(const Options& o, const Data& X, const Tensor& y, std::string_view who, const char* splitter,
                 GrowRules& rules) {
  check(o.n_estimators >= 1, "{}: n_estimators must be >= 1, got {}", who, o.n_estimators);
  Tensor Xd = check_dense_X(X, who);
  check_y(X, y, who);
  rules = tree_detail::rules_from(o, who);
  rules.splitter = splitter;
  check(Xd.shape(0) > 0, "{}: X has 0 samples; a forest needs at least 1", who);
  check(o.bootstrap || !o.oob_score, "{}: oob_score=True needs bootstrap=True", who);
  check(o.bootstrap || std::holds_alternative<std::monostate>(o.max_samples),
        "{}: max_samples can only be set with bootstrap=True", who);
  return Xd;
}
}  // namespace forest_detail

template <class Derived, class Options>
void ForestClassifier<Derived, Options>::fit_forest(const Data& X, const Tensor& y) {
  using namespace forest_detail;
  const std::string who = this->name() + ".fit";
  const Options& o = this->options_;
  this->forest_.reset();
  GrowRules rules;
  const Tensor Xd = start_fit(o, X, y, who, Derived::splitter, rules);
  labels_ = encode_labels(y, who);
  check(labels_.n_classes() >= 2, "{}: y has 1 class ({}); a classifier needs at least 2", who,
        tree_detail::label_text(labels_.classes, 0));
  const std::int64_t n = Xd.shape(0), p = Xd.shape(1), k = labels_.n_classes();
  rules.max_features = tree_detail::resolve_max_features(o.max_features, p, who);
  const std::int64_t n_boot = o.bootstrap ? bootstrap_size(o.max_samples, n, who) : n;
  const std::vector<double> cw =
      tree_detail::class_weights(labels_.codes, labels_.classes, o.class_weight, o.class_weight_map, who);
  std::vector<double> codes(static_cast<std::size_t>(n)), weights;
  for (std::int64_t i = 0; i < n; ++i) codes[i] = static_cast<double>(labels_.codes[i]);
  if (!cw.empty()) {
    weights.resize(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) weights[i] = cw[static_cast<std::size_t>(labels_.codes[i])];
  }
  const int threads = resolve_jobs(o.n_jobs, who);
  const tree_detail::ColumnMajorX cx = tree_detail::column_major_f32(Xd, who);
  auto forest = std::make_shared<Forest>(grow_forest(cx, codes.data(), k, weights, rules, o.n_estimators, o.bootstrap,
                                                     n_boot, tree_detail::resolve_seed(o.random_state, who), threads));
  oob_decision_ = Tensor();
  if (o.oob_score) {
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
    this->oob_score_ = static_cast<double>(correct) / static_cast<double>(n);
    oob_decision_ = from_vector(sums, {n, k});
  }
  this->n_features_ = p;
  this->forest_ = std::move(forest);
}

template <class Derived, class Options>
std::vector<double> ForestClassifier<Derived, Options>::mean_proba(const Data& X, std::string_view who) const {
  const std::int64_t p = this->n_features_;
  const std::vector<float> rows = tree_detail::predict_rows(X, p, who);
  const std::int64_t n = static_cast<std::int64_t>(rows.size()) / p, k = labels_.n_classes();
  std::vector<double> out(static_cast<std::size_t>(n * k));
  forest_detail::sum_leaf_values(*this->forest_, rows.data(), n, p, k, out.data(),
                                 forest_detail::resolve_jobs(this->options_.n_jobs, who));
  const double m = static_cast<double>(this->forest_->trees.size());
  for (double& v : out) v /= m;
  return out;
}

template <class Derived, class Options>
Tensor ForestClassifier<Derived, Options>::predict_proba(const Data& X) const {
  this->check_fitted("predict_proba");
  const std::vector<double> p = mean_proba(X, this->name() + ".predict_proba");
  const std::int64_t k = labels_.n_classes();
  return from_vector(p, {static_cast<std::int64_t>(p.size()) / k, k});
}

template <class Derived, class Options>
Tensor ForestClassifier<Derived, Options>::predict_log_proba(const Data& X) const {
  std::vector<double> p = predict_proba(X).template to_vector<double>();
  for (double& v : p) v = std::log(v);
  const std::int64_t k = labels_.n_classes();
  return from_vector(p, {static_cast<std::int64_t>(p.size()) / k, k});
}

template <class Derived, class Options>
Tensor ForestClassifier<Derived, Options>::predict(const Data& X) const {
  this->check_fitted("predict");
  const std::vector<double> p = mean_proba(X, this->name() + ".predict");
  const std::int64_t k = labels_.n_classes(), n = static_cast<std::int64_t>(p.size()) / k;
  std::vector<std::int64_t> best(static_cast<std::size_t>(n), 0);
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t j = 1; j < k; ++j)
      if (p[i * k + j] > p[i * k + best[i]]) best[i] = j;
  return decode_labels(labels_.classes, best);
}

template <class Derived, class Options>
Tensor ForestClassifier<Derived, Options>::oob_decision_function() const {
  this->check_oob("oob_decision_function");
  return oob_decision_;
}

template <class Derived, class Options>
void ForestClassifier<Derived, Options>::save_state(StateDict& state) const {
  forest_detail::save_forest(*this->forest_, state);
  state.set("classes", labels_.classes);
  state.set("n_features_in", Param{this->n_features_});
  state.set("oob_score", Param{this->oob_score_});
  if (oob_decision_.defined()) state.set("oob_decision_function", oob_decision_);
}

template <class Derived, class Options>
void ForestClassifier<Derived, Options>::load_state(const StateDict& state) {
  labels_ = LabelCodes{state.tensor("classes"), {}};
  this->n_features_ = state.integer("n_features_in");
  this->oob_score_ = state.number("oob_score");
  oob_decision_ = state.contains("oob_decision_function") ? state.tensor("oob_decision_function") : Tensor();
  this->forest_ = forest_detail::load_forest(state, this->n_features_, labels_.n_classes());
}

template <class Derived, class Options>
void ForestRegressor<Derived, Options>::fit_forest(const Data& X, const Tensor& y) {
  using namespace forest_detail;
  const std::string who = this->name() + ".fit";
  const Options& o = this->options_;
  this->forest_.reset();
  GrowRules rules;
  const Tensor Xd = start_fit(o, X, y, who, Derived::splitter, rules);
  const std::vector<double> target = y.to_vector<double>();
  for (std::size_t i = 0; i < target.size(); ++i)
    check(std::isfinite(target[i]), "{}: y has a non-finite value ({}) at position {}", who, target[i], i);
  const std::int64_t n = Xd.shape(0), p = Xd.shape(1);
  rules.max_features = tree_detail::resolve_max_features(o.max_features, p, who);
  const std::int64_t n_boot = o.bootstrap ? bootstrap_size(o.max_samples, n, who) : n;
  const int threads = resolve_jobs(o.n_jobs, who);
  const tree_detail::ColumnMajorX cx = tree_detail::column_major_f32(Xd, who);
  auto forest = std::make_shared<Forest>(grow_forest(cx, target.data(), 0, {}, rules, o.n_estimators, o.bootstrap,
                                                     n_boot, tree_detail::resolve_seed(o.random_state, who), threads));
  oob_prediction_ = Tensor();
  if (o.oob_score) {
    std::vector<double> sums, counts;
    oob_sums(*forest, cx, n_boot, 1, sums, counts, threads);
    double mean = 0.0;
    for (double v : target) mean += v;
    mean /= static_cast<double>(n);
    double ss_res = 0.0, ss_tot = 0.0;
    for (std::int64_t i = 0; i < n; ++i) {
      sums[i] /= counts[i] == 0.0 ? 1.0 : counts[i];
      ss_res += (target[i] - sums[i]) * (target[i] - sums[i]);
      ss_tot += (target[i] - mean) * (target[i] - mean);
    }
    this->oob_score_ = ss_tot == 0.0 ? (ss_res == 0.0 ? 1.0 : 0.0) : 1.0 - ss_res / ss_tot;
    oob_prediction_ = from_vector(sums, {n});
  }
  this->n_features_ = p;
  this->forest_ = std::move(forest);
}

template <class Derived, class Options>
Tensor ForestRegressor<Derived, Options>::predict(const Data& X) const {
  this->check_fitted("predict");
  const std::string who = this->name() + ".predict";
  const std::int64_t p = this->n_features_;
  const std::vector<float> rows = tree_detail::predict_rows(X, p, who);
  const std::int64_t n = static_cast<std::int64_t>(rows.size()) / p;
  std::vector<double> out(static_cast<std::size_t>(n));
  forest_detail::sum_leaf_values(*this->forest_, rows.data(), n, p, 1, out.data(),
                                 forest_detail::resolve_jobs(this->options_.n_jobs, who));
  const double m = static_cast<double>(this->forest_->trees.size());
  for (double& v : out) v /= m;
  return from_vector(out, {n});
}

template <class Derived, class Options>
Tensor ForestRegressor<Derived, Options>::oob_prediction() const {
  this->check_oob("oob_prediction");
  return oob_prediction_;
}

template <class Derived, class Options>
void ForestRegressor<Derived, Options>::save_state(StateDict& state) const {
  forest_detail::save_forest(*this->forest_, state);
  state.set("n_features_in", Param{this->n_features_});
  state.set("oob_score", Param{this->oob_score_});
  if (oob_prediction_.defined()) state.set("oob_prediction", oob_prediction_);
}

template <class Derived, class Options>
void ForestRegressor<Derived, Options>::load_state(const StateDict& state) {
  this->n_features_ = state.integer("n_features_in");
  this->oob_score_ = state.number("oob_score");
  oob_prediction_ = state.contains("oob_prediction") ? state.tensor("oob_prediction") : Tensor();
  this->forest_ = forest_detail::load_forest(state, this->n_features_, 1);
}

}  // namespace axon::ml
