// ml::Data: what an estimator takes as X (and what a transformer gives back), scikit-learn's
// "array-like": a dense 2-D Tensor, a SparseMatrix, texts, or a DataFrame. Copies are cheap (all
// four share their storage).
#pragma once

#include "axon/core/sparse.hpp"
#include "axon/core/tensor.hpp"
#include "axon/frame/dataframe.hpp"

#include <initializer_list>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace axon::ml {

using Texts = std::vector<std::string>;

class Data {
 public:
  enum class Kind { none, dense, sparse, texts, frame };

  Data() = default;
  Data(Tensor dense);  // NOLINT: implicit, like passing a numpy array
  Data(SparseMatrix sparse);
  Data(Texts texts);
  Data(std::shared_ptr<const Texts> texts);
  Data(frame::DataFrame frame);

  Kind kind() const;
  bool is_dense() const { return kind() == Kind::dense; }
  bool is_sparse() const { return kind() == Kind::sparse; }
  bool is_texts() const { return kind() == Kind::texts; }
  bool is_frame() const { return kind() == Kind::frame; }

  /// Rows (samples); a 1-D tensor counts its elements.
  std::int64_t n_samples() const;
  /// Columns of a dense/sparse matrix or frame; 0 for texts.
  std::int64_t n_features() const;

  /// The alternative held; asking for another is a ValueError naming `who`, what was expected and
  /// what came ("LinearRegression.fit: X must be a dense Tensor, got texts (120 documents)").
  const Tensor& tensor(std::string_view who = "Data") const;
  const SparseMatrix& sparse(std::string_view who = "Data") const;
  const Texts& texts(std::string_view who = "Data") const;
  const frame::DataFrame& frame(std::string_view who = "Data") const;
  /// Dense or sparse, densified; a DataFrame's columns as float64 (ValueError on non-numeric).
  Tensor to_dense(std::string_view who = "Data") const;

  /// The given rows, in that order (a view where possible): X[rows].
  Data take(const std::vector<std::int64_t>& rows) const;

  /// "dense float64 [100, 5]", "sparse float64 [100, 2000] (nnz 5310)", "texts (100)", "DataFrame [100, 7]".
  std::string describe() const;

  /// A transformer's dense output as a Tensor: `Tensor Xs = scaler.fit_transform(X);`.
  operator Tensor() const { return tensor(); }  // NOLINT

 private:
  std::variant<std::monostate, Tensor, SparseMatrix, std::shared_ptr<const Texts>, frame::DataFrame> v_;
};

/// X for an estimator `who` that works on dense numbers: a 2-D tensor of any numeric dtype, a
/// sparse matrix or a numeric DataFrame, returned as a contiguous float64 [n, p] tensor (a copy only
/// when needed). With expected_features ≥ 0 the column count must match (scikit-learn's "X has 3
/// features, but LinearRegression is expecting 5 features as input"). Errors name `who`, the
/// expected and the actual.
Tensor check_dense_X(const Data& X, std::string_view who, std::int64_t expected_features = -1);
/// Checks that y is 1-D with one entry per sample of X (ValueError otherwise).
void check_y(const Data& X, const Tensor& y, std::string_view who);
/// sample_weight as float64 values, one per sample of X, finite and non-negative with a positive
/// sum (scikit-learn's _check_sample_weight); an undefined tensor gives an empty vector (unweighted).
std::vector<double> check_sample_weight(const Data& X, const Tensor& sample_weight, std::string_view who);

}  // namespace axon::ml
