// sklearn 1.2's TreeGrower (grower.py), HistogramBuilder (histogram.pyx) and Splitter
// (splitting.pyx), step for step for numerical features: the same gain, node values, scan order,
// tie rules and best-first heap, so that the same gradients grow the same tree. Histograms are
// built for the smaller child only (the sibling is parent − child); each feature's histogram and
// split scan is done by one thread, so the tree does not depend on the thread count.
#pragma GCC optimize("fp-contract=off")  // a·b + c must round as scikit-learn's (no FMA)

#include "grower.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace axon::ml::hist_detail {

namespace {
constexpr std::int64_t kGroup = 4;  // features whose histograms are built in one pass over the rows
// splitting.pyx's compute_node_value without monotonic bounds.
inline double node_value(double sum_g, double sum_h, double l2) { return -sum_g / (sum_h + l2 + 1e-15); }
}  // namespace

Grower::Grower(const BinnedData& data, const GrowerParams& params, Pool& pool) : d_(data), prm_(params), pool_(pool) {
  const auto n = static_cast<std::size_t>(d_.n);
  partition_.resize(n);
  buffer_.resize(n);
  buffer2_.resize(n);
  og_.resize(n);
  oh_.resize(n);
  splits_left_.resize(static_cast<std::size_t>(d_.p));
  splits_right_.resize(static_cast<std::size_t>(d_.p));
}

int Grower::new_hist() {
  if (!free_hists_.empty()) {
    const int h = free_hists_.back();
    free_hists_.pop_back();
    return h;
  }
  hists_.emplace_back(static_cast<std::size_t>(d_.p * d_.n_bins));
  return static_cast<int>(hists_.size()) - 1;
}

void Grower::free_hist(int h) {
  if (h >= 0) free_hists_.push_back(h);
}

namespace {
// F features of one node at once (the rows' indices, gradients and hessians are read once for
// all F). Each bin sums its rows in row order, as histogram.pyx's loops do.
template <int F, bool Root, bool HConst>
void histogram_group(Bin* const* hb, const std::uint8_t* const* col, const std::uint32_t* __restrict idx,
                     const float* __restrict g, const float* __restrict h, std::int64_t n) {
  typedef double v4d __attribute__((vector_size(32)));
  for (std::int64_t i = 0; i < n; ++i) {
    const std::int64_t r = Root ? i : static_cast<std::int64_t>(idx[i]);
    if (!Root && i + 24 < n)
      for (int k = 0; k < F; ++k) __builtin_prefetch(col[k] + idx[i + 24]);
    const v4d add = {static_cast<double>(g[i]), HConst ? 0.0 : static_cast<double>(h[i]), 1.0, 0.0};
    for (int k = 0; k < F; ++k) {
      v4d* b = reinterpret_cast<v4d*>(hb[k] + col[k][r]);
      *b += add;
    }
  }
}

template <int F>
void histogram_group(bool root, bool hconst, Bin* const* hb, const std::uint8_t* const* col, const std::uint32_t* idx,
                     const float* g, const float* h, std::int64_t n) {
  if (root) {
    if (hconst) histogram_group<F, true, true>(hb, col, idx, g, h, n);
    else histogram_group<F, true, false>(hb, col, idx, g, h, n);
  } else {
    if (hconst) histogram_group<F, false, true>(hb, col, idx, g, h, n);
    else histogram_group<F, false, false>(hb, col, idx, g, h, n);
  }
}
}  // namespace

// histogram.pyx's _build_histogram(_root)(_no_hessian) for features [f0, f1). Only the bins a
// feature can use are cleared: [0, n_bins_non_missing) and the missing-values bin.
void Grower::build_features(int hist, std::int64_t f0, std::int64_t f1, const GNode& node, bool root) {
  for (std::int64_t f = f0; f < f1; ++f) {
    Bin* hb = hist_of(hist, f);
    std::memset(static_cast<void*>(hb), 0, sizeof(Bin) * d_.n_bins_non_missing[static_cast<std::size_t>(f)]);
    hb[d_.n_bins - 1] = Bin{};
  }
  const std::uint32_t* idx = partition_.data() + node.start;
  const float* g = root ? g_ : og_.data();
  const float* h = root ? h_ : oh_.data();
  const std::int64_t n = node.n();
  for (std::int64_t f = f0; f < f1;) {
    const int F = static_cast<int>(std::min<std::int64_t>(4, f1 - f));
    Bin* hb[4];
    const std::uint8_t* col[4];
    for (int k = 0; k < F; ++k) {
      hb[k] = hist_of(hist, f + k);
      col[k] = d_.X + (f + k) * d_.n;
    }
    switch (F) {
      case 4: histogram_group<4>(root, hconst_, hb, col, idx, g, h, n); break;
      case 3: histogram_group<3>(root, hconst_, hb, col, idx, g, h, n); break;
      case 2: histogram_group<2>(root, hconst_, hb, col, idx, g, h, n); break;
      default: histogram_group<1>(root, hconst_, hb, col, idx, g, h, n); break;
    }
    f += F;
  }
}

// _find_best_bin_to_split_left_to_right, then (missing values seen in training) right_to_left.
void Grower::split_feature(const Bin* hist, std::uint32_t f, const GNode& node, Split& s) const {
  const double l2 = prm_.l2_regularization, min_h = prm_.min_hessian_to_split;
  const auto msl = static_cast<std::uint32_t>(prm_.min_samples_leaf);
  const auto n = static_cast<std::uint32_t>(node.n());
  const double sum_g = node.sum_g, sum_h = node.sum_h;
  const double loss_current = sum_g * node.value;  // _loss_from_value(value, sum_gradients)
  const bool has_missing = d_.has_missing[f] != 0;
  const std::uint32_t nbnm = d_.n_bins_non_missing[f];
  s = Split{};
  s.feature = f;
  {
    const std::uint32_t end = nbnm - 1 + (has_missing ? 1 : 0);
    double gl = 0, hl = 0, best_gain = -1, best_gl = 0, best_hl = 0;
    std::uint32_t nl = 0, best_bin = 0, best_nl = 0;
    bool found = false;
    for (std::uint32_t b = 0; b < end; ++b) {
      nl += static_cast<std::uint32_t>(hist[b].c);
      const std::uint32_t nr = n - nl;
      hl += hconst_ ? hist[b].c : hist[b].h;
      const double hr = sum_h - hl;
      gl += hist[b].g;
      const double gr = sum_g - gl;
      if (nl < msl) continue;
      if (nr < msl) break;
      if (hl < min_h) continue;
      if (hr < min_h) break;
      double gain = loss_current;
      gain -= gl * node_value(gl, hl, l2);
      gain -= gr * node_value(gr, hr, l2);
      if (gain > best_gain && gain > 0.0) {
        found = true;
        best_gain = gain;
        best_bin = b;
        best_gl = gl;
        best_hl = hl;
        best_nl = nl;
      }
    }
    if (found) {
      s.gain = best_gain;
      s.bin = best_bin;
      s.missing_go_to_left = false;
      s.sum_g_left = best_gl;
      s.sum_g_right = sum_g - best_gl;
      s.sum_h_left = best_hl;
      s.sum_h_right = sum_h - best_hl;
      s.n_left = best_nl;
      s.n_right = n - best_nl;
    }
  }
  if (has_missing) {
    double gr = 0, hr = 0, best_gain = s.gain, best_gr = 0, best_hr = 0;
    std::uint32_t nr = 0, best_bin = 0, best_nr = 0;
    bool found = false;
    for (std::int64_t b = static_cast<std::int64_t>(nbnm) - 2; b >= 0; --b) {
      const Bin& x = hist[b + 1];
      nr += static_cast<std::uint32_t>(x.c);
      const std::uint32_t nl = n - nr;
      hr += hconst_ ? x.c : x.h;
      const double hl = sum_h - hr;
      gr += x.g;
      const double gl = sum_g - gr;
      if (nr < msl) continue;
      if (nl < msl) break;
      if (hr < min_h) continue;
      if (hl < min_h) break;
      double gain = loss_current;
      gain -= gl * node_value(gl, hl, l2);
      gain -= gr * node_value(gr, hr, l2);
      if (gain > best_gain && gain > 0.0) {
        found = true;
        best_gain = gain;
        best_bin = static_cast<std::uint32_t>(b);
        best_gr = gr;
        best_hr = hr;
        best_nr = nr;
      }
    }
    if (found) {
      s.gain = best_gain;
      s.bin = best_bin;
      s.missing_go_to_left = true;
      s.sum_g_left = sum_g - best_gr;
      s.sum_g_right = best_gr;
      s.sum_h_left = sum_h - best_hr;
      s.sum_h_right = best_hr;
      s.n_left = n - best_nr;
      s.n_right = best_nr;
    }
  }
  {
    s.value_left = node_value(s.sum_g_left, s.sum_h_left, l2);
    s.value_right = node_value(s.sum_g_right, s.sum_h_right, l2);
  }
}

void Grower::choose_split_and_push(std::int64_t id, const std::vector<Split>& per_feature) {
  std::size_t best = 0;  // _find_best_feature_to_split_helper: the first largest gain
  for (std::size_t f = 1; f < per_feature.size(); ++f)
    if (per_feature[f].gain > per_feature[best].gain) best = f;
  GNode& node = nodes_[static_cast<std::size_t>(id)];
  node.split = per_feature[best];
  node.has_split = true;
  if (node.split.gain <= 0) finalize_leaf(id);
  else heap_push(id);
}

// Python's heapq (heappush/_siftdown, heappop/_siftup) with TreeNode.__lt__ (larger gain first).
void Grower::heap_push(std::int64_t id) {
  heap_.push_back(id);
  std::size_t pos = heap_.size() - 1;
  const std::int64_t item = heap_[pos];
  while (pos > 0) {
    const std::size_t parent = (pos - 1) >> 1;
    if (heap_less(item, heap_[parent])) {
      heap_[pos] = heap_[parent];
      pos = parent;
      continue;
    }
    break;
  }
  heap_[pos] = item;
}

std::int64_t Grower::heap_pop() {
  const std::int64_t last = heap_.back();
  heap_.pop_back();
  if (heap_.empty()) return last;
  const std::int64_t ret = heap_[0];
  heap_[0] = last;
  const std::size_t end = heap_.size();
  std::size_t pos = 0;
  const std::int64_t item = heap_[0];
  std::size_t child = 1;
  while (child < end) {
    const std::size_t right = child + 1;
    if (right < end && !heap_less(heap_[child], heap_[right])) child = right;
    heap_[pos] = heap_[child];
    pos = child;
    child = 2 * pos + 1;
  }
  heap_[pos] = item;
  while (pos > 0) {  // _siftdown(heap, 0, pos)
    const std::size_t parent = (pos - 1) >> 1;
    if (heap_less(item, heap_[parent])) {
      heap_[pos] = heap_[parent];
      pos = parent;
      continue;
    }
    break;
  }
  heap_[pos] = item;
  return ret;
}

void Grower::finalize_leaf(std::int64_t id) {
  GNode& nd = nodes_[static_cast<std::size_t>(id)];
  nd.is_leaf = true;
  leaves_.push_back({id, nd.start, nd.stop});
}

void Grower::grow(const float* g, const float* h, bool hessian_constant) {
  g_ = g;
  h_ = h;
  hconst_ = hessian_constant;
  nodes_.clear();
  heap_.clear();
  leaves_.clear();
  free_hists_.clear();
  for (int i = 0; i < static_cast<int>(hists_.size()); ++i) free_hists_.push_back(static_cast<int>(hists_.size()) - 1 - i);
  const std::int64_t n = d_.n;
  for (std::int64_t i = 0; i < n; ++i) partition_[i] = static_cast<std::uint32_t>(i);
  GNode root;
  root.start = 0;
  root.stop = n;
  double sg = 0;
  for (std::int64_t i = 0; i < n; ++i) sg += g[i];
  root.sum_g = sg;
  if (hconst_) {
    root.sum_h = static_cast<double>(static_cast<float>(n));  // hessians[0] * n_samples, in float32
  } else {
    double sh = 0;
    for (std::int64_t i = 0; i < n; ++i) sh += h[i];
    root.sum_h = sh;
  }
  root.value = 0;
  nodes_.push_back(root);
  if (n < 2 * prm_.min_samples_leaf || nodes_[0].sum_h < prm_.min_hessian_to_split) {
    finalize_leaf(0);
  } else {
    const int hist = nodes_[0].hist = new_hist();
    const GNode& r = nodes_[0];
    const std::int64_t n_blocks = (d_.p + kGroup - 1) / kGroup;  // work items: groups of 4 features
    pool_.for_each(n_blocks, [&](std::int64_t blk) {
      const std::int64_t f0 = blk * kGroup, f1 = std::min(d_.p, f0 + kGroup);
      build_features(hist, f0, f1, r, true);
      for (std::int64_t f = f0; f < f1; ++f)
        split_feature(hist_of(hist, f), static_cast<std::uint32_t>(f), r, splits_left_[static_cast<std::size_t>(f)]);
    });
    choose_split_and_push(0, splits_left_);
  }
  while (!heap_.empty()) split_next();
  for (const Leaf& l : leaves_) nodes_[static_cast<std::size_t>(l.node)].value *= prm_.shrinkage;
}

void Grower::split_next() {
  const std::int64_t id = heap_pop();
  // splitter.split_indices: a stable partition of the node's rows, in chunks on the threads
  // (each chunk splits its rows into two buffers, then both parts are copied into place), and the
  // gradients of the smaller child gathered on the way (histogram.pyx's ordered gradients).
  const Split sp = nodes_[static_cast<std::size_t>(id)].split;
  const std::int64_t start = nodes_[static_cast<std::size_t>(id)].start, stop = nodes_[static_cast<std::size_t>(id)].stop;
  const std::int64_t n_node = stop - start;
  const std::uint8_t* col = d_.X + static_cast<std::int64_t>(sp.feature) * d_.n;
  const auto missing = static_cast<std::uint8_t>(d_.n_bins - 1);
  const auto bin = static_cast<std::uint8_t>(sp.bin);
  const bool mleft = sp.missing_go_to_left;
  const std::int64_t n_chunks = n_node < 32768 ? 1 : std::min<std::int64_t>(4 * pool_.size(), n_node / 8192);
  chunk_left_.assign(static_cast<std::size_t>(n_chunks), 0);
  std::uint32_t* idx = partition_.data() + start;
  pool_.for_each(n_chunks, [&](std::int64_t c) {
    const std::int64_t c0 = c * n_node / n_chunks, c1 = (c + 1) * n_node / n_chunks;
    std::uint32_t* lb = buffer_.data() + c0;
    std::uint32_t* rb = buffer2_.data() + c0;
    std::int64_t nl = 0, nr = 0;
    for (std::int64_t i = c0; i < c1; ++i) {  // branch-free: write both, advance one
      const std::uint32_t r = idx[i];
      const std::uint8_t v = col[r];
      const bool goes_left = (mleft && v == missing) || v <= bin;
      lb[nl] = r;
      rb[nr] = r;
      nl += goes_left;
      nr += !goes_left;
    }
    chunk_left_[static_cast<std::size_t>(c)] = nl;
  });
  std::int64_t nl_total = 0;
  for (std::int64_t c = 0; c < n_chunks; ++c) nl_total += chunk_left_[static_cast<std::size_t>(c)];
  const bool gather_left = nl_total < n_node - nl_total;  // the smaller child (the right one on a tie)
  pool_.for_each(n_chunks, [&](std::int64_t c) {
    const std::int64_t c0 = c * n_node / n_chunks, c1 = (c + 1) * n_node / n_chunks;
    std::int64_t off_l = 0;
    for (std::int64_t k = 0; k < c; ++k) off_l += chunk_left_[static_cast<std::size_t>(k)];
    const std::int64_t nl = chunk_left_[static_cast<std::size_t>(c)], nr = (c1 - c0) - nl;
    const std::int64_t off_r = nl_total + (c0 - off_l);  // right rows before this chunk: c0 - off_l
    std::copy(buffer_.data() + c0, buffer_.data() + c0 + nl, idx + off_l);
    std::copy(buffer2_.data() + c0, buffer2_.data() + c0 + nr, idx + off_r);
    const std::int64_t g0 = gather_left ? off_l : off_r - nl_total, gn = gather_left ? nl : nr;
    const std::uint32_t* rows = gather_left ? buffer_.data() + c0 : buffer2_.data() + c0;
    for (std::int64_t i = 0; i < gn; ++i) og_[g0 + i] = g_[rows[i]];
    if (!hconst_)
      for (std::int64_t i = 0; i < gn; ++i) oh_[g0 + i] = h_[rows[i]];
  });
  const std::int64_t nl = nl_total;

  GNode& node = nodes_[static_cast<std::size_t>(id)];
  const std::int64_t depth = node.depth + 1;
  const std::int64_t n_leaf_nodes = static_cast<std::int64_t>(leaves_.size() + heap_.size()) + 2;
  GNode left, rightn;
  left.depth = rightn.depth = depth;
  left.start = start;
  left.stop = start + nl;
  rightn.start = start + nl;
  rightn.stop = stop;
  left.sum_g = sp.sum_g_left;
  left.sum_h = sp.sum_h_left;
  left.value = sp.value_left;
  rightn.sum_g = sp.sum_g_right;
  rightn.sum_h = sp.sum_h_right;
  rightn.value = sp.value_right;
  if (!d_.has_missing[sp.feature]) node.split.missing_go_to_left = left.n() > rightn.n();
  const std::int64_t parent_hist = node.hist;
  const std::int64_t lid = static_cast<std::int64_t>(nodes_.size()), rid = lid + 1;
  node.left = lid;
  node.right = rid;
  nodes_.push_back(left);
  nodes_.push_back(rightn);
  GNode& L = nodes_[static_cast<std::size_t>(lid)];
  GNode& R = nodes_[static_cast<std::size_t>(rid)];
  nodes_[static_cast<std::size_t>(id)].hist = -1;

  if (prm_.max_leaf_nodes && n_leaf_nodes == *prm_.max_leaf_nodes) {
    finalize_leaf(lid);
    finalize_leaf(rid);
    while (!heap_.empty()) {  // _finalize_splittable_nodes: list.pop() from the end
      const std::int64_t x = heap_.back();
      heap_.pop_back();
      free_hist(nodes_[static_cast<std::size_t>(x)].hist);
      nodes_[static_cast<std::size_t>(x)].hist = -1;
      finalize_leaf(x);
    }
    free_hist(static_cast<int>(parent_hist));
    return;
  }
  if (prm_.max_depth && depth == *prm_.max_depth) {
    finalize_leaf(lid);
    finalize_leaf(rid);
    free_hist(static_cast<int>(parent_hist));
    return;
  }
  if (L.n() < prm_.min_samples_leaf * 2) finalize_leaf(lid);
  if (R.n() < prm_.min_samples_leaf * 2) finalize_leaf(rid);
  const bool split_left = !L.is_leaf, split_right = !R.is_leaf;
  if (split_left || split_right) {
    const bool left_smaller = L.n() < R.n();
    GNode& small = left_smaller ? L : R;
    GNode& large = left_smaller ? R : L;
    const int hs = small.hist = new_hist();
    const int hl = large.hist = new_hist();
    const int hp = static_cast<int>(parent_hist);
    // One parallel step per split: each feature's histogram of the smaller child, the sibling's
    // by subtraction (histogram.pyx's _subtract_histograms), and both children's best split.
    const std::int64_t n_blocks = (d_.p + kGroup - 1) / kGroup;  // work items: groups of 4 features
    pool_.for_each(n_blocks, [&](std::int64_t blk) {
     const std::int64_t f0 = blk * kGroup, f1 = std::min(d_.p, f0 + kGroup);
     build_features(hs, f0, f1, small, false);
     for (std::int64_t f = f0; f < f1; ++f) {
      Bin* bs = hist_of(hs, f);
      Bin* bl = hist_of(hl, f);
      const Bin* bp = hist_of(hp, f);
      const std::int64_t nbnm = d_.n_bins_non_missing[static_cast<std::size_t>(f)];
      for (std::int64_t b = 0; b < d_.n_bins; b = b + 1 == nbnm ? d_.n_bins - 1 : b + 1) {
        bl[b].g = bp[b].g - bs[b].g;
        bl[b].h = bp[b].h - bs[b].h;
        bl[b].c = bp[b].c - bs[b].c;
      }
      const auto fu = static_cast<std::uint32_t>(f);
      if (split_left) split_feature(hist_of(L.hist, f), fu, L, splits_left_[static_cast<std::size_t>(f)]);
      if (split_right) split_feature(hist_of(R.hist, f), fu, R, splits_right_[static_cast<std::size_t>(f)]);
     }
    });
    if (split_left) choose_split_and_push(lid, splits_left_);
    if (split_right) choose_split_and_push(rid, splits_right_);
    for (std::int64_t c : {lid, rid}) {
      GNode& cn = nodes_[static_cast<std::size_t>(c)];
      if (cn.is_leaf) {
        free_hist(cn.hist);
        cn.hist = -1;
      }
    }
  }
  free_hist(static_cast<int>(parent_hist));
}

std::int64_t Grower::fill(const BinMapper& bins, std::int64_t id, std::vector<Node>& out) const {
  const GNode& g = nodes_[static_cast<std::size_t>(id)];
  const std::size_t me = out.size();
  out.push_back({});
  out[me].count = static_cast<std::uint32_t>(g.n());
  out[me].value = g.value;
  if (g.is_leaf) {
    out[me].is_leaf = true;
    return static_cast<std::int64_t>(me);
  }
  const Split& s = g.split;
  out[me].is_leaf = false;
  out[me].feature = s.feature;
  out[me].bin_threshold = static_cast<std::uint8_t>(s.bin);
  out[me].missing_go_to_left = s.missing_go_to_left;
  out[me].num_threshold = s.bin == d_.n_bins_non_missing[s.feature] - 1
                              ? std::numeric_limits<double>::infinity()
                              : bins.thresholds[s.feature][s.bin];
  const std::int64_t l = fill(bins, g.left, out);
  out[me].left = static_cast<std::uint32_t>(l);
  const std::int64_t r = fill(bins, g.right, out);
  out[me].right = static_cast<std::uint32_t>(r);
  return static_cast<std::int64_t>(me);
}

Tree Grower::make_tree(const BinMapper& bins) const {
  Tree t;
  t.nodes.reserve(nodes_.size());
  fill(bins, 0, t.nodes);
  return t;
}

}  // namespace axon::ml::hist_detail
