#include "axon/ml/preprocessing/min_max_scaler.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace axon::ml {

MinMaxScaler& MinMaxScaler::fit(const Data& X, const Tensor&) {
  const auto [lo, hi] = options_.feature_range;
  check(lo < hi, "MinMaxScaler.fit: feature_range must have min < max, got ({}, {})", lo, hi);
  n_features_in_ = 0;
  const Tensor x = check_dense_X(X, "MinMaxScaler.fit");
  const std::int64_t n = x.shape(0), p = x.shape(1);
  const double* a = x.data<double>();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  data_min_.assign(p, nan);
  data_max_.assign(p, nan);
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t j = 0; j < p; ++j) {
      const double v = a[i * p + j];
      if (std::isnan(v)) continue;
      if (std::isnan(data_min_[j]) || v < data_min_[j]) data_min_[j] = v;
      if (std::isnan(data_max_[j]) || v > data_max_[j]) data_max_[j] = v;
    }
  scale_.resize(p);
  min_.resize(p);
  constexpr double eps = std::numeric_limits<double>::epsilon();
  for (std::int64_t j = 0; j < p; ++j) {
    double range = data_max_[j] - data_min_[j];
    if (range < 10 * eps) range = 1.0;  // sklearn's _handle_zeros_in_scale
    scale_[j] = (hi - lo) / range;
    min_[j] = lo - data_min_[j] * scale_[j];
  }
  n_features_in_ = p;
  return *this;
}

Data MinMaxScaler::transform(const Data& X) const {
  check_fitted("transform");
  const Tensor x = check_dense_X(X, "MinMaxScaler.transform", n_features_in_);
  const std::int64_t n = x.shape(0), p = n_features_in_;
  const auto [lo, hi] = options_.feature_range;
  Tensor out = Tensor::empty({n, p}, {.dtype = Dtype::float64});
  const double* a = x.data<double>();
  double* o = out.data<double>();
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t j = 0; j < p; ++j) {
      double v = a[i * p + j] * scale_[j] + min_[j];
      if (options_.clip && !std::isnan(v)) v = std::clamp(v, lo, hi);
      o[i * p + j] = v;
    }
  return out;
}

Tensor MinMaxScaler::inverse_transform(const Tensor& X) const {
  check_fitted("inverse_transform");
  const Tensor x = check_dense_X(X, "MinMaxScaler.inverse_transform", n_features_in_);
  const std::int64_t n = x.shape(0), p = n_features_in_;
  Tensor out = Tensor::empty({n, p}, {.dtype = Dtype::float64});
  const double* a = x.data<double>();
  double* o = out.data<double>();
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t j = 0; j < p; ++j) o[i * p + j] = (a[i * p + j] - min_[j]) / scale_[j];
  return out;
}

Tensor MinMaxScaler::data_min() const {
  check_fitted("data_min");
  return from_vector(data_min_, {n_features_in_});
}
Tensor MinMaxScaler::data_max() const {
  check_fitted("data_max");
  return from_vector(data_max_, {n_features_in_});
}
Tensor MinMaxScaler::data_range() const {
  check_fitted("data_range");
  std::vector<double> r(data_min_.size());
  for (std::size_t j = 0; j < r.size(); ++j) r[j] = data_max_[j] - data_min_[j];
  return from_vector(r, {n_features_in_});
}
Tensor MinMaxScaler::scale() const {
  check_fitted("scale");
  return from_vector(scale_, {n_features_in_});
}
Tensor MinMaxScaler::min() const {
  check_fitted("min");
  return from_vector(min_, {n_features_in_});
}

void MinMaxScaler::save_state(StateDict& state) const {
  state.set("data_min", from_vector(data_min_));
  state.set("data_max", from_vector(data_max_));
  state.set("scale", from_vector(scale_));
  state.set("min", from_vector(min_));
  state.set("n_features_in", Param{n_features_in_});
}

void MinMaxScaler::load_state(const StateDict& state) {
  data_min_ = state.tensor("data_min").to_vector<double>();
  data_max_ = state.tensor("data_max").to_vector<double>();
  scale_ = state.tensor("scale").to_vector<double>();
  min_ = state.tensor("min").to_vector<double>();
  n_features_in_ = state.integer("n_features_in");
  const auto p = static_cast<std::size_t>(n_features_in_);
  check<IoError>(n_features_in_ > 0 && data_min_.size() == p && data_max_.size() == p && scale_.size() == p && min_.size() == p, "load: MinMaxScaler: arrays do not match n_features_in = {}", n_features_in_);
}

}  // namespace axon::ml
