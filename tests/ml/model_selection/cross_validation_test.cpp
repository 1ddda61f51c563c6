// cross_val_score, cross_validate, validation_curve, learning_curve: Ridge on diabetes against
// scikit-learn (tests/golden/model_selection.json; Ridge is a closed form, so 1e-9), classifiers
// against a hand loop over StratifiedKFold, and the same numbers on 1 or 2 threads.
#include "axon/ml/model_selection/cross_validation.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/data/datasets.hpp"
#include "axon/ml/linear_model/ridge.hpp"
#include "axon/ml/metrics.hpp"
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

std::vector<double> flat(const nlohmann::json& j) {
  std::vector<double> out;
  for (const auto& row : j)
    if (row.is_array())
      for (double v : row) out.push_back(v);
    else
      out.push_back(row.get<double>());
  return out;
}

std::vector<double> flat(const std::vector<std::vector<double>>& v) {
  std::vector<double> out;
  for (const auto& row : v) out.insert(out.end(), row.begin(), row.end());
  return out;
}

void expect_near(const std::vector<double>& actual, const std::vector<double>& expected, double tol) {
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i) EXPECT_NEAR(actual[i], expected[i], tol) << "at " << i;
}

const data::Bunch& diabetes() {
  static const data::Bunch d = data::load_diabetes();
  return d;
}

TEST(CrossValScore, RidgeOnDiabetesMatchesSklearn) {
  const auto& g = golden()["cross_val_score"];
  const auto& d = diabetes();
  expect_near(cross_val_score(Ridge({.alpha = 0.5}), d.data, d.target), flat(g["r2"]), 1e-9);
  expect_near(cross_val_score(Ridge({.alpha = 0.5}), d.data, d.target, {.cv = 3, .scoring = "neg_mean_squared_error"}),
              flat(g["neg_mse"]), 1e-6);
}

TEST(ValidationCurve, RidgeAlphaMatchesSklearn) {
  const auto& g = golden()["validation_curve"];
  const auto& d = diabetes();
  const ValidationCurve v = validation_curve(Ridge(), d.data, d.target, "alpha", {0.01, 0.1, 1.0}, {.cv = 3});
  expect_near(flat(v.train_scores), flat(g["train"]), 1e-9);
  expect_near(flat(v.test_scores), flat(g["test"]), 1e-9);
  EXPECT_THROW_MESSAGE(validation_curve(Ridge(), d.data, d.target, "C", {1.0}), ValueError,
                       "Invalid parameter 'C' for estimator Ridge. Valid parameters are: [alpha, fit_intercept, solver]");
}

TEST(LearningCurve, RidgeMatchesSklearn) {
  const auto& g = golden()["learning_curve"];
  const auto& d = diabetes();
  const LearningCurve l = learning_curve(Ridge({.alpha = 0.1}), d.data, d.target, {.train_sizes = {0.1, 0.5, 1.0}, .cv = 3});
  EXPECT_EQ(l.train_sizes, g["sizes"].get<std::vector<std::int64_t>>());
  expect_near(flat(l.train_scores), flat(g["train"]), 1e-9);
  expect_near(flat(l.test_scores), flat(g["test"]), 1e-9);
  const LearningCurve shuffled = learning_curve(Ridge(), d.data, d.target,
                                                {.train_sizes = {30, 60}, .cv = 3, .shuffle = true, .random_state = 1});
  EXPECT_EQ(shuffled.train_sizes, (std::vector<std::int64_t>{30, 60}));
}

Tensor blobs_X() {
  Generator gen(7);
  return randn({90, 3}, {.dtype = Dtype::float64}, gen);
}
Tensor blobs_y(const Tensor& X) {  // three classes from the first two features, with overlap
  std::vector<std::int64_t> y;
  const std::vector<double> v = X.to_vector<double>();
  for (std::size_t i = 0; i < v.size() / 3; ++i) y.push_back(v[3 * i] + 0.5 * v[3 * i + 2] > 0.4 ? 2 : v[3 * i + 1] > 0 ? 1 : 0);
  return from_vector(y);
}

TEST(CrossValScore, ClassifierUsesStratifiedFoldsAndEqualsAHandLoop) {
  const Tensor X = blobs_X(), y = blobs_y(X);
  const toy::NearestCentroid model({.shrink = 0.2});
  const std::vector<double> scores = cross_val_score(model, X, y, {.cv = 4, .scoring = "f1_macro"});
  std::vector<double> expected;
  for (const auto& [train, test] : StratifiedKFold({.n_splits = 4}).split(X, y)) {
    toy::NearestCentroid m({.shrink = 0.2});
    m.fit(Data(X).take(train), Data(y).take(train).tensor());
    expected.push_back(f1_score(Data(y).take(test).tensor(), m.predict(Data(X).take(test)), {.average = "macro"}));
  }
  EXPECT_EQ(scores, expected);
  EXPECT_FALSE(model.fitted());  // folds fit clones
  // Threads change nothing.
  EXPECT_EQ(cross_val_score(model, X, y, {.cv = 4, .scoring = "f1_macro", .n_jobs = 2}), expected);
  EXPECT_EQ(cross_val_score(model, X, y, {.cv = 4, .scoring = "f1_macro", .n_jobs = -1}), expected);
  // A splitter as cv
  const auto k = cross_val_score(model, X, y, {.cv = KFold({.n_splits = 3, .shuffle = true, .random_state = 0})});
  EXPECT_EQ(k.size(), 3u);
}

TEST(CrossValidate, TrainScoresTimesAndProbabilityScorers) {
  const Tensor X = blobs_X(), y = blobs_y(X);
  const CrossValidateResult r = cross_validate(toy::NearestCentroid(), X, y,
                                               {.cv = 3, .scoring = "neg_log_loss", .n_jobs = 2, .return_train_score = true});
  ASSERT_EQ(r.test_score.size(), 3u);
  ASSERT_EQ(r.train_score.size(), 3u);
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_LT(r.test_score[k], 0.0);
    EXPECT_GE(r.fit_time[k], 0.0);
  }
  // roc_auc on a binary problem: column 1 of predict_proba (the toy has no decision_function)
  std::vector<std::int64_t> yb;
  for (std::int64_t v : y.to_vector<std::int64_t>()) yb.push_back(v == 2);
  const Tensor y2 = from_vector(yb);
  const std::vector<double> auc = cross_val_score(toy::NearestCentroid(), X, y2, {.cv = 3, .scoring = "roc_auc"});
  const auto splits = StratifiedKFold({.n_splits = 3}).split(X, y2);
  toy::NearestCentroid m;
  m.fit(Data(X).take(splits[0].first), Data(y2).take(splits[0].first).tensor());
  const Tensor p = m.predict_proba(Data(X).take(splits[0].second));
  std::vector<double> col;
  for (std::int64_t i = 0; i < p.shape(0); ++i) col.push_back(p.to_vector<double>()[2 * i + 1]);
  EXPECT_EQ(auc[0], roc_auc_score(Data(y2).take(splits[0].second).tensor(), from_vector(col)));
  EXPECT_THROW_MESSAGE(cross_val_score(toy::NearestCentroid(), X, y, {.scoring = "accuracy_score"}), ValueError,
                       "'accuracy_score' is not a valid scoring value. Valid options are: [accuracy,");
}

TEST(CrossValScore, ErrorsInAFoldReachTheCaller) {
  const Tensor X = blobs_X(), y = blobs_y(X);
  for (int jobs : {1, 2})
    EXPECT_THROW_MESSAGE(cross_val_score(toy::NearestCentroid({.shrink = 2}), X, y, {.n_jobs = jobs}), ValueError,
                         "NearestCentroid.fit: shrink must be in [0, 1], got 2");
  EXPECT_THROW_MESSAGE(cross_val_score(toy::NearestCentroid(), X, arange(5)), ShapeError, "X has 90 samples but y has 5");
}

}  // namespace
}  // namespace axon::ml
