// numpy's legacy RandomState, as far as scikit-learn's ensembles draw from it, so that axon's
// trees, forests and ensembles make scikit-learn's random choices from the same seed. Private to
// the ml floor.
#pragma once

#include <cstdint>
#include <vector>

namespace axon::ml::tree_detail {

/// numpy's legacy RandomState (MT19937, init_genrand seeding) and its randint, which scikit-learn
/// uses to seed its trees and to draw bootstrap samples: RandomState(seed).randint(...) here gives
/// numpy's numbers.
class NumpyRandomState {
 public:
  explicit NumpyRandomState(std::uint32_t seed);
  std::uint32_t next_u32();
  /// randint(low, high): uniform in [low, high), numpy's masked rejection sampling (high - low ≤ 2³²).
  std::int64_t randint(std::int64_t low, std::int64_t high);
  /// random_sample() (= rand() = uniform(0, 1)): numpy's 53-bit double from two draws,
  /// (a >> 5, b >> 6) → (a · 2²⁶ + b) / 2⁵³.
  double random_sample();
  /// numpy's random_interval(max): uniform in [0, max] by masked rejection (max < 2³²); what the
  /// legacy shuffle draws.
  std::uint32_t interval(std::uint32_t max);
  /// shuffle(x) of a 1-D array: Fisher–Yates from the last element down, x[i] ↔ x[interval(i)].
  void shuffle(std::vector<std::int64_t>& x);
  /// permutation(n): shuffle(arange(n)).
  std::vector<std::int64_t> permutation(std::int64_t n);

 private:
  std::uint32_t mt_[624];
  int index_ = 624;
};

/// scikit-learn's sample_without_replacement(n_population, n_samples, method="auto",
/// random_state=rs) (sklearn/utils/_random.pyx): a permutation's first n_samples when
/// 0.01 < n_samples / n_population < 0.99, else tracking selection (ratio < 0.2: randint(n)
/// until unseen) or reservoir sampling (which draws nothing when n_samples == n_population).
std::vector<std::int64_t> sample_without_replacement(std::int64_t n_population, std::int64_t n_samples,
                                                     NumpyRandomState& rs);

/// numpy's sum of a contiguous float64 array (add.reduce: pairwise, blocks of 8 accumulators
/// below 128 elements), so that sums scikit-learn takes with np.sum round the same here.
double numpy_sum(const double* a, std::int64_t n);

}  // namespace axon::ml::tree_detail
