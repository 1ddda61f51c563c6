#include "axon/ml/resample.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/data/datasets.hpp"
#include "axon/ml/linear_model/linear_regression.hpp"
#include "axon/ml/linear_model/ols.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace axon::ml {
namespace {

TEST(Resample, SameSeedSameRowsAndWithoutReplacementIsAPermutation) {
  const auto a = resample_indices(100, {.random_state = 7});
  EXPECT_EQ(a, resample_indices(100, {.random_state = 7}));
  EXPECT_NE(a, resample_indices(100, {.random_state = 8}));
  EXPECT_EQ(a.size(), 100u);
  EXPECT_LT(std::set<std::int64_t>(a.begin(), a.end()).size(), 100u);  // with replacement: repeats
  const auto p = resample_indices(50, {.replace = false, .n_samples = 50, .random_state = 1});
  EXPECT_EQ(std::set<std::int64_t>(p.begin(), p.end()).size(), 50u);
  EXPECT_THROW_MESSAGE(resample_indices(10, {.replace = false, .n_samples = 11}), ValueError,
                       "cannot take n_samples=11 rows out of 10 without replacement");
}

TEST(Resample, StratifyKeepsClassShares) {
  // 30 of class 0, 70 of class 1 → 20 rows: 6 and 14.
  std::vector<std::int64_t> labels(100, 1);
  for (int i = 0; i < 30; ++i) labels[i] = 0;
  const Tensor y = from_vector(labels);
  const Tensor X = arange(0.0, 100.0, 1.0, {.dtype = Dtype::float64}).view_as_shape({100, 1});
  auto [Xs, ys] = resample(X, y, {.replace = false, .n_samples = 20, .random_state = 3, .stratify = y});
  std::map<std::int64_t, int> count;
  for (auto v : ys.to_vector<std::int64_t>()) ++count[v];
  EXPECT_EQ(count[0], 6);
  EXPECT_EQ(count[1], 14);
  // X and y rows stay paired: row r of X is sample r, whose label is labels[r].
  const auto xv = Xs.tensor().to_vector<double>();
  const auto yv = ys.to_vector<std::int64_t>();
  for (std::size_t i = 0; i < xv.size(); ++i) EXPECT_EQ(labels[static_cast<std::size_t>(xv[i])], yv[i]);
}

TEST(Bootstrap, SlopeIntervalAgreesWithTheOLSStandardError) {
  const auto d = data::load_diabetes();
  const std::vector<double> x = d.data.to_vector<double>();
  std::vector<double> bmi;
  for (int i = 0; i < 442; ++i) bmi.push_back(x[i * 10 + 2]);
  const Tensor X = from_vector(bmi, {442, 1});
  auto slope = [](const Tensor& Xb, const Tensor& yb) {
    return LinearRegression().fit(Xb, yb).coef().to_vector<double>()[0];
  };
  const BootstrapResult b = bootstrap(slope, X, d.target, 400, 42);
  EXPECT_EQ(b.distribution.size(), 400u);
  const OLS ols = OLS().fit(X, d.target);
  const double se = ols.bse().to_vector<double>()[1];
  EXPECT_NEAR(b.estimate, ols.params().to_vector<double>()[1], 1e-8);
  // The bootstrap standard error and the percentile interval are close to the t-based ones
  // (homoscedastic residuals here): within 20%.
  EXPECT_NEAR(b.standard_error / se, 1.0, 0.2);
  const auto ci = ols.conf_int(0.05).to_vector<double>();
  EXPECT_NEAR((b.high - b.low) / (ci[3] - ci[2]), 1.0, 0.2);
  EXPECT_LT(b.low, b.estimate);
  EXPECT_GT(b.high, b.estimate);
  // Same seed, same distribution.
  EXPECT_EQ(bootstrap(slope, X, d.target, 20, 5).distribution, bootstrap(slope, X, d.target, 20, 5).distribution);
}

}  // namespace
}  // namespace axon::ml
