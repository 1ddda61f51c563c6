#include "axon/ml/ensemble/random_forest_regressor.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/data/datasets.hpp"
#include "ml/tree/tree_golden.hpp"

#include <gtest/gtest.h>

namespace axon::ml {
namespace {

// scikit-learn's RandomForestRegressor(30, random_state=0, oob_score=True) on the first 300
// diabetes rows: the same trees, predictions, OOB R² and importances.
TEST(RandomForestRegressor, DiabetesForestIsScikitLearns) {
  const data::Bunch d = data::load_diabetes();
  const auto& g = tree_golden::json()["diabetes_forest"];
  auto rf = RandomForestRegressor({.n_estimators = 30, .oob_score = true, .n_jobs = 2, .random_state = 0})
                .fit(d.data.rows(0, 300), d.target.rows(0, 300));
  std::vector<std::int64_t> nodes;
  for (const Tree& t : rf.trees()) nodes.push_back(t.node_count());
  EXPECT_EQ(nodes, g["node_counts"].get<std::vector<std::int64_t>>());
  EXPECT_TENSOR_NEAR(rf.predict(d.data.rows(300, 442)), g["predict"].get<std::vector<double>>(), 1e-9, 1e-12);
  EXPECT_NEAR(rf.oob_score(), g["oob_score"].get<double>(), 1e-9);
  EXPECT_TENSOR_NEAR(rf.feature_importances(), g["feature_importances"].get<std::vector<double>>(), 1e-9, 0);
  EXPECT_GT(rf.score(d.data.rows(300, 442), d.target.rows(300, 442)), 0.3);
}

TEST(RandomForestRegressor, BadInputErrors) {
  const data::Bunch d = data::load_diabetes();
  EXPECT_THROW_MESSAGE(RandomForestRegressor({.n_estimators = 0}).fit(d.data, d.target), ValueError, "n_estimators must be >= 1, got 0");
  EXPECT_THROW_MESSAGE(RandomForestRegressor({.bootstrap = false, .oob_score = true}).fit(d.data, d.target), ValueError,
                       "oob_score=True needs bootstrap=True");
  EXPECT_THROW_MESSAGE(RandomForestRegressor({.max_samples = std::int64_t{1000}}).fit(d.data, d.target), ValueError,
                       "max_samples must be in [1, n_samples = 442], got 1000");
}

}  // namespace
}  // namespace axon::ml
