#include "axon/ml/neighbors/kneighbors_regressor.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/ml/neighbors/kneighbors_classifier.hpp"

namespace axon::ml {

KNeighborsRegressor& KNeighborsRegressor::fit(const Data& X, const Tensor& y) {
  check_y(X, y, "KNeighborsRegressor.fit");
  check(options_.weights == "uniform" || options_.weights == "distance",
        "KNeighborsRegressor.fit: weights must be 'uniform' or 'distance', got '{}'", options_.weights);
  y_ = y.to_vector<double>();
  index_.build(X, {.algorithm = options_.algorithm, .metric = options_.metric, .p = options_.p, .leaf_size = options_.leaf_size},
               options_.n_neighbors, "KNeighborsRegressor.fit");
  return *this;
}

KNeighborsResult KNeighborsRegressor::kneighbors(const Data& X, std::int64_t k) const {
  check_fitted("kneighbors");
  return index_.query(X, k < 0 ? options_.n_neighbors : k, "KNeighborsRegressor.kneighbors");
}

Tensor KNeighborsRegressor::predict(const Data& X) const {
  check_fitted("predict");
  const KNeighborsResult r = index_.query(X, options_.n_neighbors, "KNeighborsRegressor.predict");
  const std::int64_t n = r.indices.shape(0), k = r.indices.shape(1);
  const std::vector<double> w = neighbor_weights(r.distances, options_.weights, "KNeighborsRegressor.predict");
  const std::int64_t* ind = r.indices.data<std::int64_t>();
  std::vector<double> out(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) {
    double num = 0, den = 0;
    for (std::int64_t j = 0; j < k; ++j) {
      num += y_[ind[i * k + j]] * w[i * k + j];
      den += w[i * k + j];
    }
    out[i] = options_.weights == "uniform" ? num / static_cast<double>(k) : num / den;
  }
  return from_vector(out, {n});
}

}  // namespace axon::ml
