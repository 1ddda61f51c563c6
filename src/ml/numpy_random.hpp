// numpy's legacy RandomState, as far as scikit-learn's ensembles draw from it, so that axon's
// trees, forests and ensembles make scikit-learn's random choices from the same seed. Private to
// the ml floor.
#pragma once

#include <cstdint>

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

 private:
  std::uint32_t mt_[624];
  int index_ = 624;
};

}  // namespace axon::ml::tree_detail
