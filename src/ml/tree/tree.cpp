#include "axon/ml/tree/tree.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"

#include <algorithm>
#include <cmath>

namespace axon::ml {

ParamBinding max_features_param(std::string name, MaxFeatures& field) {
  return {name,
          [&field]() -> Param {
            return std::visit([](const auto& v) -> Param {
              using T = std::decay_t<decltype(v)>;
              if constexpr (std::is_same_v<T, std::monostate>) return Param{};
              else return Param{v};
            }, field);
          },
          [&field, name](const Param& p) {
            if (std::holds_alternative<std::monostate>(p)) field = std::monostate{};
            else if (const auto* i = std::get_if<std::int64_t>(&p)) field = *i;
            else if (const auto* d = std::get_if<double>(&p)) field = *d;
            else if (const auto* s = std::get_if<std::string>(&p)) field = *s;
            else throw ValueError(fmt::format("set_params: {} must be None, an int, a float or a string, got {}", name, to_string(p)));
          }};
}

std::int64_t Tree::n_leaves() const {
  return static_cast<std::int64_t>(std::count(children_left.begin(), children_left.end(), leaf));
}

std::int64_t Tree::add_node(std::int64_t parent, bool is_left, bool is_leaf_node, std::int64_t feat, double thr,
                            double imp, std::int64_t n, double wn, std::int64_t depth) {
  const std::int64_t id = node_count();
  if (parent != undefined) (is_left ? children_left : children_right)[static_cast<std::size_t>(parent)] = id;
  children_left.push_back(leaf);
  children_right.push_back(leaf);
  feature.push_back(is_leaf_node ? undefined : feat);
  threshold.push_back(is_leaf_node ? static_cast<double>(undefined) : thr);
  impurity.push_back(imp);
  n_node_samples.push_back(n);
  weighted_n_node_samples.push_back(wn);
  value.resize(value.size() + static_cast<std::size_t>(n_classes), 0.0);
  max_depth = std::max(max_depth, depth);
  return id;
}

void Tree::finalize() {
  const std::int64_t n = node_count();
  compact_.resize(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) {
    Compact& c = compact_[static_cast<std::size_t>(i)];
    if (is_leaf(i)) {
      c = {0, 0.0f, static_cast<std::int32_t>(i), static_cast<std::int32_t>(i)};
      continue;
    }
    float t = static_cast<float>(threshold[i]);
    if (static_cast<double>(t) > threshold[i]) t = std::nextafter(t, -INFINITY);
    c = {static_cast<std::int32_t>(feature[i]), t, static_cast<std::int32_t>(children_left[i]),
         static_cast<std::int32_t>(children_right[i])};
  }
}

void Tree::apply(const float* X, std::int64_t n, std::int64_t* leaves) const {
  for (std::int64_t i = 0; i < n; ++i) leaves[i] = apply_row(X + i * n_features);
}

void Tree::apply_block(const float* rows, std::int64_t n, std::int32_t* leaves) const {
  // Branch-free: a leaf is its own child on both sides (left == right), so stepping it changes
  // nothing; `active` keeps the rows not yet at a leaf, compacted after each level.
  const Compact* nodes = compact_.data();
  const std::int64_t p = n_features;
  std::int32_t active[256];
  std::int64_t m = std::min<std::int64_t>(n, 256);
  for (std::int64_t i = 0; i < m; ++i) {
    leaves[i] = 0;
    active[i] = static_cast<std::int32_t>(i);
  }
  while (m > 0) {
    std::int64_t kept = 0;
    for (std::int64_t j = 0; j < m; ++j) {
      const std::int32_t r = active[j];
      const Compact& c = nodes[leaves[r]];
      // An index, not a branch: which side a row takes is unpredictable.
      const std::int32_t children[2] = {c.left, c.right};
      leaves[r] = children[static_cast<int>(!(rows[r * p + c.feature] <= c.threshold))];
      active[kept] = r;
      kept += c.left != c.right;
    }
    m = kept;
  }
}

std::vector<double> Tree::feature_importances(bool normalize) const {
  std::vector<double> imp(static_cast<std::size_t>(n_features), 0.0);
  for (std::int64_t i = 0; i < node_count(); ++i) {
    if (is_leaf(i)) continue;
    const auto l = static_cast<std::size_t>(children_left[i]), r = static_cast<std::size_t>(children_right[i]);
    imp[static_cast<std::size_t>(feature[i])] += weighted_n_node_samples[i] * impurity[i] -
                                                 weighted_n_node_samples[l] * impurity[l] -
                                                 weighted_n_node_samples[r] * impurity[r];
  }
  if (node_count() > 0)
    for (double& v : imp) v /= weighted_n_node_samples[0];
  if (normalize) {
    double s = 0.0;
    for (double v : imp) s += v;
    if (s > 0.0)
      for (double& v : imp) v /= s;
  }
  return imp;
}

void Tree::save(StateDict& state, const std::string& prefix) const {
  state.set(prefix + "children_left", from_vector(children_left));
  state.set(prefix + "children_right", from_vector(children_right));
  state.set(prefix + "feature", from_vector(feature));
  state.set(prefix + "threshold", from_vector(threshold));
  state.set(prefix + "impurity", from_vector(impurity));
  state.set(prefix + "n_node_samples", from_vector(n_node_samples));
  state.set(prefix + "weighted_n_node_samples", from_vector(weighted_n_node_samples));
  state.set(prefix + "value", from_vector(value));
  state.set(prefix + "n_features", Param{n_features});
  state.set(prefix + "n_classes", Param{n_classes});
  state.set(prefix + "max_depth", Param{max_depth});
}

Tree Tree::load(const StateDict& state, const std::string& prefix) {
  const auto ints = [&](const char* name) { return state.tensor(prefix + name).to_vector<std::int64_t>(); };
  const auto reals = [&](const char* name) { return state.tensor(prefix + name).to_vector<double>(); };
  Tree t;
  t.children_left = ints("children_left");
  t.children_right = ints("children_right");
  t.feature = ints("feature");
  t.threshold = reals("threshold");
  t.impurity = reals("impurity");
  t.n_node_samples = ints("n_node_samples");
  t.weighted_n_node_samples = reals("weighted_n_node_samples");
  t.value = reals("value");
  t.n_features = state.integer(prefix + "n_features");
  t.n_classes = state.integer(prefix + "n_classes");
  t.max_depth = state.integer(prefix + "max_depth");
  const auto n = static_cast<std::size_t>(t.node_count());
  check<IoError>(n > 0 && t.n_classes >= 1 && t.n_features >= 1 && t.children_left.size() == n && t.children_right.size() == n &&
                     t.threshold.size() == n && t.impurity.size() == n && t.n_node_samples.size() == n &&
                     t.weighted_n_node_samples.size() == n && t.value.size() == n * static_cast<std::size_t>(t.n_classes),
                 "load: tree '{}' has arrays of different lengths", prefix);
  for (std::size_t i = 0; i < n; ++i) {
    const auto id = static_cast<std::int64_t>(i), l = t.children_left[i], r = t.children_right[i];
    if (l == leaf) {
      check<IoError>(r == leaf, "load: tree '{}' node {}: one child missing", prefix, i);
      continue;
    }
    // Children come after their parent in both growth orders, so a walk always ends at a leaf.
    check<IoError>(l > id && r > id && l < static_cast<std::int64_t>(n) && r < static_cast<std::int64_t>(n) &&
                       t.feature[i] >= 0 && t.feature[i] < t.n_features,
                   "load: tree '{}' node {}: child or feature index out of range", prefix, i);
  }
  t.finalize();
  return t;
}

}  // namespace axon::ml
