// The fortunes corpus and sklearn's results on it (tests/golden/text.json, made by
// tools/golden/make_text_golden.py), shared by the CountVectorizer and TfidfVectorizer tests.
#pragma once

#include "axon/core/sparse.hpp"
#include "axon/ml/data.hpp"

#include <nlohmann/json.hpp>
#include "axon/data/datasets.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>
#include <fmt/format.h>

#include <cmath>
#include <fstream>
#include <map>

#include <string>
#include <vector>

namespace axon::text::golden {

struct Corpus {
  ml::Texts train, test;
};


inline const nlohmann::json& json() {
  static const nlohmann::json j = [] {
    std::ifstream in(axon::testing::source_path("tests/golden/text.json"));
    return nlohmann::json::parse(in);
  }();
  return j;
}

/// The same texts as the golden script takes from data::load_fortunes().
inline const Corpus& corpus() {
  static const Corpus c = [] {
    const data::Fortunes f = data::load_fortunes();
    std::map<std::string, std::vector<std::string>> by_topic;
    for (std::size_t i = 0; i < f.texts.size(); ++i) by_topic[f.topics[i]].push_back(f.texts[i]);
    Corpus out;
    for (const char* t : {"computers", "linux", "science"})
      out.train.insert(out.train.end(), by_topic[t].begin(), by_topic[t].begin() + 100);
    for (const char* t : {"law", "computers"}) out.train.insert(out.train.end(), by_topic[t].end() - 3, by_topic[t].end());
    out.test.assign(by_topic["science"].begin() + 100, by_topic["science"].begin() + 150);
    return out;
  }();
  return c;
}

/// FNV-1a 64 of the terms, each followed by '\n', as 16 hex digits.
inline std::string fnv1a(const std::vector<std::string>& terms) {
  std::uint64_t h = 0xCBF29CE484222325ULL;
  for (const std::string& t : terms) {
    for (unsigned char b : t) h = (h ^ b) * 0x100000001B3ULL;
    h = (h ^ static_cast<unsigned char>('\n')) * 0x100000001B3ULL;
  }
  return fmt::format("{:016x}", h);
}

namespace detail {

inline std::vector<double> checksum(const SparseMatrix& X) {
  const auto indptr = X.indptr().to_vector<std::int64_t>();
  const auto indices = X.indices().to_vector<std::int64_t>();
  const auto values = X.values().to_vector<double>();
  double s = 0, s2 = 0, sw = 0;
  for (std::int64_t r = 0; r < X.rows(); ++r)
    for (std::int64_t k = indptr[r]; k < indptr[r + 1]; ++k) {
      const double v = values[k];
      s += v;
      s2 += v * v;
      sw += v * static_cast<double>((7 * r + 13 * indices[k]) % 101 + 1);
    }
  return {s, s2, sw};
}

inline void expect_rows(const nlohmann::json& rows, const SparseMatrix& X, double rtol) {
  const auto indptr = X.indptr().to_vector<std::int64_t>();
  const auto indices = X.indices().to_vector<std::int64_t>();
  const auto values = X.values().to_vector<double>();
  for (const auto& [key, entries] : rows.items()) {
    const std::int64_t r = std::stoll(key);
    ASSERT_EQ(indptr[r + 1] - indptr[r], static_cast<std::int64_t>(entries.size())) << "row " << r;
    for (std::size_t e = 0; e < entries.size(); ++e) {
      const std::int64_t k = indptr[r] + static_cast<std::int64_t>(e);
      EXPECT_EQ(indices[k], entries[e][0].get<std::int64_t>()) << "row " << r;
      const double want = entries[e][1];
      EXPECT_NEAR(values[k], want, rtol * std::abs(want)) << "row " << r << " column " << indices[k];
    }
  }
}

}  // namespace detail

/// Vocabulary, per-row nnz, checksums and listed rows of X (fit_transform) and X_test (transform)
/// equal to the golden case's, values within rtol (relative; 0 = exact).
inline void expect_matches(const nlohmann::json& expected, const std::vector<std::string>& names, const SparseMatrix& X,
                    const SparseMatrix& X_test, double rtol) {
  ASSERT_EQ(static_cast<std::int64_t>(names.size()), expected["n_features"].get<std::int64_t>());
  EXPECT_EQ(std::vector<std::string>(names.begin(), names.begin() + 15), expected["first_terms"].get<std::vector<std::string>>());
  EXPECT_EQ(std::vector<std::string>(names.end() - 15, names.end()), expected["last_terms"].get<std::vector<std::string>>());
  if (expected.contains("terms")) {
    EXPECT_EQ(names, expected["terms"].get<std::vector<std::string>>());
  }
  EXPECT_EQ(fnv1a(names), expected["vocab_fnv1a"].get<std::string>());
  ASSERT_EQ(X.cols(), static_cast<std::int64_t>(names.size()));
  const auto indptr = X.indptr().to_vector<std::int64_t>();
  std::vector<std::int64_t> nnz;
  for (std::size_t r = 0; r + 1 < indptr.size(); ++r) nnz.push_back(indptr[r + 1] - indptr[r]);
  EXPECT_EQ(nnz, expected["row_nnz"].get<std::vector<std::int64_t>>());
  const auto near = [&](const std::vector<double>& got, const nlohmann::json& want) {
    for (std::size_t i = 0; i < got.size(); ++i) {
      const double w = want[i];
      EXPECT_NEAR(got[i], w, std::max(rtol, 1e-15) * std::abs(w)) << "checksum " << i;
    }
  };
  near(detail::checksum(X), expected["checksum"]);
  near(detail::checksum(X_test), expected["test_checksum"]);
  detail::expect_rows(expected["rows"], X, rtol);
  detail::expect_rows(expected["test_rows"], X_test, rtol);
}

}  // namespace axon::text::golden
