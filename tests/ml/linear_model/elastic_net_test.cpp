#include "axon/ml/linear_model/elastic_net.hpp"
#include "axon/ml/linear_model/lasso.hpp"

#include "axon/core/error.hpp"
#include "axon/data/datasets.hpp"
#include "golden.hpp"

#include <gtest/gtest.h>

namespace axon::ml {
namespace {

using namespace linear_golden;

TEST(ElasticNet, CoordinateDescentMatchesSklearnOnDiabetes) {
  const auto d = data::load_diabetes();
  for (const auto& g : golden()["elastic_net"]) {
    const double alpha = g["alpha"], l1 = g["l1_ratio"];
    const bool fi = g["fit_intercept"];
    SCOPED_TRACE(::testing::Message() << "alpha " << alpha << " l1_ratio " << l1 << " fit_intercept " << fi);
    ElasticNet e = ElasticNet({.alpha = alpha, .l1_ratio = l1, .fit_intercept = fi}).fit(d.data, d.target);
    EXPECT_LE(max_rel_error(e.coef().to_vector<double>(), flat(g["coef"])), 1e-5);
    EXPECT_TENSOR_NEAR(e.coef(), flat(g["coef"]), 1e-5, 1e-5);
    EXPECT_NEAR(e.intercept(), g["intercept"].get<double>(), 1e-5 * 152);
    EXPECT_EQ(e.n_iter(), g["n_iter"].get<std::int64_t>());
    if (l1 == 1.0) {
      Lasso l = Lasso({.alpha = alpha, .fit_intercept = fi}).fit(d.data, d.target);
      EXPECT_TENSOR_NEAR(l.coef(), e.coef(), 0.0, 0.0);
      EXPECT_EQ(l.n_iter(), e.n_iter());
    }
  }
}

TEST(Lasso, SparsityGrowsWithAlphaAndErrorsNameLasso) {
  const auto d = data::load_diabetes();
  Lasso l = Lasso({.alpha = 0.5}).fit(d.data, d.target);
  int zeros = 0;
  for (double v : l.coef().to_vector<double>()) zeros += v == 0;
  EXPECT_GE(zeros, 5);
  EXPECT_THROW_MESSAGE(l.predict(zeros_like(d.data).rows(0, 2).view_as_shape({4, 5})), ShapeError,
                       "Lasso.predict: X has 5 features, but the estimator was fitted with 10");
  EXPECT_THROW_MESSAGE(Lasso({.alpha = -1.0}).fit(d.data, d.target), ValueError, "Lasso.fit: alpha must be >= 0");
  EXPECT_THROW_MESSAGE(Lasso().coef(), NotFittedError, "This Lasso instance is not fitted yet");
  EXPECT_EQ(to_string(Lasso().get_params().at("selection")), "'cyclic'");
}

TEST(ElasticNet, RandomSelectionAndPositiveConverge) {
  const auto d = data::load_diabetes();
  ElasticNet a = ElasticNet({.alpha = 0.01, .l1_ratio = 0.7, .tol = 1e-8, .selection = "random", .random_state = 3})
                     .fit(d.data, d.target);
  ElasticNet b = ElasticNet({.alpha = 0.01, .l1_ratio = 0.7, .tol = 1e-8}).fit(d.data, d.target);
  EXPECT_TENSOR_NEAR(a.coef(), b.coef(), 1e-3, 1e-4);
  ElasticNet pos = ElasticNet({.alpha = 0.01, .positive = true}).fit(d.data, d.target);
  for (double v : pos.coef().to_vector<double>()) EXPECT_GE(v, 0.0);
}

}  // namespace
}  // namespace axon::ml
