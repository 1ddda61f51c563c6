// The tree grower behind DecisionTree*, ExtraTree*, RandomForest* and ExtraTrees*: scikit-learn
// 1.2's BestSplitter and RandomSplitter with their criteria (Gini, entropy, MSE, FriedmanMSE, MAE),
// its depth-first and best-first builders and minimal cost-complexity pruning, step for step (same
// feature and threshold draws from the same rand_r state, same tie rules, same float32 data), so
// that a tree grown from the same seed is scikit-learn's tree. Private to the ml floor.
#pragma once

#include "axon/core/error.hpp"
#include "axon/core/sparse.hpp"
#include "axon/core/tensor.hpp"
#include "axon/ml/data.hpp"
#include "axon/ml/tree/base_decision_tree.hpp"
#include "axon/ml/tree/tree.hpp"
#include "../numpy_random.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace axon::ml::tree_detail {

/// X as the builders read it: float32 (as scikit-learn casts it), column-major [p][n].
struct ColumnMajorX {
  std::vector<float> values;
  std::int64_t n = 0, p = 0;
  const float* column(std::int64_t j) const { return values.data() + j * n; }
};
/// Also checks that every value is finite in float32; the error names `who`, the column and the row.
ColumnMajorX column_major_f32(const Tensor& X, std::string_view who);
/// Row-major float32 copy for prediction, checked as above.
std::vector<float> row_major_f32(const Tensor& X, std::string_view who);

struct GrowRules {
  std::string criterion = "gini";     ///< gini, entropy/log_loss (classes), squared_error, friedman_mse, absolute_error (regression)
  std::string splitter = "best";      ///< "best" (BestSplitter) or "random" (RandomSplitter: one random threshold per feature)
  std::int64_t max_depth = -1;        ///< < 0: unlimited
  std::int64_t min_samples_split = 2;
  std::int64_t min_samples_leaf = 1;
  double min_weight_fraction_leaf = 0.0;
  std::int64_t max_features = 0;      ///< features drawn per split (1..p)
  std::int64_t max_leaf_nodes = -1;   ///< < 0: depth-first growth; otherwise best-first with this many leaves
  double min_impurity_decrease = 0.0;
  double ccp_alpha = 0.0;
  /// Keep each node's samples in scikit-learn's order (its introsort) for every criterion, not only
  /// absolute_error, so that node sums round as scikit-learn's (gradient boosting's later stages,
  /// fitted to residuals, need it; the radix sort orders ties by index and is faster).
  bool sklearn_sort = false;
};

/// Grows one tree on the rows of X with positive weight (all rows when sample_weight is null).
/// y: class codes 0..n_classes-1 as doubles (n_classes ≥ 1) or regression targets (n_classes = 0).
/// rand_r_state: the splitter's seed, numpy's RandomState(random_state).randint(0, 2³¹ - 1).
Tree grow_tree(const ColumnMajorX& X, const double* y, std::int64_t n_classes, const double* sample_weight,
               const GrowRules& rules, std::uint32_t rand_r_state);

/// The seed a tree with random_state `seed` gives its splitter (sklearn's Splitter.__cinit__).
inline std::uint32_t splitter_seed(std::uint32_t seed) {
  return static_cast<std::uint32_t>(NumpyRandomState(seed).randint(0, 0x7FFFFFFF));
}

/// Minimal cost-complexity pruning with alpha (sklearn's _build_pruned_tree_ccp); renumbers the
/// kept nodes in pre-order.
Tree prune_ccp(const Tree& tree, double alpha);

/// max_features as scikit-learn resolves it: None → p, "sqrt" → max(1, ⌊√p⌋), "log2" →
/// max(1, ⌊log2 p⌋), an int as is (1..p), a float f in (0, 1] → max(1, ⌊f·p⌋).
std::int64_t resolve_max_features(const MaxFeatures& m, std::int64_t p, std::string_view who);

/// Class weights per class code: "balanced" (n / (k · count)), an explicit {label: weight} map,
/// or none (empty result).
std::vector<double> class_weights(const std::vector<std::int64_t>& codes, const Tensor& classes,
                                  const std::optional<std::string>& mode, const std::map<double, double>& explicit_weights,
                                  std::string_view who);

}  // namespace axon::ml::tree_detail

namespace axon::ml::tree_detail {

/// The growth rules from a tree's or forest's options, validated (errors name `who` and the value).
template <class Options>
GrowRules rules_from(const Options& o, std::string_view who) {
  check(!o.max_depth || *o.max_depth >= 1, "{}: max_depth must be >= 1 or None, got {}", who, o.max_depth.value_or(0));
  check(o.min_samples_split >= 2, "{}: min_samples_split must be >= 2, got {}", who, o.min_samples_split);
  check(o.min_samples_leaf >= 1, "{}: min_samples_leaf must be >= 1, got {}", who, o.min_samples_leaf);
  check(o.min_weight_fraction_leaf >= 0.0 && o.min_weight_fraction_leaf <= 0.5,
        "{}: min_weight_fraction_leaf must be in [0, 0.5], got {}", who, o.min_weight_fraction_leaf);
  check(!o.max_leaf_nodes || *o.max_leaf_nodes >= 2, "{}: max_leaf_nodes must be >= 2 or None, got {}", who,
        o.max_leaf_nodes.value_or(0));
  check(o.min_impurity_decrease >= 0.0, "{}: min_impurity_decrease must be >= 0, got {}", who, o.min_impurity_decrease);
  check(o.ccp_alpha >= 0.0, "{}: ccp_alpha must be >= 0, got {}", who, o.ccp_alpha);
  // The estimators' own criteria (classifiers are the options with a class_weight).
  if constexpr (requires { o.class_weight; }) {
    check(o.criterion == "gini" || o.criterion == "entropy" || o.criterion == "log_loss",
          "{}: criterion must be 'gini', 'entropy' or 'log_loss', got '{}'", who, o.criterion);
  } else {
    check(o.criterion == "squared_error" || o.criterion == "friedman_mse" || o.criterion == "absolute_error",
          "{}: criterion must be 'squared_error', 'friedman_mse' or 'absolute_error', got '{}'", who, o.criterion);
  }
  GrowRules r;
  r.criterion = o.criterion;
  if constexpr (requires { o.splitter; }) {
    check(o.splitter == "best" || o.splitter == "random", "{}: splitter must be 'best' or 'random', got '{}'", who, o.splitter);
    r.splitter = o.splitter;
  }
  r.max_depth = o.max_depth.value_or(-1);
  r.min_samples_split = o.min_samples_split;
  r.min_samples_leaf = o.min_samples_leaf;
  r.min_weight_fraction_leaf = o.min_weight_fraction_leaf;
  r.max_leaf_nodes = o.max_leaf_nodes.value_or(-1);
  r.min_impurity_decrease = o.min_impurity_decrease;
  r.ccp_alpha = o.ccp_alpha;
  return r;
}

/// numpy's check_random_state(random_state) as a seed: the given one, or one drawn from axon's
/// default generator for None.
std::uint32_t resolve_seed(const std::optional<std::int64_t>& random_state, std::string_view who);

/// X for prediction: dense float64 with `n_features` columns (check_dense_X's errors), as
/// row-major float32 (non-finite values are errors naming the column).
std::vector<float> predict_rows(const Data& X, std::int64_t n_features, std::string_view who);

// apply_tree, decision_path and feature_importances are declared in base_decision_tree.hpp.

}  // namespace axon::ml::tree_detail

namespace axon::ml::tree_detail {
/// Python's str of a float: the shortest repr, with ".0" when integral ("1.0", "0.5", "1e-05").
std::string py_float(double v);
/// Class label i as Python prints it: "3" (int64 labels) or "3.0" (float64).
std::string label_text(const Tensor& classes, std::int64_t i);
}  // namespace axon::ml::tree_detail
