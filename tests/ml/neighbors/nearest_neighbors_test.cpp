#include "axon/ml/neighbors/nearest_neighbors.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/data/datasets.hpp"
#include "ml/neighbors/knn_golden.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace axon::ml {
namespace {

TEST(NearestNeighbors, DigitsDistancesMatchScikitLearn) {
  const auto& g = knn_golden::json()["digits_kneighbors"];
  const data::Bunch d = data::load_digits();
  auto nn = NearestNeighbors({.algorithm = "brute"}).fit(d.data.rows(0, 1000));
  const KNeighborsResult r = nn.kneighbors(d.data.rows(1000, 1020));
  std::vector<double> want;
  for (const auto& row : g["distances"])
    for (double v : row) want.push_back(v);
  EXPECT_TENSOR_NEAR(r.distances, want, 1e-12, 1e-13);
  // The neighbour sets agree (order within exactly tied distances may differ: sklearn's final sort
  // is not stable).
  const auto ind = r.indices.to_vector<std::int64_t>();
  for (std::size_t i = 0; i < 20; ++i) {
    std::vector<std::int64_t> a(ind.begin() + i * 5, ind.begin() + i * 5 + 5);
    auto b = g["indices"][i].get<std::vector<std::int64_t>>();
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    EXPECT_EQ(a, b) << "query " << i;
  }
}

TEST(NearestNeighbors, TiesKeepTheLowerIndexAndResultsAreSorted) {
  const Tensor X = tensor({{1.0}, {-1.0}, {1.0}, {3.0}, {-1.0}}, {.dtype = Dtype::float64});
  for (const std::string algorithm : {"brute", "kd_tree"}) {
    auto nn = NearestNeighbors({.n_neighbors = 3, .algorithm = algorithm, .leaf_size = 1}).fit(X);
    const KNeighborsResult r = nn.kneighbors(tensor({{0.0}}, {.dtype = Dtype::float64}));
    EXPECT_EQ(r.indices.to_vector<std::int64_t>(), (std::vector<std::int64_t>{0, 1, 2})) << algorithm;
    EXPECT_TENSOR_NEAR(r.distances, {1.0, 1.0, 1.0}, 0.0);
  }
  EXPECT_THROW_MESSAGE(NearestNeighbors({.algorithm = "ball_tree"}).fit(X), ValueError, "algorithm must be");
  EXPECT_THROW_MESSAGE(NearestNeighbors({.algorithm = "kd_tree", .metric = "cosine"}).fit(X), ValueError, "not valid");
}

}  // namespace
}  // namespace axon::ml
