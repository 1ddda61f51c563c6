#include "axon/ml/ensemble/adaboost_classifier.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/ml/model_selection/cross_validation.hpp"
#include "axon/ml/neighbors/kneighbors_classifier.hpp"
#include "axon/ml/tree/decision_tree_classifier.hpp"
#include "ml/ensemble/boosting_golden.hpp"

#include <gtest/gtest.h>

namespace axon::ml {
namespace {

using namespace boosting_golden;

AdaBoostClassifierOptions options_of(const nlohmann::json& g) {
  const nlohmann::json& o = g["options"];
  AdaBoostClassifierOptions r;
  r.algorithm = o["algorithm"].get<std::string>();
  if (o.contains("n_estimators")) r.n_estimators = o["n_estimators"].get<std::int64_t>();
  if (o.contains("learning_rate")) r.learning_rate = o["learning_rate"].get<double>();
  if (o.contains("random_state")) r.random_state = o["random_state"].get<std::int64_t>();
  if (!g["base"].is_null()) {
    const nlohmann::json& b = g["base"];
    DecisionTreeClassifierOptions t;
    if (b.contains("max_depth")) t.max_depth = b["max_depth"].get<std::int64_t>();
    if (b.contains("max_features")) {
      if (b["max_features"].is_string()) t.max_features = b["max_features"].get<std::string>();
      else t.max_features = b["max_features"].get<std::int64_t>();
    }
    r.estimator = DecisionTreeClassifier(t);
  }
  return r;
}

// SAMME and SAMME.R, on two classes and ten, with stumps and deeper trees whose random feature
// subsets are seeded through _set_random_states: scikit-learn's learner weights and errors, votes,
// probabilities and staged accuracies.
TEST(AdaBoostClassifier, MatchesScikitLearn) {
  for (const auto& [name, g] : json()["adaboost"].items()) {
    SCOPED_TRACE(name);
    const GoldenSplit& s = split(g["dataset"].get<std::string>());
    AdaBoostClassifier ada(options_of(g));
    ada.fit(s.Xtr, s.ytr);
    EXPECT_EQ(static_cast<std::int64_t>(ada.estimators().size()), g["n_fitted"].get<std::int64_t>());
    EXPECT_TENSOR_NEAR(ada.estimator_weights(), doubles(g["estimator_weights"]), 1e-9, 1e-9);
    EXPECT_TENSOR_NEAR(ada.estimator_errors(), doubles(g["estimator_errors"]), 1e-9, 1e-9);
    EXPECT_EQ(head(ada.predict(s.Xte)), doubles(g["predict"]));
    EXPECT_TENSOR_NEAR(from_vector(head(ada.decision_function(s.Xte))), doubles(g["decision_function"]), 1e-9, 1e-9);
    EXPECT_TENSOR_NEAR(from_vector(head(ada.predict_proba(s.Xte))), doubles(g["predict_proba"]), 1e-9, 1e-9);
    EXPECT_TENSOR_NEAR(from_vector(ada.staged_score(s.Xte, s.yte)), doubles(g["staged_score"]), 1e-12, 0);
    EXPECT_EQ(head(ada.staged_predict(s.Xte)[1]), doubles(g["staged_predict_2"]));
    EXPECT_EQ(ada.staged_predict(s.Xte).back().to_vector<double>(), ada.predict(s.Xte).to_vector<double>());
  }
}

TEST(AdaBoostClassifier, NestedParamsCloneAndCrossValidation) {
  AdaBoostClassifier ada({.n_estimators = 10, .algorithm = "SAMME", .random_state = 0});
  EXPECT_EQ(std::get<std::int64_t>(ada.get_params().at("estimator__max_depth")), 1);
  ada.set_param("estimator__max_depth", Param{2});
  const auto copy = ada.clone();
  EXPECT_EQ(std::get<std::int64_t>(copy->get_params().at("estimator__max_depth")), 2);
  copy->set_param("estimator__max_depth", Param{3});  // the clone's learner is its own
  EXPECT_EQ(std::get<std::int64_t>(ada.get_params().at("estimator__max_depth")), 2);
  const GoldenSplit& s = split("cancer");
  const std::vector<double> scores = cross_val_score(ada, s.Xtr, s.ytr, {.cv = 3});
  for (double v : scores) EXPECT_GT(v, 0.9);
  ada.fit(s.Xtr, s.ytr);
  EXPECT_GT(ada.score(s.Xte, s.yte), 0.9);
  const std::vector<double> imp = ada.feature_importances().to_vector<double>();
  double sum = 0;
  for (double v : imp) sum += v;
  EXPECT_NEAR(sum, 1.0, 1e-12);
  const AdaBoostClassifier copied = ada;  // copies share the fitted learners
  EXPECT_EQ(copied.predict(s.Xte).to_vector<double>(), ada.predict(s.Xte).to_vector<double>());
}

TEST(AdaBoostClassifier, BadInput) {
  const GoldenSplit& s = split("cancer");
  EXPECT_THROW_MESSAGE(AdaBoostClassifier({.n_estimators = 0}).fit(s.Xtr, s.ytr), ValueError, "n_estimators must be >= 1, got 0");
  EXPECT_THROW_MESSAGE(AdaBoostClassifier({.learning_rate = 0}).fit(s.Xtr, s.ytr), ValueError, "learning_rate must be > 0, got 0");
  EXPECT_THROW_MESSAGE(AdaBoostClassifier({.algorithm = "real"}).fit(s.Xtr, s.ytr), ValueError,
                       "algorithm must be 'SAMME' or 'SAMME.R', got 'real'");
  EXPECT_THROW_MESSAGE(AdaBoostClassifier({.estimator = KNeighborsClassifier()}).fit(s.Xtr, s.ytr), ValueError,
                       "KNeighborsClassifier doesn't support sample_weight");
  EXPECT_THROW_MESSAGE(AdaBoostClassifier().predict(s.Xte), NotFittedError, "not fitted");
}

}  // namespace
}  // namespace axon::ml
