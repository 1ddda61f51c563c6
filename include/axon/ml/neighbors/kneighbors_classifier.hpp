// KNeighborsClassifier: the majority class of the k nearest training samples
// (sklearn.neighbors.KNeighborsClassifier). Search options and tie rules: nearest_neighbors.hpp.
//
//   auto knn = ml::KNeighborsClassifier({.n_neighbors = 3, .weights = "distance"}).fit(X, y);
//   Tensor pred = knn.predict(X_test);      // labels in y's dtype
//   Tensor proba = knn.predict_proba(X_test);
#pragma once

#include "axon/ml/neighbors/nearest_neighbors.hpp"

namespace axon::ml {

struct KNeighborsClassifierOptions {
  std::int64_t n_neighbors = 5;
  std::string weights = "uniform";  ///< "uniform" or "distance" (1/d; a zero distance takes all the weight)
  std::string algorithm = "auto";   ///< "auto", "brute", "kd_tree"
  std::int64_t leaf_size = 30;
  double p = 2;                     ///< minkowski power (2 euclidean, 1 manhattan)
  std::string metric = "minkowski"; ///< or "euclidean", "manhattan", "cosine"
};

class KNeighborsClassifier : public EstimatorBase<KNeighborsClassifier, KNeighborsClassifierOptions> {
 public:
  using EstimatorBase::EstimatorBase;
  std::string name() const override { return "KNeighborsClassifier"; }
  Kind kind() const override { return Kind::classifier; }
  /// X: dense, sparse or a numeric DataFrame; y: 1-D class labels (int64 or float64).
  KNeighborsClassifier& fit(const Data& X, const Tensor& y = {}) override;
  /// The class with the largest (weighted) vote; ties go to the smallest class, as scikit-learn.
  Tensor predict(const Data& X) const override;
  /// float64 [n, n_classes]: each row's (weighted) votes divided by their sum.
  Tensor predict_proba(const Data& X) const override;
  Tensor classes() const override { return labels_.classes; }
  bool fitted() const override { return index_.built(); }

  KNeighborsResult kneighbors(const Data& X, std::int64_t k = -1) const;
  const std::string& fit_method() const { return index_.fit_method(); }
  std::int64_t n_features_in() const { return index_.n_features(); }

 protected:
  std::vector<ParamBinding> bindings() override {
    return {param("algorithm", options_.algorithm), param("leaf_size", options_.leaf_size),
            param("metric", options_.metric), param("n_neighbors", options_.n_neighbors), param("p", options_.p),
            param("weights", options_.weights)};
  }

 private:
  std::vector<double> votes(const Data& X) const;  // [n, n_classes] row-major

  NeighborsIndex index_;
  LabelCodes labels_;
};

/// Each neighbour's weight: 1 ("uniform") or 1/distance ("distance"; in a row holding a zero
/// distance, 1 for the zero distances and 0 for the others), as sklearn's _get_weights.
std::vector<double> neighbor_weights(const Tensor& distances, const std::string& weights, std::string_view who);

}  // namespace axon::ml
