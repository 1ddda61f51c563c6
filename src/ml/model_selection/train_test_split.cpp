// train_test_split as scikit-learn 1.2: _validate_shuffle_split's sizes, ShuffleSplit's cut of a
// permutation, StratifiedShuffleSplit's per-class counts (_approximate_mode).
#include "axon/ml/model_selection/train_test_split.hpp"

#include "axon/core/error.hpp"
#include "axon/core/generator.hpp"
#include "axon/ml/estimator.hpp"
#include "axon/ml/params.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace axon::ml {
namespace {

std::string size_text(const SplitSize& s) {
  if (const auto* i = std::get_if<std::int64_t>(&s)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&s)) return to_string(Param{*d});
  return "None";
}

void check_size(const SplitSize& s, std::int64_t n, const char* name) {
  const auto* i = std::get_if<std::int64_t>(&s);
  const auto* d = std::get_if<double>(&s);
  check(!(i && (*i >= n || *i <= 0)) && !(d && (*d <= 0 || *d >= 1)),
        "train_test_split: {}={} should be either positive and smaller than the number of samples {} or a float in the "
        "(0, 1) range",
        name, size_text(s), n);
}

template <class T>
void shuffle(std::vector<T>& v, Generator& gen) {
  for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[gen.below(i)]);
}

// _approximate_mode: counts per class summing to n_draws, close to n_draws · class share; leftover
// draws go to the largest remainders, ties broken at random.
std::vector<std::int64_t> approximate_mode(const std::vector<std::int64_t>& counts, std::int64_t n_draws, Generator& gen) {
  const double total = static_cast<double>(std::accumulate(counts.begin(), counts.end(), std::int64_t{0}));
  std::vector<double> continuous(counts.size()), remainder(counts.size());
  std::vector<std::int64_t> floored(counts.size());
  std::int64_t need = n_draws;
  for (std::size_t c = 0; c < counts.size(); ++c) {
    continuous[c] = static_cast<double>(counts[c]) / total * static_cast<double>(n_draws);
    floored[c] = static_cast<std::int64_t>(std::floor(continuous[c]));
    remainder[c] = continuous[c] - static_cast<double>(floored[c]);
    need -= floored[c];
  }
  std::vector<double> values = remainder;
  std::sort(values.begin(), values.end(), std::greater<>());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  for (double value : values) {
    if (need <= 0) break;
    std::vector<std::size_t> inds;
    for (std::size_t c = 0; c < counts.size(); ++c)
      if (remainder[c] == value) inds.push_back(c);
    shuffle(inds, gen);
    const auto add = std::min<std::int64_t>(need, static_cast<std::int64_t>(inds.size()));
    for (std::int64_t j = 0; j < add; ++j) ++floored[inds[j]];
    need -= add;
  }
  return floored;
}

}  // namespace

SplitIndices train_test_split_indices(std::int64_t n, const TrainTestSplitOptions& o) {
  SplitSize test = o.test_size, train = o.train_size;
  if (std::holds_alternative<std::monostate>(test) && std::holds_alternative<std::monostate>(train)) test = 0.25;
  check_size(test, n, "test_size");
  check_size(train, n, "train_size");
  const auto* test_f = std::get_if<double>(&test);
  const auto* train_f = std::get_if<double>(&train);
  check(!(test_f && train_f && *test_f + *train_f > 1),
        "train_test_split: The sum of test_size and train_size = {}, should be in the (0, 1) range. Reduce test_size "
        "and/or train_size.",
        test_f && train_f ? *test_f + *train_f : 0.0);
  auto count = [&](const SplitSize& s, bool ceil_it) -> std::int64_t {
    if (const auto* i = std::get_if<std::int64_t>(&s)) return *i;
    const double v = std::get<double>(s) * static_cast<double>(n);
    return static_cast<std::int64_t>(ceil_it ? std::ceil(v) : std::floor(v));
  };
  std::int64_t n_test = 0, n_train = 0;
  if (std::holds_alternative<std::monostate>(train)) {
    n_test = count(test, true);
    n_train = n - n_test;
  } else if (std::holds_alternative<std::monostate>(test)) {
    n_train = count(train, false);
    n_test = n - n_train;
  } else {
    n_test = count(test, true);
    n_train = count(train, false);
  }
  check(n_train + n_test <= n,
        "train_test_split: The sum of train_size and test_size = {}, should be smaller than the number of samples {}. "
        "Reduce test_size and/or train_size.",
        n_train + n_test, n);
  check(n_train > 0,
        "train_test_split: With n_samples={}, test_size={} and train_size={}, the resulting train set will be empty. "
        "Adjust any of the aforementioned parameters.",
        n, size_text(o.test_size), size_text(o.train_size));

  SplitIndices out;
  if (!o.shuffle) {
    check(!o.stratify.defined(), "train_test_split: Stratified train/test split is not implemented for shuffle=False");
    for (std::int64_t i = 0; i < n_train; ++i) out.train.push_back(i);
    for (std::int64_t i = n_train; i < n_train + n_test; ++i) out.test.push_back(i);
    return out;
  }
  Generator gen(o.random_state ? *o.random_state : default_generator().next_u64());
  if (!o.stratify.defined()) {
    std::vector<std::int64_t> perm(static_cast<std::size_t>(n));
    std::iota(perm.begin(), perm.end(), 0);
    shuffle(perm, gen);
    out.test.assign(perm.begin(), perm.begin() + n_test);
    out.train.assign(perm.begin() + n_test, perm.begin() + n_test + n_train);
    return out;
  }
  // StratifiedShuffleSplit: per-class train and test counts, then a random draw inside each class.
  check(o.stratify.ndim() == 1 && o.stratify.numel() == n,
        "train_test_split: stratify must hold one label per sample ({}), got {}", n, shape_text(o.stratify.shape()));
  const LabelCodes lc = encode_labels(o.stratify, "train_test_split");
  const auto k = static_cast<std::size_t>(lc.n_classes());
  std::vector<std::vector<std::int64_t>> members(k);
  for (std::size_t i = 0; i < lc.codes.size(); ++i) members[lc.codes[i]].push_back(static_cast<std::int64_t>(i));
  std::vector<std::int64_t> counts(k);
  for (std::size_t c = 0; c < k; ++c) counts[c] = static_cast<std::int64_t>(members[c].size());
  check(*std::min_element(counts.begin(), counts.end()) >= 2,
        "train_test_split: The least populated class in y has only 1 member, which is too few. The minimum number of "
        "groups for any class cannot be less than 2.");
  check(n_train >= static_cast<std::int64_t>(k),
        "train_test_split: The train_size = {} should be greater or equal to the number of classes = {}", n_train, k);
  check(n_test >= static_cast<std::int64_t>(k),
        "train_test_split: The test_size = {} should be greater or equal to the number of classes = {}", n_test, k);
  const std::vector<std::int64_t> n_i = approximate_mode(counts, n_train, gen);
  std::vector<std::int64_t> remaining(k);
  for (std::size_t c = 0; c < k; ++c) remaining[c] = counts[c] - n_i[c];
  const std::vector<std::int64_t> t_i = approximate_mode(remaining, n_test, gen);
  for (std::size_t c = 0; c < k; ++c) {
    std::vector<std::int64_t>& m = members[c];
    shuffle(m, gen);
    out.train.insert(out.train.end(), m.begin(), m.begin() + n_i[c]);
    out.test.insert(out.test.end(), m.begin() + n_i[c], m.begin() + n_i[c] + t_i[c]);
  }
  shuffle(out.train, gen);
  shuffle(out.test, gen);
  return out;
}

TrainTestSplit train_test_split(const Data& X, const Tensor& y, const TrainTestSplitOptions& options) {
  if (y.defined()) check_y(X, y, "train_test_split");
  const SplitIndices s = train_test_split_indices(X.n_samples(), options);
  TrainTestSplit out{X.take(s.train), X.take(s.test), {}, {}};
  if (y.defined()) {
    out.y_train = Data(y).take(s.train).tensor();
    out.y_test = Data(y).take(s.test).tensor();
  }
  return out;
}

}  // namespace axon::ml
