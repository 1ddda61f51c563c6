#include "axon/ml/preprocessing/standard_scaler.hpp"

#include "axon/core/error.hpp"
#include "axon/data/datasets.hpp"
#include "ml/preprocessing/prep_golden.hpp"

#include <gtest/gtest.h>

namespace axon::ml {
namespace {

namespace pg = prep_golden;

TEST(StandardScaler, MatchesScikitLearnOnBreastCancer) {
  const auto& g = pg::json()["standard"];
  const Tensor X = data::load_breast_cancer().data;
  auto s = StandardScaler().fit(X);
  pg::expect_values(s.mean().to_vector<double>(), g["mean"]);
  pg::expect_values(s.var().to_vector<double>(), g["var"]);
  pg::expect_values(s.scale().to_vector<double>(), g["scale"]);
  pg::expect_summary(s.transform(X), g["X"]);
  // inverse_transform gives X back.
  EXPECT_TENSOR_NEAR(s.inverse_transform(s.transform(X)), X, 1e-9, 1e-12);
}

TEST(StandardScaler, SparseWithoutCenteringAndConstantFeatures) {
  const auto& g = pg::json()["standard_sparse"];
  const Tensor digits = data::load_digits().data.rows(0, 300);
  const SparseMatrix S = SparseMatrix::from_dense(digits);
  auto s = StandardScaler({.with_mean = false}).fit(S);
  pg::expect_values(s.var().to_vector<double>(), g["var"]);
  pg::expect_values(s.scale().to_vector<double>(), g["scale"]);  // all-zero pixels: scale 1
  const Data out = s.transform(S);
  ASSERT_TRUE(out.is_sparse());
  EXPECT_EQ(out.sparse().nnz(), S.nnz());
  pg::expect_summary(out, g["X"]);
  EXPECT_THROW_MESSAGE(StandardScaler().fit(S), ValueError, "with_mean=False");
}

TEST(StandardScaler, WithoutStdAndWithNaNs) {
  const Tensor digits = data::load_digits().data.rows(0, 300);
  const auto& g = pg::json()["standard_no_std"];
  auto s = StandardScaler({.with_std = false}).fit(digits);
  pg::expect_values(s.mean().to_vector<double>(), g["mean"]);
  pg::expect_summary(s.transform(digits), g["X"]);

  // NaNs are skipped in fit and stay NaN.
  const auto& gn = pg::json()["standard_nan"];
  const Tensor cancer = data::load_breast_cancer().data;
  Tensor Xn = pg::with_nans(cancer);
  for (std::int64_t i = 0; i < cancer.shape(0); ++i) Xn.data<double>()[i * 30 + 5] = cancer.data<double>()[i * 30 + 5];
  auto sn = StandardScaler().fit(Xn);
  pg::expect_values(sn.mean().to_vector<double>(), gn["mean"]);
  pg::expect_values(sn.var().to_vector<double>(), gn["var"]);
  pg::expect_summary(sn.transform(Xn), gn["X"]);
}

TEST(StandardScaler, ErrorsAndParams) {
  StandardScaler s;
  EXPECT_THROW_MESSAGE(s.transform(zeros({2, 2})), NotFittedError, "StandardScaler");
  s.fit(tensor({{1.0, 2.0}, {3.0, 4.0}}, {.dtype = Dtype::float64}));
  EXPECT_THROW_MESSAGE(s.transform(zeros({2, 3})), ShapeError, "X has 3 features, but the estimator was fitted with 2");
  s.set_param("with_mean", false);
  EXPECT_FALSE(s.options().with_mean);
  EXPECT_EQ(to_string(s.get_params().at("with_std")), "True");
}

}  // namespace
}  // namespace axon::ml
