// A k-d tree over dense float64 rows for exact k-nearest-neighbour queries (euclidean or
// manhattan), as sklearn.neighbors.KDTree: nodes split at the median of their widest dimension
// until at most leaf_size points remain; queries visit the nearer child first and prune nodes whose
// bounding box is farther than the current k-th neighbour.
#pragma once

#include "axon/core/tensor.hpp"

#include <cstdint>
#include <vector>

namespace axon::ml {

class KDTree {
 public:
  /// X: contiguous float64 [n, p] (kept by reference: it must outlive the tree). manhattan: the L1
  /// metric, else euclidean.
  KDTree(const Tensor& X, std::int64_t leaf_size, bool manhattan);

  /// The k nearest rows to q (p values): squared euclidean (or L1) distances ascending in dist,
  /// their rows in ind; ties keep the lower row index.
  void query(const double* q, std::int64_t k, double* dist, std::int64_t* ind) const;

 private:
  struct Node {
    std::int64_t begin, end;       // range in order_
    std::int64_t left = -1, right = -1;
    std::vector<double> lo, hi;    // bounding box
  };
  std::int64_t build(std::int64_t begin, std::int64_t end);
  double box_distance(const Node& node, const double* q) const;
  double point_distance(const double* q, std::int64_t row) const;

  const double* x_;
  std::int64_t n_, p_, leaf_size_;
  bool manhattan_;
  std::vector<std::int64_t> order_;
  std::vector<Node> nodes_;
};

}  // namespace axon::ml
