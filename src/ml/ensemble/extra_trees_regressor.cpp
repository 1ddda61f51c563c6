#include "axon/ml/ensemble/extra_trees_regressor.hpp"

#include "axon/core/creation.hpp"
#include "forest.hpp"
#include "forest_state.hpp"

#include <cmath>

namespace axon::ml {

using namespace forest_detail;

// scikit-learn's ExtraTreesRegressor is its RandomForestRegressor with ExtraTreeRegressor members
// (RandomSplitter) and bootstrap=False by default: the same seeding and averaging.
ExtraTreesRegressor& ExtraTreesRegressor::fit(const Data& X, const Tensor& y) {
  constexpr std::string_view who = "ExtraTreesRegressor.fit";
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
  const std::vector<double> target = y.to_vector<double>();
  for (std::size_t i = 0; i < target.size(); ++i)
    check(std::isfinite(target[i]), "{}: y has a non-finite value ({}) at position {}", who, target[i], i);
  const std::int64_t n = Xd.shape(0), p = Xd.shape(1);
  rules.max_features = tree_detail::resolve_max_features(options_.max_features, p, who);
  const std::int64_t n_boot = options_.bootstrap ? bootstrap_size(options_.max_samples, n, who) : n;
  const int threads = resolve_jobs(options_.n_jobs, who);
  const tree_detail::ColumnMajorX cx = tree_detail::column_major_f32(Xd, who);
  auto forest = std::make_shared<Forest>(grow_forest(cx, target.data(), 0, {}, rules, options_.n_estimators, options_.bootstrap,
                                                     n_boot, tree_detail::resolve_seed(options_.random_state, who), threads));
  oob_prediction_ = Tensor();
  if (options_.oob_score) {
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
    oob_score_ = ss_tot == 0.0 ? (ss_res == 0.0 ? 1.0 : 0.0) : 1.0 - ss_res / ss_tot;
    oob_prediction_ = from_vector(sums, {n});
  }
  n_features_ = p;
  forest_ = std::move(forest);
  return *this;
}

Tensor ExtraTreesRegressor::predict(const Data& X) const {
  check_fitted("predict");
  constexpr std::string_view who = "ExtraTreesRegressor.predict";
  const std::vector<float> rows = tree_detail::predict_rows(X, n_features_, who);
  const std::int64_t n = static_cast<std::int64_t>(rows.size()) / n_features_;
  std::vector<double> out(static_cast<std::size_t>(n));
  sum_leaf_values(*forest_, rows.data(), n, n_features_, 1, out.data(), resolve_jobs(options_.n_jobs, who));
  const double m = static_cast<double>(forest_->trees.size());
  for (double& v : out) v /= m;
  return from_vector(out, {n});
}

Tensor ExtraTreesRegressor::apply(const Data& X) const {
  check_fitted("apply");
  return forest_apply(*forest_, X, n_features_, "ExtraTreesRegressor.apply");
}

Tensor ExtraTreesRegressor::oob_prediction() const {
  check_oob("oob_prediction");
  return oob_prediction_;
}

void ExtraTreesRegressor::save_state(StateDict& state) const {
  forest_detail::save_forest(*forest_, state);
  state.set("n_features_in", Param{n_features_});
  state.set("oob_score", Param{oob_score_});
  if (oob_prediction_.defined()) state.set("oob_prediction", oob_prediction_);
}

void ExtraTreesRegressor::load_state(const StateDict& state) {
  n_features_ = state.integer("n_features_in");
  oob_score_ = state.number("oob_score");
  oob_prediction_ = state.contains("oob_prediction") ? state.tensor("oob_prediction") : Tensor();
  forest_ = forest_detail::load_forest(state, n_features_, 1);
}

}  // namespace axon::ml
