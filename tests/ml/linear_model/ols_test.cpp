#include "axon/ml/linear_model/ols.hpp"

#include "axon/core/error.hpp"
#include "axon/data/datasets.hpp"
#include "axon/ml/linear_model/linear_regression.hpp"
#include "golden.hpp"

#include <gtest/gtest.h>

namespace axon::ml {
namespace {

using namespace linear_golden;

TEST(StudentT, QuantilesMatchScipyAndClosedForms) {
  // scipy 1.10's t.ppf (cephes stdtrit) is itself accurate to about 1e-9 relative: axon's inverse is
  // checked against it at 1e-8, and at 1e-12 against the closed forms for df = 1 and 2 and its own CDF.
  for (const auto& row : golden()["ols"]["t_ppf"]) {
    const double df = row[0], q = row[1], expected = row[2];
    const double t = student_t_ppf(q, df);
    EXPECT_NEAR(t, expected, 1e-8 * std::max(1.0, std::abs(expected))) << "df " << df << " q " << q;
    EXPECT_NEAR(student_t_cdf(t, df), q, 1e-13) << "df " << df << " q " << q;
  }
  for (const double q : {0.6, 0.9, 0.975, 0.9995, 0.01}) {
    EXPECT_NEAR(student_t_ppf(q, 1), std::tan(M_PI * (q - 0.5)), 1e-12 * std::abs(std::tan(M_PI * (q - 0.5))));
    const double t2 = (2 * q - 1) / std::sqrt(2 * q * (1 - q));
    EXPECT_NEAR(student_t_ppf(q, 2), t2, 1e-12 * std::abs(t2));
  }
  EXPECT_NEAR(regularized_incomplete_beta(2.0, 3.0, 0.4), 0.5248, 1e-12);  // 1 − Σ binomial terms
  EXPECT_THROW_MESSAGE(student_t_ppf(1.5, 3), ValueError, "q must be in [0, 1], got 1.5");
}

void expect_ols(const OLS& m, const nlohmann::json& g, const Tensor& X_new) {
  EXPECT_TENSOR_NEAR(m.params(), flat(g["params"]), 1e-9, 1e-9);
  EXPECT_TENSOR_NEAR(m.bse(), flat(g["bse"]), 1e-9, 1e-9);
  EXPECT_TENSOR_NEAR(m.tvalues(), flat(g["tvalues"]), 1e-9, 1e-9);
  EXPECT_TENSOR_NEAR(m.pvalues(), flat(g["pvalues"]), 1e-12, 1e-7);
  EXPECT_TENSOR_NEAR(m.conf_int(g["alpha"]), flat(g["conf_int"]), 1e-9, 1e-9);
  EXPECT_NEAR(m.sigma2(), g["sigma2"].get<double>(), 1e-9 * g["sigma2"].get<double>());
  EXPECT_EQ(m.df_resid(), g["df_resid"].get<double>());
  EXPECT_NEAR(m.rsquared(), g["rsquared"].get<double>(), 1e-12);
  const OLSPrediction pr = m.get_prediction(X_new, g["alpha"]);
  EXPECT_TENSOR_NEAR(pr.mean, flat(g["mean"]), 1e-9, 1e-9);
  std::vector<double> mean_ci, obs_pi;
  for (std::int64_t i = 0; i < pr.mean.numel(); ++i) {
    mean_ci.push_back(pr.mean_ci_lower.to_vector<double>()[i]);
    mean_ci.push_back(pr.mean_ci_upper.to_vector<double>()[i]);
    obs_pi.push_back(pr.obs_ci_lower.to_vector<double>()[i]);
    obs_pi.push_back(pr.obs_ci_upper.to_vector<double>()[i]);
  }
  EXPECT_TENSOR_NEAR(from_vector(mean_ci), flat(g["mean_ci"]), 1e-9, 1e-9);
  EXPECT_TENSOR_NEAR(from_vector(obs_pi), flat(g["obs_pi"]), 1e-9, 1e-9);
  // The prediction interval of a new observation is wider than the band of the mean.
  for (std::size_t i = 0; i < mean_ci.size(); i += 2) EXPECT_GT(obs_pi[i + 1] - obs_pi[i], mean_ci[i + 1] - mean_ci[i]);
}

TEST(OLS, StatisticsMatchStatsmodelsFormulasOnDiabetes) {
  const auto d = data::load_diabetes();
  const auto& g = golden()["ols"];
  {
    SCOPED_TRACE("all features, alpha 0.05");
    OLS m = OLS().fit(d.data, d.target);
    expect_ols(m, g["diabetes"], d.data.rows(0, 4));
    // The coefficients are LinearRegression's.
    EXPECT_TENSOR_NEAR(m.coef(), LinearRegression().fit(d.data, d.target).coef(), 1e-9, 1e-10);
  }
  {
    SCOPED_TRACE("bmi only, alpha 0.1");
    const std::vector<double> x = d.data.to_vector<double>();
    std::vector<double> bmi;
    for (int i = 0; i < 442; ++i) bmi.push_back(x[i * 10 + 2]);
    OLS m = OLS().fit(from_vector(bmi, {442, 1}), d.target);
    expect_ols(m, g["bmi_only"], from_vector(flat(g["bmi_only"]["X_new"]), {3, 1}));
  }
}

TEST(OLS, Errors) {
  const Tensor X = tensor({{1.0, 2.0}, {2.0, 4.0}, {3.0, 6.0}, {4.0, 8.1}}, {.dtype = Dtype::float64});
  EXPECT_THROW_MESSAGE(OLS().fit(X.rows(0, 3), tensor({1.0, 2.0, 3.0}, {.dtype = Dtype::float64})), ValueError,
                       "3 samples leave no degrees of freedom for 3 parameters");
  const Tensor dup = tensor({{1.0, 2.0}, {2.0, 4.0}, {3.0, 6.0}, {4.0, 8.0}, {5.0, 10.0}}, {.dtype = Dtype::float64});
  EXPECT_THROW_MESSAGE(OLS().fit(dup, tensor({1.0, 2.0, 3.0, 5.0, 4.0}, {.dtype = Dtype::float64})), ValueError,
                       "rank 2 < 3 parameters");
  EXPECT_THROW_MESSAGE(OLS().bse(), NotFittedError, "This OLS instance is not fitted yet");
}

}  // namespace
}  // namespace axon::ml
