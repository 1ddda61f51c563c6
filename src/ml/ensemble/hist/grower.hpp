// sklearn's TreeGrower, HistogramBuilder and Splitter (grower.py, histogram.pyx, splitting.pyx) for
// numerical features without constraints. Private to the ml floor.
#pragma once

#include "hist.hpp"
#include "pool.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace axon::ml::hist_detail {

/// A histogram bin (sklearn's hist_struct): float64 sums of float32 gradients and hessians, and
/// the row count, held as a double (exact below 2^53) so that one 4-wide add updates the bin.
struct alignas(32) Bin {
  double g, h, c, pad;
};

struct GrowerParams {
  std::optional<std::int64_t> max_leaf_nodes;
  std::optional<std::int64_t> max_depth;
  std::int64_t min_samples_leaf = 20;
  double l2_regularization = 0.0;
  double min_hessian_to_split = 1e-3;
  double shrinkage = 1.0;
  int threads = 1;
};

/// The training data every tree of a fit shares: bins column-major [p][n].
struct BinnedData {
  const std::uint8_t* X = nullptr;
  std::int64_t n = 0, p = 0;
  int n_bins = 256;  ///< max_bins + 1 (the last is the missing-values bin)
  std::vector<std::uint32_t> n_bins_non_missing;
  std::vector<std::uint8_t> has_missing;
};

class Grower {
 public:
  Grower(const BinnedData& data, const GrowerParams& params, Pool& pool);
  /// Grows one tree on gradients g and hessians h (float32 [n]; h ignored when hessian_constant).
  void grow(const float* g, const float* h, bool hessian_constant);
  /// The fitted tree in pre-order, thresholds from the bin mapper (make_predictor).
  Tree make_tree(const BinMapper& bins) const;

  struct Leaf {
    std::int64_t node, start, stop;
  };
  /// The leaves in finalization order; their rows are partition()[start, stop).
  const std::vector<Leaf>& leaves() const { return leaves_; }
  const std::vector<std::uint32_t>& partition() const { return partition_; }
  double& leaf_value(std::int64_t node) { return nodes_[static_cast<std::size_t>(node)].value; }

 private:
  struct Split {
    double gain = -1.0;
    std::uint32_t feature = 0, bin = 0;
    bool missing_go_to_left = false;
    double sum_g_left = 0, sum_g_right = 0, sum_h_left = 0, sum_h_right = 0;
    std::uint32_t n_left = 0, n_right = 0;
    double value_left = 0, value_right = 0;
  };
  struct GNode {
    std::int64_t depth = 0, start = 0, stop = 0;
    double sum_g = 0, sum_h = 0, value = 0;
    Split split;
    bool has_split = false, is_leaf = false;
    std::int64_t left = -1, right = -1;
    int hist = -1;
    std::int64_t n() const { return stop - start; }
  };

  int new_hist();
  void free_hist(int h);
  Bin* hist_of(int h, std::int64_t f) { return hists_[static_cast<std::size_t>(h)].data() + f * d_.n_bins; }
  /// Features [f0, f1) of a node's histogram (root: all rows in order; else via partition_ and og_/oh_).
  void build_features(int hist, std::int64_t f0, std::int64_t f1, const GNode& node, bool root);
  void split_feature(const Bin* hist, std::uint32_t f, const GNode& node, Split& out) const;
  /// The best of the per-feature splits (the first largest gain), then leaf or heap push.
  void choose_split_and_push(std::int64_t id, const std::vector<Split>& per_feature);
  void finalize_leaf(std::int64_t id);
  void split_next();
  void heap_push(std::int64_t id);
  std::int64_t heap_pop();
  bool heap_less(std::int64_t a, std::int64_t b) const {
    return nodes_[static_cast<std::size_t>(a)].split.gain > nodes_[static_cast<std::size_t>(b)].split.gain;
  }
  std::int64_t fill(const BinMapper& bins, std::int64_t id, std::vector<Node>& out) const;

  const BinnedData& d_;
  GrowerParams prm_;
  Pool& pool_;
  const float* g_ = nullptr;
  const float* h_ = nullptr;
  bool hconst_ = false;
  std::vector<std::uint32_t> partition_, buffer_, buffer2_;
  std::vector<std::int64_t> chunk_left_;
  std::vector<float> og_, oh_;  // gradients/hessians of a node's rows, in partition order
  std::vector<std::vector<Bin>> hists_;
  std::vector<int> free_hists_;
  std::vector<GNode> nodes_;
  std::vector<std::int64_t> heap_;
  std::vector<Leaf> leaves_;
  std::vector<Split> splits_left_, splits_right_;
};

}  // namespace axon::ml::hist_detail
