#include "axon/ml/ensemble/extra_trees_regressor.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/data/datasets.hpp"
#include "axon/ml/ensemble/random_forest_regressor.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

namespace axon::ml {
namespace {

// tests/golden/extra_trees.json, made by tools/golden/make_extra_trees_golden.py.
const nlohmann::json& golden() {
  static const nlohmann::json j = [] {
    std::ifstream in(axon::testing::source_path("tests/golden/extra_trees.json"));
    return nlohmann::json::parse(in);
  }();
  return j;
}

ExtraTreesRegressorOptions diabetes_options(const std::string& name) {
  ExtraTreesRegressorOptions o{.random_state = 0};
  if (name == "n20") o.n_estimators = 20;
  if (name == "absolute_error_n5_depth6") { o.n_estimators = 5; o.criterion = "absolute_error"; o.max_depth = 6; }
  if (name == "bootstrap_oob_sqrt") { o.n_estimators = 15; o.bootstrap = true; o.oob_score = true; o.max_features = "sqrt"; }
  return o;
}

// scikit-learn's very forest on the first 300 diabetes rows: every tree's node count, predictions
// on the other 142, R², importances (and the out-of-bag score with bootstrap).
TEST(ExtraTreesRegressor, DiabetesForestIsScikitLearns) {
  const data::Bunch d = data::load_diabetes();
  const Tensor Xtr = d.data.rows(0, 300), ytr = d.target.rows(0, 300), Xte = d.data.rows(300, 442), yte = d.target.rows(300, 442);
  for (const auto& [name, g] : golden()["diabetes_extra_trees"].items()) {
    SCOPED_TRACE(name);
    auto et = ExtraTreesRegressor(diabetes_options(name)).fit(Xtr, ytr);
    std::vector<std::int64_t> nodes;
    for (const Tree& t : et.trees()) nodes.push_back(t.node_count());
    EXPECT_EQ(nodes, g["node_counts"].get<std::vector<std::int64_t>>());
    EXPECT_TENSOR_NEAR(et.predict(Xte), g["predict"].get<std::vector<double>>(), 1e-9, 1e-12);
    EXPECT_NEAR(et.score(Xte, yte), g["r2"].get<double>(), 1e-12);
    EXPECT_TENSOR_NEAR(et.feature_importances(), g["feature_importances"].get<std::vector<double>>(), 1e-9, 0);
    if (g.contains("oob_score")) {
      EXPECT_NEAR(et.oob_score(), g["oob_score"].get<double>(), 1e-12);
    }
  }
}

TEST(ExtraTreesRegressor, ThreadCountDoesNotChangeTheForest) {
  const data::Bunch d = data::load_diabetes();
  ExtraTreesRegressorOptions o{.n_estimators = 6, .n_jobs = 1, .random_state = 2};
  const Tensor p1 = ExtraTreesRegressor(o).fit(d.data, d.target).predict(d.data);
  o.n_jobs = 2;
  const Tensor p2 = ExtraTreesRegressor(o).fit(d.data, d.target).predict(d.data);
  EXPECT_EQ(p1.to_vector<double>(), p2.to_vector<double>());
  EXPECT_EQ(ExtraTreesRegressor(o).fit(d.data, d.target).apply(d.data.rows(0, 3)).shape(), (std::vector<std::int64_t>{3, 6}));
}

// RandomForestRegressor(criterion="absolute_error"): the bootstrap counts are sample weights (0, 1,
// 2, ...), so the weighted medians' bookkeeping must follow scikit-learn's sample order exactly.
TEST(AbsoluteErrorCriterion, RandomForestRegressorIsScikitLearns) {
  const data::Bunch d = data::load_diabetes();
  const auto& g = golden()["diabetes_rf_absolute_error"];
  auto rf = RandomForestRegressor({.n_estimators = 5, .criterion = "absolute_error", .max_depth = 6, .oob_score = true,
                                   .random_state = 0})
                .fit(d.data.rows(0, 300), d.target.rows(0, 300));
  std::vector<std::int64_t> nodes;
  for (const Tree& t : rf.trees()) nodes.push_back(t.node_count());
  EXPECT_EQ(nodes, g["node_counts"].get<std::vector<std::int64_t>>());
  EXPECT_EQ(rf.trees()[0].threshold, g["thresholds_tree0"].get<std::vector<double>>());
  EXPECT_TENSOR_NEAR(rf.predict(d.data.rows(300, 442)), g["predict"].get<std::vector<double>>(), 1e-9, 1e-12);
  EXPECT_TENSOR_NEAR(rf.feature_importances(), g["feature_importances"].get<std::vector<double>>(), 1e-9, 0);
  EXPECT_NEAR(rf.oob_score(), g["oob_score"].get<double>(), 1e-12);
}

TEST(ExtraTreesRegressor, DefaultsAndBadInputErrors) {
  const data::Bunch d = data::load_diabetes();
  ExtraTreesRegressor et;
  const auto params = et.get_params();
  EXPECT_EQ(std::get<bool>(params.at("bootstrap")), false);
  EXPECT_EQ(std::get<double>(params.at("max_features")), 1.0);
  EXPECT_THROW_MESSAGE(ExtraTreesRegressor({.criterion = "gini"}).fit(d.data, d.target), ValueError,
                       "ExtraTreesRegressor.fit: criterion must be 'squared_error', 'friedman_mse' or 'absolute_error', got 'gini'");
  ExtraTreesRegressorOptions o;
  o.max_samples = 0.5;
  EXPECT_THROW_MESSAGE(ExtraTreesRegressor(o).fit(d.data, d.target), ValueError, "max_samples can only be set with bootstrap=True");
}

}  // namespace
}  // namespace axon::ml
