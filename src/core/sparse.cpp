#include "axon/core/sparse.hpp"

#include "axon/core/backend.hpp"
#include "axon/core/creation.hpp"
#include "axon/core/dtype.hpp"
#include "axon/core/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace axon {
namespace {

Tensor int64_tensor(const std::vector<std::int64_t>& v) { return from_vector(v, {static_cast<std::int64_t>(v.size())}); }

Tensor empty_values(std::int64_t n, Dtype dtype) { return Tensor::empty({n}, {.dtype = dtype}); }

Tensor astype_copy(const Tensor& x, Dtype dtype) {
  Tensor out = Tensor::empty(x.shape(), {.dtype = dtype});
  backend(x.device()).cast(x, out);
  return out;
}

}  // namespace

SparseMatrix::SparseMatrix()
    : indptr_(zeros({1}, {.dtype = Dtype::int64})), indices_(zeros({0}, {.dtype = Dtype::int64})),
      values_(zeros({0}, {.dtype = Dtype::float64})) {}

SparseMatrix::SparseMatrix(std::int64_t rows, std::int64_t cols, Tensor indptr, Tensor indices, Tensor values)
    : rows_(rows), cols_(cols), indptr_(std::move(indptr)), indices_(std::move(indices)), values_(std::move(values)) {
  check(rows >= 0 && cols >= 0, "SparseMatrix: shape must be nonnegative, got [{}, {}]", rows, cols);
  check(indptr_.dtype() == Dtype::int64 && indices_.dtype() == Dtype::int64,
        "SparseMatrix: indptr and indices must be int64, got {} and {}", dtype_name(indptr_.dtype()),
        dtype_name(indices_.dtype()));
  check(is_floating(values_.dtype()), "SparseMatrix: values must be float32 or float64, got {}",
        dtype_name(values_.dtype()));
  check(indptr_.ndim() == 1 && indptr_.numel() == rows + 1, "SparseMatrix: indptr must have rows + 1 = {} entries, got {}",
        rows + 1, indptr_.numel());
  check(indices_.ndim() == 1 && values_.ndim() == 1 && indices_.numel() == values_.numel(),
        "SparseMatrix: indices ({}) and values ({}) must be 1-D of equal length", indices_.numel(), values_.numel());
  const std::int64_t* p = indptr_.data<std::int64_t>();
  check(p[0] == 0 && p[rows] == indices_.numel(), "SparseMatrix: indptr must run from 0 to nnz = {}, got {} to {}",
        indices_.numel(), p[0], p[rows]);
  for (std::int64_t i = 0; i < rows; ++i)
    check(p[i] <= p[i + 1], "SparseMatrix: indptr must be nondecreasing, indptr[{}] = {} > indptr[{}] = {}", i, p[i],
          i + 1, p[i + 1]);
  const std::int64_t* idx = indices_.data<std::int64_t>();
  for (std::int64_t k = 0; k < indices_.numel(); ++k)
    check(idx[k] >= 0 && idx[k] < cols, "SparseMatrix: indices[{}] = {} is outside [0, {})", k, idx[k], cols);
}

SparseMatrix SparseMatrix::from_dense(const Tensor& dense) {
  check<ShapeError>(dense.ndim() == 2, "SparseMatrix::from_dense: expected a 2-D tensor, got shape {}",
                    shape_text(dense.shape()));
  return visit_floating(dense.dtype(), "SparseMatrix::from_dense", [&]<typename T>() {
    const Tensor d = dense.clone();  // contiguous
    const T* x = d.data<T>();
    const std::int64_t r = d.shape(0), c = d.shape(1);
    std::vector<std::int64_t> indptr{0}, indices;
    std::vector<T> values;
    for (std::int64_t i = 0; i < r; ++i) {
      for (std::int64_t j = 0; j < c; ++j)
        if (x[i * c + j] != T(0)) {
          indices.push_back(j);
          values.push_back(x[i * c + j]);
        }
      indptr.push_back(static_cast<std::int64_t>(indices.size()));
    }
    Tensor v = empty_values(static_cast<std::int64_t>(values.size()), d.dtype());
    std::copy(values.begin(), values.end(), v.data<T>());
    return SparseMatrix(r, c, int64_tensor(indptr), int64_tensor(indices), v);
  });
}

SparseMatrix SparseMatrix::from_triplets(std::int64_t rows, std::int64_t cols, const std::vector<std::int64_t>& row,
                                         const std::vector<std::int64_t>& col, const std::vector<double>& value,
                                         Dtype dtype) {
  check(row.size() == col.size() && row.size() == value.size(),
        "SparseMatrix::from_triplets: row ({}), col ({}) and value ({}) must have equal lengths", row.size(),
        col.size(), value.size());
  std::vector<std::int64_t> order(row.size());
  std::iota(order.begin(), order.end(), 0);
  for (std::size_t k = 0; k < row.size(); ++k)
    check<IndexError>(row[k] >= 0 && row[k] < rows && col[k] >= 0 && col[k] < cols,
                      "SparseMatrix::from_triplets: entry {} at ({}, {}) is outside the shape [{}, {}]", k, row[k],
                      col[k], rows, cols);
  std::stable_sort(order.begin(), order.end(), [&](std::int64_t a, std::int64_t b) {
    return row[a] != row[b] ? row[a] < row[b] : col[a] < col[b];
  });
  std::vector<std::int64_t> indptr(static_cast<std::size_t>(rows) + 1, 0), indices;
  std::vector<double> values;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const std::int64_t o = order[k];
    if (!indices.empty() && k > 0 && row[order[k - 1]] == row[o] && col[order[k - 1]] == col[o]) {
      values.back() += value[o];
      continue;
    }
    indices.push_back(col[o]);
    values.push_back(value[o]);
    ++indptr[static_cast<std::size_t>(row[o]) + 1];
  }
  std::partial_sum(indptr.begin(), indptr.end(), indptr.begin());
  Tensor v = astype_copy(from_vector(values, {static_cast<std::int64_t>(values.size())}), dtype);
  return SparseMatrix(rows, cols, int64_tensor(indptr), int64_tensor(indices), v);
}

Tensor SparseMatrix::to_dense() const {
  Tensor out = zeros({rows_, cols_}, {.dtype = dtype()});
  visit_floating(dtype(), "SparseMatrix::to_dense", [&]<typename T>() {
    const std::int64_t* p = indptr_.data<std::int64_t>();
    const std::int64_t* idx = indices_.data<std::int64_t>();
    const T* v = values_.data<T>();
    T* o = out.data<T>();
    for (std::int64_t i = 0; i < rows_; ++i)
      for (std::int64_t k = p[i]; k < p[i + 1]; ++k) o[i * cols_ + idx[k]] += v[k];
  });
  return out;
}

SparseMatrix SparseMatrix::clone() const {
  SparseMatrix m = *this;
  m.indptr_ = indptr_.clone();
  m.indices_ = indices_.clone();
  m.values_ = values_.clone();
  return m;
}

SparseMatrix SparseMatrix::astype(Dtype dtype) const {
  SparseMatrix m = *this;
  m.values_ = astype_copy(values_, dtype);
  return m;
}

SparseMatrix SparseMatrix::take_rows(const std::vector<std::int64_t>& rows) const {
  const std::int64_t* p = indptr_.data<std::int64_t>();
  std::vector<std::int64_t> indptr{0};
  indptr.reserve(rows.size() + 1);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const std::int64_t i = rows[r];
    check<IndexError>(i >= 0 && i < rows_, "SparseMatrix::take_rows: row {} (position {}) is outside [0, {})", i, r,
                      rows_);
    indptr.push_back(indptr.back() + p[i + 1] - p[i]);
  }
  Tensor indices = Tensor::empty({indptr.back()}, {.dtype = Dtype::int64});
  Tensor values = empty_values(indptr.back(), dtype());
  const std::int64_t* idx = indices_.data<std::int64_t>();
  std::int64_t* oi = indices.data<std::int64_t>();
  visit_floating(dtype(), "SparseMatrix::take_rows", [&]<typename T>() {
    const T* v = values_.data<T>();
    T* ov = values.data<T>();
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const std::int64_t i = rows[r], n = p[i + 1] - p[i];
      std::copy_n(idx + p[i], n, oi + indptr[r]);
      std::copy_n(v + p[i], n, ov + indptr[r]);
    }
  });
  SparseMatrix m;
  m.rows_ = static_cast<std::int64_t>(rows.size());
  m.cols_ = cols_;
  m.indptr_ = int64_tensor(indptr);
  m.indices_ = indices;
  m.values_ = values;
  return m;
}

SparseMatrix SparseMatrix::transpose() const {
  const std::int64_t* p = indptr_.data<std::int64_t>();
  const std::int64_t* idx = indices_.data<std::int64_t>();
  std::vector<std::int64_t> indptr(static_cast<std::size_t>(cols_) + 1, 0);
  for (std::int64_t k = 0; k < nnz(); ++k) ++indptr[static_cast<std::size_t>(idx[k]) + 1];
  std::partial_sum(indptr.begin(), indptr.end(), indptr.begin());
  Tensor indices = Tensor::empty({nnz()}, {.dtype = Dtype::int64});
  Tensor values = empty_values(nnz(), dtype());
  std::vector<std::int64_t> next(indptr.begin(), indptr.end() - 1);
  std::int64_t* oi = indices.data<std::int64_t>();
  visit_floating(dtype(), "SparseMatrix::transpose", [&]<typename T>() {
    const T* v = values_.data<T>();
    T* ov = values.data<T>();
    for (std::int64_t i = 0; i < rows_; ++i)  // rows in order, so each output row is sorted
      for (std::int64_t k = p[i]; k < p[i + 1]; ++k) {
        const std::int64_t dst = next[static_cast<std::size_t>(idx[k])]++;
        oi[dst] = i;
        ov[dst] = v[k];
      }
  });
  SparseMatrix m;
  m.rows_ = cols_;
  m.cols_ = rows_;
  m.indptr_ = int64_tensor(indptr);
  m.indices_ = indices;
  m.values_ = values;
  return m;
}

SparseMatrix SparseMatrix::sorted_indices() const {
  const std::int64_t* p = indptr_.data<std::int64_t>();
  const std::int64_t* idx = indices_.data<std::int64_t>();
  bool sorted = true;
  for (std::int64_t i = 0; i < rows_ && sorted; ++i)
    for (std::int64_t k = p[i] + 1; k < p[i + 1]; ++k)
      if (idx[k - 1] > idx[k]) {
        sorted = false;
        break;
      }
  if (sorted) return *this;
  return transpose().transpose();
}

Tensor SparseMatrix::matmul(const Tensor& b) const {
  check<ShapeError>(b.ndim() == 2 && b.shape(0) == cols_, "SparseMatrix::matmul: X is [{}, {}], B must be [{}, k], got {}",
                    rows_, cols_, cols_, shape_text(b.shape()));
  check(b.dtype() == dtype(), "SparseMatrix::matmul: B must be {} like X, got {}", dtype_name(dtype()),
        dtype_name(b.dtype()));
  const std::int64_t k = b.shape(1);
  Tensor out = zeros({rows_, k}, {.dtype = dtype()});
  const Tensor bc = b.clone();
  visit_floating(dtype(), "SparseMatrix::matmul", [&]<typename T>() {
    const std::int64_t* p = indptr_.data<std::int64_t>();
    const std::int64_t* idx = indices_.data<std::int64_t>();
    const T* v = values_.data<T>();
    const T* bb = bc.data<T>();
    T* o = out.data<T>();
#pragma omp parallel for schedule(static) if (nnz() * k > (1 << 16))
    for (std::int64_t i = 0; i < rows_; ++i)
      for (std::int64_t e = p[i]; e < p[i + 1]; ++e) {
        const T a = v[e];
        const T* brow = bb + idx[e] * k;
        T* orow = o + i * k;
        for (std::int64_t j = 0; j < k; ++j) orow[j] += a * brow[j];
      }
  });
  return out;
}

Tensor SparseMatrix::t_matmul(const Tensor& b) const {
  check<ShapeError>(b.ndim() == 2 && b.shape(0) == rows_,
                    "SparseMatrix::t_matmul: X is [{}, {}], B must be [{}, k], got {}", rows_, cols_, rows_,
                    shape_text(b.shape()));
  check(b.dtype() == dtype(), "SparseMatrix::t_matmul: B must be {} like X, got {}", dtype_name(dtype()),
        dtype_name(b.dtype()));
  const std::int64_t k = b.shape(1);
  Tensor out = zeros({cols_, k}, {.dtype = dtype()});
  const Tensor bc = b.clone();
  visit_floating(dtype(), "SparseMatrix::t_matmul", [&]<typename T>() {
    const std::int64_t* p = indptr_.data<std::int64_t>();
    const std::int64_t* idx = indices_.data<std::int64_t>();
    const T* v = values_.data<T>();
    const T* bb = bc.data<T>();
    T* o = out.data<T>();
    for (std::int64_t i = 0; i < rows_; ++i)
      for (std::int64_t e = p[i]; e < p[i + 1]; ++e) {
        const T a = v[e];
        const T* brow = bb + i * k;
        T* orow = o + idx[e] * k;
        for (std::int64_t j = 0; j < k; ++j) orow[j] += a * brow[j];
      }
  });
  return out;
}

Tensor SparseMatrix::dot(const Tensor& v) const {
  check<ShapeError>(v.ndim() == 1 && v.shape(0) == cols_, "SparseMatrix::dot: X is [{}, {}], v must be [{}], got {}",
                    rows_, cols_, cols_, shape_text(v.shape()));
  return matmul(v.view_as_shape({cols_, 1})).view_as_shape({rows_});
}

SparseMatrix SparseMatrix::scale_rows(const Tensor& s) const {
  check<ShapeError>(s.ndim() == 1 && s.shape(0) == rows_, "SparseMatrix::scale_rows: expected [{}] scales, got {}",
                    rows_, shape_text(s.shape()));
  SparseMatrix m = *this;
  m.values_ = values_.clone();
  const std::vector<double> sc = s.to_vector<double>();
  visit_floating(dtype(), "SparseMatrix::scale_rows", [&]<typename T>() {
    const std::int64_t* p = indptr_.data<std::int64_t>();
    T* v = m.values_.data<T>();
    for (std::int64_t i = 0; i < rows_; ++i)
      for (std::int64_t k = p[i]; k < p[i + 1]; ++k) v[k] = static_cast<T>(v[k] * sc[static_cast<std::size_t>(i)]);
  });
  return m;
}

SparseMatrix SparseMatrix::scale_columns(const Tensor& s) const {
  check<ShapeError>(s.ndim() == 1 && s.shape(0) == cols_, "SparseMatrix::scale_columns: expected [{}] scales, got {}",
                    cols_, shape_text(s.shape()));
  SparseMatrix m = *this;
  m.values_ = values_.clone();
  const std::vector<double> sc = s.to_vector<double>();
  visit_floating(dtype(), "SparseMatrix::scale_columns", [&]<typename T>() {
    const std::int64_t* idx = indices_.data<std::int64_t>();
    T* v = m.values_.data<T>();
    for (std::int64_t k = 0; k < nnz(); ++k) v[k] = static_cast<T>(v[k] * sc[static_cast<std::size_t>(idx[k])]);
  });
  return m;
}

Tensor SparseMatrix::row_norms(bool squared) const {
  Tensor out = zeros({rows_}, {.dtype = Dtype::float64});
  visit_floating(dtype(), "SparseMatrix::row_norms", [&]<typename T>() {
    const std::int64_t* p = indptr_.data<std::int64_t>();
    const T* v = values_.data<T>();
    double* o = out.data<double>();
    for (std::int64_t i = 0; i < rows_; ++i) {
      double s = 0;
      for (std::int64_t k = p[i]; k < p[i + 1]; ++k) s += static_cast<double>(v[k]) * v[k];
      o[i] = squared ? s : std::sqrt(s);
    }
  });
  return out;
}

Tensor SparseMatrix::row_l1_norms() const {
  Tensor out = zeros({rows_}, {.dtype = Dtype::float64});
  visit_floating(dtype(), "SparseMatrix::row_l1_norms", [&]<typename T>() {
    const std::int64_t* p = indptr_.data<std::int64_t>();
    const T* v = values_.data<T>();
    double* o = out.data<double>();
    for (std::int64_t i = 0; i < rows_; ++i)
      for (std::int64_t k = p[i]; k < p[i + 1]; ++k) o[i] += std::abs(static_cast<double>(v[k]));
  });
  return out;
}

Tensor SparseMatrix::sum(int axis) const {
  check(axis == 0 || axis == 1, "SparseMatrix::sum: axis must be 0 or 1, got {}", axis);
  Tensor out = zeros({axis == 0 ? cols_ : rows_}, {.dtype = Dtype::float64});
  visit_floating(dtype(), "SparseMatrix::sum", [&]<typename T>() {
    const std::int64_t* p = indptr_.data<std::int64_t>();
    const std::int64_t* idx = indices_.data<std::int64_t>();
    const T* v = values_.data<T>();
    double* o = out.data<double>();
    for (std::int64_t i = 0; i < rows_; ++i)
      for (std::int64_t k = p[i]; k < p[i + 1]; ++k) o[axis == 0 ? idx[k] : i] += v[k];
  });
  return out;
}

std::string to_string(const SparseMatrix& m) {
  return fmt::format("SparseMatrix(shape=[{}, {}], nnz={}, dtype={})", m.rows(), m.cols(), m.nnz(),
                     dtype_name(m.dtype()));
}

}  // namespace axon
