#include "axon/ml/tree/decision_tree_regressor.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/data/datasets.hpp"
#include "axon/ml/tree/export.hpp"
#include "ml/tree/tree_golden.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace axon::ml {
namespace {

DecisionTreeRegressorOptions diabetes_options(const std::string& name, std::int64_t seed) {
  DecisionTreeRegressorOptions o;
  o.random_state = seed;
  if (name == "depth4") o.max_depth = 4;
  if (name == "leaf5") o.min_samples_leaf = 5;
  if (name == "max_leaf_nodes10") o.max_leaf_nodes = 10;
  if (name == "ccp") o.ccp_alpha = 20.0;
  if (name == "max_features3_seed0") o.max_features = std::int64_t{3};
  if (name == "max_features05_seed11") { o.max_features = 0.5; o.max_depth = 6; }
  if (name == "friedman_depth6") { o.criterion = "friedman_mse"; o.max_depth = 6; }
  if (name == "friedman_weighted_leaves12") { o.criterion = "friedman_mse"; o.max_leaf_nodes = 12; }
  if (name == "weighted_depth5") o.max_depth = 5;
  return o;
}

// Required agreement: trained on the first 300 diabetes rows, scikit-learn's tree (node count,
// depth, leaves, and where recorded the split features and thresholds), the same leaf for each of
// the other 142 rows, predictions and feature importances within 1e-9.
TEST(DecisionTreeRegressor, DiabetesTreesIdenticalToScikitLearn) {
  const data::Bunch d = data::load_diabetes();
  const Tensor Xtr = d.data.rows(0, 300), ytr = d.target.rows(0, 300), Xte = d.data.rows(300, 442);
  for (const auto& [name, g] : tree_golden::json()["diabetes"].items()) {
    SCOPED_TRACE(name);
    Tensor w;  // the golden's sample weights for the "*weighted*" option sets: 0.25 + 0.5 · (i % 3)
    if (name.find("weighted") != std::string::npos) {
      std::vector<double> v(300);
      for (std::size_t i = 0; i < v.size(); ++i) v[i] = 0.25 + 0.5 * static_cast<double>(i % 3);
      w = from_vector(v, {300});
    }
    auto reg = DecisionTreeRegressor(diabetes_options(name, g["random_state"].get<std::int64_t>())).fit(Xtr, ytr, w);
    EXPECT_EQ(reg.node_count(), g["node_count"].get<std::int64_t>());
    EXPECT_EQ(reg.get_depth(), g["depth"].get<std::int64_t>());
    EXPECT_EQ(reg.get_n_leaves(), g["n_leaves"].get<std::int64_t>());
    if (g.contains("feature")) {
      EXPECT_EQ(reg.tree().feature, g["feature"].get<std::vector<std::int64_t>>());
      EXPECT_EQ(reg.tree().threshold, g["threshold"].get<std::vector<double>>());
      EXPECT_EQ(reg.tree().n_node_samples, g["n_node_samples"].get<std::vector<std::int64_t>>());
      EXPECT_TENSOR_NEAR(from_vector(reg.tree().impurity), g["impurity"].get<std::vector<double>>(), 1e-9, 1e-12);
    }
    EXPECT_EQ(reg.apply(Xte).to_vector<std::int64_t>(), g["apply"].get<std::vector<std::int64_t>>());
    EXPECT_TENSOR_NEAR(reg.predict(Xte), g["predict"].get<std::vector<double>>(), 1e-9, 1e-12);
    EXPECT_TENSOR_NEAR(reg.feature_importances(), g["feature_importances"].get<std::vector<double>>(), 1e-9, 0);
  }
}

TEST(DecisionTreeRegressor, ExportTextAndGraphvizAsScikitLearn) {
  const data::Bunch d = data::load_diabetes();
  auto reg = DecisionTreeRegressor({.max_depth = 2, .random_state = 0}).fit(d.data, d.target);
  const auto& g = tree_golden::json();
  EXPECT_EQ(export_text(reg, {.feature_names = d.feature_names}), g["diabetes_export_text"].get<std::string>());
  EXPECT_EQ(export_graphviz(reg), g["diabetes_export_graphviz"].get<std::string>());
}

TEST(DecisionTreeRegressor, PruningNeverGrowsTheTree) {
  const data::Bunch d = data::load_diabetes();
  std::int64_t previous = std::numeric_limits<std::int64_t>::max();
  for (double alpha : {0.0, 1.0, 10.0, 100.0, 1e6}) {
    auto reg = DecisionTreeRegressor({.random_state = 0, .ccp_alpha = alpha}).fit(d.data, d.target);
    EXPECT_LE(reg.node_count(), previous);
    previous = reg.node_count();
  }
  EXPECT_EQ(previous, 1);  // a huge alpha prunes to the root
}

TEST(DecisionTreeRegressor, SampleWeightErrorsAndIntegerWeightsRepeatRows) {
  const data::Bunch d = data::load_diabetes();
  const Tensor X = d.data.rows(0, 40), y = d.target.rows(0, 40);
  EXPECT_THROW_MESSAGE(DecisionTreeRegressor().fit(X, y, from_vector(std::vector<double>(39, 1.0))), ShapeError,
                       "sample_weight must have shape [40]");
  std::vector<double> w(40, 1.0);
  w[7] = -1.0;
  EXPECT_THROW_MESSAGE(DecisionTreeRegressor().fit(X, y, from_vector(w)), ValueError, "-1 at position 7");
  // Weight 2 on a row grows the same tree as the row given twice (for the leaf values and impurities).
  w.assign(40, 1.0);
  w[3] = 2.0;
  std::vector<std::int64_t> rows(40);
  for (std::int64_t i = 0; i < 40; ++i) rows[i] = i;
  rows.push_back(3);
  const std::vector<double> yv = y.to_vector<double>();
  std::vector<double> y2;
  for (std::int64_t r : rows) y2.push_back(yv[static_cast<std::size_t>(r)]);
  auto a = DecisionTreeRegressor({.max_depth = 3, .random_state = 0}).fit(X, y, from_vector(w));
  auto b = DecisionTreeRegressor({.max_depth = 3, .random_state = 0}).fit(Data(X).take(rows), from_vector(y2));
  EXPECT_TENSOR_NEAR(a.predict(d.data), b.predict(d.data), 1e-12, 1e-12);
}

TEST(DecisionTreeRegressor, BadInputErrors) {
  const data::Bunch d = data::load_diabetes();
  Tensor X = d.data.clone();
  X.data<double>()[3 * 10 + 7] = std::numeric_limits<double>::infinity();
  EXPECT_THROW_MESSAGE(DecisionTreeRegressor().fit(X, d.target), ValueError, "in column 7 (row 3");
  EXPECT_THROW_MESSAGE(DecisionTreeRegressor({.max_depth = -1}).fit(d.data, d.target), ValueError, "max_depth must be >= 1");
  EXPECT_THROW_MESSAGE(DecisionTreeRegressor({.criterion = "gini"}).fit(d.data, d.target), ValueError, "criterion must be 'squared_error'");
  EXPECT_THROW_MESSAGE(DecisionTreeRegressor({.min_samples_leaf = 0}).fit(d.data, d.target), ValueError, "min_samples_leaf must be >= 1, got 0");
}

}  // namespace
}  // namespace axon::ml
