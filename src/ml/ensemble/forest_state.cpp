#include "forest_state.hpp"

#include "axon/core/creation.hpp"

#include <fmt/format.h>

namespace axon::ml::forest_detail {

void save_forest(const Forest& forest, StateDict& state) {
  state.set("n_trees", Param{static_cast<std::int64_t>(forest.trees.size())});
  for (std::size_t t = 0; t < forest.trees.size(); ++t) {
    const std::string prefix = fmt::format("trees/{}/", t);
    forest.trees[t].save(state, prefix);
    state.set(prefix + "seed", Param{static_cast<std::int64_t>(forest.seeds[t])});
  }
}

std::shared_ptr<const Forest> load_forest(const StateDict& state, std::int64_t n_features, std::int64_t k) {
  const std::int64_t n = state.integer("n_trees");
  check<IoError>(n >= 1, "load: a forest of {} trees", n);
  auto f = std::make_shared<Forest>();
  for (std::int64_t t = 0; t < n; ++t) {
    const std::string prefix = fmt::format("trees/{}/", t);
    f->trees.push_back(Tree::load(state, prefix));
    f->seeds.push_back(static_cast<std::uint32_t>(state.integer(prefix + "seed")));
    const Tree& tree = f->trees.back();
    check<IoError>(tree.n_features == n_features && tree.n_classes == k,
                   "load: tree {} of the forest has {} features and {} outputs per node; the forest has {} and {}", t,
                   tree.n_features, tree.n_classes, n_features, k);
    f->leaf_values.push_back(leaf_outputs(tree, k > 1));  // a classifier has k = n_classes >= 2
  }
  return f;
}

}  // namespace axon::ml::forest_detail
