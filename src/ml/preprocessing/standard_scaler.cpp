#include "axon/ml/preprocessing/standard_scaler.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"

#include <cmath>
#include <limits>

namespace axon::ml {

StandardScaler& StandardScaler::fit(const Data& X, const Tensor&) {
  n_features_in_ = 0;
  std::int64_t n = 0, p = 0;
  if (X.is_sparse()) {
    // scikit-learn's mean_variance_axis over CSR: implicit zeros count as samples.
    check(!options_.with_mean, "StandardScaler.fit: cannot center sparse data (with_mean=True would densify it); "
                               "pass with_mean=False");
    const SparseMatrix S = X.sparse("StandardScaler.fit").astype(Dtype::float64);
    n = S.rows();
    p = S.cols();
    check(n > 0, "StandardScaler.fit: X has 0 samples; at least 1 is required");
    const auto* indptr = S.indptr().data<std::int64_t>();
    const auto* indices = S.indices().data<std::int64_t>();
    const auto* v = S.values().data<double>();
    mean_.assign(p, 0.0);
    var_.assign(p, 0.0);
    std::vector<double> nz(p, 0.0);
    for (std::int64_t k = 0; k < S.nnz(); ++k) mean_[indices[k]] += v[k];
    for (auto& m : mean_) m /= static_cast<double>(n);
    for (std::int64_t r = 0; r < n; ++r)
      for (std::int64_t k = indptr[r]; k < indptr[r + 1]; ++k) {
        const double d = v[k] - mean_[indices[k]];
        var_[indices[k]] += d * d;
        nz[indices[k]] += 1.0;
      }
    for (std::int64_t j = 0; j < p; ++j)
      var_[j] = (var_[j] + (static_cast<double>(n) - nz[j]) * mean_[j] * mean_[j]) / static_cast<double>(n);
    seen_.assign(p, static_cast<double>(n));
  } else {
    // Two passes, NaNs skipped, in scikit-learn's order (_incremental_mean_and_var from zero):
    // mean = Σx / n; var = (Σ(x − mean)² − (Σ(x − mean))² / n) / n.
    const Tensor x = check_dense_X(X, "StandardScaler.fit");
    n = x.shape(0);
    p = x.shape(1);
    const double* a = x.data<double>();
    mean_.assign(p, 0.0);
    var_.assign(p, 0.0);
    seen_.assign(p, 0.0);
    for (std::int64_t i = 0; i < n; ++i)
      for (std::int64_t j = 0; j < p; ++j)
        if (const double v = a[i * p + j]; !std::isnan(v)) {
          mean_[j] += v;
          seen_[j] += 1.0;
        }
    for (std::int64_t j = 0; j < p; ++j) mean_[j] = seen_[j] > 0 ? mean_[j] / seen_[j] : std::nan("");
    std::vector<double> correction(p, 0.0);
    for (std::int64_t i = 0; i < n; ++i)
      for (std::int64_t j = 0; j < p; ++j)
        if (const double v = a[i * p + j]; !std::isnan(v)) {
          const double d = v - mean_[j];
          correction[j] += d;
          var_[j] += d * d;
        }
    for (std::int64_t j = 0; j < p; ++j)
      var_[j] = seen_[j] > 0 ? (var_[j] - correction[j] * correction[j] / seen_[j]) / seen_[j] : std::nan("");
  }
  // Features whose variance is within rounding of zero get scale 1 (sklearn's _is_constant_feature).
  constexpr double eps = std::numeric_limits<double>::epsilon();
  scale_.assign(p, 1.0);
  if (options_.with_std)
    for (std::int64_t j = 0; j < p; ++j) {
      const double bound = seen_[j] * eps * var_[j] + std::pow(seen_[j] * mean_[j] * eps, 2);
      scale_[j] = (var_[j] <= bound || std::isnan(var_[j])) ? 1.0 : std::sqrt(var_[j]);
    }
  n_features_in_ = p;
  return *this;
}

Data StandardScaler::transform(const Data& X) const {
  check_fitted("transform");
  if (X.is_sparse()) {
    check(!options_.with_mean, "StandardScaler.transform: cannot center sparse data; fit with with_mean=False");
    const SparseMatrix S = X.sparse("StandardScaler.transform").astype(Dtype::float64);
    check<ShapeError>(S.cols() == n_features_in_, "StandardScaler.transform: X has {} features, but the scaler was fitted with {}",
                      S.cols(), n_features_in_);
    if (!options_.with_std) return S;
    std::vector<double> inv(scale_.size());
    for (std::size_t j = 0; j < inv.size(); ++j) inv[j] = 1.0 / scale_[j];
    // x / scale, as sklearn's inplace_column_scale(X, 1 / scale): multiply by the reciprocal.
    return S.scale_columns(from_vector(inv, {n_features_in_}));
  }
  const Tensor x = check_dense_X(X, "StandardScaler.transform", n_features_in_);
  const std::int64_t n = x.shape(0), p = n_features_in_;
  Tensor out = Tensor::empty({n, p}, {.dtype = Dtype::float64});
  const double* a = x.data<double>();
  double* o = out.data<double>();
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t j = 0; j < p; ++j) {
      double v = a[i * p + j];
      if (options_.with_mean) v -= mean_[j];
      if (options_.with_std) v /= scale_[j];
      o[i * p + j] = v;
    }
  return out;
}

Tensor StandardScaler::inverse_transform(const Tensor& X) const {
  check_fitted("inverse_transform");
  const Tensor x = check_dense_X(X, "StandardScaler.inverse_transform", n_features_in_);
  const std::int64_t n = x.shape(0), p = n_features_in_;
  Tensor out = Tensor::empty({n, p}, {.dtype = Dtype::float64});
  const double* a = x.data<double>();
  double* o = out.data<double>();
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t j = 0; j < p; ++j) {
      double v = a[i * p + j];
      if (options_.with_std) v *= scale_[j];
      if (options_.with_mean) v += mean_[j];
      o[i * p + j] = v;
    }
  return out;
}

Tensor StandardScaler::mean() const {
  check_fitted("mean");
  return from_vector(mean_, {n_features_in_});
}
Tensor StandardScaler::var() const {
  check_fitted("var");
  return from_vector(var_, {n_features_in_});
}
Tensor StandardScaler::scale() const {
  check_fitted("scale");
  return from_vector(scale_, {n_features_in_});
}
Tensor StandardScaler::n_samples_seen() const {
  check_fitted("n_samples_seen");
  return from_vector(seen_, {n_features_in_});
}

void StandardScaler::save_state(StateDict& state) const {
  state.set("mean", from_vector(mean_));
  state.set("var", from_vector(var_));
  state.set("scale", from_vector(scale_));
  state.set("seen", from_vector(seen_));
  state.set("n_features_in", Param{n_features_in_});
}

void StandardScaler::load_state(const StateDict& state) {
  mean_ = state.tensor("mean").to_vector<double>();
  var_ = state.tensor("var").to_vector<double>();
  scale_ = state.tensor("scale").to_vector<double>();
  seen_ = state.tensor("seen").to_vector<double>();
  n_features_in_ = state.integer("n_features_in");
  const auto p = static_cast<std::size_t>(n_features_in_);
  check<IoError>(n_features_in_ > 0 && mean_.size() == p && var_.size() == p && scale_.size() == p && seen_.size() == p, "load: StandardScaler: arrays do not match n_features_in = {}", n_features_in_);
}

}  // namespace axon::ml
