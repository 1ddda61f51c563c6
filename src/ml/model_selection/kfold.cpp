// KFold and StratifiedKFold as scikit-learn 1.2's _split.py, and check_cv's choice between them.
#include "axon/ml/model_selection/kfold.hpp"

#include "axon/core/error.hpp"
#include "axon/core/generator.hpp"
#include "axon/ml/estimator.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace axon::ml {
namespace {

void check_options(const KFoldOptions& o, std::string_view who) {
  check(o.n_splits >= 2,
        "{}: k-fold cross-validation requires at least one train/test split by setting n_splits=2 or more, got "
        "n_splits={}",
        who, o.n_splits);
  check(o.shuffle || !o.random_state,
        "{}: Setting a random_state has no effect since shuffle is False. You should leave random_state to its default "
        "(None), or set shuffle=True.",
        who);
}

Generator make_generator(const std::optional<std::uint64_t>& seed) {
  return Generator(seed ? *seed : default_generator().next_u64());
}

template <class T>
void shuffle(std::vector<T>& v, Generator& gen) {
  for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[gen.below(i)]);
}

// (train, test) for each fold id 0..k-1 given each sample's fold.
std::vector<Split> splits_from_folds(const std::vector<std::int64_t>& fold, std::int64_t k) {
  std::vector<Split> out(static_cast<std::size_t>(k));
  for (std::size_t i = 0; i < fold.size(); ++i)
    for (std::int64_t f = 0; f < k; ++f)
      (fold[i] == f ? out[f].second : out[f].first).push_back(static_cast<std::int64_t>(i));
  return out;
}

}  // namespace

KFold::KFold(KFoldOptions options) : options_(std::move(options)) { check_options(options_, "KFold"); }

std::vector<Split> KFold::split(const Data& X, const Tensor&) const {
  const std::int64_t n = X.n_samples(), k = options_.n_splits;
  check(k <= n, "KFold: Cannot have number of splits n_splits={} greater than the number of samples: n_samples={}.", k,
        n);
  std::vector<std::int64_t> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), 0);
  if (options_.shuffle) {
    Generator gen = make_generator(options_.random_state);
    shuffle(order, gen);
  }
  std::vector<std::int64_t> fold(static_cast<std::size_t>(n));
  std::int64_t start = 0;
  for (std::int64_t f = 0; f < k; ++f) {
    const std::int64_t size = n / k + (f < n % k ? 1 : 0);
    for (std::int64_t i = start; i < start + size; ++i) fold[order[i]] = f;
    start += size;
  }
  return splits_from_folds(fold, k);
}

StratifiedKFold::StratifiedKFold(KFoldOptions options) : options_(std::move(options)) {
  check_options(options_, "StratifiedKFold");
}

std::vector<Split> StratifiedKFold::split(const Data& X, const Tensor& y) const {
  check_y(X, y, "StratifiedKFold.split");
  const std::int64_t k = options_.n_splits;
  const LabelCodes lc = encode_labels(y, "StratifiedKFold.split");
  // Classes numbered by first appearance (y_encoded in scikit-learn).
  std::vector<std::int64_t> rank(static_cast<std::size_t>(lc.n_classes()), -1);
  std::int64_t next = 0;
  for (std::int64_t c : lc.codes)
    if (rank[c] < 0) rank[c] = next++;
  std::vector<std::int64_t> encoded(lc.codes.size()), counts(rank.size(), 0);
  for (std::size_t i = 0; i < encoded.size(); ++i) ++counts[encoded[i] = rank[lc.codes[i]]];
  check(std::any_of(counts.begin(), counts.end(), [&](std::int64_t c) { return c >= k; }),
        "StratifiedKFold: n_splits={} cannot be greater than the number of members in each class.", k);
  // allocation[f][c]: samples of class c in test fold f, dealing the sorted encoded labels round-robin.
  std::vector<std::int64_t> sorted = encoded;
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::vector<std::int64_t>> allocation(static_cast<std::size_t>(k), std::vector<std::int64_t>(rank.size()));
  for (std::size_t i = 0; i < sorted.size(); ++i) ++allocation[i % static_cast<std::size_t>(k)][sorted[i]];
  Generator gen = options_.shuffle ? make_generator(options_.random_state) : Generator(0);
  std::vector<std::int64_t> fold(encoded.size());
  for (std::size_t c = 0; c < rank.size(); ++c) {
    std::vector<std::int64_t> folds_for_class;
    for (std::int64_t f = 0; f < k; ++f) folds_for_class.insert(folds_for_class.end(), allocation[f][c], f);
    if (options_.shuffle) shuffle(folds_for_class, gen);
    std::size_t j = 0;
    for (std::size_t i = 0; i < encoded.size(); ++i)
      if (encoded[i] == static_cast<std::int64_t>(c)) fold[i] = folds_for_class[j++];
  }
  return splits_from_folds(fold, k);
}

CV::CV(int n_splits) : CV(static_cast<std::int64_t>(n_splits)) {}
CV::CV(std::int64_t n_splits) : n_splits_(n_splits) {
  check(n_splits >= 2, "cv: the number of folds must be at least 2, got {}", n_splits);
}

std::int64_t CV::get_n_splits() const { return splitter_ ? splitter_->get_n_splits() : n_splits_; }

std::vector<Split> CV::split(const Estimator& estimator, const Data& X, const Tensor& y) const {
  if (splitter_) return splitter_->split(X, y);
  bool labels = estimator.kind() == Estimator::Kind::classifier && y.defined() && y.ndim() == 1;
  if (labels && y.dtype() != Dtype::int64 && y.dtype() != Dtype::uint8)
    for (double v : y.to_vector<double>())  // scikit-learn's "continuous" target: KFold
      if (v != std::floor(v)) {
        labels = false;
        break;
      }
  if (labels) return StratifiedKFold({.n_splits = n_splits_}).split(X, y);
  return KFold({.n_splits = n_splits_}).split(X, y);
}

}  // namespace axon::ml
