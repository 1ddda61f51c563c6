#include "axon/ml/tree/extra_tree_regressor.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/data/datasets.hpp"
#include "axon/ml/tree/decision_tree_regressor.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
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

struct Diabetes {
  Tensor Xtr, ytr, Xte;
};
const Diabetes& diabetes() {
  static const Diabetes s = [] {
    const data::Bunch d = data::load_diabetes();
    return Diabetes{d.data.rows(0, 300), d.target.rows(0, 300), d.data.rows(300, 442)};
  }();
  return s;
}

// The golden's sample weights for the "*weighted*" option sets: 0.25 + 0.5 · (i % 3).
Tensor diabetes_weights(const std::string& name) {
  if (name.find("weighted") == std::string::npos) return {};
  std::vector<double> v(300);
  for (std::size_t i = 0; i < v.size(); ++i) v[i] = 0.25 + 0.5 * static_cast<double>(i % 3);
  return from_vector(v, {300});
}

template <class Reg>
void expect_tree_as_golden(const Reg& reg, const nlohmann::json& g, const Tensor& Xte) {
  EXPECT_EQ(reg.node_count(), g["node_count"].template get<std::int64_t>());
  EXPECT_EQ(reg.get_depth(), g["depth"].template get<std::int64_t>());
  EXPECT_EQ(reg.get_n_leaves(), g["n_leaves"].template get<std::int64_t>());
  EXPECT_EQ(reg.tree().feature, g["feature"].template get<std::vector<std::int64_t>>());
  EXPECT_EQ(reg.tree().children_left, g["children_left"].template get<std::vector<std::int64_t>>());
  EXPECT_EQ(reg.tree().threshold, g["threshold"].template get<std::vector<double>>());
  EXPECT_EQ(reg.tree().n_node_samples, g["n_node_samples"].template get<std::vector<std::int64_t>>());
  EXPECT_TENSOR_NEAR(from_vector(reg.tree().impurity), g["impurity"].template get<std::vector<double>>(), 1e-9, 1e-12);
  EXPECT_EQ(reg.apply(Xte).template to_vector<std::int64_t>(), g["apply"].template get<std::vector<std::int64_t>>());
  EXPECT_TENSOR_NEAR(reg.predict(Xte), g["predict"].template get<std::vector<double>>(), 1e-9, 1e-12);
  EXPECT_TENSOR_NEAR(reg.feature_importances(), g["feature_importances"].template get<std::vector<double>>(), 1e-9, 0);
}

ExtraTreeRegressorOptions extra_options(const std::string& name) {
  ExtraTreeRegressorOptions o;
  if (name == "default_seed0") o.random_state = 0;
  if (name == "depth6_seed5") { o.max_depth = 6; o.random_state = 5; }
  if (name == "max_features05_seed11") { o.max_features = 0.5; o.random_state = 11; o.max_depth = 8; }
  if (name == "sqrt_leaf3_seed2") { o.max_features = "sqrt"; o.min_samples_leaf = 3; o.random_state = 2; }
  if (name == "friedman_leaves15_seed3") { o.criterion = "friedman_mse"; o.max_leaf_nodes = 15; o.random_state = 3; }
  if (name == "absolute_error_depth6_seed4") { o.criterion = "absolute_error"; o.max_depth = 6; o.random_state = 4; }
  if (name == "absolute_error_seed9") { o.criterion = "absolute_error"; o.random_state = 9; }
  if (name == "weighted_depth7_seed6") { o.max_depth = 7; o.random_state = 6; }
  if (name == "absolute_error_weighted_depth5_seed7") { o.criterion = "absolute_error"; o.max_depth = 5; o.random_state = 7; }
  return o;
}

// scikit-learn's very tree (RandomSplitter: the same feature and threshold draws, the same
// in-place partitions), for squared_error, friedman_mse and absolute_error, with and without weights.
TEST(ExtraTreeRegressor, DiabetesTreesIdenticalToScikitLearn) {
  const auto& s = diabetes();
  for (const auto& [name, g] : golden()["diabetes_extra_tree"].items()) {
    SCOPED_TRACE(name);
    ASSERT_TRUE(extra_options(name).random_state.has_value());
    auto reg = ExtraTreeRegressor(extra_options(name)).fit(s.Xtr, s.ytr, diabetes_weights(name));
    expect_tree_as_golden(reg, g, s.Xte);
  }
}

DecisionTreeRegressorOptions absolute_error_options(const std::string& name, std::int64_t seed) {
  DecisionTreeRegressorOptions o;
  o.criterion = "absolute_error";
  o.random_state = seed;
  if (name == "depth4") o.max_depth = 4;
  if (name == "leaf5") o.min_samples_leaf = 5;
  if (name == "max_leaf_nodes10") o.max_leaf_nodes = 10;
  if (name == "max_features3_seed0") o.max_features = std::int64_t{3};
  if (name == "ccp") o.ccp_alpha = 2.0;
  if (name == "weighted_depth5") o.max_depth = 5;
  if (name == "random_splitter_seed3") o.splitter = "random";
  return o;
}

// criterion="absolute_error" (scikit-learn's MAE): leaf values are the weighted medians, impurities
// the weighted mean absolute deviations; the same splits as scikit-learn's for the best and the
// random splitter, with and without sample weights.
TEST(AbsoluteErrorCriterion, DiabetesTreesIdenticalToScikitLearn) {
  const auto& s = diabetes();
  for (const auto& [name, g] : golden()["diabetes_absolute_error"].items()) {
    SCOPED_TRACE(name);
    auto reg = DecisionTreeRegressor(absolute_error_options(name, g["random_state"].get<std::int64_t>()))
                   .fit(s.Xtr, s.ytr, diabetes_weights(name));
    expect_tree_as_golden(reg, g, s.Xte);
  }
}

// The root of an absolute_error tree predicts the median (the mean of the two middle values for an
// even count) and its impurity is the mean absolute deviation from it.
TEST(AbsoluteErrorCriterion, RootIsTheMedian) {
  const Tensor X = from_vector(std::vector<double>{0, 0, 0, 0, 0, 0}, {6, 1});
  const std::vector<double> yv{1, 10, 4, 3, 100, 2};
  auto reg = DecisionTreeRegressor({.criterion = "absolute_error"}).fit(X, from_vector(yv, {6}));
  ASSERT_EQ(reg.node_count(), 1);
  EXPECT_DOUBLE_EQ(reg.tree().value[0], 3.5);
  EXPECT_DOUBLE_EQ(reg.tree().impurity[0], (2.5 + 6.5 + 0.5 + 0.5 + 96.5 + 1.5) / 6.0);
  // Weights: the weighted median of {1: 1, 2: 1, 3: 5} is 3.
  const Tensor X3 = from_vector(std::vector<double>{0, 0, 0}, {3, 1});
  auto w = DecisionTreeRegressor({.criterion = "absolute_error"})
               .fit(X3, from_vector(std::vector<double>{1, 2, 3}, {3}), from_vector(std::vector<double>{1, 1, 5}, {3}));
  EXPECT_DOUBLE_EQ(w.tree().value[0], 3.0);
}

TEST(ExtraTreeRegressor, DefaultsAndBadInputErrors) {
  const auto& s = diabetes();
  ExtraTreeRegressor reg;
  EXPECT_EQ(std::get<double>(reg.get_params().at("max_features")), 1.0);
  EXPECT_EQ(std::get<std::string>(reg.get_params().at("splitter")), "random");
  ExtraTreeRegressorOptions o;
  o.criterion = "mae";
  EXPECT_THROW_MESSAGE(ExtraTreeRegressor(o).fit(s.Xtr, s.ytr), ValueError,
                       "ExtraTreeRegressor.fit: criterion must be 'squared_error', 'friedman_mse' or 'absolute_error', got 'mae'");
  o = {};
  o.splitter = "";
  EXPECT_THROW_MESSAGE(ExtraTreeRegressor(o).fit(s.Xtr, s.ytr), ValueError, "splitter must be 'best' or 'random', got ''");
  DecisionTreeRegressorOptions d;
  d.criterion = "poisson";
  EXPECT_THROW_MESSAGE(DecisionTreeRegressor(d).fit(s.Xtr, s.ytr), ValueError,
                       "DecisionTreeRegressor.fit: criterion must be 'squared_error', 'friedman_mse' or 'absolute_error', got 'poisson'");
}

}  // namespace
}  // namespace axon::ml
