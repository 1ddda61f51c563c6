// sklearn's results for the preprocessing tests (tests/golden/prep.json, made by
// tools/golden/make_prep_golden.py) and the comparison of a whole result with its summary.
#pragma once

#include "axon/core/creation.hpp"
#include "axon/ml/data.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <limits>

namespace axon::ml::prep_golden {

inline const nlohmann::json& json() {
  static const nlohmann::json j = [] {
    std::ifstream in(axon::testing::source_path("tests/golden/prep.json"));
    return nlohmann::json::parse(in);
  }();
  return j;
}

/// A JSON list of numbers (null = NaN).
inline std::vector<double> values(const nlohmann::json& list) {
  std::vector<double> out;
  for (const auto& v : list) out.push_back(v.is_null() ? std::numeric_limits<double>::quiet_NaN() : v.get<double>());
  return out;
}

/// Each element within rtol (relative; NaN matches NaN).
inline void expect_values(const std::vector<double>& got, const nlohmann::json& want, double rtol = 1e-12,
                          double atol = 1e-13) {
  const std::vector<double> w = values(want);
  ASSERT_EQ(got.size(), w.size());
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (std::isnan(w[i])) {
      EXPECT_TRUE(std::isnan(got[i])) << "element " << i << ": " << got[i];
    } else {
      EXPECT_NEAR(got[i], w[i], atol + rtol * std::abs(w[i])) << "element " << i;
    }
  }
}

/// The script's summary (shape, sum, sum of squares, position-weighted sum, rows 0, 1, last) of X.
/// NaNs in X count as nan_as (the script writes nan_to_num(X, nan=-7) where it has NaNs).
inline void expect_summary(const Data& X, const nlohmann::json& want, double rtol = 1e-12, double nan_as = -7.0) {
  const Tensor d = X.is_sparse() ? X.sparse().to_dense() : X.tensor();
  ASSERT_EQ(d.ndim(), 2);
  const std::int64_t n = d.shape(0), p = d.shape(1);
  ASSERT_EQ(n, want["shape"][0].get<std::int64_t>());
  ASSERT_EQ(p, want["shape"][1].get<std::int64_t>());
  std::vector<double> a = d.to_vector<double>();
  for (double& v : a)
    if (std::isnan(v)) v = nan_as;
  double s = 0, s2 = 0, sw = 0;
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t j = 0; j < p; ++j) {
      const double v = a[i * p + j];
      s += v;
      s2 += v * v;
      sw += v * static_cast<double>((7 * i + 13 * j) % 101 + 1);
    }
  const double scale = std::max(1.0, s2);  // sums of signed values may cancel: compare to the magnitude
  EXPECT_NEAR(s, want["sum"].get<double>(), rtol * scale);
  EXPECT_NEAR(s2, want["sumsq"].get<double>(), rtol * scale);
  EXPECT_NEAR(sw, want["weighted"].get<double>(), rtol * scale * 101);
  for (const auto& [key, row] : want["rows"].items()) {
    const std::int64_t i = std::stoll(key);
    expect_values(std::vector<double>(a.begin() + i * p, a.begin() + (i + 1) * p), row, rtol);
  }
}

/// Every 7th value of every 3rd column, and all of column 5, set to NaN (as the script's with_nans).
inline Tensor with_nans(const Tensor& X) {
  Tensor out = X.clone();
  double* a = out.data<double>();
  const std::int64_t n = X.shape(0), p = X.shape(1);
  for (std::int64_t j = 0; j < p; j += 3)
    for (std::int64_t i = j % 7; i < n; i += 7) a[i * p + j] = std::numeric_limits<double>::quiet_NaN();
  for (std::int64_t i = 0; i < n; ++i) a[i * p + 5] = std::numeric_limits<double>::quiet_NaN();
  return out;
}

}  // namespace axon::ml::prep_golden
