#include "axon/ml/linear_model/logistic_regression.hpp"

#include "axon/autograd.hpp"
#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/core/sparse.hpp"
#include "axon/data/datasets.hpp"
#include "golden.hpp"

#include <gtest/gtest.h>

namespace axon::ml {
namespace {

using namespace linear_golden;

const Tensor& breast_cancer_std() {
  static const Tensor x = standardize(data::load_breast_cancer().data);
  return x;
}

// Coefficients within 1e-3 relative (to the largest |coef|), identical predictions, probabilities
// of the first rows within 1e-4 and the same number of L-BFGS iterations as scikit-learn.
void expect_matches(const LogisticRegression& m, const nlohmann::json& g, const Tensor& X) {
  EXPECT_LE(max_rel_error(m.coef().to_vector<double>(), flat(g["coef"])), 1e-3);
  EXPECT_TENSOR_NEAR(m.intercept(), flat(g["intercept"]), 1e-3, 1e-3);
  EXPECT_EQ(label_string(m.predict(X)), g["predict"].get<std::string>());
  EXPECT_TENSOR_NEAR(m.predict_proba(X).rows(0, static_cast<std::int64_t>(g["proba_head"].size())), flat(g["proba_head"]),
                     1e-4, 0.0);
  EXPECT_EQ(m.n_iter(), g["n_iter"].get<std::int64_t>());
}

TEST(LogisticRegression, BinaryLbfgsMatchesSklearnOnBreastCancer) {
  const auto y = data::load_breast_cancer().target;
  const auto& g = golden()["logistic_regression"];
  const Tensor& X = breast_cancer_std();
  LogisticRegression m = LogisticRegression().fit(X, y);
  SCOPED_TRACE("l2");
  expect_matches(m, g["l2"], X);
  EXPECT_EQ(m.coef().shape(), (Shape{1, 30}));
  EXPECT_TENSOR_NEAR(m.decision_function(X).rows(0, 5), flat(g["l2"]["decision_head"]), 1e-3, 1e-4);
  EXPECT_EQ(m.classes().to_vector<std::int64_t>(), (std::vector<std::int64_t>{0, 1}));
  // predict_log_proba is the log of predict_proba, computed stably
  const auto lp = m.predict_log_proba(X).to_vector<double>(), pp = m.predict_proba(X).to_vector<double>();
  for (std::size_t i = 0; i < 20; ++i) EXPECT_NEAR(lp[i], std::log(pp[i]), 1e-12);
}

TEST(LogisticRegression, SmallCBalancedAndUnpenalizedMatchSklearn) {
  const auto y = data::load_breast_cancer().target;
  const auto& g = golden()["logistic_regression"];
  const Tensor& X = breast_cancer_std();
  {
    SCOPED_TRACE("C = 0.1");
    expect_matches(LogisticRegression({.C = 0.1}).fit(X, y), g["l2_C0.1"], X);
  }
  {
    SCOPED_TRACE("balanced");
    expect_matches(LogisticRegression({.class_weight = "balanced"}).fit(X, y), g["balanced"], X);
  }
  {
    // Unpenalized on separable-ish data stops at max_iter, as sklearn (a ConvergenceWarning there):
    // the iterates follow L-BFGS-B's, so the predictions still agree.
    SCOPED_TRACE("none");
    LogisticRegression m = LogisticRegression({.penalty = "none"}).fit(X, y);
    EXPECT_EQ(m.n_iter(), g["none"]["n_iter"].get<std::int64_t>());
    EXPECT_EQ(label_string(m.predict(X)), g["none"]["predict"].get<std::string>());
  }
}

TEST(LogisticRegression, MultinomialMatchesSklearnOnDigits) {
  const auto d = data::load_digits();
  const Tensor X = standardize(d.data);
  const auto& g = golden()["logistic_regression"]["digits"];
  LogisticRegression m = LogisticRegression().fit(X, d.target);
  EXPECT_EQ(m.coef().shape(), (Shape{10, 64}));
  EXPECT_EQ(m.intercept().shape(), (Shape{10}));
  expect_matches(m, g, X);
  EXPECT_EQ(m.decision_function(X).shape(), (Shape{1797, 10}));
}

// A SparseMatrix X (TF-IDF features) is fitted without densifying: the same solution as the dense
// fit of the same numbers, binary and multinomial (digits' pixels are mostly zeros).
TEST(LogisticRegression, SparseInputFitsLikeDense) {
  const auto d = data::load_digits();
  std::vector<std::int64_t> rows(300);
  for (std::int64_t i = 0; i < 300; ++i) rows[static_cast<std::size_t>(i)] = i;
  const Tensor X = Data(d.data).take(rows).tensor() / 16.0;
  const Tensor y10 = Data(d.target).take(rows).tensor();
  std::vector<std::int64_t> odd;
  for (std::int64_t v : y10.to_vector<std::int64_t>()) odd.push_back(v % 2);
  const Tensor y2 = from_vector(odd, {300});
  const SparseMatrix S = SparseMatrix::from_dense(X);
  for (const Tensor& y : {y2, y10}) {
    auto dense = LogisticRegression().fit(X, y);
    auto sparse = LogisticRegression().fit(S, y);
    EXPECT_EQ(sparse.n_iter(), dense.n_iter());
    EXPECT_TENSOR_NEAR(sparse.coef(), dense.coef(), 1e-8, 1e-8);
    EXPECT_TENSOR_NEAR(sparse.intercept(), dense.intercept(), 1e-8, 1e-8);
    EXPECT_TENSOR_NEAR(sparse.predict_proba(S), dense.predict_proba(X), 1e-10);
  }
}

TEST(LogisticRegression, L1GivesSklearnsSparsityPattern) {
  const auto y = data::load_breast_cancer().target;
  const auto& g = golden()["logistic_regression"]["l1"];
  const Tensor& X = breast_cancer_std();
  for (const double C : {0.1, 1.0}) {
    SCOPED_TRACE(::testing::Message() << "C " << C);
    LogisticRegression m = LogisticRegression({.penalty = "l1", .C = C, .solver = "saga"}).fit(X, y);
    std::string nz;
    for (double v : m.coef().to_vector<double>()) nz += v != 0 ? '1' : '0';
    const auto& gc = g[C == 0.1 ? "0.1" : "1.0"];
    EXPECT_EQ(nz, gc["liblinear_nonzero"].get<std::string>());
    if (gc.contains("saga_coef")) {
      EXPECT_EQ(nz, gc["saga_nonzero"].get<std::string>());
      EXPECT_LE(max_rel_error(m.coef().to_vector<double>(), flat(gc["saga_coef"])), 1e-4);
      EXPECT_TENSOR_NEAR(m.intercept(), flat(gc["saga_intercept"]), 1e-4, 1e-4);
    }
  }
}

TEST(LogisticRegression, SagaL2AgreesWithLbfgs) {
  const auto y = data::load_breast_cancer().target;
  const Tensor& X = breast_cancer_std();
  // lbfgs stops on scipy's relative-reduction rule (about 1e-4 from the optimum, as sklearn);
  // the proximal Newton solver converges to the optimum itself.
  LogisticRegression a = LogisticRegression().fit(X, y);
  LogisticRegression b = LogisticRegression({.solver = "saga", .tol = 1e-6}).fit(X, y);
  EXPECT_LE(max_rel_error(b.coef().to_vector<double>(), a.coef().to_vector<double>()), 2e-4);
  // Multinomial L1 on iris: sparse, and the same labels as the L2 fit on most samples.
  const auto iris = data::load_iris();
  LogisticRegression l1 = LogisticRegression({.penalty = "l1", .C = 0.5, .solver = "saga"}).fit(iris.data, iris.target);
  EXPECT_EQ(l1.coef().shape(), (Shape{3, 4}));
  int zeros = 0;
  for (double v : l1.coef().to_vector<double>()) zeros += v == 0;
  EXPECT_GE(zeros, 1);
  EXPECT_GE(l1.score(iris.data, iris.target), 0.9);
}

TEST(LogisticRegression, BadInputIsAClearError) {
  const Tensor X = tensor({{1.0, 2.0}, {3.0, 4.0}, {5.0, 7.0}}, {.dtype = Dtype::float64});
  LogisticRegression m;
  EXPECT_THROW_MESSAGE(m.fit(X, from_vector(std::vector<std::int64_t>{0, 0, 0})), ValueError,
                       "LogisticRegression.fit: y has 1 class (0); a classifier needs at least 2");
  EXPECT_THROW_MESSAGE(m.fit(X, from_vector(std::vector<std::int64_t>{0, 1})), ShapeError,
                       "LogisticRegression.fit: X has 3 samples but y has 2");
  EXPECT_THROW_MESSAGE(LogisticRegression({.penalty = "l1"}).fit(X, from_vector(std::vector<std::int64_t>{0, 1, 1})),
                       ValueError, "Solver lbfgs supports only 'l2' or 'none' penalties, got l1 penalty");
  EXPECT_THROW_MESSAGE(m.predict(X), NotFittedError, "This LogisticRegression instance is not fitted yet");
  m.fit(X, from_vector(std::vector<std::int64_t>{0, 1, 1}));
  EXPECT_THROW_MESSAGE(m.predict(tensor({{1.0}}, {.dtype = Dtype::float64})), ShapeError,
                       "LogisticRegression.predict: X has 1 features, but the estimator was fitted with 2");
  EXPECT_EQ(to_string(m.get_params().at("class_weight")), "None");
  m.set_param("C", 10.0);
  EXPECT_EQ(m.options().C, 10.0);
}

}  // namespace
}  // namespace axon::ml
