#include "axon/ml/preprocessing/simple_imputer.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace axon::ml {

SimpleImputer& SimpleImputer::fit(const Data& X, const Tensor&) {
  const std::string& s = options_.strategy;
  check(s == "mean" || s == "median" || s == "most_frequent" || s == "constant",
        "SimpleImputer.fit: strategy must be 'mean', 'median', 'most_frequent' or 'constant', got '{}'", s);
  n_features_in_ = 0;
  const Tensor x = check_dense_X(X, "SimpleImputer.fit");
  const std::int64_t n = x.shape(0), p = x.shape(1);
  const double* a = x.data<double>();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  statistics_.assign(p, nan);
  std::vector<double> col;
  for (std::int64_t j = 0; j < p; ++j) {
    if (s == "constant") {
      statistics_[j] = options_.fill_value.value_or(0.0);
      continue;
    }
    col.clear();
    for (std::int64_t i = 0; i < n; ++i)
      if (const double v = a[i * p + j]; !std::isnan(v)) col.push_back(v);
    if (col.empty()) {
      statistics_[j] = options_.keep_empty_features ? 0.0 : nan;
      continue;
    }
    if (s == "mean") {
      double sum = 0;
      for (double v : col) sum += v;
      statistics_[j] = sum / static_cast<double>(col.size());
    } else if (s == "median") {
      std::sort(col.begin(), col.end());
      const std::size_t m = col.size() / 2;
      statistics_[j] = col.size() % 2 ? col[m] : (col[m - 1] + col[m]) / 2.0;
    } else {  // most_frequent: the smallest of the most frequent values
      std::sort(col.begin(), col.end());
      std::size_t best = 0;
      for (std::size_t i = 0; i < col.size();) {
        std::size_t k = i;
        while (k < col.size() && col[k] == col[i]) ++k;
        if (k - i > best) {
          best = k - i;
          statistics_[j] = col[i];
        }
        i = k;
      }
    }
  }
  n_features_in_ = p;
  return *this;
}

Data SimpleImputer::transform(const Data& X) const {
  check_fitted("transform");
  const Tensor x = check_dense_X(X, "SimpleImputer.transform", n_features_in_);
  const std::int64_t n = x.shape(0), p = n_features_in_;
  std::vector<std::int64_t> kept;
  for (std::int64_t j = 0; j < p; ++j)
    if (!std::isnan(statistics_[j])) kept.push_back(j);
  const auto q = static_cast<std::int64_t>(kept.size());
  Tensor out = Tensor::empty({n, q}, {.dtype = Dtype::float64});
  const double* a = x.data<double>();
  double* o = out.data<double>();
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t c = 0; c < q; ++c) {
      const double v = a[i * p + kept[c]];
      o[i * q + c] = std::isnan(v) ? statistics_[kept[c]] : v;
    }
  return out;
}

Tensor SimpleImputer::statistics() const {
  check_fitted("statistics");
  return from_vector(statistics_, {n_features_in_});
}

}  // namespace axon::ml
