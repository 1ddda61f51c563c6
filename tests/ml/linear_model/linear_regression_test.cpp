#include "axon/ml/linear_model/linear_regression.hpp"

#include "axon/core/error.hpp"
#include "axon/data/datasets.hpp"
#include "golden.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace axon::ml {
namespace {

using namespace linear_golden;

TEST(LinearRegression, MatchesSklearnOnDiabetes) {
  const auto d = data::load_diabetes();
  const auto& g = golden()["linear_regression"];
  LinearRegression lr = LinearRegression().fit(d.data, d.target);
  EXPECT_TENSOR_NEAR(lr.coef(), flat(g["fit_intercept"]["coef"]), 0.0, 1e-8);
  EXPECT_NEAR(lr.intercept(), g["fit_intercept"]["intercept"].get<double>(), 1e-8 * 152);
  EXPECT_EQ(lr.rank(), 10);
  LinearRegression no = LinearRegression({.fit_intercept = false}).fit(d.data, d.target);
  EXPECT_TENSOR_NEAR(no.coef(), flat(g["no_intercept"]["coef"]), 0.0, 1e-8);
  EXPECT_EQ(no.intercept(), 0.0);
  // predict = X·coef + intercept; R² as sklearn's score
  const Tensor pred = lr.predict(d.data);
  EXPECT_NEAR(lr.score(d.data, d.target), 0.5177484222203499, 1e-10);
  EXPECT_EQ(pred.shape(), (Shape{442}));
}

TEST(LinearRegression, RankDeficientGivesTheMinimumNormSolutionAsLstsq) {
  const auto d = data::load_diabetes();
  const std::vector<double> x = d.data.to_vector<double>();
  std::vector<double> xd;
  for (int i = 0; i < 442; ++i) {
    const double* r = &x[i * 10];
    for (double v : {r[0], r[1], r[2], 2 * r[0], r[2]}) xd.push_back(v);
  }
  const auto& g = golden()["linear_regression"]["rank_deficient"];
  LinearRegression lr = LinearRegression().fit(from_vector(xd, {442, 5}), d.target);
  EXPECT_EQ(lr.rank(), 3);
  EXPECT_TENSOR_NEAR(lr.coef(), flat(g["coef"]), 1e-8, 1e-8);
  EXPECT_NEAR(lr.intercept(), g["intercept"].get<double>(), 1e-8);
}

TEST(LinearRegression, BadInputIsAClearError) {
  LinearRegression lr;
  const Tensor X = tensor({{1.0, 2.0}, {3.0, 4.0}, {5.0, 7.0}}, {.dtype = Dtype::float64});
  EXPECT_THROW_MESSAGE(lr.predict(X), NotFittedError, "This LinearRegression instance is not fitted yet");
  EXPECT_THROW_MESSAGE(lr.fit(X, tensor({1.0, 2.0}, {.dtype = Dtype::float64})), ShapeError,
                       "LinearRegression.fit: X has 3 samples but y has 2");
  const Tensor bad = tensor({{1.0, 2.0}, {3.0, std::numeric_limits<double>::quiet_NaN()}, {5.0, 7.0}},
                            {.dtype = Dtype::float64});
  EXPECT_THROW_MESSAGE(lr.fit(bad, tensor({1.0, 2.0, 3.0}, {.dtype = Dtype::float64})), ValueError,
                       "LinearRegression.fit: X contains NaN at row 1, column 1");
  lr.fit(X, tensor({1.0, 2.0, 3.0}, {.dtype = Dtype::float64}));
  EXPECT_THROW_MESSAGE(lr.predict(tensor({{1.0, 2.0, 3.0}}, {.dtype = Dtype::float64})), ShapeError,
                       "LinearRegression.predict: X has 3 features, but the estimator was fitted with 2");
}

TEST(LinearRegression, ParamsAndClone) {
  LinearRegression lr({.fit_intercept = false});
  EXPECT_EQ(to_string(lr.get_params().at("fit_intercept")), "False");
  auto c = clone(lr);
  EXPECT_EQ(c->name(), "LinearRegression");
  EXPECT_FALSE(c->fitted());
}

}  // namespace
}  // namespace axon::ml
