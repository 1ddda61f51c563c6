#include "axon/ml/neighbors/kneighbors_classifier.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"

#include <cmath>

namespace axon::ml {

std::vector<double> neighbor_weights(const Tensor& distances, const std::string& weights, std::string_view who) {
  check(weights == "uniform" || weights == "distance", "{}: weights must be 'uniform' or 'distance', got '{}'", who, weights);
  const std::int64_t n = distances.shape(0), k = distances.shape(1);
  std::vector<double> w(static_cast<std::size_t>(n * k), 1.0);
  if (weights == "uniform") return w;
  const double* d = distances.data<double>();
  for (std::int64_t i = 0; i < n; ++i) {
    bool zero = false;
    for (std::int64_t c = 0; c < k; ++c) zero = zero || d[i * k + c] == 0.0;
    for (std::int64_t c = 0; c < k; ++c)
      w[i * k + c] = zero ? (d[i * k + c] == 0.0 ? 1.0 : 0.0) : 1.0 / d[i * k + c];
  }
  return w;
}

KNeighborsClassifier& KNeighborsClassifier::fit(const Data& X, const Tensor& y) {
  check_y(X, y, "KNeighborsClassifier.fit");
  check(options_.weights == "uniform" || options_.weights == "distance",
        "KNeighborsClassifier.fit: weights must be 'uniform' or 'distance', got '{}'", options_.weights);
  labels_ = encode_labels(y, "KNeighborsClassifier.fit");
  index_.build(X, {.algorithm = options_.algorithm, .metric = options_.metric, .p = options_.p, .leaf_size = options_.leaf_size},
               options_.n_neighbors, "KNeighborsClassifier.fit");
  return *this;
}

KNeighborsResult KNeighborsClassifier::kneighbors(const Data& X, std::int64_t k) const {
  check_fitted("kneighbors");
  return index_.query(X, k < 0 ? options_.n_neighbors : k, "KNeighborsClassifier.kneighbors");
}

std::vector<double> KNeighborsClassifier::votes(const Data& X) const {
  const KNeighborsResult r = index_.query(X, options_.n_neighbors, "KNeighborsClassifier.predict");
  const std::int64_t n = r.indices.shape(0), k = r.indices.shape(1), c = labels_.n_classes();
  const std::vector<double> w = neighbor_weights(r.distances, options_.weights, "KNeighborsClassifier.predict");
  const std::int64_t* ind = r.indices.data<std::int64_t>();
  std::vector<double> v(static_cast<std::size_t>(n * c), 0.0);
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t j = 0; j < k; ++j) v[i * c + labels_.codes[ind[i * k + j]]] += w[i * k + j];
  return v;
}

Tensor KNeighborsClassifier::predict(const Data& X) const {
  check_fitted("predict");
  const std::vector<double> v = votes(X);
  const std::int64_t c = labels_.n_classes(), n = static_cast<std::int64_t>(v.size()) / c;
  std::vector<std::int64_t> best(static_cast<std::size_t>(n), 0);
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t j = 1; j < c; ++j)
      if (v[i * c + j] > v[i * c + best[i]]) best[i] = j;  // strict: ties keep the smallest class
  return decode_labels(labels_.classes, best);
}

Tensor KNeighborsClassifier::predict_proba(const Data& X) const {
  check_fitted("predict_proba");
  std::vector<double> v = votes(X);
  const std::int64_t c = labels_.n_classes(), n = static_cast<std::int64_t>(v.size()) / c;
  for (std::int64_t i = 0; i < n; ++i) {
    double s = 0;
    for (std::int64_t j = 0; j < c; ++j) s += v[i * c + j];
    if (s == 0) s = 1;
    for (std::int64_t j = 0; j < c; ++j) v[i * c + j] /= s;
  }
  return from_vector(v, {n, c});
}

}  // namespace axon::ml
