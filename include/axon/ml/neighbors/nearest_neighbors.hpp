// NearestNeighbors: the k nearest training samples of each query (sklearn.neighbors.
// NearestNeighbors), and the search engine that KNeighborsClassifier/Regressor share.
//
//   auto nn = ml::NearestNeighbors({.n_neighbors = 3}).fit(X);
//   auto [dist, ind] = nn.kneighbors(Q);    // float64 [n, 3], int64 [n, 3], nearest first
//
// Search: "brute" computes a block of query rows against all training rows at a time, for the
// euclidean metric as ‖q‖² − 2 q·y + ‖y‖² with one BLAS dgemm per block (as scikit-learn), for
// cosine as 1 − q̂·ŷ; sparse X and queries stay sparse (q·y by sparse products). Dense euclidean
// with ≥ 32 features runs the product in float32 (twice BLAS's float64 speed) only to screen: with
// a rigorous bound on its rounding error, every row that can be among the k nearest is kept and
// its distance recomputed in float64, so results equal the float64 computation's (a row whose k-th
// distance is tied is searched again in float64 entirely). "kd_tree" is a
// k-d tree (leaf_size, splits at the median of the widest dimension) for dense X with few
// features. "auto" picks kd_tree for dense X with ≤ 15 features and k < n_samples / 2 (scikit-
// learn's rule), brute otherwise. Ties in distance keep the lower training index, so the set of
// neighbours is the k smallest by (distance, index) whatever the algorithm.
#pragma once

#include "axon/ml/estimator.hpp"

#include <memory>

namespace axon::ml {

struct KNeighborsResult {
  Tensor distances;  ///< float64 [n_queries, k], ascending
  Tensor indices;    ///< int64 [n_queries, k], rows of the training X
};

/// The search parameters shared by the neighbours estimators.
struct NeighborsSearch {
  std::string algorithm = "auto";   ///< "auto", "brute" or "kd_tree"
  std::string metric = "minkowski"; ///< "minkowski" (with p), "euclidean", "manhattan", "cosine"
  double p = 2;                     ///< minkowski power: 2 (euclidean) or 1 (manhattan)
  std::int64_t leaf_size = 30;      ///< kd_tree leaf size
};

class KDTree;

/// The fitted training set and its search structure.
class NeighborsIndex {
 public:
  // Copies share the (immutable) training data and tree, as estimator copies do.

  /// Stores X (dense or sparse; a DataFrame as float64) and builds the index. n_neighbors is the
  /// default k, used by "auto". Errors name `who`.
  void build(const Data& X, const NeighborsSearch& search, std::int64_t n_neighbors, std::string_view who);
  /// The k nearest training rows of each row of Q.
  KNeighborsResult query(const Data& Q, std::int64_t k, std::string_view who) const;

  bool built() const { return n_samples_ > 0; }
  std::int64_t n_samples() const { return n_samples_; }
  std::int64_t n_features() const { return n_features_; }
  /// "brute" or "kd_tree": what "auto" chose.
  const std::string& fit_method() const { return fit_method_; }
  /// "euclidean", "manhattan" or "cosine" (minkowski resolved by p).
  const std::string& effective_metric() const { return metric_; }

 private:
  void brute_block(const Data& Q, std::int64_t begin, std::int64_t end, std::int64_t k, double* dist,
                   std::int64_t* ind, std::vector<double>& work) const;
  void screened_block(const Tensor& Q, std::int64_t begin, std::int64_t end, std::int64_t k, double* dist,
                      std::int64_t* ind, std::vector<float>& work32, std::vector<double>& work) const;

  std::int64_t n_samples_ = 0, n_features_ = 0;
  std::string fit_method_, metric_;
  bool sparse_ = false;
  Tensor X_;                 // dense float64 [n, p] (normalised rows for cosine)
  SparseMatrix Xs_, XsT_;    // sparse X (normalised rows for cosine) and its transpose
  std::vector<double> sq_norms_;  // ‖y‖² per training row (euclidean)
  // Dense euclidean brute force screens with a float32 GEMM, then recomputes the candidates exactly.
  std::vector<float> X32_;
  double max_norm_ = 0;  // max ‖y‖
  std::shared_ptr<const KDTree> tree_;  // points into X_'s storage, which copies share
};

struct NearestNeighborsOptions {
  std::int64_t n_neighbors = 5;
  std::string algorithm = "auto";
  std::int64_t leaf_size = 30;
  std::string metric = "minkowski";
  double p = 2;
};

class NearestNeighbors : public EstimatorBase<NearestNeighbors, NearestNeighborsOptions> {
 public:
  using EstimatorBase::EstimatorBase;
  std::string name() const override { return "NearestNeighbors"; }
  Kind kind() const override { return Kind::other; }
  NearestNeighbors& fit(const Data& X, const Tensor& y = {}) override;
  bool fitted() const override { return index_.built(); }

  /// The n_neighbors (or k) nearest training rows of each query row, nearest first.
  KNeighborsResult kneighbors(const Data& X, std::int64_t k = -1) const;
  const std::string& fit_method() const { return index_.fit_method(); }
  std::int64_t n_samples_fit() const { return index_.n_samples(); }

 protected:
  std::vector<ParamBinding> bindings() override {
    return {param("algorithm", options_.algorithm), param("leaf_size", options_.leaf_size),
            param("metric", options_.metric), param("n_neighbors", options_.n_neighbors), param("p", options_.p)};
  }

 private:
  NeighborsIndex index_;
};

}  // namespace axon::ml
