// TfidfVectorizer: texts → TF-IDF weighted term counts, as
// sklearn.feature_extraction.text.TfidfVectorizer (CountVectorizer followed by TfidfTransformer).
//
//   auto pipe = ml::make_pipeline(text::TfidfVectorizer(), ml::LogisticRegression());
//   text::TfidfVectorizer tv({.sublinear_tf = true, .min_df = 2});
//   SparseMatrix X = tv.fit_transform(texts).sparse();   // rows of unit L2 norm
//   tv.idf();                                            // float64 [n_terms]
#pragma once

#include "axon/text/count_vectorizer.hpp"

namespace axon::text {

struct TfidfVectorizerOptions {
  // CountVectorizer's options (same meaning and defaults):
  bool lowercase = true;
  std::optional<std::string> stop_words;        ///< "english" or None
  std::vector<std::string> stop_words_list;     ///< a user's stop words (not a named hyperparameter)
  std::pair<int, int> ngram_range = {1, 1};
  DocFrequency max_df = 1.0;
  DocFrequency min_df = 1;
  std::optional<std::int64_t> max_features;
  bool binary = false;                          ///< tf is 1 for present terms (idf still applies)
  // TfidfTransformer's:
  std::optional<std::string> norm = "l2";       ///< "l2", "l1" or None: each row divided by its norm
  bool use_idf = true;                          ///< multiply tf by idf
  bool smooth_idf = true;                       ///< idf = ln((1 + n) / (1 + df)) + 1; false: ln(n / df) + 1
  bool sublinear_tf = false;                    ///< tf = 1 + ln(tf)
};

class TfidfVectorizer : public ml::EstimatorBase<TfidfVectorizer, TfidfVectorizerOptions> {
 public:
  using EstimatorBase::EstimatorBase;
  std::string name() const override { return "TfidfVectorizer"; }
  Kind kind() const override { return Kind::transformer; }
  TfidfVectorizer& fit(const ml::Data& X, const Tensor& y = {}) override;
  /// SparseMatrix [n_texts, n_terms] float64 with sorted column indices.
  ml::Data transform(const ml::Data& X) const override;
  ml::Data fit_transform(const ml::Data& X, const Tensor& y = {}) override;
  bool fitted() const override { return counts_.fitted(); }

  const std::vector<std::string>& get_feature_names_out() const;
  std::map<std::string, std::int64_t> vocabulary() const;
  std::int64_t index_of(std::string_view term) const;
  /// The inverse document frequency of each term (use_idf only), float64 [n_terms].
  Tensor idf() const;

 protected:
  std::vector<ml::ParamBinding> bindings() override;

 private:
  CountVectorizerOptions count_options() const;
  void check_own_options() const;
  SparseMatrix weigh(SparseMatrix counts) const;  // tf transform, idf, norm (in place on a fresh matrix)

  CountVectorizer counts_;
  std::vector<double> idf_;
};

}  // namespace axon::text
