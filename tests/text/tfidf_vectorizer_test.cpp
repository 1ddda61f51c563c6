#include "axon/text/tfidf_vectorizer.hpp"

#include "axon/core/error.hpp"
#include "support/testing.hpp"
#include "text/vectorizer_golden.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace axon::text {
namespace {

// sklearn 1.2's TfidfVectorizer on the fortunes corpus (tools/golden/make_text_golden.py): the same
// vocabulary, and every value within 1e-12 (relative).
TEST(TfidfVectorizer, MatchesScikitLearnOnFortunes) {
  const golden::Corpus& corpus = golden::corpus();
  const auto& cases = golden::json()["cases"];
  const std::vector<std::pair<std::string, TfidfVectorizerOptions>> configs = {
      {"tfidf_default", {}},
      {"tfidf_sublinear_l1",
       {.ngram_range = {1, 2}, .min_df = 2, .norm = "l1", .smooth_idf = false, .sublinear_tf = true}},
      {"tfidf_no_idf_no_norm", {.lowercase = false, .norm = std::nullopt, .use_idf = false}},
      {"tfidf_stop_words_trigrams", {.stop_words = "english", .ngram_range = {2, 3}, .binary = true}},
  };
  for (const auto& [name, options] : configs) {
    SCOPED_TRACE(name);
    TfidfVectorizer tv(options);
    const SparseMatrix X = tv.fit_transform(corpus.train).sparse();
    const auto& want = cases[name];
    golden::expect_matches(want, tv.get_feature_names_out(), X, tv.transform(corpus.test).sparse(), 1e-12);
    if (!options.use_idf) continue;
    const auto idf = tv.idf().to_vector<double>();
    for (std::size_t j = 0; j < 10; ++j) EXPECT_NEAR(idf[j], want["idf_head"][j].get<double>(), 1e-12 * idf[j]);
    double sum = 0, weighted = 0;
    for (std::size_t j = 0; j < idf.size(); ++j) {
      sum += idf[j];
      weighted += idf[j] * static_cast<double>(j % 17 + 1);
    }
    EXPECT_NEAR(sum, want["idf_sum"].get<double>(), 1e-12 * sum);
    EXPECT_NEAR(weighted, want["idf_weighted"].get<double>(), 1e-12 * weighted);
  }
}

TEST(TfidfVectorizer, SmallExampleByHand) {
  // Two documents: "aa" in both (idf = ln(3/3) + 1 = 1), "bb" in one (idf = ln(3/2) + 1).
  TfidfVectorizer tv;
  const SparseMatrix X = tv.fit_transform(ml::Texts{"aa bb", "aa"}).sparse();
  const double idf_b = std::log(1.5) + 1.0;
  EXPECT_TENSOR_NEAR(tv.idf(), {1.0, idf_b}, 1e-15);
  const double n = std::sqrt(1.0 + idf_b * idf_b);
  EXPECT_TENSOR_NEAR(X.to_dense(), {1.0 / n, idf_b / n, 1.0, 0.0}, 1e-15);
  // A document with no known term stays a zero row.
  EXPECT_TENSOR_NEAR(tv.transform(ml::Texts{"zz"}).sparse().to_dense(), {0.0, 0.0}, 0.0);
}

TEST(TfidfVectorizer, ParamsAndErrors) {
  TfidfVectorizer tv;
  const ml::Params p = tv.get_params();
  EXPECT_EQ(ml::to_string(p.at("norm")), "'l2'");
  EXPECT_EQ(ml::to_string(p.at("sublinear_tf")), "False");
  tv.set_params({{"norm", ml::Param{}}, {"use_idf", false}});
  EXPECT_FALSE(tv.options().norm.has_value());
  tv.fit(ml::Texts{"aa bb"});
  EXPECT_THROW_MESSAGE(tv.idf(), ValueError, "use_idf=False");
  EXPECT_THROW_MESSAGE(TfidfVectorizer({.norm = "l3"}).fit(ml::Texts{"aa"}), ValueError, "norm must be");
  EXPECT_THROW_MESSAGE(TfidfVectorizer().transform(ml::Texts{"aa"}), NotFittedError, "TfidfVectorizer");
  EXPECT_THROW_MESSAGE(TfidfVectorizer({.stop_words = "english"}).fit(ml::Texts{"the"}), ValueError,
                       "TfidfVectorizer.fit: empty vocabulary");
}

}  // namespace
}  // namespace axon::text
