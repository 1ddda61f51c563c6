// What the forests (RandomForest*, ExtraTrees*) share: growing the trees in parallel (each
// from its own seed, so the forest does not depend on the thread count), bootstrap draws as
// scikit-learn makes them, and summing the trees' leaf values over rows. Private to the ml floor.
#pragma once

#include "../tree/builder.hpp"
#include "axon/ml/ensemble/base_forest.hpp"

#include <functional>
#include <variant>

namespace axon::ml::forest_detail {

using tree_detail::ColumnMajorX;
using tree_detail::GrowRules;

/// How many threads n_jobs means: None → 1, -1 → all cores, k → k (scikit-learn/joblib's rule).
int resolve_jobs(const std::optional<std::int64_t>& n_jobs, std::string_view who);
/// Runs fn(i) for i in [0, n) on `threads` threads (each takes the next index).
void parallel_for(std::int64_t n, int threads, const std::function<void(std::int64_t)>& fn);

/// The bootstrap sample size: None → n, an int (1..n), a float in (0, 1] → max(round(f·n), 1).
std::int64_t bootstrap_size(const std::variant<std::monostate, std::int64_t, double>& max_samples, std::int64_t n,
                            std::string_view who);
/// How often each row is drawn by RandomState(seed).randint(0, n, n_boot) (sklearn's
/// _generate_sample_indices, then bincount).
std::vector<double> bootstrap_counts(std::uint32_t seed, std::int64_t n, std::int64_t n_boot);

/// A tree's per-node outputs as the forest sums them: its class weights normalized to
/// probabilities (classifier), or its values as they are (regressor).
std::vector<double> leaf_outputs(const Tree& t, bool classifier);

struct Forest {
  std::vector<Tree> trees;
  std::vector<std::uint32_t> seeds;  ///< each tree's random_state
  /// Per tree, per node: the leaf's output (class probabilities for classifiers, k per node).
  std::vector<std::vector<double>> leaf_values;
};

/// Grows n_estimators trees: tree i gets random_state = RandomState(seed).randint(2³¹ - 1), draw i,
/// as scikit-learn's forests do, then (bootstrap) rows weighted by their bootstrap counts.
Forest grow_forest(const ColumnMajorX& X, const double* y, std::int64_t n_classes, const std::vector<double>& sample_weight,
                   const GrowRules& rules, std::int64_t n_estimators, bool bootstrap, std::int64_t n_boot,
                   std::uint32_t seed, int threads);

/// out[i, :] = Σ over trees of the leaf values of row i (rows: row-major float32 [n, p]); k values per leaf.
void sum_leaf_values(const Forest& f, const float* rows, std::int64_t n, std::int64_t p, std::int64_t k, double* out,
                     int threads);

/// Out-of-bag sums: for each row, the leaf values summed over the trees that did not draw it, and
/// how many trees those are.
void oob_sums(const Forest& f, const ColumnMajorX& X, std::int64_t n_boot, std::int64_t k, std::vector<double>& sums,
              std::vector<double>& counts, int threads);

/// Mean of the trees' normalized importances (trees with more than one node), normalized.
std::vector<double> forest_importances(const Forest& f, std::int64_t n_features);

}  // namespace axon::ml::forest_detail
