#include "axon/ml/linear_model/ridge.hpp"

#include "axon/core/error.hpp"
#include "axon/data/datasets.hpp"
#include "golden.hpp"

#include <gtest/gtest.h>

namespace axon::ml {
namespace {

using namespace linear_golden;

TEST(Ridge, MatchesSklearnCholeskyOnDiabetes) {
  const auto d = data::load_diabetes();
  for (const auto& g : golden()["ridge"]) {
    const double alpha = g["alpha"];
    const bool fi = g["fit_intercept"];
    SCOPED_TRACE(::testing::Message() << "alpha " << alpha << " fit_intercept " << fi);
    Ridge r = Ridge({.alpha = alpha, .fit_intercept = fi}).fit(d.data, d.target);
    EXPECT_TENSOR_NEAR(r.coef(), flat(g["coef"]), 0.0, 1e-8);
    EXPECT_NEAR(r.intercept(), g["intercept"].get<double>(), 1e-8 * 152);
  }
}

TEST(Ridge, WideDataUsesTheKernelFormAndAgreesWithTheNormalEquations) {
  // 4 samples, 6 features: w = Xᵀ(XXᵀ + αI)⁻¹y equals (XᵀX + αI)⁻¹Xᵀy.
  const Tensor X = tensor({{1.0, 0.0, 2.0, -1.0, 0.5, 3.0},
                           {0.0, 1.0, 1.0, 2.0, -1.0, 0.0},
                           {2.0, -1.0, 0.0, 1.0, 1.0, 1.0},
                           {1.0, 1.0, -2.0, 0.0, 2.0, -1.0}},
                          {.dtype = Dtype::float64});
  const Tensor y = tensor({1.0, -2.0, 0.5, 3.0}, {.dtype = Dtype::float64});
  Ridge r = Ridge({.alpha = 0.7}).fit(X, y);
  // Gradient of ||y − Xw − b||² + α||w||² at the solution is zero.
  const std::vector<double> w = r.coef().to_vector<double>(), xv = X.to_vector<double>(), yv = y.to_vector<double>();
  std::vector<double> res(4);
  for (int i = 0; i < 4; ++i) {
    double s = r.intercept();
    for (int j = 0; j < 6; ++j) s += xv[i * 6 + j] * w[j];
    res[i] = yv[i] - s;
  }
  double sum_res = 0;
  for (double v : res) sum_res += v;
  EXPECT_NEAR(sum_res, 0.0, 1e-12);
  for (int j = 0; j < 6; ++j) {
    double gj = 0.7 * w[j];
    for (int i = 0; i < 4; ++i) gj -= xv[i * 6 + j] * res[i];
    EXPECT_NEAR(gj, 0.0, 1e-12) << j;
  }
}

TEST(Ridge, BadOptionsAndInput) {
  const Tensor X = tensor({{1.0}, {2.0}}, {.dtype = Dtype::float64});
  const Tensor y = tensor({1.0, 2.0}, {.dtype = Dtype::float64});
  EXPECT_THROW_MESSAGE(Ridge({.alpha = -1}).fit(X, y), ValueError, "Ridge.fit: alpha must be >= 0, got -1");
  EXPECT_THROW_MESSAGE(Ridge({.solver = "sag"}).fit(X, y), ValueError, "solver must be 'auto' or 'cholesky', got 'sag'");
  Ridge r;
  r.set_param("alpha", 0.5);
  EXPECT_EQ(r.options().alpha, 0.5);
}

}  // namespace
}  // namespace axon::ml
