#include "axon/ml/ensemble/hist_gradient_boosting_regressor.hpp"

#include "axon/core/backend.hpp"
#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/data/datasets.hpp"
#include "axon/ml/model_selection/grid_search.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

namespace axon::ml {
namespace {

const nlohmann::json& golden() {
  static const nlohmann::json j = [] {
    std::ifstream in(axon::testing::source_path("tests/golden/hist_gb.json"));
    return nlohmann::json::parse(in);
  }();
  return j;
}

// The NaN rule of make_hist_gb_golden.py.
Tensor with_nan(const Tensor& X) {
  std::vector<double> v = X.to_vector<double>();
  const std::int64_t n = X.shape(0), p = X.shape(1);
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t j = 0; j < p; ++j)
      if (((7 * i + 13 * j) % 10 == 0 && j != 0) || (j == 0 && i % 12 == 0)) v[i * p + j] = std::nan("");
  return from_vector(v, {n, p});
}

struct Split {
  Tensor Xtr, ytr, Xte, yte;
};
// diabetes: train the first 300 rows, test the rest.
Split diabetes(bool nan) {
  const data::Bunch d = data::load_diabetes();
  const Tensor X = nan ? with_nan(d.data) : d.data;
  const std::int64_t n = X.shape(0);
  return {X.rows(0, 300), d.target.rows(0, 300), X.rows(300, n), d.target.rows(300, n)};
}

// Against scikit-learn 1.2 on diabetes: squared and absolute error, missing values, early
// stopping. The same trees (leaves per iteration), predictions to ~1e-9 and the same scores.
void expect_matches(const std::string& name, HistGradientBoostingRegressorOptions o, bool nan) {
  SCOPED_TRACE(name);
  const nlohmann::json& g = golden()["cases"][name];
  const Split s = diabetes(nan);
  auto m = HistGradientBoostingRegressor(o).fit(s.Xtr, s.ytr);
  EXPECT_EQ(m.n_iter(), g["n_iter"].get<std::int64_t>());
  std::vector<std::vector<std::int64_t>> leaves;
  for (std::int64_t it = 0; it < m.n_iter(); ++it) leaves.push_back({m.n_leaves(it)});
  EXPECT_EQ(leaves, g["leaves"].get<std::vector<std::vector<std::int64_t>>>());
  EXPECT_TENSOR_NEAR(m.predict(s.Xte), g["predict"].get<std::vector<double>>(), 1e-9, 1e-12);
  EXPECT_NEAR(m.score(s.Xte, s.yte), g["test_r2"].get<double>(), 1e-10);
  EXPECT_NEAR(m.score(s.Xtr, s.ytr), g["train_r2"].get<double>(), 1e-10);
  if (g.contains("train_score")) {
    EXPECT_TENSOR_NEAR(from_vector(m.train_score()), g["train_score"].get<std::vector<double>>(), 1e-9, 1e-12);
    EXPECT_TENSOR_NEAR(from_vector(m.validation_score()), g["validation_score"].get<std::vector<double>>(), 1e-9, 1e-12);
  }
}

TEST(HistGradientBoostingRegressor, DiabetesIsScikitLearns) {
  expect_matches("diabetes_sq", {.early_stopping = false, .random_state = 0}, false);
  expect_matches("diabetes_abs", {.loss = "absolute_error", .early_stopping = false, .random_state = 0}, false);
}

TEST(HistGradientBoostingRegressor, MissingValuesAsScikitLearn) {
  expect_matches("diabetes_nan", {.early_stopping = false, .random_state = 0}, true);
}

TEST(HistGradientBoostingRegressor, EarlyStoppingAsScikitLearn) {
  expect_matches("diabetes_early", {.max_iter = 500, .early_stopping = true, .random_state = 0}, false);
  EXPECT_LT(golden()["cases"]["diabetes_early"]["n_iter"].get<std::int64_t>(), 500);
}

TEST(HistGradientBoostingRegressor, StagedPredictAndThreadCountIndependent) {
  const Split s = diabetes(true);
  const HistGradientBoostingRegressorOptions o{.max_iter = 60, .early_stopping = true, .random_state = 1};
  const int threads = get_num_threads();
  set_num_threads(1);
  auto a = HistGradientBoostingRegressor(o).fit(s.Xtr, s.ytr);
  set_num_threads(2);
  auto b = HistGradientBoostingRegressor(o).fit(s.Xtr, s.ytr);
  auto c = HistGradientBoostingRegressor(o).fit(s.Xtr, s.ytr);
  set_num_threads(threads);
  const std::vector<double> pa = a.predict(s.Xte).to_vector<double>();
  EXPECT_EQ(pa, b.predict(s.Xte).to_vector<double>());
  EXPECT_EQ(pa, c.predict(s.Xte).to_vector<double>());
  const std::vector<Tensor> staged = a.staged_predict(s.Xte);
  EXPECT_EQ(static_cast<std::int64_t>(staged.size()), a.n_iter());
  EXPECT_EQ(staged.back().to_vector<double>(), pa);
}

// 40,000 rows: early_stopping "auto" turns on (n > 10,000), and the large nodes are partitioned in
// chunks on the threads; the model is the same on 1 and 2 threads.
TEST(HistGradientBoostingRegressor, LargeDataAutoEarlyStoppingThreadCountIndependent) {
  const std::int64_t n = 40000, p = 3;
  std::vector<double> x(static_cast<std::size_t>(n * p)), y(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) {
    for (std::int64_t j = 0; j < p; ++j) x[i * p + j] = std::sin(0.37 * static_cast<double>(i * (j + 1)) + j);
    y[i] = x[i * p] + 2 * x[i * p + 1] * x[i * p + 1] + 0.1 * std::cos(static_cast<double>(i));
    if (i % 17 == 0) x[i * p + 2] = std::nan("");
  }
  const Tensor X = from_vector(x, {n, p}), Y = from_vector(y, {n});
  const HistGradientBoostingRegressorOptions o{.max_iter = 8, .random_state = 0};
  const int threads = get_num_threads();
  set_num_threads(1);
  auto a = HistGradientBoostingRegressor(o).fit(X, Y);
  set_num_threads(2);
  auto b = HistGradientBoostingRegressor(o).fit(X, Y);
  set_num_threads(threads);
  EXPECT_TRUE(a.do_early_stopping());
  EXPECT_EQ(a.validation_score().size(), static_cast<std::size_t>(a.n_iter() + 1));
  EXPECT_EQ(a.train_score().size(), a.validation_score().size());
  EXPECT_EQ(a.predict(X).to_vector<double>(), b.predict(X).to_vector<double>());
  EXPECT_EQ(a.validation_score(), b.validation_score());
  EXPECT_GT(a.score(X, Y), 0.5);  // 8 iterations at learning_rate 0.1 already explain most of y
}

TEST(HistGradientBoostingRegressor, BadInputIsAnError) {
  const Split s = diabetes(false);
  EXPECT_THROW(HistGradientBoostingRegressor({.max_iter = 0}).fit(s.Xtr, s.ytr), ValueError);
  EXPECT_THROW(HistGradientBoostingRegressor({.learning_rate = 0.0}).fit(s.Xtr, s.ytr), ValueError);
  EXPECT_THROW(HistGradientBoostingRegressor({.max_bins = 256}).fit(s.Xtr, s.ytr), ValueError);
  EXPECT_THROW(HistGradientBoostingRegressor({.loss = "poisson"}).fit(s.Xtr, s.ytr), ValueError);
  EXPECT_THROW(HistGradientBoostingRegressor({.validation_fraction = 1.5}).fit(s.Xtr, s.ytr), ValueError);
  EXPECT_THROW(HistGradientBoostingRegressor().fit(s.Xtr, s.ytr.rows(0, 10)), ShapeError);
  auto m = HistGradientBoostingRegressor({.max_iter = 3}).fit(s.Xtr, s.ytr);
  EXPECT_THROW((void)m.predict(zeros({4, 9})), ShapeError);
}

// get_params/set_params through GridSearchCV.
TEST(HistGradientBoostingRegressor, GridSearch) {
  const Split s = diabetes(false);
  GridSearchCV gs(HistGradientBoostingRegressor({.max_iter = 20, .random_state = 0}),
                  {{"max_leaf_nodes", {std::int64_t{4}, std::int64_t{15}}}, {"learning_rate", {0.1, 0.3}}}, {.cv = 3});
  gs.fit(s.Xtr, s.ytr);
  EXPECT_EQ(gs.cv_results().params.size(), 4u);
  EXPECT_GT(gs.best_score(), 0.2);
}

}  // namespace
}  // namespace axon::ml
