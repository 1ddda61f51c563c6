#include "axon/ml/ensemble/gradient_boosting_regressor.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/ml/model_selection/cross_validation.hpp"
#include "ml/ensemble/boosting_golden.hpp"

#include <gtest/gtest.h>

namespace axon::ml {
namespace {

using namespace boosting_golden;

GradientBoostingRegressorOptions options_of(const nlohmann::json& o) {
  GradientBoostingRegressorOptions r{.n_estimators = 30};
  if (o.contains("loss")) r.loss = o["loss"].get<std::string>();
  if (o.contains("alpha")) r.alpha = o["alpha"].get<double>();
  if (o.contains("subsample")) r.subsample = o["subsample"].get<double>();
  if (o.contains("random_state")) r.random_state = o["random_state"].get<std::int64_t>();
  if (o.contains("max_depth")) r.max_depth = o["max_depth"].get<std::int64_t>();
  if (o.contains("min_samples_leaf")) r.min_samples_leaf = o["min_samples_leaf"].get<std::int64_t>();
  if (o.contains("max_leaf_nodes")) r.max_leaf_nodes = o["max_leaf_nodes"].get<std::int64_t>();
  if (o.contains("learning_rate")) r.learning_rate = o["learning_rate"].get<double>();
  if (o.contains("n_estimators")) r.n_estimators = o["n_estimators"].get<std::int64_t>();
  if (o.contains("n_iter_no_change")) r.n_iter_no_change = o["n_iter_no_change"].get<std::int64_t>();
  if (o.contains("validation_fraction")) r.validation_fraction = o["validation_fraction"].get<double>();
  if (o.contains("init")) r.init = o["init"].get<std::string>();
  if (o.contains("max_features")) {
    if (o["max_features"].is_number_integer()) r.max_features = o["max_features"].get<std::int64_t>();
    else r.max_features = o["max_features"].get<double>();
  }
  return r;
}

// Every loss, with and without subsampling, random feature subsets, best-first trees, sample
// weights, init="zero" and early stopping (scikit-learn's validation split): the trees are scikit-learn's (same node counts), and train_score_,
// oob_improvement_, the staged and final predictions and the importances agree to 1e-9.
TEST(GradientBoostingRegressor, DiabetesMatchesScikitLearn) {
  const GoldenSplit& s = split("diabetes");
  for (const auto& [name, g] : json()["gb_regressor"].items()) {
    SCOPED_TRACE(name);
    Tensor sw;
    if (name == "weighted_huber") {
      std::vector<double> w(300);
      for (int i = 0; i < 300; ++i) w[i] = 1.0 + i % 3;
      sw = from_vector(w, {300});
    }
    GradientBoostingRegressor gb(options_of(g["options"]));
    gb.fit(s.Xtr, s.ytr, sw);
    std::vector<std::int64_t> nodes;
    for (const Tree& t : gb.trees()) nodes.push_back(t.node_count());
    const std::vector<Tensor> staged = gb.staged_predict(s.Xte);
    ASSERT_EQ(gb.n_estimators_fitted(), g["n_estimators_"].get<std::int64_t>());  // early stopping: fewer
    ASSERT_EQ(static_cast<std::int64_t>(staged.size()), gb.n_estimators_fitted());
    EXPECT_TENSOR_NEAR(from_vector(head(staged[0])), doubles(g["staged_1"]), 1e-9, 1e-9);
    EXPECT_TENSOR_NEAR(from_vector(head(staged[9])), doubles(g["staged_10"]), 1e-9, 1e-9);
    EXPECT_EQ(staged.back().to_vector<double>(), gb.predict(s.Xte).to_vector<double>());
    EXPECT_EQ(nodes, ints(g["node_counts"]));
    EXPECT_TENSOR_NEAR(gb.train_score(), doubles(g["train_score"]), 1e-9, 1e-9);
    if (g.contains("oob_improvement")) {
      EXPECT_TENSOR_NEAR(gb.oob_improvement(), doubles(g["oob_improvement"]), 1e-9, 1e-9);
    }
    EXPECT_TENSOR_NEAR(from_vector(head(gb.predict(s.Xte))), doubles(g["predict"]), 1e-9, 1e-9);
    EXPECT_TENSOR_NEAR(gb.feature_importances(), doubles(g["feature_importances"]), 1e-9, 1e-9);
  }
}

TEST(GradientBoostingRegressor, FitsWellAndWorksInCrossValidation) {
  const GoldenSplit& s = split("diabetes");
  GradientBoostingRegressor gb({.n_estimators = 50, .random_state = 0});
  gb.fit(s.Xtr, s.ytr);
  EXPECT_GT(gb.score(s.Xte, s.yte), 0.3);
  // train_score_ decreases for squared error (each stage fits the residuals)
  const std::vector<double> ts = gb.train_score().to_vector<double>();
  for (std::size_t i = 1; i < ts.size(); ++i) EXPECT_LE(ts[i], ts[i - 1]);
  GradientBoostingRegressor cv_model({.n_estimators = 20, .max_depth = 2});
  const std::vector<double> scores = cross_val_score(cv_model, s.Xtr, s.ytr, {.cv = 3});
  ASSERT_EQ(scores.size(), 3u);
  for (double v : scores) EXPECT_GT(v, 0.2);
}

TEST(GradientBoostingRegressor, ParamsAndBadInput) {
  const GoldenSplit& s = split("diabetes");
  GradientBoostingRegressor gb;
  const Params p = gb.get_params();
  EXPECT_EQ(std::get<std::string>(p.at("loss")), "squared_error");
  EXPECT_EQ(std::get<std::int64_t>(p.at("max_depth")), 3);
  EXPECT_EQ(std::get<double>(p.at("alpha")), 0.9);
  gb.set_param("learning_rate", Param{0.5});
  EXPECT_EQ(gb.options().learning_rate, 0.5);
  EXPECT_EQ(std::get<double>(gb.clone()->get_params().at("learning_rate")), 0.5);

  EXPECT_THROW_MESSAGE(GradientBoostingRegressor({.n_estimators = 0}).fit(s.Xtr, s.ytr), ValueError, "n_estimators must be >= 1, got 0");
  EXPECT_THROW_MESSAGE(GradientBoostingRegressor({.learning_rate = -0.1}).fit(s.Xtr, s.ytr), ValueError, "learning_rate must be >= 0");
  EXPECT_THROW_MESSAGE(GradientBoostingRegressor({.subsample = 0.0}).fit(s.Xtr, s.ytr), ValueError, "subsample must be in (0, 1], got 0");
  EXPECT_THROW_MESSAGE(GradientBoostingRegressor({.subsample = 1.5}).fit(s.Xtr, s.ytr), ValueError, "subsample must be in (0, 1]");
  EXPECT_THROW_MESSAGE(GradientBoostingRegressor({.loss = "lad"}).fit(s.Xtr, s.ytr), ValueError,
                       "unknown loss 'lad' (known: squared_error, absolute_error, huber, quantile)");
  EXPECT_THROW_MESSAGE(GradientBoostingRegressor({.loss = "huber", .alpha = 1.0}).fit(s.Xtr, s.ytr), ValueError, "alpha must be in (0, 1)");
  EXPECT_THROW_MESSAGE(GradientBoostingRegressor({.criterion = "gini"}).fit(s.Xtr, s.ytr), ValueError, "criterion must be");
  EXPECT_THROW_MESSAGE(GradientBoostingRegressor().predict(s.Xte), NotFittedError, "not fitted");
  EXPECT_THROW_MESSAGE(GradientBoostingRegressor({.n_estimators = 2}).fit(s.Xtr, s.ytr).oob_improvement(), ValueError,
                       "subsample < 1");
}

}  // namespace
}  // namespace axon::ml
