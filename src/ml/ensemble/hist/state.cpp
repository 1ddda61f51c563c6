// Saving and loading a fitted histogram gradient-boosting model (ml::save): every tree's nodes as
// columns over all trees, with each tree's first node in `node_offsets`. The bin thresholds are
// not kept: prediction compares raw values with each node's num_threshold.
#include "hist.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/ml/state.hpp"

namespace axon::ml::hist_detail {

void save_model(const Model& m, StateDict& state) {
  state.set("loss", Param{static_cast<std::int64_t>(m.loss)});
  state.set("trees_per_iteration", Param{m.k});
  state.set("n_features", Param{m.n_features});
  state.set("baseline", from_vector(m.baseline));
  std::vector<std::int64_t> offsets{0}, feature, left, right, count, bin_threshold, flags;
  std::vector<double> value, threshold;
  for (const Tree& t : m.trees) {
    for (const Node& n : t.nodes) {
      value.push_back(n.value);
      threshold.push_back(n.num_threshold);
      feature.push_back(n.feature);
      left.push_back(n.left);
      right.push_back(n.right);
      count.push_back(n.count);
      bin_threshold.push_back(n.bin_threshold);
      flags.push_back((n.is_leaf ? 1 : 0) | (n.missing_go_to_left ? 2 : 0));
    }
    offsets.push_back(static_cast<std::int64_t>(value.size()));
  }
  state.set("node_offsets", from_vector(offsets));
  state.set("value", from_vector(value));
  state.set("num_threshold", from_vector(threshold));
  state.set("feature", from_vector(feature));
  state.set("left", from_vector(left));
  state.set("right", from_vector(right));
  state.set("count", from_vector(count));
  state.set("bin_threshold", from_vector(bin_threshold));
  state.set("flags", from_vector(flags));
}

std::shared_ptr<const Model> load_model(const StateDict& state) {
  auto m = std::make_shared<Model>();
  const std::int64_t loss = state.integer("loss");
  check<IoError>(loss >= 0 && loss <= static_cast<std::int64_t>(LossKind::absolute_error), "load: unknown boosting loss {}", loss);
  m->loss = static_cast<LossKind>(loss);
  m->k = state.integer("trees_per_iteration");
  m->n_features = state.integer("n_features");
  m->baseline = state.tensor("baseline").to_vector<double>();
  const auto ints = [&](const char* key) { return state.tensor(key).to_vector<std::int64_t>(); };
  const std::vector<std::int64_t> offsets = ints("node_offsets"), feature = ints("feature"), left = ints("left"),
                                  right = ints("right"), count = ints("count"), bin_threshold = ints("bin_threshold"),
                                  flags = ints("flags");
  const std::vector<double> value = state.tensor("value").to_vector<double>(),
                            threshold = state.tensor("num_threshold").to_vector<double>();
  const std::size_t total = value.size();
  check<IoError>(m->k >= 1 && m->n_features >= 1 && m->baseline.size() == static_cast<std::size_t>(m->k) && offsets.size() >= 2 &&
                     (offsets.size() - 1) % static_cast<std::size_t>(m->k) == 0 && offsets.front() == 0 &&
                     static_cast<std::size_t>(offsets.back()) == total && threshold.size() == total && feature.size() == total &&
                     left.size() == total && right.size() == total && count.size() == total && bin_threshold.size() == total &&
                     flags.size() == total,
                 "load: a histogram gradient-boosting model whose arrays do not agree");
  for (std::size_t t = 0; t + 1 < offsets.size(); ++t) {
    const std::int64_t begin = offsets[t], end = offsets[t + 1];
    check<IoError>(begin < end && end <= static_cast<std::int64_t>(total), "load: boosting tree {} has no nodes", t);
    Tree tree;
    for (std::int64_t i = begin; i < end; ++i) {
      Node n;
      n.value = value[i];
      n.num_threshold = threshold[i];
      n.is_leaf = (flags[i] & 1) != 0;
      n.missing_go_to_left = (flags[i] & 2) != 0;
      const std::int64_t id = i - begin, size = end - begin;
      // Pre-order: children after their parent, inside the tree, so predict always ends at a leaf.
      check<IoError>(n.is_leaf || (left[i] > id && right[i] > id && left[i] < size && right[i] < size && feature[i] >= 0 &&
                                   feature[i] < m->n_features),
                     "load: boosting tree {} node {}: child or feature out of range", t, id);
      n.feature = static_cast<std::uint32_t>(feature[i]);
      n.left = static_cast<std::uint32_t>(left[i]);
      n.right = static_cast<std::uint32_t>(right[i]);
      n.count = static_cast<std::uint32_t>(count[i]);
      n.bin_threshold = static_cast<std::uint8_t>(bin_threshold[i]);
      tree.nodes.push_back(n);
    }
    m->trees.push_back(std::move(tree));
  }
  return m;
}

}  // namespace axon::ml::hist_detail
