#include "axon/ml/ensemble/bagging_regressor.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/ml/model_selection/cross_validation.hpp"
#include "axon/ml/neighbors/kneighbors_regressor.hpp"
#include "axon/ml/tree/decision_tree_regressor.hpp"
#include "ml/ensemble/boosting_golden.hpp"

#include <gtest/gtest.h>

namespace axon::ml {
namespace {

using namespace boosting_golden;

MaxSamples size_of(const nlohmann::json& v) {
  if (v.is_number_integer()) return v.get<std::int64_t>();
  return v.get<double>();
}

// Trees (weighted by the bootstrap counts) with row and column subsets, and k-nearest neighbours
// (fitted on the drawn rows): scikit-learn's predictions and out-of-bag predictions and score.
TEST(BaggingRegressor, DiabetesMatchesScikitLearn) {
  const GoldenSplit& s = split("diabetes");
  for (const auto& [name, g] : json()["bagging"].items()) {
    if (g.contains("dataset")) continue;  // the classifier's
    SCOPED_TRACE(name);
    const nlohmann::json& o = g["options"];
    BaggingOptions r{.n_jobs = 2};
    if (o.contains("n_estimators")) r.n_estimators = o["n_estimators"].get<std::int64_t>();
    if (o.contains("max_samples")) r.max_samples = size_of(o["max_samples"]);
    if (o.contains("max_features")) r.max_features = size_of(o["max_features"]);
    if (o.contains("bootstrap_features")) r.bootstrap_features = o["bootstrap_features"].get<bool>();
    if (o.contains("oob_score")) r.oob_score = o["oob_score"].get<bool>();
    if (o.contains("random_state")) r.random_state = o["random_state"].get<std::int64_t>();
    if (!g["base"].is_null()) {
      const nlohmann::json& b = g["base"][1];
      if (g["base"][0] == "tree") {
        r.estimator = DecisionTreeRegressor({.max_depth = b["max_depth"].get<std::int64_t>(),
                                             .max_features = b["max_features"].get<double>()});
      } else {
        r.estimator = KNeighborsRegressor({.n_neighbors = b["n_neighbors"].get<std::int64_t>()});
      }
    }
    BaggingRegressor bag(r);
    bag.fit(s.Xtr, s.ytr);
    std::vector<std::vector<std::int64_t>> features;
    for (const auto& f : g["features"]) features.push_back(ints(f));
    EXPECT_EQ(bag.estimators_features(), features);
    EXPECT_TENSOR_NEAR(from_vector(head(bag.predict(s.Xte))), doubles(g["predict"]), 1e-9, 1e-12);
    if (g.contains("oob_score")) {
      EXPECT_NEAR(bag.oob_score(), g["oob_score"].get<double>(), 1e-12);
      EXPECT_TENSOR_NEAR(from_vector(head(bag.oob_prediction())), doubles(g["oob_prediction"]), 1e-9, 1e-12);
    }
  }
}

TEST(BaggingRegressor, CrossValidationAndParams) {
  const GoldenSplit& s = split("diabetes");
  BaggingRegressor bag({.n_estimators = 8, .random_state = 0});
  bag.set_param("estimator__max_depth", Param{4});
  EXPECT_EQ(std::get<std::int64_t>(bag.clone()->get_params().at("estimator__max_depth")), 4);
  const std::vector<double> scores = cross_val_score(bag, s.Xtr, s.ytr, {.cv = 3});
  for (double v : scores) EXPECT_GT(v, 0.1);
  bag.fit(s.Xtr, s.ytr);
  EXPECT_GT(bag.score(s.Xte, s.yte), 0.2);
  EXPECT_EQ(bag.estimators().size(), 8u);
  EXPECT_EQ(bag.estimators_samples()[0].size(), 300u);
  EXPECT_THROW_MESSAGE(BaggingRegressor({.n_estimators = -1}).fit(s.Xtr, s.ytr), ValueError, "n_estimators must be >= 1");
  EXPECT_THROW_MESSAGE(bag.oob_prediction(), ValueError, "fit with oob_score=True");
}

}  // namespace
}  // namespace axon::ml
