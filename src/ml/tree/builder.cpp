// scikit-learn's splits are decided by exact float64 comparisons of impurity sums computed without
// fused multiply-adds (its wheels and Debian's build target baseline x86-64); -march=x86-64-v3 lets
// GCC contract a*b + c into one FMA, whose different rounding breaks mirror-image ties the other
// way. Keep every product rounded, as scikit-learn's code does.
#pragma GCC optimize("fp-contract=off")
#pragma STDC FP_CONTRACT OFF

#include "builder.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/core/generator.hpp"

#include <algorithm>
#include <bit>
#include <climits>
#include <cmath>
#include <cstring>
#include <limits>

namespace axon::ml::tree_detail {

// ---------------------------------------------------------------------------------------------
// Input conversion.

namespace {
void check_finite(float v, double original, std::int64_t row, std::int64_t col, std::string_view who) {
  if (std::isfinite(v)) [[likely]] return;
  check(!std::isnan(original), "{}: X has NaN in column {} (row {}); trees need finite values (impute them first, e.g. SimpleImputer)",
        who, col, row);
  throw ValueError(fmt::format("{}: X has infinity or a value too large for float32 in column {} (row {}: {})", who, col, row, original));
}
}  // namespace

ColumnMajorX column_major_f32(const Tensor& X, std::string_view who) {
  ColumnMajorX out;
  out.n = X.shape(0);
  out.p = X.shape(1);
  out.values.resize(static_cast<std::size_t>(out.n * out.p));
  const double* x = X.data<double>();
  // Blocks of rows so that both the reads and the column writes stay in cache.
  constexpr std::int64_t block = 256;
  for (std::int64_t r0 = 0; r0 < out.n; r0 += block) {
    const std::int64_t r1 = std::min(out.n, r0 + block);
    for (std::int64_t j = 0; j < out.p; ++j) {
      float* col = out.values.data() + j * out.n;
      for (std::int64_t i = r0; i < r1; ++i) {
        const double v = x[i * out.p + j];
        col[i] = static_cast<float>(v);
        check_finite(col[i], v, i, j, who);
      }
    }
  }
  return out;
}

std::vector<float> row_major_f32(const Tensor& X, std::string_view who) {
  const std::int64_t n = X.shape(0), p = X.shape(1);
  std::vector<float> out(static_cast<std::size_t>(n * p));
  const double* x = X.data<double>();
  // Convert, then look for a non-finite value only when the vectorized test says there is one.
  bool finite = true;
  for (std::int64_t i = 0; i < n * p; ++i) {
    out[i] = static_cast<float>(x[i]);
    finite &= std::abs(out[i]) <= std::numeric_limits<float>::max();
  }
  if (!finite)
    for (std::int64_t i = 0; i < n * p; ++i) check_finite(out[i], x[i], i / p, i % p, who);
  return out;
}

std::int64_t resolve_max_features(const MaxFeatures& m, std::int64_t p, std::string_view who) {
  std::int64_t k = p;
  if (const auto* s = std::get_if<std::string>(&m)) {
    check(*s == "sqrt" || *s == "log2", "{}: max_features must be None, an int, a float, 'sqrt' or 'log2', got '{}'", who, *s);
    k = *s == "sqrt" ? static_cast<std::int64_t>(std::sqrt(static_cast<double>(p)))
                     : static_cast<std::int64_t>(std::log2(static_cast<double>(p)));
    k = std::max<std::int64_t>(1, k);
  } else if (const auto* i = std::get_if<std::int64_t>(&m)) {
    check(*i >= 1 && *i <= p, "{}: max_features must be in [1, n_features = {}], got {}", who, p, *i);
    k = *i;
  } else if (const auto* f = std::get_if<double>(&m)) {
    check(*f > 0.0 && *f <= 1.0, "{}: a float max_features must be in (0, 1], got {}", who, *f);
    k = std::max<std::int64_t>(1, static_cast<std::int64_t>(*f * static_cast<double>(p)));
  }
  return k;
}

std::vector<double> class_weights(const std::vector<std::int64_t>& codes, const Tensor& classes,
                                  const std::optional<std::string>& mode, const std::map<double, double>& explicit_weights,
                                  std::string_view who) {
  const std::int64_t k = classes.numel();
  if (mode) {
    check(*mode == "balanced", "{}: class_weight must be None or 'balanced', got '{}'", who, *mode);
    std::vector<double> count(static_cast<std::size_t>(k), 0.0), w(static_cast<std::size_t>(k));
    for (std::int64_t c : codes) count[static_cast<std::size_t>(c)] += 1;
    for (std::int64_t c = 0; c < k; ++c)
      w[c] = static_cast<double>(codes.size()) / (static_cast<double>(k) * count[c]);
    return w;
  }
  if (explicit_weights.empty()) return {};
  std::vector<double> w(static_cast<std::size_t>(k), 1.0);
  for (std::int64_t c = 0; c < k; ++c) {
    const double label = classes.dtype() == Dtype::int64 ? static_cast<double>(classes.data<std::int64_t>()[c]) : classes.data<double>()[c];
    const auto it = explicit_weights.find(label);
    if (it != explicit_weights.end()) w[c] = it->second;
  }
  return w;
}

// ---------------------------------------------------------------------------------------------
// Criteria: scikit-learn's Gini, Entropy, MSE, FriedmanMSE and MAE, with the same arithmetic in the same order.

namespace {

constexpr double kEpsilon = std::numeric_limits<double>::epsilon();
constexpr float kFeatureThreshold = 1e-7f;

double log2_sk(double x) { return std::log(x) / std::log(2.0); }

class ClassCriterion {
 public:
  // y: class codes as doubles; w: sample weights or null (all 1).
  ClassCriterion(const double* y, const double* w, std::int64_t n, std::int64_t k, bool entropy, double weighted_n_samples)
      : k_(k), entropy_(entropy), weighted_n_samples_(weighted_n_samples),
        total_(static_cast<std::size_t>(k)), left_(static_cast<std::size_t>(k)), right_(static_cast<std::size_t>(k)) {
    // One 16-byte entry per sample, so that each visit of a sample is one cache line, not two.
    entries_.resize(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) entries_[i] = {w ? w[i] : 1.0, static_cast<std::size_t>(y[i])};
  }

  void init(const std::int32_t* samples, std::int64_t start, std::int64_t end) {
    samples_ = samples;
    start_ = start;
    end_ = end;
    std::fill(total_.begin(), total_.end(), 0.0);
    wn_node = 0.0;
    for (std::int64_t p = start; p < end; ++p) {
      const Entry& e = entries_[samples[p]];
      total_[e.code] += e.w;
      wn_node += e.w;
    }
    reset();
  }
  void reset() {
    pos_ = start_;
    wn_left = 0.0;
    wn_right = wn_node;
    std::fill(left_.begin(), left_.end(), 0.0);
    right_ = total_;
  }
  void reverse_reset() {
    pos_ = end_;
    wn_left = wn_node;
    wn_right = 0.0;
    left_ = total_;
    std::fill(right_.begin(), right_.end(), 0.0);
  }
  void update(std::int64_t new_pos) {
    if (new_pos - pos_ <= end_ - new_pos) {
      for (std::int64_t p = pos_; p < new_pos; ++p) {
        const Entry& e = entries_[samples_[p]];
        left_[e.code] += e.w;
        wn_left += e.w;
      }
    } else {
      reverse_reset();
      for (std::int64_t p = end_ - 1; p >= new_pos; --p) {
        const Entry& e = entries_[samples_[p]];
        left_[e.code] -= e.w;
        wn_left -= e.w;
      }
    }
    wn_right = wn_node - wn_left;
    for (std::int64_t c = 0; c < k_; ++c) right_[c] = total_[c] - left_[c];
    pos_ = new_pos;
  }
  double impurity_of(const std::vector<double>& counts, double wn) const {
    if (entropy_) {
      double e = 0.0;
      for (std::int64_t c = 0; c < k_; ++c) {
        double count = counts[c];
        if (count > 0.0) {
          count /= wn;
          e -= count * log2_sk(count);
        }
      }
      return e;
    }
    double sq = 0.0;
    for (std::int64_t c = 0; c < k_; ++c) sq += counts[c] * counts[c];
    return 1.0 - sq / (wn * wn);
  }
  double node_impurity() const { return impurity_of(total_, wn_node); }
  void children_impurity(double& left, double& right) const {
    left = impurity_of(left_, wn_left);
    right = impurity_of(right_, wn_right);
  }
  double proxy_improvement() const {
    double l, r;
    children_impurity(l, r);
    return -wn_right * r - wn_left * l;
  }
  double impurity_improvement(double parent, double left, double right) const {
    return (wn_node / weighted_n_samples_) * (parent - (wn_right / wn_node * right) - (wn_left / wn_node * left));
  }
  void node_value(double* out) const { std::copy(total_.begin(), total_.end(), out); }

  double wn_node = 0, wn_left = 0, wn_right = 0;

 private:
  struct Entry {
    double w;
    std::size_t code;
  };
  std::vector<Entry> entries_;
  std::int64_t k_;
  bool entropy_;
  double weighted_n_samples_;
  std::vector<double> total_, left_, right_;
  const std::int32_t* samples_ = nullptr;
  std::int64_t start_ = 0, end_ = 0, pos_ = 0;
};

class MseCriterion {
 public:
  MseCriterion(const double* y, const double* w, double weighted_n_samples)
      : y_(y), w_(w), weighted_n_samples_(weighted_n_samples) {}

  void init(const std::int32_t* samples, std::int64_t start, std::int64_t end) {
    samples_ = samples;
    start_ = start;
    end_ = end;
    total_ = 0.0;
    sq_total_ = 0.0;
    wn_node = 0.0;
    for (std::int64_t p = start; p < end; ++p) {
      const std::int32_t i = samples[p];
      const double w = w_ ? w_[i] : 1.0;
      const double wy = w * y_[i];
      total_ += wy;
      sq_total_ += wy * y_[i];
      wn_node += w;
    }
    reset();
  }
  void reset() {
    pos_ = start_;
    wn_left = 0.0;
    wn_right = wn_node;
    left_ = 0.0;
    right_ = total_;
  }
  void reverse_reset() {
    pos_ = end_;
    wn_left = wn_node;
    wn_right = 0.0;
    left_ = total_;
    right_ = 0.0;
  }
  void update(std::int64_t new_pos) {
    if (new_pos - pos_ <= end_ - new_pos) {
      for (std::int64_t p = pos_; p < new_pos; ++p) {
        const std::int32_t i = samples_[p];
        const double w = w_ ? w_[i] : 1.0;
        left_ += w * y_[i];
        wn_left += w;
      }
    } else {
      reverse_reset();
      for (std::int64_t p = end_ - 1; p >= new_pos; --p) {
        const std::int32_t i = samples_[p];
        const double w = w_ ? w_[i] : 1.0;
        left_ -= w * y_[i];
        wn_left -= w;
      }
    }
    wn_right = wn_node - wn_left;
    right_ = total_ - left_;
    pos_ = new_pos;
  }
  double node_impurity() const {
    double imp = sq_total_ / wn_node;
    imp -= (total_ / wn_node) * (total_ / wn_node);
    return imp;
  }
  void children_impurity(double& left, double& right) const {
    double sq_left = 0.0;
    for (std::int64_t p = start_; p < pos_; ++p) {
      const std::int32_t i = samples_[p];
      const double w = w_ ? w_[i] : 1.0;
      sq_left += w * y_[i] * y_[i];
    }
    const double sq_right = sq_total_ - sq_left;
    left = sq_left / wn_left;
    right = sq_right / wn_right;
    left -= (left_ / wn_left) * (left_ / wn_left);
    right -= (right_ / wn_right) * (right_ / wn_right);
  }
  double proxy_improvement() const { return left_ * left_ / wn_left + right_ * right_ / wn_right; }
  double impurity_improvement(double parent, double left, double right) const {
    return (wn_node / weighted_n_samples_) * (parent - (wn_right / wn_node * right) - (wn_left / wn_node * left));
  }
  void node_value(double* out) const { out[0] = total_ / wn_node; }

  double wn_node = 0, wn_left = 0, wn_right = 0;

 protected:
  const double* y_;
  const double* w_;
  double weighted_n_samples_;
  double total_ = 0, sq_total_ = 0, left_ = 0, right_ = 0;
  const std::int32_t* samples_ = nullptr;
  std::int64_t start_ = 0, end_ = 0, pos_ = 0;
};

// Friedman's improvement score for boosting (sklearn's FriedmanMSE): the same node impurity as
// MSE, splits ranked by w_l·w_r·(mean_l − mean_r)² (the same order as MSE's proxy up to
// rounding), and the reported improvement (importances, min_impurity_decrease) is that product
// divided by the node's weight, not the weighted impurity decrease.
class FriedmanMseCriterion : public MseCriterion {
 public:
  using MseCriterion::MseCriterion;
  double proxy_improvement() const {
    const double diff = wn_right * left_ - wn_left * right_;
    return diff * diff / (wn_left * wn_right);
  }
  double impurity_improvement(double, double, double) const {
    const double diff = wn_right * left_ - wn_left * right_;
    return diff * diff / (wn_left * wn_right * wn_node);
  }
};

// scikit-learn's WeightedMedianCalculator (sklearn/tree/_utils.pyx): the (value, weight) pairs in a
// sorted array (its WeightedPQueue) with k, the smallest count whose weight sum(W[0:k]) reaches half
// the total, kept up to date after each push/remove with the same running sums, so that the
// median (and the == test for a split median) rounds exactly as scikit-learn's does with any weights.
class WeightedMedian {
 public:
  void clear() {
    items_.clear();
    total_weight_ = 0.0;
    k_ = 0;
    sum_w_0_k_ = 0.0;
  }
  std::int64_t size() const { return static_cast<std::int64_t>(items_.size()); }
  void push(double data, double weight) {
    const double original_median = items_.empty() ? 0.0 : median();
    // WeightedPQueue.push: appended, then bubbled down past larger values (after equal ones).
    const auto at = std::upper_bound(items_.begin(), items_.end(), data, [](double v, const Item& it) { return v < it.data; });
    items_.insert(at, Item{data, weight});
    if (items_.size() == 1) {
      k_ = 1;
      total_weight_ = weight;
      sum_w_0_k_ = total_weight_;
      return;
    }
    total_weight_ += weight;
    if (data < original_median) {
      ++k_;
      sum_w_0_k_ += weight;
      while (k_ > 1 && sum_w_0_k_ - items_[k_ - 1].weight >= total_weight_ / 2.0) {
        --k_;
        sum_w_0_k_ -= items_[k_].weight;
      }
      return;
    }
    grow_k();
  }
  // WeightedPQueue.remove: the first record with this value and weight.
  void remove(double data, double weight) {
    const double original_median = median();
    auto it = std::lower_bound(items_.begin(), items_.end(), data, [](const Item& a, double v) { return a.data < v; });
    while (it != items_.end() && it->data == data && it->weight != weight) ++it;
    if (it == items_.end() || it->data != data) return;  // not there (cannot happen)
    items_.erase(it);
    after_remove(data, weight, original_median);
  }
  // WeightedPQueue.pop: the smallest value.
  void pop(double& data, double& weight) {
    const double original_median = median();
    data = items_.front().data;
    weight = items_.front().weight;
    items_.erase(items_.begin());
    after_remove(data, weight, original_median);
  }
  double median() const {
    if (sum_w_0_k_ == total_weight_ / 2.0) return (items_[k_].data + items_[k_ - 1].data) / 2.0;
    return items_[k_ - 1].data;  // sum_w_0_k > total / 2 (scikit-learn returns nothing defined otherwise)
  }

 private:
  struct Item {
    double data, weight;
  };
  void grow_k() {
    while (k_ < size() && sum_w_0_k_ < total_weight_ / 2.0) {
      ++k_;
      sum_w_0_k_ += items_[k_ - 1].weight;
    }
  }
  void after_remove(double data, double weight, double original_median) {
    if (items_.empty()) {
      k_ = 0;
      total_weight_ = 0.0;
      sum_w_0_k_ = 0.0;
      return;
    }
    if (items_.size() == 1) {
      k_ = 1;
      total_weight_ -= weight;
      sum_w_0_k_ = total_weight_;
      return;
    }
    total_weight_ -= weight;
    if (data < original_median) {
      --k_;
      sum_w_0_k_ -= weight;
      grow_k();
      return;
    }
    while (k_ > 1 && sum_w_0_k_ - items_[k_ - 1].weight >= total_weight_ / 2.0) {
      --k_;
      sum_w_0_k_ -= items_[k_].weight;
    }
  }
  std::vector<Item> items_;
  double total_weight_ = 0.0;
  std::int64_t k_ = 0;
  double sum_w_0_k_ = 0.0;
};

// scikit-learn's MAE ("absolute_error"): the node value is the weighted median of y, the impurity
// the weighted mean absolute deviation from it. Same operations in the same order: both children's
// medians are maintained by moving samples between two WeightedMedians (reset moves the left one's
// samples back, smallest first), the proxy is the base Criterion's -w_r·imp_r - w_l·imp_l with both
// impurities summed over the samples in node order. O(n) per candidate split, as in scikit-learn.
class AbsoluteErrorCriterion {
 public:
  AbsoluteErrorCriterion(const double* y, const double* w, double weighted_n_samples)
      : y_(y), w_(w), weighted_n_samples_(weighted_n_samples) {}

  void init(const std::int32_t* samples, std::int64_t start, std::int64_t end) {
    samples_ = samples;
    start_ = start;
    end_ = end;
    wn_node = 0.0;
    left_.clear();
    right_.clear();
    for (std::int64_t p = start; p < end; ++p) {
      const std::int32_t i = samples[p];
      const double w = w_ ? w_[i] : 1.0;
      right_.push(y_[i], w);
      wn_node += w;
    }
    node_median_ = right_.median();
    reset();
  }
  void reset() {
    wn_left = 0.0;
    wn_right = wn_node;
    pos_ = start_;
    double v, w;
    for (std::int64_t i = left_.size(); i > 0; --i) {
      left_.pop(v, w);
      right_.push(v, w);
    }
  }
  void reverse_reset() {
    wn_right = 0.0;
    wn_left = wn_node;
    pos_ = end_;
    double v, w;
    for (std::int64_t i = right_.size(); i > 0; --i) {
      right_.pop(v, w);
      left_.push(v, w);
    }
  }
  void update(std::int64_t new_pos) {
    if (new_pos - pos_ <= end_ - new_pos) {
      for (std::int64_t p = pos_; p < new_pos; ++p) {
        const std::int32_t i = samples_[p];
        const double w = w_ ? w_[i] : 1.0;
        right_.remove(y_[i], w);
        left_.push(y_[i], w);
        wn_left += w;
      }
    } else {
      reverse_reset();
      for (std::int64_t p = end_ - 1; p >= new_pos; --p) {
        const std::int32_t i = samples_[p];
        const double w = w_ ? w_[i] : 1.0;
        left_.remove(y_[i], w);
        right_.push(y_[i], w);
        wn_left -= w;
      }
    }
    wn_right = wn_node - wn_left;
    pos_ = new_pos;
  }
  double node_impurity() const { return deviation(start_, end_, node_median_) / wn_node; }
  void children_impurity(double& left, double& right) const {
    left = deviation(start_, pos_, left_.median()) / wn_left;
    right = deviation(pos_, end_, right_.median()) / wn_right;
  }
  double proxy_improvement() const {
    double l, r;
    children_impurity(l, r);
    return -wn_right * r - wn_left * l;
  }
  double impurity_improvement(double parent, double left, double right) const {
    return (wn_node / weighted_n_samples_) * (parent - (wn_right / wn_node * right) - (wn_left / wn_node * left));
  }
  void node_value(double* out) const { out[0] = node_median_; }

  double wn_node = 0, wn_left = 0, wn_right = 0;

 private:
  double deviation(std::int64_t from, std::int64_t to, double median) const {
    double s = 0.0;
    for (std::int64_t p = from; p < to; ++p) {
      const std::int32_t i = samples_[p];
      s += std::fabs(y_[i] - median) * (w_ ? w_[i] : 1.0);
    }
    return s;
  }
  const double* y_;
  const double* w_;
  double weighted_n_samples_;
  WeightedMedian left_, right_;
  double node_median_ = 0.0;
  const std::int32_t* samples_ = nullptr;
  std::int64_t start_ = 0, end_ = 0, pos_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Sorting a node's (value, sample) pairs: one 64-bit key per pair (the float's order-preserving
// bits above the sample index), radix-sorted on the value bits for large nodes.

inline std::uint32_t float_key(float v) {
  if (v == 0.0f) v = 0.0f;  // -0 sorts with +0, as the comparisons treat them
  const auto b = std::bit_cast<std::uint32_t>(v);
  return (b & 0x80000000u) ? ~b : (b | 0x80000000u);
}
inline float key_float(std::uint32_t k) {
  const std::uint32_t b = (k & 0x80000000u) ? (k & 0x7fffffffu) : ~k;
  return std::bit_cast<float>(b);
}

void sort_keys(std::uint64_t* keys, std::uint64_t* tmp, std::int64_t n) {
  if (n < 256) {
    std::sort(keys, keys + n);
    return;
  }
  // LSD radix on bits 32..63 (three 11-bit digits, the top one 10 bits), stable; a digit shared by
  // every key is skipped.
  constexpr int shifts[3] = {32, 43, 54};
  std::uint64_t* src = keys;
  std::uint64_t* dst = tmp;
  std::uint32_t count[2048];
  for (int s : shifts) {
    std::memset(count, 0, sizeof count);
    for (std::int64_t i = 0; i < n; ++i) ++count[(src[i] >> s) & 2047u];
    if (count[(src[0] >> s) & 2047u] == static_cast<std::uint32_t>(n)) continue;
    std::uint32_t sum = 0;
    for (auto& c : count) {
      const std::uint32_t t = c;
      c = sum;
      sum += t;
    }
    for (std::int64_t i = 0; i < n; ++i) dst[count[(src[i] >> s) & 2047u]++] = src[i];
    std::swap(src, dst);
  }
  if (src != keys) std::memcpy(keys, src, static_cast<std::size_t>(n) * sizeof(std::uint64_t));
}

// scikit-learn's own sort of a node's (value, sample) pairs (_splitter.pyx: introsort with a
// median-of-3 pivot and 3-way partition, heapsort past depth 2·⌊log2 n⌋). It orders equal values
// as scikit-learn does, which the absolute_error criterion needs: its weighted-median bookkeeping
// depends on the order samples enter and leave it (removing a duplicate (y, w) takes the first
// match, so with unequal weights the running prefix sum depends on history).
namespace sk_sort {
inline void swap2(float* Xf, std::int32_t* s, std::int64_t i, std::int64_t j) {
  std::swap(Xf[i], Xf[j]);
  std::swap(s[i], s[j]);
}
inline float median3(const float* Xf, std::int64_t n) {
  const float a = Xf[0], b = Xf[n / 2], c = Xf[n - 1];
  if (a < b) {
    if (b < c) return b;
    if (a < c) return c;
    return a;
  }
  if (b < c) {
    if (a < c) return a;
    return c;
  }
  return b;
}
inline void sift_down(float* Xf, std::int32_t* s, std::int64_t start, std::int64_t end) {
  std::int64_t root = start;
  for (;;) {
    const std::int64_t child = root * 2 + 1;
    std::int64_t maxind = root;
    if (child < end && Xf[maxind] < Xf[child]) maxind = child;
    if (child + 1 < end && Xf[maxind] < Xf[child + 1]) maxind = child + 1;
    if (maxind == root) break;
    swap2(Xf, s, root, maxind);
    root = maxind;
  }
}
inline void heapsort(float* Xf, std::int32_t* s, std::int64_t n) {
  std::int64_t start = (n - 2) / 2;
  for (;;) {
    sift_down(Xf, s, start, n);
    if (start == 0) break;
    --start;
  }
  for (std::int64_t end = n - 1; end > 0; --end) {
    swap2(Xf, s, 0, end);
    sift_down(Xf, s, 0, end);
  }
}
inline void introsort(float* Xf, std::int32_t* s, std::int64_t n, int maxd) {
  while (n > 1) {
    if (maxd <= 0) {
      heapsort(Xf, s, n);
      return;
    }
    --maxd;
    const float pivot = median3(Xf, n);
    std::int64_t i = 0, l = 0, r = n;
    while (i < r) {
      if (Xf[i] < pivot) {
        swap2(Xf, s, i, l);
        ++i;
        ++l;
      } else if (Xf[i] > pivot) {
        --r;
        swap2(Xf, s, i, r);
      } else {
        ++i;
      }
    }
    introsort(Xf, s, l, maxd);
    Xf += r;
    s += r;
    n -= r;
  }
}
inline void sort(float* Xf, std::int32_t* s, std::int64_t n) {
  if (n == 0) return;
  introsort(Xf, s, n, 2 * static_cast<int>(log2_sk(static_cast<double>(n))));
}
}  // namespace sk_sort

// ---------------------------------------------------------------------------------------------
// BestSplitter.

struct Split {
  std::int64_t feature = Tree::undefined;
  std::int64_t pos = 0;
  double threshold = Tree::undefined;
  double improvement = -std::numeric_limits<double>::infinity();
  double impurity_left = std::numeric_limits<double>::infinity();
  double impurity_right = std::numeric_limits<double>::infinity();
};

// Moves the samples whose value is <= threshold before the others, in place, with scikit-learn's
// swaps (the order of the samples inside each side matters for later ties).
template <class Index>
void partition_samples(Index* samples, std::int64_t start, std::int64_t end, const float* col, double threshold) {
  std::int64_t p = start, partition_end = end;
  while (p < partition_end) {
    if (static_cast<double>(col[samples[p]]) <= threshold) {
      ++p;
    } else {
      --partition_end;
      std::swap(samples[p], samples[partition_end]);
    }
  }
}

inline std::uint32_t our_rand_r(std::uint32_t& seed) {
  if (seed == 0) seed = 1;
  seed ^= seed << 13;
  seed ^= seed >> 17;
  seed ^= seed << 5;
  return seed % (static_cast<std::uint32_t>(0x7FFFFFFF) + 1u);
}
inline std::int64_t rand_int(std::int64_t low, std::int64_t high, std::uint32_t& seed) {
  return low + static_cast<std::int64_t>(our_rand_r(seed)) % (high - low);
}
// sklearn's rand_uniform: a double in [low, high) from the same rand_r stream.
inline double rand_uniform(double low, double high, std::uint32_t& seed) {
  return ((high - low) * static_cast<double>(our_rand_r(seed)) / static_cast<double>(0x7FFFFFFF)) + low;
}

template <class Criterion>
class Splitter {
 public:
  Splitter(const ColumnMajorX& X, Criterion& criterion, const double* sample_weight, const GrowRules& rules,
           double min_weight_leaf, std::uint32_t seed)
      : X_(X), crit_(criterion), rules_(rules), min_weight_leaf_(min_weight_leaf), rand_(seed), random_(rules.splitter == "random"),
        sklearn_sort_(rules.criterion == "absolute_error" || rules.sklearn_sort) {
    samples_.reserve(static_cast<std::size_t>(X.n));
    for (std::int64_t i = 0; i < X.n; ++i)
      if (!sample_weight || sample_weight[i] != 0.0) samples_.push_back(static_cast<std::int32_t>(i));
    features_.resize(static_cast<std::size_t>(X.p));
    for (std::int64_t j = 0; j < X.p; ++j) features_[j] = j;
    constant_features_.assign(static_cast<std::size_t>(X.p), 0);
    Xf_.resize(samples_.size());
    keys_.resize(samples_.size());
    tmp_.resize(samples_.size());
  }
  std::int64_t n_samples() const { return static_cast<std::int64_t>(samples_.size()); }
  Criterion& criterion() { return crit_; }

  double node_reset(std::int64_t start, std::int64_t end) {
    start_ = start;
    end_ = end;
    crit_.init(samples_.data(), start, end);
    return crit_.wn_node;
  }

  // sklearn's BestSplitter.node_split and RandomSplitter.node_split (Extra-Trees), which share the
  // Fisher-Yates feature draws with constant-feature bookkeeping and differ in how one drawn
  // feature is scanned: every threshold between sorted values (best), or one threshold drawn
  // uniformly between the node's float32 min and max from the same rand_r state (random).
  void node_split(double impurity, Split& best, std::int64_t& n_constant_features) {
    const std::int64_t start = start_, end = end_;
    best = Split{};
    best.pos = end;
    double best_proxy = -std::numeric_limits<double>::infinity();
    Split current;
    std::int64_t f_i = X_.p, n_visited = 0, n_found_c = 0, n_drawn_c = 0;
    const std::int64_t n_known_c = n_constant_features;
    std::int64_t n_total_c = n_known_c;
    while (f_i > n_total_c && (n_visited < rules_.max_features || n_visited <= n_found_c + n_drawn_c)) {
      ++n_visited;
      std::int64_t f_j = rand_int(n_drawn_c, f_i - n_found_c, rand_);
      if (f_j < n_known_c) {
        std::swap(features_[f_j], features_[n_drawn_c]);
        ++n_drawn_c;
        continue;
      }
      f_j += n_found_c;
      current.feature = features_[f_j];
      float min_v = 0, max_v = 0;
      if (random_) {
        load_min_max(current.feature, start, end, min_v, max_v);
      } else {
        sort_node(current.feature, start, end);
        min_v = Xf_[start];
        max_v = Xf_[end - 1];
      }
      if (max_v <= min_v + kFeatureThreshold) {  // constant in this node
        features_[f_j] = features_[n_total_c];
        features_[n_total_c] = current.feature;
        ++n_found_c;
        ++n_total_c;
        continue;
      }
      --f_i;
      std::swap(features_[f_i], features_[f_j]);
      if (random_) scan_random(min_v, max_v, current, best, best_proxy);
      else scan_sorted(current, best, best_proxy);
    }
    if (best.pos < end) {
      // The random splitter has partitioned already when the best was the last feature tried (as
      // scikit-learn tests it); the sorted order of the best splitter is the last feature's.
      if (!random_ || current.feature != best.feature)
        partition_samples(samples_.data(), start, end, X_.column(best.feature), best.threshold);
      crit_.reset();
      crit_.update(best.pos);
      crit_.children_impurity(best.impurity_left, best.impurity_right);
      best.improvement = crit_.impurity_improvement(impurity, best.impurity_left, best.impurity_right);
    }
    // Known constants first, then the newly found ones (sklearn's invariant for the children).
    std::copy_n(constant_features_.begin(), n_known_c, features_.begin());
    std::copy_n(features_.begin() + n_known_c, n_found_c, constant_features_.begin() + n_known_c);
    n_constant_features = n_total_c;
  }

 private:
  // Every position between distinct sorted values of the node (Xf_), keeping the best proxy.
  void scan_sorted(Split& current, Split& best, double& best_proxy) {
    const std::int64_t start = start_, end = end_, msl = rules_.min_samples_leaf;
    const float* Xf = Xf_.data();
    crit_.reset();
    std::int64_t p = start;
    while (p < end) {
      while (p + 1 < end && Xf[p + 1] <= Xf[p] + kFeatureThreshold) ++p;
      ++p;
      if (p < end) {
        current.pos = p;
        if (p - start < msl || end - p < msl) continue;
        crit_.update(p);
        if (crit_.wn_left < min_weight_leaf_ || crit_.wn_right < min_weight_leaf_) continue;
        const double proxy = crit_.proxy_improvement();
        if (proxy > best_proxy) {
          best_proxy = proxy;
          current.threshold = Xf[p - 1] / 2.0 + Xf[p] / 2.0;
          if (current.threshold == Xf[p] || std::isinf(current.threshold)) current.threshold = Xf[p - 1];
          best = current;
        }
      }
    }
  }

  // The node's values of `feature` into Xf_ (in sample order) and their float32 min and max.
  void load_min_max(std::int64_t feature, std::int64_t start, std::int64_t end, float& min_v, float& max_v) {
    const float* col = X_.column(feature);
    const std::int32_t* samples = samples_.data();
    float* Xf = Xf_.data();
    min_v = max_v = Xf[start] = col[samples[start]];
    for (std::int64_t p = start + 1; p < end; ++p) {
      const float v = col[samples[p]];
      Xf[p] = v;
      if (v < min_v) min_v = v;
      else if (v > max_v) max_v = v;
    }
  }

  // One threshold drawn in (min, max); the node's samples partitioned around it in place (the
  // same swaps as scikit-learn's, so the sample order later sums see is its order).
  void scan_random(float min_v, float max_v, Split& current, Split& best, double& best_proxy) {
    const std::int64_t start = start_, end = end_, msl = rules_.min_samples_leaf;
    float* Xf = Xf_.data();
    std::int32_t* samples = samples_.data();
    current.threshold = rand_uniform(min_v, max_v, rand_);
    if (current.threshold == static_cast<double>(max_v)) current.threshold = min_v;
    std::int64_t p = start, partition_end = end;
    while (p < partition_end) {
      if (static_cast<double>(Xf[p]) <= current.threshold) {
        ++p;
      } else {
        --partition_end;
        std::swap(Xf[p], Xf[partition_end]);
        std::swap(samples[p], samples[partition_end]);
      }
    }
    current.pos = partition_end;
    if (current.pos - start < msl || end - current.pos < msl) return;
    crit_.reset();
    crit_.update(current.pos);
    if (crit_.wn_left < min_weight_leaf_ || crit_.wn_right < min_weight_leaf_) return;
    const double proxy = crit_.proxy_improvement();
    if (proxy > best_proxy) {
      best_proxy = proxy;
      best = current;
    }
  }

  // The node's samples sorted by the feature (into samples_ and Xf_). Ties are ordered by sample
  // index (a radix sort, fast), or as scikit-learn's introsort leaves them for absolute_error.
  void sort_node(std::int64_t feature, std::int64_t start, std::int64_t end) {
    const float* col = X_.column(feature);
    const std::int64_t n = end - start;
    if (sklearn_sort_) {
      float* Xf = Xf_.data() + start;
      std::int32_t* s = samples_.data() + start;
      for (std::int64_t i = 0; i < n; ++i) Xf[i] = col[s[i]];
      sk_sort::sort(Xf, s, n);
      return;
    }
    std::uint64_t* keys = keys_.data() + start;
    std::int32_t* s = samples_.data() + start;
    for (std::int64_t i = 0; i < n; ++i)
      keys[i] = (static_cast<std::uint64_t>(float_key(col[s[i]])) << 32) | static_cast<std::uint32_t>(s[i]);
    sort_keys(keys, tmp_.data() + start, n);
    float* Xf = Xf_.data() + start;
    for (std::int64_t i = 0; i < n; ++i) {
      s[i] = static_cast<std::int32_t>(keys[i] & 0xffffffffu);
      Xf[i] = key_float(static_cast<std::uint32_t>(keys[i] >> 32));
    }
  }

  const ColumnMajorX& X_;
  Criterion& crit_;
  const GrowRules& rules_;
  double min_weight_leaf_;
  std::uint32_t rand_;
  bool random_, sklearn_sort_;
  std::vector<std::int32_t> samples_;
  std::vector<std::int64_t> features_, constant_features_;
  std::vector<float> Xf_;
  std::vector<std::uint64_t> keys_, tmp_;
  std::int64_t start_ = 0, end_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Builders.

struct Limits {
  std::int64_t max_depth, min_samples_split, min_samples_leaf;
  double min_weight_leaf, min_impurity_decrease;
};

template <class Criterion>
void build_depth_first(Splitter<Criterion>& sp, Tree& tree, const Limits& lim) {
  struct Rec {
    std::int64_t start, end, depth, parent;
    bool is_left;
    double impurity;
    std::int64_t n_constant;
  };
  std::vector<Rec> stack{{0, sp.n_samples(), 0, Tree::undefined, false, std::numeric_limits<double>::infinity(), 0}};
  bool first = true;
  while (!stack.empty()) {
    const Rec r = stack.back();
    stack.pop_back();
    const std::int64_t n_node = r.end - r.start;
    const double wn = sp.node_reset(r.start, r.end);
    bool is_leaf = r.depth >= lim.max_depth || n_node < lim.min_samples_split || n_node < 2 * lim.min_samples_leaf ||
                   wn < 2 * lim.min_weight_leaf;
    double impurity = r.impurity;
    if (first) {
      impurity = sp.criterion().node_impurity();
      first = false;
    }
    is_leaf = is_leaf || impurity <= kEpsilon;
    Split split;
    std::int64_t n_constant = r.n_constant;
    if (!is_leaf) {
      sp.node_split(impurity, split, n_constant);
      is_leaf = split.pos >= r.end || split.improvement + kEpsilon < lim.min_impurity_decrease;
    }
    const std::int64_t id = tree.add_node(r.parent, r.is_left, is_leaf, split.feature, split.threshold, impurity, n_node, wn, r.depth);
    sp.criterion().node_value(tree.value.data() + id * tree.n_classes);
    if (!is_leaf) {
      stack.push_back({split.pos, r.end, r.depth + 1, id, false, split.impurity_right, n_constant});
      stack.push_back({r.start, split.pos, r.depth + 1, id, true, split.impurity_left, n_constant});
    }
  }
}

template <class Criterion>
void build_best_first(Splitter<Criterion>& sp, Tree& tree, const Limits& lim, std::int64_t max_leaf_nodes) {
  struct Rec {
    std::int64_t node_id, start, end, pos, depth;
    bool is_leaf;
    double impurity, impurity_left, impurity_right, improvement;
  };
  auto add_split_node = [&](std::int64_t start, std::int64_t end, double impurity, bool is_first, bool is_left,
                            std::int64_t parent, std::int64_t depth) {
    const double wn = sp.node_reset(start, end);
    if (is_first) impurity = sp.criterion().node_impurity();
    const std::int64_t n_node = end - start;
    bool is_leaf = depth >= lim.max_depth || n_node < lim.min_samples_split || n_node < 2 * lim.min_samples_leaf ||
                   wn < 2 * lim.min_weight_leaf || impurity <= kEpsilon;
    Split split;
    std::int64_t n_constant = 0;
    if (!is_leaf) {
      sp.node_split(impurity, split, n_constant);
      is_leaf = split.pos >= end || split.improvement + kEpsilon < lim.min_impurity_decrease;
    }
    const std::int64_t id = tree.add_node(parent, is_left, is_leaf, split.feature, split.threshold, impurity, n_node, wn, depth);
    sp.criterion().node_value(tree.value.data() + id * tree.n_classes);
    if (is_leaf) return Rec{id, start, end, end, depth, true, impurity, impurity, impurity, 0.0};
    return Rec{id, start, end, split.pos, depth, false, impurity, split.impurity_left, split.impurity_right, split.improvement};
  };
  const auto cmp = [](const Rec& a, const Rec& b) { return a.improvement < b.improvement; };
  std::vector<Rec> frontier;
  std::int64_t max_split_nodes = max_leaf_nodes - 1;
  frontier.push_back(add_split_node(0, sp.n_samples(), std::numeric_limits<double>::infinity(), true, true, Tree::undefined, 0));
  std::push_heap(frontier.begin(), frontier.end(), cmp);
  while (!frontier.empty()) {
    std::pop_heap(frontier.begin(), frontier.end(), cmp);
    const Rec r = frontier.back();
    frontier.pop_back();
    const auto id = static_cast<std::size_t>(r.node_id);
    if (r.is_leaf || max_split_nodes <= 0) {
      tree.children_left[id] = tree.children_right[id] = Tree::leaf;
      tree.feature[id] = Tree::undefined;
      tree.threshold[id] = Tree::undefined;
    } else {
      --max_split_nodes;
      const Rec left = add_split_node(r.start, r.pos, r.impurity_left, false, true, r.node_id, r.depth + 1);
      const Rec right = add_split_node(r.pos, r.end, r.impurity_right, false, false, r.node_id, r.depth + 1);
      frontier.push_back(left);
      std::push_heap(frontier.begin(), frontier.end(), cmp);
      frontier.push_back(right);
      std::push_heap(frontier.begin(), frontier.end(), cmp);
    }
  }
}

template <class Criterion>
Tree grow(const ColumnMajorX& X, Criterion& crit, const double* sample_weight, const GrowRules& rules,
          std::uint32_t seed, std::int64_t n_classes, double weighted_n_samples) {
  Limits lim;
  lim.max_depth = rules.max_depth < 0 ? std::numeric_limits<std::int32_t>::max() : rules.max_depth;
  lim.min_samples_leaf = rules.min_samples_leaf;
  lim.min_samples_split = std::max(rules.min_samples_split, 2 * rules.min_samples_leaf);
  lim.min_weight_leaf = rules.min_weight_fraction_leaf * weighted_n_samples;
  lim.min_impurity_decrease = rules.min_impurity_decrease;
  Splitter<Criterion> sp(X, crit, sample_weight, rules, lim.min_weight_leaf, seed);
  Tree tree;
  tree.n_features = X.p;
  tree.n_classes = std::max<std::int64_t>(1, n_classes);
  if (rules.max_leaf_nodes < 0) build_depth_first(sp, tree, lim);
  else build_best_first(sp, tree, lim, rules.max_leaf_nodes);
  if (rules.ccp_alpha > 0.0) tree = prune_ccp(tree, rules.ccp_alpha);
  tree.finalize();
  return tree;
}

}  // namespace

Tree grow_tree(const ColumnMajorX& X, const double* y, std::int64_t n_classes, const double* sample_weight,
               const GrowRules& rules, std::uint32_t rand_r_state) {
  check(X.n < std::numeric_limits<std::int32_t>::max(), "tree: at most 2^31 - 1 samples, got {}", X.n);
  double weighted_n_samples = 0.0;
  for (std::int64_t i = 0; i < X.n; ++i) weighted_n_samples += sample_weight ? sample_weight[i] : 1.0;
  check(rules.splitter == "best" || rules.splitter == "random", "tree: splitter must be 'best' or 'random', got '{}'", rules.splitter);
  if (n_classes > 0) {
    check(rules.criterion == "gini" || rules.criterion == "entropy" || rules.criterion == "log_loss",
          "DecisionTreeClassifier: criterion must be 'gini', 'entropy' or 'log_loss', got '{}'", rules.criterion);
    ClassCriterion crit(y, sample_weight, X.n, n_classes, rules.criterion != "gini", weighted_n_samples);
    return grow(X, crit, sample_weight, rules, rand_r_state, n_classes, weighted_n_samples);
  }
  check(rules.criterion == "squared_error" || rules.criterion == "friedman_mse" || rules.criterion == "absolute_error",
        "DecisionTreeRegressor: criterion must be 'squared_error', 'friedman_mse' or 'absolute_error', got '{}'", rules.criterion);
  if (rules.criterion == "absolute_error") {
    AbsoluteErrorCriterion crit(y, sample_weight, weighted_n_samples);
    return grow(X, crit, sample_weight, rules, rand_r_state, 0, weighted_n_samples);
  }
  if (rules.criterion == "friedman_mse") {
    FriedmanMseCriterion crit(y, sample_weight, weighted_n_samples);
    return grow(X, crit, sample_weight, rules, rand_r_state, 0, weighted_n_samples);
  }
  MseCriterion crit(y, sample_weight, weighted_n_samples);
  return grow(X, crit, sample_weight, rules, rand_r_state, 0, weighted_n_samples);
}

// ---------------------------------------------------------------------------------------------
// Minimal cost-complexity pruning (sklearn's _cost_complexity_prune + _build_pruned_tree).

Tree prune_ccp(const Tree& t, double alpha) {
  const std::int64_t n = t.node_count();
  std::vector<std::int64_t> parent(static_cast<std::size_t>(n), Tree::undefined);
  for (std::int64_t i = 0; i < n; ++i)
    if (!t.is_leaf(i)) parent[t.children_left[i]] = parent[t.children_right[i]] = i;
  const double total = t.weighted_n_node_samples[0];
  std::vector<double> r_node(static_cast<std::size_t>(n)), r_branch(static_cast<std::size_t>(n), 0.0);
  std::vector<std::int64_t> n_leaves(static_cast<std::size_t>(n), 0);
  std::vector<char> leaves_in_subtree(static_cast<std::size_t>(n), 0), candidate(static_cast<std::size_t>(n), 0),
      in_subtree(static_cast<std::size_t>(n), 1);
  for (std::int64_t i = 0; i < n; ++i) r_node[i] = t.weighted_n_node_samples[i] / total * t.impurity[i];
  std::vector<std::int64_t> stack, leaves;
  for (std::int64_t i = 0; i < n; ++i) {  // leaves in node order, as scikit-learn sums them
    if (t.is_leaf(i)) {
      leaves.push_back(i);
      leaves_in_subtree[i] = 1;
    } else {
      candidate[i] = 1;
    }
  }
  for (std::int64_t leaf : leaves) {
    r_branch[leaf] = r_node[leaf];
    const double current_r = r_node[leaf];
    for (std::int64_t i = leaf; i != 0;) {
      const std::int64_t up = parent[i];
      r_branch[up] += current_r;
      n_leaves[up] += 1;
      i = up;
    }
  }
  while (candidate[0]) {
    double effective_alpha = std::numeric_limits<double>::max();
    std::int64_t pruned = -1;
    for (std::int64_t i = 0; i < n; ++i) {
      if (!candidate[i]) continue;
      const double a = (r_node[i] - r_branch[i]) / static_cast<double>(n_leaves[i] - 1);
      if (a < effective_alpha) {
        effective_alpha = a;
        pruned = i;
      }
    }
    if (alpha < effective_alpha) break;
    stack.assign(1, pruned);
    while (!stack.empty()) {
      const std::int64_t i = stack.back();
      stack.pop_back();
      if (!in_subtree[i]) continue;
      candidate[i] = leaves_in_subtree[i] = in_subtree[i] = 0;
      if (!t.is_leaf(i)) {
        stack.push_back(t.children_left[i]);
        stack.push_back(t.children_right[i]);
      }
    }
    leaves_in_subtree[pruned] = in_subtree[pruned] = 1;
    const std::int64_t n_pruned_leaves = n_leaves[pruned] - 1;
    n_leaves[pruned] = 0;
    const double r_diff = r_node[pruned] - r_branch[pruned];
    r_branch[pruned] = r_node[pruned];
    for (std::int64_t i = parent[pruned]; i != Tree::undefined; i = parent[i]) {
      n_leaves[i] -= n_pruned_leaves;
      r_branch[i] += r_diff;
    }
  }
  // The kept nodes in pre-order (left first).
  Tree out;
  out.n_features = t.n_features;
  out.n_classes = t.n_classes;
  struct Rec {
    std::int64_t node, depth, parent;
    bool is_left;
  };
  std::vector<Rec> recs{{0, 0, Tree::undefined, false}};
  while (!recs.empty()) {
    const Rec r = recs.back();
    recs.pop_back();
    const bool is_leaf = leaves_in_subtree[r.node];
    const std::int64_t id = out.add_node(r.parent, r.is_left, is_leaf, t.feature[r.node], t.threshold[r.node], t.impurity[r.node],
                                         t.n_node_samples[r.node], t.weighted_n_node_samples[r.node], r.depth);
    std::copy_n(t.value_at(r.node), t.n_classes, out.value.data() + id * t.n_classes);
    if (!is_leaf) {
      recs.push_back({t.children_right[r.node], r.depth + 1, id, false});
      recs.push_back({t.children_left[r.node], r.depth + 1, id, true});
    }
  }
  return out;
}

}  // namespace axon::ml::tree_detail

namespace axon::ml::tree_detail {

std::uint32_t resolve_seed(const std::optional<std::int64_t>& random_state, std::string_view who) {
  if (!random_state) return static_cast<std::uint32_t>(default_generator().next_u64() & 0xffffffffu);
  check(*random_state >= 0 && *random_state <= 0xffffffffLL, "{}: random_state must be in [0, 2^32 - 1] or None, got {}", who,
        *random_state);
  return static_cast<std::uint32_t>(*random_state);
}

std::vector<float> predict_rows(const Data& X, std::int64_t n_features, std::string_view who) {
  return row_major_f32(check_dense_X(X, who, n_features), who);
}

Tensor apply_tree(const Tree& tree, const Data& X, std::string_view who) {
  const std::vector<float> rows = predict_rows(X, tree.n_features, who);
  const std::int64_t n = static_cast<std::int64_t>(rows.size()) / std::max<std::int64_t>(tree.n_features, 1);
  std::vector<std::int64_t> leaves(static_cast<std::size_t>(n));
  tree.apply(rows.data(), n, leaves.data());
  return from_vector(leaves, {n});
}

Tensor feature_importances(const Tree& tree) {
  const std::vector<double> v = tree.feature_importances();
  return from_vector(v, {static_cast<std::int64_t>(v.size())});
}

SparseMatrix decision_path(const Tree& tree, const Data& X, std::string_view who) {
  const std::vector<float> rows = predict_rows(X, tree.n_features, who);
  const std::int64_t p = tree.n_features, n = static_cast<std::int64_t>(rows.size()) / std::max<std::int64_t>(p, 1);
  std::vector<std::int64_t> indptr{0}, indices;
  for (std::int64_t i = 0; i < n; ++i) {
    const float* row = rows.data() + i * p;
    std::int64_t node = 0;
    for (;;) {
      indices.push_back(node);
      if (tree.is_leaf(node)) break;
      node = static_cast<double>(row[tree.feature[node]]) <= tree.threshold[node] ? tree.children_left[node] : tree.children_right[node];
    }
    indptr.push_back(static_cast<std::int64_t>(indices.size()));
  }
  const auto nnz = static_cast<std::int64_t>(indices.size());
  return SparseMatrix(n, tree.node_count(), from_vector(indptr, {n + 1}), from_vector(indices, {nnz}),
                      from_vector(std::vector<double>(static_cast<std::size_t>(nnz), 1.0), {nnz}));
}

}  // namespace axon::ml::tree_detail

namespace axon::ml::tree_detail {

std::string py_float(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  std::string s = fmt::format("{}", v);
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  return s;
}

std::string label_text(const Tensor& classes, std::int64_t i) {
  if (classes.dtype() == Dtype::int64) return std::to_string(classes.data<std::int64_t>()[i]);
  return py_float(classes.to_vector<double>()[static_cast<std::size_t>(i)]);
}

}  // namespace axon::ml::tree_detail
