#include "axon/text/tfidf_vectorizer.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"

#include <cmath>

namespace axon::text {

CountVectorizerOptions TfidfVectorizer::count_options() const {
  const auto& o = options_;
  return {.lowercase = o.lowercase, .stop_words = o.stop_words, .stop_words_list = o.stop_words_list,
          .ngram_range = o.ngram_range, .max_df = o.max_df, .min_df = o.min_df, .max_features = o.max_features,
          .binary = o.binary};
}

void TfidfVectorizer::check_own_options() const {
  check(!options_.norm || *options_.norm == "l2" || *options_.norm == "l1",
        "TfidfVectorizer: norm must be 'l2', 'l1' or None, got '{}'", options_.norm.value_or(""));
}

// sklearn's TfidfTransformer.transform: tf (1 + ln tf when sublinear), times idf, rows divided by
// their L2 (or L1) norm, zero rows left as they are.
SparseMatrix TfidfVectorizer::weigh(SparseMatrix X) const {
  const std::int64_t* indptr = X.indptr().data<std::int64_t>();
  const std::int64_t* indices = X.indices().data<std::int64_t>();
  double* v = X.values().data<double>();
  const bool l2 = options_.norm && *options_.norm == "l2";
  const bool l1 = options_.norm && *options_.norm == "l1";
  for (std::int64_t r = 0; r < X.rows(); ++r) {
    double norm = 0;
    for (std::int64_t k = indptr[r]; k < indptr[r + 1]; ++k) {
      double x = v[k];
      if (options_.sublinear_tf) x = std::log(x) + 1.0;
      if (options_.use_idf) x *= idf_[static_cast<std::size_t>(indices[k])];
      v[k] = x;
      norm += l2 ? x * x : std::abs(x);
    }
    if (!l1 && !l2) continue;
    if (l2) norm = std::sqrt(norm);
    if (norm == 0.0) continue;
    for (std::int64_t k = indptr[r]; k < indptr[r + 1]; ++k) v[k] /= norm;
  }
  return X;
}

TfidfVectorizer& TfidfVectorizer::fit(const ml::Data& X, const Tensor& y) {
  fit_transform(X, y);
  return *this;
}

ml::Data TfidfVectorizer::fit_transform(const ml::Data& X, const Tensor&) {
  check_own_options();
  counts_ = CountVectorizer(count_options());
  counts_.who_ = "TfidfVectorizer";
  idf_.clear();
  SparseMatrix C = counts_.fit_transform_texts(X.texts("TfidfVectorizer.fit"));
  if (options_.use_idf) {
    // idf = ln((n + s) / (df + s)) + 1, s = 1 with smooth_idf (one extra document holding every term).
    std::vector<double> df(static_cast<std::size_t>(C.cols()), 0.0);
    const std::int64_t* indices = C.indices().data<std::int64_t>();
    for (std::int64_t k = 0; k < C.nnz(); ++k) df[static_cast<std::size_t>(indices[k])] += 1.0;
    const double s = options_.smooth_idf ? 1.0 : 0.0;
    const double n = static_cast<double>(C.rows()) + s;
    idf_.resize(df.size());
    for (std::size_t j = 0; j < df.size(); ++j) idf_[j] = std::log(n / (df[j] + s)) + 1.0;
  }
  return weigh(std::move(C));
}

ml::Data TfidfVectorizer::transform(const ml::Data& X) const {
  check_fitted("transform");
  return weigh(counts_.transform_texts(X.texts("TfidfVectorizer.transform")));
}

const std::vector<std::string>& TfidfVectorizer::get_feature_names_out() const {
  check_fitted("get_feature_names_out");
  return counts_.get_feature_names_out();
}

std::map<std::string, std::int64_t> TfidfVectorizer::vocabulary() const {
  check_fitted("vocabulary");
  return counts_.vocabulary();
}

std::int64_t TfidfVectorizer::index_of(std::string_view term) const {
  check_fitted("index_of");
  return counts_.index_of(term);
}

Tensor TfidfVectorizer::idf() const {
  check_fitted("idf");
  check(options_.use_idf, "TfidfVectorizer.idf: there is no idf with use_idf=False");
  return from_vector(idf_);
}

std::vector<ml::ParamBinding> TfidfVectorizer::bindings() {
  return {ml::param("binary", options_.binary),
          ml::param("lowercase", options_.lowercase),
          doc_frequency_param("max_df", options_.max_df),
          ml::param("max_features", options_.max_features),
          doc_frequency_param("min_df", options_.min_df),
          ml::param("ngram_range", options_.ngram_range),
          ml::param("norm", options_.norm),
          ml::param("smooth_idf", options_.smooth_idf),
          ml::param("stop_words", options_.stop_words),
          ml::param("sublinear_tf", options_.sublinear_tf),
          ml::param("use_idf", options_.use_idf)};
}

}  // namespace axon::text
