#include "axon/ml/ensemble/gradient_boosting_classifier.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/ml/model_selection/grid_search.hpp"
#include "ml/ensemble/boosting_golden.hpp"

#include <gtest/gtest.h>

namespace axon::ml {
namespace {

using namespace boosting_golden;

GradientBoostingClassifierOptions options_of(const nlohmann::json& g) {
  const nlohmann::json& o = g["options"];
  GradientBoostingClassifierOptions r{.n_estimators = g["n_estimators"].get<std::int64_t>()};
  if (o.contains("subsample")) r.subsample = o["subsample"].get<double>();
  if (o.contains("random_state")) r.random_state = o["random_state"].get<std::int64_t>();
  if (o.contains("max_depth")) r.max_depth = o["max_depth"].get<std::int64_t>();
  if (o.contains("min_samples_leaf")) r.min_samples_leaf = o["min_samples_leaf"].get<std::int64_t>();
  if (o.contains("n_iter_no_change")) r.n_iter_no_change = o["n_iter_no_change"].get<std::int64_t>();
  if (o.contains("validation_fraction")) r.validation_fraction = o["validation_fraction"].get<double>();
  if (o.contains("max_leaf_nodes")) r.max_leaf_nodes = o["max_leaf_nodes"].get<std::int64_t>();
  if (o.contains("learning_rate")) r.learning_rate = o["learning_rate"].get<double>();
  if (o.contains("max_features")) {
    if (o["max_features"].is_string()) r.max_features = o["max_features"].get<std::string>();
    else r.max_features = o["max_features"].get<std::int64_t>();
  }
  return r;
}

// Binary (one tree per stage) and multiclass (one per class per stage), subsampled with random
// feature subsets, weighted, and stopped early on scikit-learn's stratified validation split:
// scikit-learn's trees, train_score_, oob_improvement_, staged and
// final probabilities and raw scores to 1e-9. (The multiclass runs avoid near-ties between
// features: numpy computes the softmax's exp with SVML on this machine, whose last bits differ
// from glibc's in a quarter of the cases, and such a tie is decided by last bits.)
TEST(GradientBoostingClassifier, MatchesScikitLearn) {
  for (const auto& [name, g] : json()["gb_classifier"].items()) {
    SCOPED_TRACE(name);
    const GoldenSplit& s = split(g["dataset"].get<std::string>());
    Tensor sw;
    if (name == "binary_weighted") {
      const std::int64_t n = s.ytr.numel();
      std::vector<double> w(static_cast<std::size_t>(n));
      for (std::int64_t i = 0; i < n; ++i) w[i] = 1.0 + i % 4;
      sw = from_vector(w, {n});
    }
    GradientBoostingClassifier gb(options_of(g));
    gb.fit(s.Xtr, s.ytr, sw);
    EXPECT_EQ(gb.n_estimators_fitted(), g["n_estimators_"].get<std::int64_t>());  // early stopping: fewer
    std::vector<std::int64_t> nodes;
    for (const Tree& t : gb.trees()) nodes.push_back(t.node_count());
    EXPECT_EQ(nodes, ints(g["node_counts"]));
    EXPECT_TENSOR_NEAR(gb.train_score(), doubles(g["train_score"]), 1e-9, 1e-9);
    if (g.contains("oob_improvement")) {
      EXPECT_TENSOR_NEAR(gb.oob_improvement(), doubles(g["oob_improvement"]), 1e-9, 1e-9);
    }
    EXPECT_TENSOR_NEAR(from_vector(head(gb.decision_function(s.Xte))), doubles(g["decision_function"]), 1e-9, 1e-9);
    EXPECT_TENSOR_NEAR(from_vector(head(gb.predict_proba(s.Xte))), doubles(g["predict_proba"]), 1e-9, 1e-9);
    EXPECT_EQ(head(gb.predict(s.Xte)), doubles(g["predict"]));
    const std::vector<Tensor> proba = gb.staged_predict_proba(s.Xte);
    const std::vector<Tensor> decision = gb.staged_decision_function(s.Xte);
    const std::vector<Tensor> labels = gb.staged_predict(s.Xte);
    ASSERT_EQ(proba.size(), static_cast<std::size_t>(gb.n_estimators_fitted()));
    EXPECT_TENSOR_NEAR(from_vector(head(proba[0])), doubles(g["staged_proba_1"]), 1e-9, 1e-9);
    EXPECT_TENSOR_NEAR(from_vector(head(decision[4])), doubles(g["staged_decision_5"]), 1e-9, 1e-9);
    EXPECT_EQ(head(labels[2]), doubles(g["staged_predict_3"]));
    EXPECT_EQ(proba.back().to_vector<double>(), gb.predict_proba(s.Xte).to_vector<double>());
    // binary_early_stopping meets a near-tie between features that split the training rows alike
    // (the same loss, other importances), decided by the last bit of the initial log-odds, which
    // numpy's np.log (SVML on this machine) rounds unlike glibc's log.
    const bool near_tie = name == "binary_early_stopping";
    if (!near_tie) {
      EXPECT_TENSOR_NEAR(gb.feature_importances(), doubles(g["feature_importances"]), 1e-9, 1e-9);
    }
    // Probabilities sum to one; the labels are y's.
    const Tensor p = gb.predict_proba(s.Xte);
    for (std::int64_t i = 0; i < p.shape(0); ++i) {
      double sum = 0;
      for (std::int64_t k = 0; k < p.shape(1); ++k) sum += p.data<double>()[i * p.shape(1) + k];
      EXPECT_NEAR(sum, 1.0, 1e-12);
    }
    EXPECT_EQ(gb.predict(s.Xte).dtype(), s.ytr.dtype());
  }
}

TEST(GradientBoostingClassifier, GridSearchOverDepthAndRate) {
  const GoldenSplit& s = split("iris");
  GradientBoostingClassifier gb({.n_estimators = 10, .random_state = 0});
  GridSearchCV search(gb, {{"max_depth", {1, 2}}, {"learning_rate", {0.1, 0.5}}}, {.cv = 3});
  search.fit(s.Xtr, s.ytr);
  EXPECT_GT(search.best_score(), 0.9);
  EXPECT_GT(search.score(s.Xte, s.yte), 0.9);
}

TEST(GradientBoostingClassifier, BadInput) {
  const GoldenSplit& s = split("cancer");
  EXPECT_THROW_MESSAGE(GradientBoostingClassifier({.n_estimators = 0}).fit(s.Xtr, s.ytr), ValueError,
                       "GradientBoostingClassifier.fit: n_estimators must be >= 1, got 0");
  EXPECT_THROW_MESSAGE(GradientBoostingClassifier({.learning_rate = -1}).fit(s.Xtr, s.ytr), ValueError, "learning_rate must be >= 0");
  EXPECT_THROW_MESSAGE(GradientBoostingClassifier({.subsample = -0.5}).fit(s.Xtr, s.ytr), ValueError, "subsample must be in (0, 1]");
  EXPECT_THROW_MESSAGE(GradientBoostingClassifier({.loss = "hinge"}).fit(s.Xtr, s.ytr), ValueError, "(known: log_loss), got 'hinge'");
  EXPECT_THROW_MESSAGE(GradientBoostingClassifier({.init = "mean"}).fit(s.Xtr, s.ytr), ValueError, "init must be None or 'zero'");
  EXPECT_THROW_MESSAGE(GradientBoostingClassifier({.validation_fraction = 1.0, .n_iter_no_change = 3}).fit(s.Xtr, s.ytr),
                       ValueError, "validation_fraction must be in (0, 1), got 1");
  const Tensor one_class = full({10}, 1.0);
  EXPECT_THROW_MESSAGE(GradientBoostingClassifier().fit(s.Xtr.rows(0, 10), one_class), ValueError, "y contains 1 class");
}

}  // namespace
}  // namespace axon::ml
