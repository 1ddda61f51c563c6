// sklearn.model_selection.train_test_split: one random split into a training and a test set.
//
//   auto [Xtrain, Xtest, ytrain, ytest] = ml::train_test_split(X, y, {.test_size = 0.2, .random_state = 0});
#pragma once

#include "axon/core/tensor.hpp"
#include "axon/ml/data.hpp"

#include <cstdint>
#include <optional>
#include <variant>

namespace axon::ml {

/// A set size: None, a count (`30`) or a fraction of the samples (`0.2`), as in Python.
using SplitSize = std::variant<std::monostate, std::int64_t, double>;

struct TrainTestSplitOptions {
  /// Fraction in (0, 1) or count; with train_size also None, 0.25. The test set has
  /// ceil(test_size · n) samples, the training set floor(train_size · n) (or the rest).
  SplitSize test_size = {};
  SplitSize train_size = {};
  std::optional<std::uint64_t> random_state = std::nullopt;  ///< None: the default generator
  bool shuffle = true;  ///< false: the first samples train, the next ones test
  /// Class labels to keep in proportion in both sets (as StratifiedShuffleSplit: per-class counts
  /// by scikit-learn's _approximate_mode, ties broken by the generator).
  Tensor stratify = {};
};

/// X_train, X_test (any ml::Data: tensors, sparse matrices, texts, frames) and y_train, y_test.
struct TrainTestSplit {
  Data X_train, X_test;
  Tensor y_train, y_test;
};

/// The samples in random order (shuffle) cut into a test set and a training set. The permutation is
/// drawn by axon's generator, so it differs from numpy's for the same seed; the sizes, the
/// stratified counts and the determinism per seed follow scikit-learn's rules.
TrainTestSplit train_test_split(const Data& X, const Tensor& y, const TrainTestSplitOptions& options = {});

/// The (train, test) indices that train_test_split takes, for n samples.
struct SplitIndices {
  std::vector<std::int64_t> train, test;
};
SplitIndices train_test_split_indices(std::int64_t n_samples, const TrainTestSplitOptions& options = {});

}  // namespace axon::ml
