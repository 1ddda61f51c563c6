// Shared by the linear models (private to src/ml/linear_model): input checks that name the row and
// column of a bad value, and the centring that fits an unpenalized intercept (sklearn's
// _preprocess_data).
#pragma once

#include "axon/core/error.hpp"
#include "axon/core/tensor.hpp"
#include "axon/ml/data.hpp"

#include <cmath>
#include <cstdint>
#include <string_view>
#include <vector>

namespace axon::ml::linear_detail {

/// X as a contiguous float64 [n, p] tensor with every value finite ("X contains NaN at row 3,
/// column 1"); with expected_features ≥ 0 the column count must match the fit.
inline Tensor checked_X(const Data& X, std::string_view who, std::int64_t expected_features = -1) {
  Tensor x = check_dense_X(X, who, expected_features);
  const double* v = x.data<double>();
  const std::int64_t n = x.shape(0), p = x.shape(1);
  for (std::int64_t i = 0; i < n * p; ++i)
    if (!std::isfinite(v[i]))
      throw ValueError(fmt::format("{}: X contains {} at row {}, column {}; remove or impute it first", who,
                                   std::isnan(v[i]) ? "NaN" : "infinity", i / p, i % p));
  return x;
}

/// A sparse X as float64 CSR with finite values; the column count checked like checked_X's.
inline SparseMatrix checked_sparse_X(const Data& X, std::string_view who, std::int64_t expected_features = -1) {
  SparseMatrix m = X.sparse(who);
  if (m.dtype() != Dtype::float64) m = m.astype(Dtype::float64);
  check(m.rows() > 0, "{}: X has 0 samples; at least 1 is required", who);
  if (expected_features >= 0)
    check<ShapeError>(m.cols() == expected_features, "{}: X has {} features, but the estimator was fitted with {}", who,
                      m.cols(), expected_features);
  const double* v = m.values().data<double>();
  const std::int64_t* p = m.indptr().data<std::int64_t>();
  const std::int64_t* idx = m.indices().data<std::int64_t>();
  for (std::int64_t i = 0; i < m.rows(); ++i)
    for (std::int64_t e = p[i]; e < p[i + 1]; ++e)
      if (!std::isfinite(v[e]))
        throw ValueError(fmt::format("{}: X contains {} at row {}, column {}; remove or impute it first", who,
                                     std::isnan(v[e]) ? "NaN" : "infinity", i, idx[e]));
  return m;
}

/// y as float64 values, one per sample, all finite.
inline std::vector<double> checked_y(const Data& X, const Tensor& y, std::string_view who) {
  check_y(X, y, who);
  std::vector<double> out = y.to_vector<double>();
  for (std::size_t i = 0; i < out.size(); ++i)
    check(std::isfinite(out[i]), "{}: y contains {} at position {}", who, std::isnan(out[i]) ? "NaN" : "infinity", i);
  return out;
}

/// Column means of a row-major [n, p] matrix.
inline std::vector<double> column_means(const double* x, std::int64_t n, std::int64_t p) {
  std::vector<double> m(static_cast<std::size_t>(p), 0.0);
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t j = 0; j < p; ++j) m[static_cast<std::size_t>(j)] += x[i * p + j];
  for (double& v : m) v /= static_cast<double>(n);
  return m;
}

inline double mean(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return v.empty() ? 0.0 : s / static_cast<double>(v.size());
}

/// X·coef + intercept for each row.
inline Tensor linear_predict(const Tensor& x, const std::vector<double>& coef, double intercept) {
  const std::int64_t n = x.shape(0), p = x.shape(1);
  Tensor out = Tensor::empty({n}, {.dtype = Dtype::float64});
  const double* xv = x.data<double>();
  double* o = out.data<double>();
  for (std::int64_t i = 0; i < n; ++i) {
    double s = intercept;
    for (std::int64_t j = 0; j < p; ++j) s += xv[i * p + j] * coef[static_cast<std::size_t>(j)];
    o[i] = s;
  }
  return out;
}

}  // namespace axon::ml::linear_detail
