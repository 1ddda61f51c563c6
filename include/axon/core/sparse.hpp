// axon::SparseMatrix: a compressed sparse row (CSR) matrix, scipy.sparse.csr_matrix's layout, for
// bag-of-words and TF-IDF features. The three arrays are Tensors (reference semantics: copying a
// SparseMatrix shares them; clone() copies).
#pragma once

#include "axon/core/tensor.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace axon {

class SparseMatrix {
 public:
  /// An empty 0 × 0 matrix (float64).
  SparseMatrix();
  /// From CSR arrays: indptr (int64, rows + 1 entries, nondecreasing, starting at 0), indices
  /// (int64 column of each stored value, in [0, cols)), values (float64 or float32, one per index).
  /// Invalid arrays are a ValueError naming the first offending position.
  SparseMatrix(std::int64_t rows, std::int64_t cols, Tensor indptr, Tensor indices, Tensor values);
  /// The nonzeros of a dense 2-D float tensor.
  static SparseMatrix from_dense(const Tensor& dense);
  /// From (row, col, value) triplets in any order; duplicates are summed (scipy's coo → csr).
  static SparseMatrix from_triplets(std::int64_t rows, std::int64_t cols, const std::vector<std::int64_t>& row,
                                    const std::vector<std::int64_t>& col, const std::vector<double>& value,
                                    Dtype dtype = Dtype::float64);

  std::int64_t rows() const { return rows_; }
  std::int64_t cols() const { return cols_; }
  Shape shape() const { return {rows_, cols_}; }
  std::int64_t nnz() const { return indices_.numel(); }
  Dtype dtype() const { return values_.dtype(); }
  const Tensor& indptr() const { return indptr_; }
  const Tensor& indices() const { return indices_; }
  const Tensor& values() const { return values_; }

  Tensor to_dense() const;
  SparseMatrix clone() const;
  SparseMatrix astype(Dtype dtype) const;
  /// The rows listed, in that order (repeats allowed): X[rows] in scipy.
  SparseMatrix take_rows(const std::vector<std::int64_t>& rows) const;
  SparseMatrix transpose() const;
  /// Sorts the column indices within each row (scipy's has_sorted_indices); a no-op when sorted.
  SparseMatrix sorted_indices() const;

  /// X · B for a dense 2-D B ([cols, k] → [rows, k]); B's dtype must be X's.
  Tensor matmul(const Tensor& b) const;
  /// Xᵀ · B for a dense 2-D B ([rows, k] → [cols, k]).
  Tensor t_matmul(const Tensor& b) const;
  /// X · v for a 1-D v of length cols → [rows].
  Tensor dot(const Tensor& v) const;

  /// Row i scaled by s[i] (s: [rows]), or column j by s[j] (s: [cols]); new values, same pattern.
  SparseMatrix scale_rows(const Tensor& s) const;
  SparseMatrix scale_columns(const Tensor& s) const;
  /// The L2 (or L1) norm of each row, [rows] float64.
  Tensor row_norms(bool squared = false) const;
  Tensor row_l1_norms() const;
  /// Sum over rows ([cols]) or over columns ([rows]); float64.
  Tensor sum(int axis) const;

 private:
  std::int64_t rows_ = 0, cols_ = 0;
  Tensor indptr_, indices_, values_;
};

/// "SparseMatrix(shape=[3, 4], nnz=5, dtype=float64)".
std::string to_string(const SparseMatrix& m);

}  // namespace axon
