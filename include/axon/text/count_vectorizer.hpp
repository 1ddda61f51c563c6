// CountVectorizer: texts → a sparse matrix of token (n-gram) counts, as
// sklearn.feature_extraction.text.CountVectorizer (analyzer="word", the default token_pattern).
//
//   text::CountVectorizer cv({.ngram_range = {1, 2}, .min_df = 2, .stop_words = "english"});
//   SparseMatrix X = cv.fit_transform(texts).sparse();   // [n_texts, n_terms] float64, CSR
//   cv.get_feature_names_out();                           // the terms, sorted (column order)
#pragma once

#include "axon/core/sparse.hpp"
#include "axon/ml/estimator.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace axon::text {

/// min_df / max_df as in scikit-learn, where the Python type decides the meaning: an integer is a
/// number of documents, a floating-point number a proportion of them (in [0, 1]). So
/// `.min_df = 2` keeps terms in at least 2 documents, `.max_df = 0.5` drops terms in more than half,
/// and `.max_df = 1.0` (a proportion: every document) is not `.max_df = 1` (one document). By name,
/// set_param("min_df", std::int64_t{2}) is a count and set_param("min_df", 0.02) a proportion.
struct DocFrequency {
  double value = 1.0;
  bool proportion = false;
  DocFrequency(int count) : value(count) {}                        // NOLINT: implicit, as Python's int
  DocFrequency(std::int64_t count) : value(static_cast<double>(count)) {}  // NOLINT
  DocFrequency(double share) : value(share), proportion(true) {}   // NOLINT: implicit, as Python's float
  /// The threshold in documents for a corpus of n_docs (value·n_docs for a proportion, unrounded).
  double documents(std::int64_t n_docs) const { return proportion ? value * static_cast<double>(n_docs) : value; }
  bool operator==(const DocFrequency&) const = default;
};

/// The hyperparameter binding of a DocFrequency field (int ↔ count, float ↔ proportion).
ml::ParamBinding doc_frequency_param(std::string name, DocFrequency& field);

struct CountVectorizerOptions {
  bool lowercase = true;                        ///< Python's str.lower() before tokenizing
  std::optional<std::string> stop_words;        ///< "english" (scikit-learn's list) or None
  std::vector<std::string> stop_words_list;     ///< a user's stop words (Python's list value of
                                                ///< stop_words); used with or instead of "english";
                                                ///< not a named hyperparameter
  std::pair<int, int> ngram_range = {1, 1};     ///< word n-grams, min_n..max_n, joined by one space
  DocFrequency max_df = 1.0;                    ///< drop terms in more documents than this
  DocFrequency min_df = 1;                      ///< drop terms in fewer documents than this
  std::optional<std::int64_t> max_features;     ///< keep the most frequent terms (corpus counts)
  bool binary = false;                          ///< 1 for present terms instead of counts
};

/// A hash map from terms to columns that looks up std::string_view without allocating.
struct TermHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
using TermIndex = std::unordered_map<std::string, std::int64_t, TermHash, std::equal_to<>>;
using TermSet = std::unordered_set<std::string, TermHash, std::equal_to<>>;

class CountVectorizer : public ml::EstimatorBase<CountVectorizer, CountVectorizerOptions> {
 public:
  using EstimatorBase::EstimatorBase;
  std::string name() const override { return "CountVectorizer"; }
  Kind kind() const override { return Kind::transformer; }
  /// Learns the vocabulary of X (texts); y is ignored.
  CountVectorizer& fit(const ml::Data& X, const Tensor& y = {}) override;
  /// The counts of the vocabulary's terms in each text: a SparseMatrix [n_texts, n_terms], float64,
  /// sorted column indices. Terms not in the vocabulary are ignored.
  ml::Data transform(const ml::Data& X) const override;
  /// fit then transform in one pass over the texts.
  ml::Data fit_transform(const ml::Data& X, const Tensor& y = {}) override;
  bool fitted() const override { return fitted_; }

  /// The same as SparseMatrix-returning functions on texts (used by TfidfVectorizer).
  SparseMatrix fit_transform_texts(const ml::Texts& texts);
  SparseMatrix transform_texts(const ml::Texts& texts) const;

  /// The terms in column order (sorted by their UTF-8 bytes, i.e. by code point, as Python sorts).
  const std::vector<std::string>& get_feature_names_out() const;
  /// term → column (scikit-learn's vocabulary_).
  std::map<std::string, std::int64_t> vocabulary() const;
  /// The column of a term, or -1 when it is not in the vocabulary.
  std::int64_t index_of(std::string_view term) const;
  std::int64_t n_features() const { return static_cast<std::int64_t>(names_.size()); }

 protected:
  std::vector<ml::ParamBinding> bindings() override;

 private:
  struct Analyzer;
  std::string who_ = "CountVectorizer";
  std::vector<std::string> names_;
  TermIndex index_;
  bool fitted_ = false;

  friend class TfidfVectorizer;
};

}  // namespace axon::text
