#include "axon/ml/preprocessing/min_max_scaler.hpp"

#include "axon/core/error.hpp"
#include "axon/data/datasets.hpp"
#include "ml/preprocessing/prep_golden.hpp"

#include <gtest/gtest.h>

namespace axon::ml {
namespace {

namespace pg = prep_golden;

TEST(MinMaxScaler, MatchesScikitLearn) {
  const auto& g = pg::json()["minmax"];
  const Tensor X = data::load_breast_cancer().data;
  auto m = MinMaxScaler({.feature_range = {-1.0, 2.0}}).fit(X);
  pg::expect_values(m.data_min().to_vector<double>(), g["data_min"]);
  pg::expect_values(m.data_max().to_vector<double>(), g["data_max"]);
  pg::expect_values(m.scale().to_vector<double>(), g["scale"]);
  pg::expect_values(m.min().to_vector<double>(), g["min"]);
  pg::expect_summary(m.transform(X), g["X"]);
  EXPECT_TENSOR_NEAR(m.inverse_transform(m.transform(X)), X, 1e-9, 1e-12);

  const auto& gd = pg::json()["minmax_digits"];
  const Tensor digits = data::load_digits().data.rows(0, 300);
  auto md = MinMaxScaler().fit(digits);
  pg::expect_values(md.scale().to_vector<double>(), gd["scale"]);  // constant columns: range counts as 1
  pg::expect_summary(md.transform(digits), gd["X"]);
}

TEST(MinMaxScaler, ClipAndErrors) {
  auto m = MinMaxScaler({.clip = true}).fit(tensor({{0.0}, {10.0}}, {.dtype = Dtype::float64}));
  EXPECT_TENSOR_NEAR(m.transform(tensor({{-5.0}, {5.0}, {20.0}}, {.dtype = Dtype::float64})).tensor(), {0.0, 0.5, 1.0}, 0.0);
  EXPECT_THROW_MESSAGE(MinMaxScaler({.feature_range = {1.0, 0.0}}).fit(zeros({2, 1})), ValueError, "min < max");
  EXPECT_EQ(to_string(MinMaxScaler().get_params().at("feature_range")), "(0, 1)");
}

}  // namespace
}  // namespace axon::ml
