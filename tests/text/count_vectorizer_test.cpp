#include "axon/text/count_vectorizer.hpp"

#include "axon/core/error.hpp"
#include "axon/data/datasets.hpp"
#include "axon/text/tfidf_vectorizer.hpp"
#include "axon/text/tokenizer.hpp"
#include "support/testing.hpp"
#include "text/vectorizer_golden.hpp"

#include <gtest/gtest.h>

namespace axon::text {
namespace {

using golden::Corpus;

// The golden cases for CountVectorizer: tools/golden/make_text_golden.py, sklearn 1.2.
TEST(CountVectorizer, MatchesScikitLearnOnFortunes) {
  const Corpus& corpus = golden::corpus();
  const auto& cases = golden::json()["cases"];
  const std::vector<std::pair<std::string, CountVectorizerOptions>> configs = {
      {"count_default", {}},
      {"count_ngrams", {.stop_words = "english", .ngram_range = {1, 2}, .max_df = 0.5, .min_df = 2, .binary = true}},
      {"count_max_features", {.lowercase = false, .max_features = 98}},
      {"count_min_df_proportion", {.max_df = 40, .min_df = 0.01}},
  };
  for (const auto& [name, options] : configs) {
    SCOPED_TRACE(name);
    CountVectorizer cv(options);
    const SparseMatrix X = cv.fit_transform(corpus.train).sparse();
    golden::expect_matches(cases[name], cv.get_feature_names_out(), X, cv.transform(corpus.test).sparse(), 0.0);
  }
}

TEST(CountVectorizer, AnalyzerMatchesPythonOnUnicode) {
  for (const auto& c : golden::json()["analyzer"]) {
    const std::string text = c["text"];
    EXPECT_EQ(tokenize(text), c["lower"].get<std::vector<std::string>>()) << text;
    EXPECT_EQ(tokenize(text, {.lowercase = false}), c["keep_case"].get<std::vector<std::string>>()) << text;
  }
}

TEST(CountVectorizer, SmallExampleVocabularyAndCounts) {
  const ml::Texts docs = {"The cat sat on the mat.", "The dog sat.", "A cat, a dog, a cat!"};
  CountVectorizer cv;
  const SparseMatrix X = cv.fit_transform(docs).sparse();
  EXPECT_EQ(cv.get_feature_names_out(), (std::vector<std::string>{"cat", "dog", "mat", "on", "sat", "the"}));
  EXPECT_EQ(cv.vocabulary().at("sat"), 4);
  EXPECT_EQ(cv.index_of("dog"), 1);
  EXPECT_EQ(cv.index_of("zebra"), -1);
  EXPECT_TENSOR_NEAR(X.to_dense(), {1, 0, 1, 1, 1, 2, 0, 1, 0, 0, 1, 1, 2, 1, 0, 0, 0, 0}, 0.0);
  // Unknown words are ignored by transform.
  EXPECT_TENSOR_NEAR(cv.transform(ml::Texts{"zebra cat cat"}).sparse().to_dense(), {2, 0, 0, 0, 0, 0}, 0.0);
  // A user's stop words.
  CountVectorizer cs({.stop_words_list = {"the", "on"}});
  cs.fit(docs);
  EXPECT_EQ(cs.get_feature_names_out(), (std::vector<std::string>{"cat", "dog", "mat", "sat"}));
}

TEST(CountVectorizer, ParamsFollowPythonTypesForDocumentFrequency) {
  CountVectorizer cv;
  EXPECT_EQ(ml::to_string(cv.get_params().at("min_df")), "1");
  EXPECT_EQ(ml::to_string(cv.get_params().at("max_df")), "1.0");
  cv.set_params({{"min_df", 0.25}, {"max_df", std::int64_t{2}}, {"ngram_range", std::vector<double>{1, 2}}});
  EXPECT_TRUE(cv.options().min_df.proportion);
  EXPECT_FALSE(cv.options().max_df.proportion);
  EXPECT_EQ(cv.options().ngram_range, std::make_pair(1, 2));
  EXPECT_THROW_MESSAGE(cv.set_param("min_df", std::string("x")), ValueError, "'min_df' expects an integer");
  auto copy = ml::clone(cv);
  EXPECT_EQ(ml::to_string(copy->get_params().at("min_df")), "0.25");
}

TEST(CountVectorizer, ErrorsNameTheProblem) {
  EXPECT_THROW_MESSAGE(CountVectorizer({.stop_words = "english"}).fit(ml::Texts{"the and of", "a"}), ValueError,
                       "empty vocabulary");
  EXPECT_THROW_MESSAGE(CountVectorizer({.min_df = 3}).fit(ml::Texts{"aa bb", "bb cc", "dd"}), ValueError,
                       "no terms remain");
  EXPECT_THROW_MESSAGE(CountVectorizer({.max_df = 1, .min_df = 2}).fit(ml::Texts{"aa bb", "bb cc"}), ValueError,
                       "max_df corresponds to < documents than min_df");
  EXPECT_THROW_MESSAGE(CountVectorizer({.ngram_range = {2, 1}}).fit(ml::Texts{"aa"}), ValueError, "ngram_range");
  EXPECT_THROW_MESSAGE(CountVectorizer().transform(ml::Texts{"aa"}), NotFittedError, "CountVectorizer");
  EXPECT_THROW_MESSAGE(CountVectorizer().fit(Tensor::empty({2, 2}, {})), ValueError, "CountVectorizer.fit: expected texts");
}

}  // namespace
}  // namespace axon::text
