// GridSearchCV: Ridge on diabetes against scikit-learn (candidate order, means, stds, ranks, best),
// a toy classifier against a hand loop, thread-count independence, errors before any fit.
#include "axon/ml/model_selection/grid_search.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/data/datasets.hpp"
#include "axon/ml/linear_model/ridge.hpp"
#include "axon/ml/metrics.hpp"
#include "axon/ml/pipeline.hpp"
#include "ml/model_selection/toy_estimators.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

namespace axon::ml {
namespace {

const nlohmann::json& golden() {
  static const nlohmann::json j =
      nlohmann::json::parse(std::ifstream(testing::source_path("tests/golden/model_selection.json")));
  return j;
}

TEST(ParameterGrid, SklearnsOrder) {
  const std::vector<Params> g = parameter_grid({{{"b", {1, 2}}, {"a", {std::string("x"), std::string("y")}}},
                                                {{"c", {0.5}}}});
  ASSERT_EQ(g.size(), 5u);
  EXPECT_EQ(to_string(g[0]), "{'a': 'x', 'b': 1}");
  EXPECT_EQ(to_string(g[1]), "{'a': 'x', 'b': 2}");  // the last name (sorted) varies fastest
  EXPECT_EQ(to_string(g[2]), "{'a': 'y', 'b': 1}");
  EXPECT_EQ(to_string(g[4]), "{'c': 0.5}");
}

TEST(GridSearchCV, RidgeOnDiabetesMatchesSklearn) {
  const auto& g = golden()["grid_search"];
  const auto d = data::load_diabetes();
  GridSearchCV grid(Ridge(), {{"alpha", {0.01, 0.1, 1, 10}}, {"fit_intercept", {true, false}}},
                    {.cv = 5, .return_train_score = true});
  grid.fit(d.data, d.target);
  const CvResults& r = grid.cv_results();
  ASSERT_EQ(r.params.size(), g["params"].size());
  for (std::size_t c = 0; c < r.params.size(); ++c) {
    EXPECT_EQ(detail::param_double(r.params[c].at("alpha"), "alpha"), g["params"][c]["alpha"].get<double>());
    EXPECT_EQ(std::get<bool>(r.params[c].at("fit_intercept")), g["params"][c]["fit_intercept"].get<bool>());
    EXPECT_NEAR(r.mean_test_score[c], g["mean_test_score"][c].get<double>(), 1e-9);
    EXPECT_NEAR(r.std_test_score[c], g["std_test_score"][c].get<double>(), 1e-9);
    EXPECT_NEAR(r.mean_train_score[c], g["mean_train_score"][c].get<double>(), 1e-9);
    EXPECT_NEAR(r.split_test_scores[c][0], g["split0_test_score"][c].get<double>(), 1e-9);
    EXPECT_EQ(r.rank_test_score[c], g["rank_test_score"][c].get<std::int64_t>());
  }
  EXPECT_EQ(grid.best_index(), g["best_index"].get<std::int64_t>());
  EXPECT_NEAR(grid.best_score(), g["best_score"].get<double>(), 1e-9);
  EXPECT_EQ(grid.n_splits(), 5);
  const Tensor X50 = d.data.rows(0, 50), y50 = d.target.rows(0, 50);
  EXPECT_NEAR(grid.score(X50, y50), g["test_score_on_X"].get<double>(), 1e-9);
  EXPECT_EQ(grid.best_estimator().name(), "Ridge");
  EXPECT_TENSOR_NEAR(grid.predict(X50), grid.best_estimator().predict(X50), 0.0, 0.0);
}

Tensor blobs_X() {
  Generator gen(11);
  return randn({120, 3}, {.dtype = Dtype::float64}, gen);
}
Tensor blobs_y(const Tensor& X) {
  std::vector<std::int64_t> y;
  const std::vector<double> v = X.to_vector<double>();
  for (std::size_t i = 0; i < v.size() / 3; ++i) y.push_back(v[3 * i] + 0.8 * v[3 * i + 2] > 0.3 ? 2 : v[3 * i + 1] > 0 ? 1 : 0);
  return from_vector(y);
}

TEST(GridSearchCV, BestParamsAndMeansEqualAHandLoopOnAnyThreadCount) {
  const Tensor X = blobs_X(), y = blobs_y(X);
  const ParamGrid param_grid{{"shrink", {0.0, 0.3, 0.6, 0.9}}, {"feature", {-1, 0, 2}}};
  GridSearchCV serial(toy::NearestCentroid(), param_grid, {.cv = 4, .scoring = "accuracy"});
  serial.fit(X, y);
  // The hand loop: every candidate on every stratified fold.
  const auto splits = StratifiedKFold({.n_splits = 4}).split(X, y);
  const std::vector<Params> candidates = parameter_grid({param_grid});
  std::size_t best = 0;
  std::vector<double> means;
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    double sum = 0;
    for (const auto& [train, test] : splits) {
      toy::NearestCentroid m;
      m.set_params(candidates[c]);
      m.fit(Data(X).take(train), Data(y).take(train).tensor());
      sum += accuracy_score(Data(y).take(test).tensor(), m.predict(Data(X).take(test)));
    }
    means.push_back(sum / 4);
    if (means.back() > means[best]) best = c;  // the first of equal bests wins
  }
  EXPECT_EQ(serial.cv_results().mean_test_score, means);
  EXPECT_EQ(serial.best_index(), static_cast<std::int64_t>(best));
  EXPECT_EQ(to_string(serial.best_params()), to_string(candidates[best]));
  for (int jobs : {2, -1}) {
    GridSearchCV parallel(toy::NearestCentroid(), param_grid, {.cv = 4, .scoring = "accuracy", .n_jobs = jobs});
    parallel.fit(X, y);
    EXPECT_EQ(parallel.cv_results().split_test_scores, serial.cv_results().split_test_scores);
    EXPECT_EQ(parallel.cv_results().rank_test_score, serial.cv_results().rank_test_score);
    EXPECT_EQ(parallel.best_index(), serial.best_index());
    EXPECT_TENSOR_NEAR(parallel.predict_proba(X), serial.predict_proba(X), 0.0, 0.0);
  }
}

TEST(GridSearchCV, TiesShareTheLowestRankAndTheFirstWins) {
  const Tensor X = blobs_X(), y = blobs_y(X);
  // The same candidate twice ("feature" 1 as an integer and as a number) after a worse one.
  GridSearchCV grid(toy::NearestCentroid(), {{"feature", {2, 1, 1.0}}}, {.cv = 3});
  grid.fit(X, y);
  const CvResults& r = grid.cv_results();
  ASSERT_LT(r.mean_test_score[0], r.mean_test_score[1]);
  EXPECT_EQ(r.mean_test_score[1], r.mean_test_score[2]);
  EXPECT_EQ(r.rank_test_score, (std::vector<std::int64_t>{3, 1, 1}));
  EXPECT_EQ(grid.best_index(), 1);
}

TEST(GridSearchCV, UnknownParameterFailsBeforeAnyFit) {
  const Tensor X = blobs_X(), y = blobs_y(X);
  GridSearchCV grid(toy::NearestCentroid(), {{"shrink", {0.1}}, {"alpha", {1.0}}});
  const int before = toy::fit_count;
  EXPECT_THROW_MESSAGE(grid.fit(X, y), ValueError,
                       "Invalid parameter 'alpha' for estimator NearestCentroid. Valid parameters are: [feature, shrink].");
  EXPECT_EQ(toy::fit_count, before);
  EXPECT_FALSE(grid.fitted());
  EXPECT_THROW_MESSAGE(grid.predict(X), NotFittedError, "This GridSearchCV instance is not fitted yet");
  EXPECT_THROW_MESSAGE(GridSearchCV(toy::NearestCentroid(), ParamGrid{{"shrink", {}}}), ValueError,
                       "Parameter grid for parameter 'shrink' need to be a non-empty sequence");
}

TEST(GridSearchCV, ListOfGridsRefitFalseAndNesting) {
  const Tensor X = blobs_X(), y = blobs_y(X);
  GridSearchCV grid(toy::NearestCentroid(), std::vector<ParamGrid>{{{"shrink", {0.0, 0.5}}}, {{"feature", {0, 1}}}},
                    {.cv = 3, .refit = false});
  grid.fit(X, y);
  EXPECT_EQ(grid.cv_results().params.size(), 4u);
  EXPECT_THROW_MESSAGE(grid.predict(X), ValueError, "refit=False");
  // A search is an estimator: its params reach the inner estimator, clones are unfitted, and it
  // can be cross-validated itself (nested cross-validation).
  GridSearchCV inner(toy::NearestCentroid(), {{"shrink", {0.0, 0.5}}}, {.cv = 3});
  EXPECT_EQ(to_string(inner.get_params().at("estimator__shrink")), "0.0");
  inner.set_param("estimator__feature", std::int64_t{2});
  EXPECT_EQ(to_string(inner.clone()->get_params().at("estimator__feature")), "2");
  EXPECT_EQ(inner.kind(), Estimator::Kind::classifier);
  const std::vector<double> outer = cross_val_score(inner, X, y, {.cv = 3});
  EXPECT_EQ(outer.size(), 3u);
  EXPECT_FALSE(inner.fitted());
}

TEST(GridSearchCV, SearchesThroughAPipeline) {
  const Tensor X = blobs_X(), y = blobs_y(X);
  auto pipeline = make_pipeline(toy::Scale(), toy::NearestCentroid());
  GridSearchCV grid(pipeline, {{"nearestcentroid__shrink", {0.0, 0.4}}, {"scale__factor", {1.0, 3.0}}}, {.cv = 3});
  grid.fit(X, y);
  EXPECT_EQ(grid.cv_results().params.size(), 4u);
  EXPECT_EQ(grid.best_estimator().name(), "Pipeline");
  const auto& best = dynamic_cast<const Pipeline&>(grid.best_estimator());
  EXPECT_TRUE(best.fitted());
  EXPECT_DOUBLE_EQ(grid.score(X, y), best.score(X, y));
  EXPECT_FALSE(pipeline.fitted());
}

}  // namespace
}  // namespace axon::ml
