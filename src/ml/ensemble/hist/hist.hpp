// The machinery behind HistGradientBoostingClassifier/Regressor (scikit-learn 1.2's
// sklearn/ensemble/_hist_gradient_boosting): the bin mapper, the losses, the leaf-wise tree grower
// on histograms and the tree predictor. Private to the ml floor.
//
// What follows scikit-learn step for step: the bin thresholds (np.unique midpoints or
// np.percentile(method="midpoint") of up to 200,000 subsampled rows), the bin codes (missing values
// in the last bin, max_bins), gradients and hessians rounded to float32 and histogram sums in
// float64 in sample order, the split search (left-to-right scan with missing values on the right,
// then right-to-left with them on the left when the feature had any), the gain and node value
// formulas, the best-first heap (Python's heapq with the same comparison, so ties pop in the same
// order), the stable partition of the rows, the validation split (train_test_split, stratified for
// classifiers) and the early-stopping rule. What differs: the root's gradient sum is a sequential
// float64 sum (scikit-learn's prange reduction depends on its thread count); no sample weights,
// categorical features, monotonic or interaction constraints.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace axon::ml::hist_detail {

class Pool;

enum class LossKind { binomial, multinomial, squared_error, absolute_error };

/// sklearn's _BinMapper (numerical features only).
struct BinMapper {
  std::vector<std::vector<double>> thresholds;  ///< per feature: the bin upper bounds (bin_thresholds_)
  std::vector<std::uint32_t> n_bins_non_missing;
  std::uint32_t missing_bin = 255;  ///< = max_bins
  /// The bin of one value of feature j: NaN → missing_bin, else the first threshold ≥ x.
  std::uint8_t bin(std::int64_t j, double x) const;
};

/// Fits the thresholds on X (row-major float64 [n, p]; NaN allowed); subsample rows drawn by
/// RandomState(seed).choice(n, 200000, replace=False) when n > 200,000.
/// rows: the rows of X to use, in order (null: all n).
BinMapper fit_bins(const double* X, const std::int64_t* rows, std::int64_t n, std::int64_t p, int max_bins,
                   std::uint32_t seed, Pool& pool);
/// Bins rows of X (row-major) into a column-major uint8 array [p][n].
std::vector<std::uint8_t> transform_bins(const BinMapper& m, const double* X, const std::int64_t* rows, std::int64_t n,
                                         std::int64_t p, Pool& pool);

/// One node of a fitted tree (sklearn's PREDICTOR_RECORD_DTYPE), in pre-order.
struct Node {
  double value = 0.0;          ///< leaf value (shrunk)
  double num_threshold = 0.0;  ///< x <= threshold goes left (+inf for a split on missing values)
  std::uint32_t feature = 0;
  std::uint32_t left = 0, right = 0;
  std::uint32_t count = 0;
  std::uint8_t bin_threshold = 0;
  bool missing_go_to_left = false;
  bool is_leaf = true;
};
struct Tree {
  std::vector<Node> nodes;
  std::int64_t n_leaves() const;
  /// The leaf value for one raw row (NaN follows missing_go_to_left).
  double predict_row(const double* x) const {
    const Node* nd = nodes.data();
    while (!nd->is_leaf) {
      const double v = x[nd->feature];
      const bool left = v != v ? nd->missing_go_to_left : v <= nd->num_threshold;
      nd = nodes.data() + (left ? nd->left : nd->right);
    }
    return nd->value;
  }
};

struct Model {
  LossKind loss = LossKind::squared_error;
  std::int64_t k = 1;  ///< trees per iteration
  std::int64_t n_features = 0;
  std::vector<double> baseline;  ///< [k]
  std::vector<Tree> trees;       ///< iteration-major: trees[it * k + c]
  BinMapper bins;
  std::int64_t n_iter() const { return static_cast<std::int64_t>(trees.size()) / k; }
};

struct Settings {
  LossKind loss = LossKind::squared_error;
  std::int64_t n_classes = 0;  ///< classifiers: ≥ 2
  double learning_rate = 0.1;
  std::int64_t max_iter = 100;
  std::optional<std::int64_t> max_leaf_nodes = 31;
  std::optional<std::int64_t> max_depth;
  std::int64_t min_samples_leaf = 20;
  double l2_regularization = 0.0;
  int max_bins = 255;
  bool early_stopping = false;
  std::optional<double> validation_fraction = 0.1;  ///< < 1: fraction; ≥ 1: row count
  std::int64_t n_iter_no_change = 10;
  double tol = 1e-7;
  std::uint32_t seed = 0;  ///< scikit-learn's _random_seed
  int threads = 1;
};

struct FitResult {
  std::shared_ptr<Model> model;
  std::vector<double> train_score, validation_score;
};

/// Fits the boosting model on X (row-major float64 [n, p]) and y (float64 targets or class codes).
FitResult fit(const double* X, std::int64_t n, std::int64_t p, const std::vector<double>& y, const Settings& s);

/// Raw predictions (decision function) of the first n_iter iterations: out row-major [n, k].
void raw_predict(const Model& m, const double* X, std::int64_t n, std::int64_t n_iter, double* out, int threads);
/// Calls fn(raw) after each iteration with the raw predictions [n, k] of the iterations so far.
void staged_raw_predict(const Model& m, const double* X, std::int64_t n, int threads,
                        const std::function<void(const std::vector<double>&)>& fn);

/// The loss's inverse link: probabilities [n, k'] (binomial: 2 columns) from raw [n, k].
std::vector<double> proba_from_raw(LossKind loss, const std::vector<double>& raw, std::int64_t n, std::int64_t k);

/// RandomState(random_state).randint(2³² - 1) (the seed scikit-learn's fit draws); a random one for None.
std::uint32_t draw_seed(const std::optional<std::int64_t>& random_state, std::string_view who);

}  // namespace axon::ml::hist_detail
