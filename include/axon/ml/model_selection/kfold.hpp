// Cross-validation splitters (sklearn.model_selection.KFold, StratifiedKFold) and the `cv` argument
// of cross_val_score and GridSearchCV: a fold count or a splitter.
//
//   for (const auto& [train, test] : ml::StratifiedKFold({.n_splits = 5}).split(X, y)) { ... }
//   auto scores = ml::cross_val_score(model, X, y, {.cv = ml::KFold({.n_splits = 3, .shuffle = true, .random_state = 0})});
#pragma once

#include "axon/core/tensor.hpp"
#include "axon/ml/data.hpp"

#include <concepts>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace axon::ml {

class Estimator;

/// One split: (train indices, test indices), each increasing.
using Split = std::pair<std::vector<std::int64_t>, std::vector<std::int64_t>>;

/// A splitter: gives the (train, test) index pairs of the samples of X (and y).
class CrossValidator {
 public:
  virtual ~CrossValidator() = default;
  virtual std::vector<Split> split(const Data& X, const Tensor& y = {}) const = 0;
  virtual std::int64_t get_n_splits() const = 0;
};

struct KFoldOptions {
  std::int64_t n_splits = 5;
  bool shuffle = false;                       ///< shuffle the samples before cutting the folds
  std::optional<std::uint64_t> random_state;  ///< seed of the shuffle (None: the default generator)
};

/// k consecutive folds (after an optional shuffle): the first n % k folds hold n / k + 1 samples,
/// the others n / k. As scikit-learn, without shuffle the folds are exactly sklearn's.
class KFold : public CrossValidator {
 public:
  explicit KFold(KFoldOptions options = {});
  std::vector<Split> split(const Data& X, const Tensor& y = {}) const override;
  std::int64_t get_n_splits() const override { return options_.n_splits; }
  const KFoldOptions& options() const { return options_; }

 private:
  KFoldOptions options_;
};

/// Folds that keep each class's proportion: scikit-learn 1.2's allocation (classes in order of first
/// appearance, the sorted labels dealt round-robin to the folds, each class's samples assigned to
/// folds in blocks). Without shuffle the folds equal scikit-learn's exactly; with shuffle, each
/// class's fold assignment is shuffled by axon's generator (same sizes, different draw than numpy).
class StratifiedKFold : public CrossValidator {
 public:
  explicit StratifiedKFold(KFoldOptions options = {});
  std::vector<Split> split(const Data& X, const Tensor& y) const override;
  std::int64_t get_n_splits() const override { return options_.n_splits; }
  const KFoldOptions& options() const { return options_; }

 private:
  KFoldOptions options_;
};

/// The `cv` argument: a number of folds (`.cv = 5`) or a splitter (`.cv = ml::KFold({...})`). A
/// number means StratifiedKFold for a classifier whose y holds class labels and KFold otherwise,
/// both without shuffle (scikit-learn's check_cv).
class CV {
 public:
  CV(int n_splits = 5);  // NOLINT: implicit, as `cv=5` in Python
  CV(std::int64_t n_splits);  // NOLINT
  template <class S>
    requires std::derived_from<S, CrossValidator>
  CV(S splitter) : splitter_(std::make_shared<S>(std::move(splitter))) {}  // NOLINT

  std::vector<Split> split(const Estimator& estimator, const Data& X, const Tensor& y) const;
  std::int64_t get_n_splits() const;

 private:
  std::int64_t n_splits_ = 5;
  std::shared_ptr<const CrossValidator> splitter_;
};

}  // namespace axon::ml
