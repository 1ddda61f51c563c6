#include "axon/ml/neighbors/kneighbors_regressor.hpp"

#include "axon/data/datasets.hpp"
#include "ml/neighbors/knn_golden.hpp"

#include <gtest/gtest.h>

namespace axon::ml {
namespace {

TEST(KNeighborsRegressor, DiabetesMatchesScikitLearn) {
  const auto& g = knn_golden::json()["diabetes"];
  const data::Bunch d = data::load_diabetes();
  const std::int64_t n = d.data.shape(0);
  auto uniform = KNeighborsRegressor({.algorithm = "brute"}).fit(d.data.rows(0, 300), d.target.rows(0, 300));
  EXPECT_TENSOR_NEAR(uniform.predict(d.data.rows(300, n)), g["uniform"].get<std::vector<double>>(), 1e-10, 1e-12);
  auto distance = KNeighborsRegressor({.n_neighbors = 7, .weights = "distance"}).fit(d.data.rows(0, 300), d.target.rows(0, 300));
  EXPECT_TENSOR_NEAR(distance.predict(d.data.rows(300, n)), g["distance"].get<std::vector<double>>(), 1e-10, 1e-12);
  EXPECT_EQ(distance.fit_method(), "kd_tree");  // auto with 10 features
}

}  // namespace
}  // namespace axon::ml
