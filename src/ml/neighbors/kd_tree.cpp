#include "axon/ml/neighbors/kd_tree.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace axon::ml {

KDTree::KDTree(const Tensor& X, std::int64_t leaf_size, bool manhattan)
    : x_(X.data<double>()), n_(X.shape(0)), p_(X.shape(1)), leaf_size_(std::max<std::int64_t>(1, leaf_size)),
      manhattan_(manhattan), order_(static_cast<std::size_t>(n_)) {
  std::iota(order_.begin(), order_.end(), 0);
  if (n_ > 0) build(0, n_);
}

std::int64_t KDTree::build(std::int64_t begin, std::int64_t end) {
  Node node{.begin = begin, .end = end};
  node.lo.assign(static_cast<std::size_t>(p_), std::numeric_limits<double>::infinity());
  node.hi.assign(static_cast<std::size_t>(p_), -std::numeric_limits<double>::infinity());
  for (std::int64_t i = begin; i < end; ++i) {
    const double* row = x_ + order_[i] * p_;
    for (std::int64_t d = 0; d < p_; ++d) {
      node.lo[d] = std::min(node.lo[d], row[d]);
      node.hi[d] = std::max(node.hi[d], row[d]);
    }
  }
  const auto id = static_cast<std::int64_t>(nodes_.size());
  nodes_.push_back(std::move(node));
  if (end - begin <= leaf_size_) return id;
  std::int64_t dim = 0;
  double spread = -1;
  for (std::int64_t d = 0; d < p_; ++d)
    if (const double s = nodes_[id].hi[d] - nodes_[id].lo[d]; s > spread) {
      spread = s;
      dim = d;
    }
  if (spread <= 0) return id;  // all points equal: one leaf
  const std::int64_t mid = begin + (end - begin) / 2;
  std::nth_element(order_.begin() + begin, order_.begin() + mid, order_.begin() + end,
                   [&](std::int64_t a, std::int64_t b) { return x_[a * p_ + dim] < x_[b * p_ + dim]; });
  const std::int64_t left = build(begin, mid);
  const std::int64_t right = build(mid, end);
  nodes_[id].left = left;
  nodes_[id].right = right;
  return id;
}

// A lower bound of the distance from q to any point in the node's box (computed with the same
// monotone operations as point_distance, so it never exceeds a contained point's distance).
double KDTree::box_distance(const Node& node, const double* q) const {
  double s = 0;
  for (std::int64_t d = 0; d < p_; ++d) {
    double gap = 0;
    if (q[d] < node.lo[d]) gap = node.lo[d] - q[d];
    else if (q[d] > node.hi[d]) gap = q[d] - node.hi[d];
    s += manhattan_ ? gap : gap * gap;
  }
  return s;
}

double KDTree::point_distance(const double* q, std::int64_t row) const {
  const double* y = x_ + row * p_;
  double s = 0;
  for (std::int64_t d = 0; d < p_; ++d) {
    const double diff = q[d] > y[d] ? q[d] - y[d] : y[d] - q[d];
    s += manhattan_ ? diff : diff * diff;
  }
  return s;
}

void KDTree::query(const double* q, std::int64_t k, double* dist, std::int64_t* ind) const {
  // The best k so far, sorted by (distance, index); unfilled slots are +inf.
  std::fill(dist, dist + k, std::numeric_limits<double>::infinity());
  std::fill(ind, ind + k, std::numeric_limits<std::int64_t>::max());
  const auto offer = [&](double d, std::int64_t i) {
    if (d > dist[k - 1] || (d == dist[k - 1] && i > ind[k - 1])) return;
    std::int64_t pos = k - 1;
    while (pos > 0 && (dist[pos - 1] > d || (dist[pos - 1] == d && ind[pos - 1] > i))) {
      dist[pos] = dist[pos - 1];
      ind[pos] = ind[pos - 1];
      --pos;
    }
    dist[pos] = d;
    ind[pos] = i;
  };
  std::vector<std::pair<double, std::int64_t>> stack{{box_distance(nodes_[0], q), 0}};
  while (!stack.empty()) {
    const auto [bound, id] = stack.back();
    stack.pop_back();
    if (bound > dist[k - 1]) continue;  // equal bounds may still hold a lower-index tie
    const Node& node = nodes_[id];
    if (node.left < 0) {
      for (std::int64_t i = node.begin; i < node.end; ++i) offer(point_distance(q, order_[i]), order_[i]);
      continue;
    }
    const double bl = box_distance(nodes_[node.left], q), br = box_distance(nodes_[node.right], q);
    // Push the farther child first so the nearer one is searched first.
    if (bl <= br) {
      stack.emplace_back(br, node.right);
      stack.emplace_back(bl, node.left);
    } else {
      stack.emplace_back(bl, node.left);
      stack.emplace_back(br, node.right);
    }
  }
}

}  // namespace axon::ml
