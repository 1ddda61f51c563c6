#include "axon/ml/ensemble/bagging_classifier.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/ml/model_selection/grid_search.hpp"
#include "axon/ml/neighbors/kneighbors_classifier.hpp"
#include "axon/ml/tree/decision_tree_classifier.hpp"
#include "ml/ensemble/boosting_golden.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace axon::ml {
namespace {

using namespace boosting_golden;

MaxSamples size_of(const nlohmann::json& v) {
  if (v.is_number_integer()) return v.get<std::int64_t>();
  return v.get<double>();
}

BaggingOptions options_of(const nlohmann::json& g) {
  const nlohmann::json& o = g["options"];
  BaggingOptions r;
  if (o.contains("n_estimators")) r.n_estimators = o["n_estimators"].get<std::int64_t>();
  if (o.contains("max_samples")) r.max_samples = size_of(o["max_samples"]);
  if (o.contains("max_features")) r.max_features = size_of(o["max_features"]);
  if (o.contains("bootstrap")) r.bootstrap = o["bootstrap"].get<bool>();
  if (o.contains("bootstrap_features")) r.bootstrap_features = o["bootstrap_features"].get<bool>();
  if (o.contains("oob_score")) r.oob_score = o["oob_score"].get<bool>();
  if (o.contains("random_state")) r.random_state = o["random_state"].get<std::int64_t>();
  if (!g["base"].is_null()) {
    const nlohmann::json& b = g["base"][1];
    if (g["base"][0] == "tree") {
      DecisionTreeClassifierOptions t;
      if (b.contains("max_depth")) t.max_depth = b["max_depth"].get<std::int64_t>();
      if (b.contains("max_features")) t.max_features = b["max_features"].get<std::int64_t>();
      r.estimator = DecisionTreeClassifier(t);
    } else {
      r.estimator = KNeighborsClassifier({.n_neighbors = b["n_neighbors"].get<std::int64_t>()});
    }
  }
  return r;
}

// Trees (fitted on every row with the bootstrap counts as weights) and k-nearest neighbours
// (fitted on the drawn rows), with row and column subsets drawn with and without replacement: the
// same columns per estimator, probabilities, predictions and out-of-bag scores as scikit-learn's.
TEST(BaggingClassifier, MatchesScikitLearn) {
  for (const auto& [name, g] : json()["bagging"].items()) {
    if (g.contains("dataset") == false) continue;  // the regressor's
    SCOPED_TRACE(name);
    const GoldenSplit& s = split(g["dataset"].get<std::string>());
    BaggingOptions o = options_of(g);
    o.n_jobs = 2;
    BaggingClassifier bag(o);
    bag.fit(s.Xtr, s.ytr);
    std::vector<std::vector<std::int64_t>> features;
    for (const auto& f : g["features"]) features.push_back(ints(f));
    EXPECT_EQ(bag.estimators_features(), features);
    EXPECT_TENSOR_NEAR(from_vector(head(bag.predict_proba(s.Xte))), doubles(g["predict_proba"]), 1e-12, 1e-12);
    EXPECT_EQ(head(bag.predict(s.Xte)), doubles(g["predict"]));
    if (g.contains("oob_score")) {
      EXPECT_NEAR(bag.oob_score(), g["oob_score"].get<double>(), 1e-12);
      const std::vector<double> got = head(bag.oob_decision_function()), want = doubles(g["oob_decision_function"]);
      ASSERT_EQ(got.size(), want.size());
      for (std::size_t i = 0; i < got.size(); ++i) {
        if (std::isnan(want[i])) EXPECT_TRUE(std::isnan(got[i])) << i;
        else EXPECT_NEAR(got[i], want[i], 1e-12) << i;
      }
    }
  }
}

TEST(BaggingClassifier, ThreadCountDoesNotChangeTheEnsemble) {
  const GoldenSplit& s = split("cancer");
  BaggingOptions o{.n_estimators = 6, .max_features = 0.5, .n_jobs = 1, .random_state = 7};
  const Tensor p1 = BaggingClassifier(o).fit(s.Xtr, s.ytr).predict_proba(s.Xte);
  o.n_jobs = 2;
  const Tensor p2 = BaggingClassifier(o).fit(s.Xtr, s.ytr).predict_proba(s.Xte);
  EXPECT_EQ(p1.to_vector<double>(), p2.to_vector<double>());
}

TEST(BaggingClassifier, GridSearchOverTheNestedEstimator) {
  const GoldenSplit& s = split("iris");
  BaggingClassifier bag({.n_estimators = 5, .random_state = 0});
  EXPECT_TRUE(bag.get_params().count("estimator__max_depth"));
  GridSearchCV search(bag, {{"estimator__max_depth", {1, 3}}, {"max_samples", {0.5, 1.0}}}, {.cv = 3});
  search.fit(s.Xtr, s.ytr);
  EXPECT_EQ(std::get<std::int64_t>(search.best_params().at("estimator__max_depth")), 3);
  EXPECT_GT(search.score(s.Xte, s.yte), 0.9);
}

TEST(BaggingClassifier, BadInput) {
  const GoldenSplit& s = split("iris");
  EXPECT_THROW_MESSAGE(BaggingClassifier({.n_estimators = 0}).fit(s.Xtr, s.ytr), ValueError, "n_estimators must be >= 1, got 0");
  EXPECT_THROW_MESSAGE(BaggingClassifier({.max_samples = 1.5}).fit(s.Xtr, s.ytr), ValueError, "max_samples must be in (0, 1]");
  EXPECT_THROW_MESSAGE(BaggingClassifier({.max_features = std::int64_t{9}}).fit(s.Xtr, s.ytr), ValueError,
                       "max_features must be <= n_features (4), got 9");
  EXPECT_THROW_MESSAGE(BaggingClassifier({.bootstrap = false, .oob_score = true}).fit(s.Xtr, s.ytr), ValueError,
                       "Out of bag estimation only available if bootstrap=True");
  EXPECT_THROW_MESSAGE(BaggingClassifier({.estimator = KNeighborsClassifier()}).fit(s.Xtr, s.ytr, full({s.ytr.numel()}, 1.0)),
                       ValueError, "doesn't support sample weight");
  EXPECT_THROW_MESSAGE(BaggingClassifier().oob_score(), NotFittedError, "not fitted");
}

}  // namespace
}  // namespace axon::ml
