#include "axon/ml/linear_model/sgd.hpp"

#include "axon/core/error.hpp"
#include "axon/data/datasets.hpp"
#include "golden.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace axon::ml {
namespace {

using linear_golden::flat;
using linear_golden::label_string;
using linear_golden::max_rel_error;
using linear_golden::standardize;

// tools/golden/make_sgd_golden.py → tests/golden/sgd.json
const nlohmann::json& golden() {
  static const nlohmann::json j = [] {
    std::ifstream f(axon::testing::source_path("tests/golden/sgd.json"));
    return nlohmann::json::parse(f);
  }();
  return j;
}

const Tensor& breast_cancer_X() {
  static const Tensor x = standardize(data::load_breast_cancer().data);
  return x;
}
const Tensor& iris_X() {
  static const Tensor x = standardize(data::load_iris().data);
  return x;
}
const Tensor& diabetes_X() {
  static const Tensor x = standardize(data::load_diabetes().data);
  return x;
}

// The options of a golden case: scikit-learn's keyword arguments, with shuffle=False.
template <class Options>
void apply_common(Options& o, const nlohmann::json& p) {
  o.shuffle = false;
  if (p.contains("loss")) o.loss = p["loss"].get<std::string>();
  if (p.contains("penalty"))
    o.penalty = p["penalty"].is_null() ? std::nullopt : std::optional<std::string>(p["penalty"].get<std::string>());
  if (p.contains("alpha")) o.alpha = p["alpha"].get<double>();
  if (p.contains("l1_ratio")) o.l1_ratio = p["l1_ratio"].get<double>();
  if (p.contains("fit_intercept")) o.fit_intercept = p["fit_intercept"].get<bool>();
  if (p.contains("max_iter")) o.max_iter = p["max_iter"].get<std::int64_t>();
  if (p.contains("tol")) o.tol = p["tol"].is_null() ? std::nullopt : std::optional<double>(p["tol"].get<double>());
  if (p.contains("epsilon")) o.epsilon = p["epsilon"].get<double>();
  if (p.contains("learning_rate")) o.learning_rate = p["learning_rate"].get<std::string>();
  if (p.contains("eta0")) o.eta0 = p["eta0"].get<double>();
  if (p.contains("average")) o.average = p["average"].is_boolean() ? p["average"].get<bool>() : p["average"].get<std::int64_t>();
}

SGDClassifierOptions classifier_options(const nlohmann::json& p) {
  SGDClassifierOptions o;
  apply_common(o, p);
  if (p.contains("class_weight")) {
    if (p["class_weight"].is_string()) o.class_weight = p["class_weight"].get<std::string>();
    else
      for (const auto& [label, weight] : p["class_weight"].items()) o.class_weight_map[std::stod(label)] = weight.get<double>();
  }
  return o;
}

// With shuffle=False the iterates are scikit-learn's: coefficients within 1e-6 relative to the
// largest |coef| (here they agree to within 5e-15, a few ulps; the margin covers a libm whose exp
// differs in the last bit),
// the same epoch count, t_, predictions and probabilities.
void expect_classifier_matches(const std::string& group, const std::string& name, const Tensor& X, const Tensor& y) {
  SCOPED_TRACE(group + "/" + name);
  const auto& g = golden()[group][name];
  const SGDClassifier m = SGDClassifier(classifier_options(g["params"])).fit(X, y);
  const std::vector<double> coef = flat(g["coef"]);
  EXPECT_LE(max_rel_error(m.coef().to_vector<double>(), coef), 1e-6);
  const double scale = std::max(1.0, std::abs(flat(g["intercept"])[0]));
  EXPECT_TENSOR_NEAR(m.intercept(), flat(g["intercept"]), 1e-6 * scale, 1e-6);
  EXPECT_EQ(m.n_iter(), g["n_iter"].get<std::int64_t>());
  EXPECT_EQ(m.t(), g["t"].get<double>());
  EXPECT_EQ(label_string(m.predict(X)), g["predict"].get<std::string>());
  EXPECT_TENSOR_NEAR(m.decision_function(X.rows(0, 5)), flat(g["decision_head"]), 1e-6 * scale, 1e-6);
  if (g.contains("proba_head")) {
    EXPECT_TENSOR_NEAR(m.predict_proba(X.rows(0, 8)), flat(g["proba_head"]), 1e-7, 0.0);
  }
}

TEST(SGDClassifier, BinaryMatchesSklearnWithoutShuffle) {
  const Tensor y = data::load_breast_cancer().target;
  for (const auto& [name, _] : golden()["binary"].items()) expect_classifier_matches("binary", name, breast_cancer_X(), y);
  const SGDClassifier m = SGDClassifier({.shuffle = false}).fit(breast_cancer_X(), y);
  EXPECT_EQ(m.coef().shape(), (Shape{1, 30}));
  EXPECT_EQ(m.intercept().shape(), (Shape{1}));
  EXPECT_EQ(m.decision_function(breast_cancer_X()).shape(), (Shape{569}));
  EXPECT_EQ(m.n_features_in(), 30);
}

TEST(SGDClassifier, MulticlassOneVsAllMatchesSklearnOnIris) {
  const Tensor y = data::load_iris().target;
  for (const auto& [name, _] : golden()["multiclass"].items()) expect_classifier_matches("multiclass", name, iris_X(), y);
  const SGDClassifier m = SGDClassifier({.shuffle = false}).fit(iris_X(), y);
  EXPECT_EQ(m.coef().shape(), (Shape{3, 4}));
  EXPECT_EQ(m.decision_function(iris_X()).shape(), (Shape{150, 3}));
  EXPECT_EQ(m.classes().to_vector<std::int64_t>(), (std::vector<std::int64_t>{0, 1, 2}));
}

TEST(SGDClassifier, ProbabilitiesAreConsistent) {
  const Tensor y = data::load_breast_cancer().target;
  const Tensor& X = breast_cancer_X();
  // Binary log_loss: P(classes()[1]) is the sigmoid of the decision function; rows sum to 1.
  const SGDClassifier m = SGDClassifier({.loss = "log_loss", .random_state = 0}).fit(X, y);
  const auto pr = m.predict_proba(X).to_vector<double>(), d = m.decision_function(X).to_vector<double>();
  const auto lp = m.predict_log_proba(X).to_vector<double>();
  for (std::size_t i = 0; i < 20; ++i) {
    EXPECT_NEAR(pr[2 * i + 1], 1.0 / (1.0 + std::exp(-d[i])), 1e-15);
    EXPECT_NEAR(pr[2 * i] + pr[2 * i + 1], 1.0, 1e-15);
    EXPECT_NEAR(lp[2 * i], std::log(pr[2 * i]), 1e-15);
  }
  // Multiclass modified_huber: rows normalized to 1 (uniform where every clipped score is −1).
  const SGDClassifier mh = SGDClassifier({.loss = "modified_huber", .random_state = 0}).fit(iris_X(), data::load_iris().target);
  const Tensor p3 = mh.predict_proba(iris_X());
  EXPECT_EQ(p3.shape(), (Shape{150, 3}));
  const auto v = p3.to_vector<double>();
  for (std::size_t i = 0; i < 150; ++i) EXPECT_NEAR(v[3 * i] + v[3 * i + 1] + v[3 * i + 2], 1.0, 1e-12);
}

TEST(SGDRegressor, MatchesSklearnWithoutShuffleOnDiabetes) {
  const Tensor y = data::load_diabetes().target;
  const Tensor& X = diabetes_X();
  for (const auto& [name, g] : golden()["regressor"].items()) {
    SCOPED_TRACE(name);
    SGDRegressorOptions o;
    apply_common(o, g["params"]);
    const SGDRegressor m = SGDRegressor(o).fit(X, y);
    EXPECT_LE(max_rel_error(m.coef().to_vector<double>(), flat(g["coef"])), 1e-6);
    const double scale = std::max(1.0, std::abs(flat(g["intercept"])[0]));
    EXPECT_TENSOR_NEAR(m.intercept(), flat(g["intercept"]), 1e-6 * scale, 1e-6);
    EXPECT_EQ(m.n_iter(), g["n_iter"].get<std::int64_t>());
    EXPECT_EQ(m.t(), g["t"].get<double>());
    EXPECT_TENSOR_NEAR(m.predict(X.rows(0, 5)), flat(g["predict_head"]), 1e-6 * scale, 1e-6);
  }
  const SGDRegressor m = SGDRegressor({.shuffle = false}).fit(X, y);
  EXPECT_EQ(m.coef().shape(), (Shape{10}));
  EXPECT_EQ(m.intercept().shape(), (Shape{1}));
  EXPECT_EQ(m.n_features_in(), 10);
}

// shuffle=True: axon's shuffle is not numpy's, so only the fit quality is compared: the mean
// training score over random_state 0..4 is within 0.02 (accuracy, about 11 of 569 or 3 of 150
// samples) or 0.01 (R²) of scikit-learn's mean over its random_state 0..4.
TEST(SGD, ShuffledFitsScoreAsSklearns) {
  const auto& g = golden()["shuffled"];
  const Tensor yb = data::load_breast_cancer().target, yi = data::load_iris().target, yd = data::load_diabetes().target;
  double hinge = 0, log_loss = 0, iris = 0, r2 = 0;
  for (std::uint64_t s = 0; s < 5; ++s) {
    hinge += SGDClassifier({.random_state = s}).fit(breast_cancer_X(), yb).score(breast_cancer_X(), yb) / 5;
    log_loss += SGDClassifier({.loss = "log_loss", .random_state = s}).fit(breast_cancer_X(), yb).score(breast_cancer_X(), yb) / 5;
    iris += SGDClassifier({.random_state = s}).fit(iris_X(), yi).score(iris_X(), yi) / 5;
    r2 += SGDRegressor({.random_state = s}).fit(diabetes_X(), yd).score(diabetes_X(), yd) / 5;
  }
  EXPECT_NEAR(hinge, g["binary_hinge_accuracy"].get<double>(), 0.02);
  EXPECT_NEAR(log_loss, g["binary_log_loss_accuracy"].get<double>(), 0.02);
  EXPECT_NEAR(iris, g["iris_hinge_accuracy"].get<double>(), 0.02);
  EXPECT_NEAR(r2, g["diabetes_r2"].get<double>(), 0.01);
}

TEST(SGD, SameSeedSameResultDifferentSeedDifferentOrder) {
  const Tensor y = data::load_breast_cancer().target;
  const Tensor& X = breast_cancer_X();
  const auto a = SGDClassifier({.random_state = 3}).fit(X, y).coef().to_vector<double>();
  const auto b = SGDClassifier({.random_state = 3}).fit(X, y).coef().to_vector<double>();
  const auto c = SGDClassifier({.random_state = 4}).fit(X, y).coef().to_vector<double>();
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  const Tensor yd = data::load_diabetes().target;
  EXPECT_EQ(SGDRegressor({.random_state = 1}).fit(diabetes_X(), yd).coef().to_vector<double>(),
            SGDRegressor({.random_state = 1}).fit(diabetes_X(), yd).coef().to_vector<double>());
}

// A hand-checked step: one sample, squared loss, constant eta, no penalty.
// p = 0, loss' = p − y = −2, update = −eta·loss' = 0.2: w = 0.2·x = (0.2, −0.4), b = 0.2.
TEST(SGDRegressor, OneStepByHand) {
  const Tensor X = from_vector(std::vector<double>{1.0, -2.0}, {1, 2});
  const Tensor y = from_vector(std::vector<double>{2.0}, {1});
  const SGDRegressor m =
      SGDRegressor({.penalty = std::nullopt, .max_iter = 1, .tol = std::nullopt, .learning_rate = "constant", .eta0 = 0.1})
          .fit(X, y);
  EXPECT_TENSOR_NEAR(m.coef(), (std::vector<double>{0.2, -0.4}), 1e-15, 0.0);
  EXPECT_TENSOR_NEAR(m.intercept(), std::vector<double>{0.2}, 1e-15, 0.0);
  EXPECT_EQ(m.t(), 2.0);
}

TEST(SGD, ParamsAndClone) {
  SGDClassifier m({.loss = "log_loss", .penalty = std::nullopt, .average = 10});
  const Params p = m.get_params();
  EXPECT_EQ(p.size(), 16u);
  EXPECT_EQ(std::get<std::string>(p.at("loss")), "log_loss");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(p.at("penalty")));
  EXPECT_EQ(std::get<std::int64_t>(p.at("average")), 10);
  EXPECT_EQ(std::get<std::string>(p.at("learning_rate")), "optimal");
  m.set_params({{"alpha", 0.01}, {"penalty", std::string("l1")}});
  const auto c = clone(m);
  EXPECT_EQ(to_string(c->get_params().at("penalty")), "'l1'");
  EXPECT_FALSE(c->fitted());
  const Params r = SGDRegressor().get_params();
  EXPECT_EQ(r.size(), 15u);
  EXPECT_EQ(std::get<double>(r.at("eta0")), 0.01);
  EXPECT_EQ(std::get<double>(r.at("power_t")), 0.25);
  EXPECT_EQ(std::get<std::string>(r.at("learning_rate")), "invscaling");
}

TEST(SGD, BadInputIsAClearError) {
  const Tensor X = from_vector(std::vector<double>{0, 1, 2, 3, 4, 5}, {3, 2});
  const Tensor y2 = from_vector(std::vector<std::int64_t>{0, 1}, {2});
  const Tensor y3 = from_vector(std::vector<std::int64_t>{0, 1, 1}, {3});
  EXPECT_THROW_MESSAGE(SGDClassifier().fit(X, y2), ShapeError, "SGDClassifier.fit: X has 3 samples but y has 2");
  EXPECT_THROW_MESSAGE(SGDRegressor().fit(X, y2), ShapeError, "SGDRegressor.fit: X has 3 samples but y has 2");
  const Tensor one = from_vector(std::vector<std::int64_t>{4, 4, 4}, {3});
  EXPECT_THROW_MESSAGE(SGDClassifier().fit(X, one), ValueError, "y has 1 class (4); a classifier needs at least 2");
  const Tensor Xnan = from_vector(std::vector<double>{0, 1, 2, std::nan(""), 4, 5}, {3, 2});
  EXPECT_THROW_MESSAGE(SGDClassifier().fit(Xnan, y3), ValueError, "X contains NaN at row 1, column 1");
  const Tensor ynan = from_vector(std::vector<double>{0, std::nan(""), 1}, {3});
  EXPECT_THROW_MESSAGE(SGDRegressor().fit(X, ynan), ValueError, "y contains NaN at position 1");
  EXPECT_THROW_MESSAGE(SGDClassifier({.loss = "hinges"}).fit(X, y3), ValueError,
                       "unknown loss 'hinges'. Known: 'hinge', 'log_loss', 'modified_huber', 'squared_hinge', 'perceptron'");
  EXPECT_THROW_MESSAGE(SGDRegressor({.loss = "hinge"}).fit(X, y3), ValueError,
                       "SGDRegressor.fit: unknown loss 'hinge'. Known: 'squared_error', 'huber'");
  EXPECT_THROW_MESSAGE(SGDClassifier({.penalty = "l3"}).fit(X, y3), ValueError, "penalty must be 'l2', 'l1', 'elasticnet' or None");
  EXPECT_THROW_MESSAGE(SGDClassifier({.learning_rate = "constant"}).fit(X, y3), ValueError,
                       "eta0 must be > 0 with learning_rate 'constant', got 0");
  EXPECT_THROW_MESSAGE(SGDClassifier({.alpha = 0}).fit(X, y3), ValueError, "alpha must be > 0 since learning_rate is 'optimal'");
  EXPECT_THROW_MESSAGE(SGDClassifier({.learning_rate = "fast"}).fit(X, y3), ValueError, "learning_rate must be");
  EXPECT_THROW_MESSAGE(SGDClassifier().predict(X), NotFittedError, "SGDClassifier");
  EXPECT_THROW_MESSAGE(SGDRegressor().predict(X), NotFittedError, "SGDRegressor");
  const SGDClassifier m = SGDClassifier({.random_state = 0}).fit(X, y3);
  EXPECT_THROW_MESSAGE(m.predict_proba(X), ValueError, "probability estimates are not available for loss='hinge'");
  const Tensor X3 = from_vector(std::vector<double>{0, 1, 2}, {1, 3});
  EXPECT_THROW_MESSAGE(m.predict(X3), ShapeError, "SGDClassifier.predict: X has 3 features, but the estimator was fitted with 2");
  // A step size far too large overflows, as in scikit-learn.
  const Tensor big = from_vector(std::vector<double>{1e200, -1e200, 1e200, 3e200, -2e200, 1e200}, {3, 2});
  const Tensor yr = from_vector(std::vector<double>{1e200, -1e200, 1e200}, {3});
  EXPECT_THROW_MESSAGE(SGDRegressor({.learning_rate = "constant", .eta0 = 10}).fit(big, yr), ValueError,
                       "floating-point under-/overflow occurred at epoch #");
}

}  // namespace
}  // namespace axon::ml
