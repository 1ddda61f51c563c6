// The linear-model references (tools/golden/make_linear_golden.py → tests/golden/linear_model.json)
// and helpers shared by the linear_model tests.
#pragma once

#include "axon/core/creation.hpp"
#include "support/testing.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <string>
#include <vector>

namespace axon::ml::linear_golden {

inline const nlohmann::json& golden() {
  static const nlohmann::json j = [] {
    std::ifstream f(axon::testing::source_path("tests/golden/linear_model.json"));
    return nlohmann::json::parse(f);
  }();
  return j;
}

inline std::vector<double> flat(const nlohmann::json& j) {
  std::vector<double> out;
  if (j.is_array())
    for (const auto& v : j) {
      const auto inner = flat(v);
      out.insert(out.end(), inner.begin(), inner.end());
    }
  else
    out.push_back(j.get<double>());
  return out;
}

/// StandardScaler's transform (population std; a constant column keeps scale 1).
inline Tensor standardize(const Tensor& x) {
  const std::int64_t n = x.shape(0), p = x.shape(1);
  std::vector<double> v = x.to_vector<double>();
  for (std::int64_t j = 0; j < p; ++j) {
    double m = 0, s = 0;
    for (std::int64_t i = 0; i < n; ++i) m += v[i * p + j];
    m /= static_cast<double>(n);
    for (std::int64_t i = 0; i < n; ++i) s += (v[i * p + j] - m) * (v[i * p + j] - m);
    s = std::sqrt(s / static_cast<double>(n));
    if (s == 0) s = 1;
    for (std::int64_t i = 0; i < n; ++i) v[i * p + j] = (v[i * p + j] - m) / s;
  }
  return from_vector(v, {n, p});
}

/// Largest |a − b| over the largest |b|: a relative error on the scale of the whole vector.
inline double max_rel_error(const std::vector<double>& a, const std::vector<double>& b) {
  double d = 0, m = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    d = std::max(d, std::abs(a[i] - b[i]));
    m = std::max(m, std::abs(b[i]));
  }
  return d / m;
}

inline std::string label_string(const Tensor& labels) {
  std::string s;
  for (double v : labels.to_vector<double>()) s += std::to_string(static_cast<long long>(v));
  return s;
}

}  // namespace axon::ml::linear_golden
