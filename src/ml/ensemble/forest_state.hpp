// Saving and loading a forest's trees (ml::save). Private to the ml floor.
#pragma once

#include "forest.hpp"

namespace axon::ml::forest_detail {

/// Every tree and its seed under "trees/<i>/..." (the leaf outputs are derived again on load).
void save_forest(const Forest& forest, StateDict& state);
/// The forest saved by save_forest; each tree must have n_features features and k outputs per leaf.
std::shared_ptr<const Forest> load_forest(const StateDict& state, std::int64_t n_features, std::int64_t k);

}  // namespace axon::ml::forest_detail
