// scikit-learn's boosting and bagging ensembles (tests/golden/boosting.json, made by
// tools/golden/make_boosting_golden.py) and the data splits they were fitted on.
#pragma once

#include "axon/core/tensor.hpp"
#include "axon/data/datasets.hpp"
#include "axon/ml/data.hpp"
#include "support/testing.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

namespace axon::ml::boosting_golden {

inline const nlohmann::json& json() {
  static const nlohmann::json j = [] {
    std::ifstream in(axon::testing::source_path("tests/golden/boosting.json"));
    return nlohmann::json::parse(in);
  }();
  return j;
}

struct GoldenSplit {
  Tensor Xtr, ytr, Xte, yte;
};

/// The splits of the golden script: diabetes (first 300 rows / rest), cancer (first 400 / rest),
/// iris and wine (rows i % 3 != 0 / the others), digits (first 500 / next 300).
inline const GoldenSplit& split(const std::string& name) {
  static const GoldenSplit diabetes = [] {
    const data::Bunch d = data::load_diabetes();
    const std::int64_t n = d.data.shape(0);
    return GoldenSplit{d.data.rows(0, 300), d.target.rows(0, 300), d.data.rows(300, n), d.target.rows(300, n)};
  }();
  static const GoldenSplit cancer = [] {
    const data::Bunch d = data::load_breast_cancer();
    const std::int64_t n = d.data.shape(0);
    return GoldenSplit{d.data.rows(0, 400), d.target.rows(0, 400), d.data.rows(400, n), d.target.rows(400, n)};
  }();
  static const GoldenSplit iris = [] {
    const data::Bunch d = data::load_iris();
    std::vector<std::int64_t> tr, te;
    for (std::int64_t i = 0; i < 150; ++i) (i % 3 != 0 ? tr : te).push_back(i);
    const Data X(d.data), y(d.target);
    return GoldenSplit{X.take(tr).tensor(), y.take(tr).tensor(), X.take(te).tensor(), y.take(te).tensor()};
  }();
  static const GoldenSplit wine = [] {
    const data::Bunch d = data::load_wine();
    std::vector<std::int64_t> tr, te;
    for (std::int64_t i = 0; i < d.data.shape(0); ++i) (i % 3 != 0 ? tr : te).push_back(i);
    const Data X(d.data), y(d.target);
    return GoldenSplit{X.take(tr).tensor(), y.take(tr).tensor(), X.take(te).tensor(), y.take(te).tensor()};
  }();
  static const GoldenSplit digits = [] {
    const data::Bunch d = data::load_digits();
    return GoldenSplit{d.data.rows(0, 500), d.target.rows(0, 500), d.data.rows(500, 800), d.target.rows(500, 800)};
  }();
  if (name == "diabetes") return diabetes;
  if (name == "cancer") return cancer;
  if (name == "iris") return iris;
  if (name == "wine") return wine;
  return digits;
}

inline std::vector<double> doubles(const nlohmann::json& j) { return j.get<std::vector<double>>(); }
inline std::vector<std::int64_t> ints(const nlohmann::json& j) { return j.get<std::vector<std::int64_t>>(); }

/// The first n values.
inline std::vector<double> prefix(const std::vector<double>& v, std::size_t n) {
  return {v.begin(), v.begin() + static_cast<std::ptrdiff_t>(std::min(n, v.size()))};
}
inline std::vector<std::int64_t> prefix(const std::vector<std::int64_t>& v, std::size_t n) {
  return {v.begin(), v.begin() + static_cast<std::ptrdiff_t>(std::min(n, v.size()))};
}

/// The first `rows` rows of a [n] or [n, k] tensor, flattened.
inline std::vector<double> head(const Tensor& t, std::int64_t rows = 40) {
  return t.rows(0, std::min<std::int64_t>(rows, t.shape(0))).to_vector<double>();
}

}  // namespace axon::ml::boosting_golden
