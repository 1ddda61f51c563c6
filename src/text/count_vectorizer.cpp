#include "axon/text/count_vectorizer.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/text/tokenizer.hpp"

#include <algorithm>
#include <numeric>

namespace axon::text {
namespace {

#include "english_stop_words.inc"

void check_options(const CountVectorizerOptions& o, std::string_view who) {
  check(o.ngram_range.first >= 1 && o.ngram_range.first <= o.ngram_range.second,
        "{}: ngram_range must be (min_n, max_n) with 1 <= min_n <= max_n, got ({}, {})", who, o.ngram_range.first,
        o.ngram_range.second);
  check(!o.stop_words || *o.stop_words == "english", "{}: stop_words must be 'english' or None, got '{}'", who,
        o.stop_words.value_or(""));
  for (const auto* df : {&o.min_df, &o.max_df}) {
    const char* name = df == &o.min_df ? "min_df" : "max_df";
    if (df->proportion)
      check(df->value >= 0.0 && df->value <= 1.0, "{}: {} as a proportion must be in [0.0, 1.0], got {}", who, name,
            df->value);
    else
      check(df->value >= 0.0, "{}: {} as a document count must be >= 0, got {}", who, name, df->value);
  }
  check(!o.max_features || *o.max_features >= 0, "{}: max_features must be >= 0 or None, got {}", who,
        o.max_features.value_or(0));
}

}  // namespace

ml::ParamBinding doc_frequency_param(std::string name, DocFrequency& field) {
  return {name,
          [&field]() -> ml::Param {
            if (field.proportion) return field.value;
            return static_cast<std::int64_t>(field.value);
          },
          [&field, name](const ml::Param& p) {
            if (const auto* i = std::get_if<std::int64_t>(&p)) {
              field = DocFrequency(*i);
            } else if (const auto* d = std::get_if<double>(&p)) {
              field = DocFrequency(*d);
            } else {
              throw ValueError(fmt::format("'{}' expects an integer (documents) or a number (a proportion), got {}",
                                           name, ml::to_string(p)));
            }
          }};
}

// Turns a document into its terms (tokens, stop words removed, n-grams), reusing its buffers.
struct CountVectorizer::Analyzer {
  const CountVectorizerOptions& options;
  TermSet stop;
  std::string lowered, gram;
  std::vector<std::string_view> tokens;

  explicit Analyzer(const CountVectorizerOptions& o) : options(o) {
    if (o.stop_words)
      for (std::string_view w : kEnglishStopWords) stop.emplace(w);
    for (const std::string& w : o.stop_words_list) stop.emplace(w);
  }

  template <class F>
  void operator()(std::string_view doc, F&& emit) {
    if (options.lowercase) {
      lowercase_into(doc, lowered);
      doc = lowered;
    }
    tokens.clear();
    token_views(doc, 2, tokens);
    if (!stop.empty())
      std::erase_if(tokens, [&](std::string_view t) { return stop.find(t) != stop.end(); });
    const auto [min_n, max_n] = options.ngram_range;
    const std::size_t n_tokens = tokens.size();
    for (int n = min_n; n <= max_n && static_cast<std::size_t>(n) <= n_tokens; ++n) {
      if (n == 1) {
        for (std::string_view t : tokens) emit(t);
        continue;
      }
      for (std::size_t i = 0; i + static_cast<std::size_t>(n) <= n_tokens; ++i) {
        gram.assign(tokens[i]);
        for (std::size_t k = 1; k < static_cast<std::size_t>(n); ++k) {
          gram.push_back(' ');
          gram.append(tokens[i + k]);
        }
        emit(std::string_view(gram));
      }
    }
  }
};

namespace {

// CSR arrays being built, one row per document: each row's (column, count) sorted by column.
struct CsrBuilder {
  std::vector<std::int64_t> indptr{0}, indices;
  std::vector<double> values;
  std::vector<std::int64_t> row;  // the current document's columns, with repeats

  void end_row(bool binary) {
    std::sort(row.begin(), row.end());
    for (std::size_t i = 0; i < row.size();) {
      std::size_t j = i + 1;
      while (j < row.size() && row[j] == row[i]) ++j;
      indices.push_back(row[i]);
      values.push_back(binary ? 1.0 : static_cast<double>(j - i));
      i = j;
    }
    indptr.push_back(static_cast<std::int64_t>(indices.size()));
    row.clear();
  }
  SparseMatrix finish(std::int64_t cols) {
    const auto rows = static_cast<std::int64_t>(indptr.size()) - 1;
    const auto nnz = static_cast<std::int64_t>(indices.size());
    return SparseMatrix(rows, cols, from_vector(indptr, {rows + 1}), from_vector(indices, {nnz}),
                        from_vector(values, {nnz}));
  }
};

}  // namespace

SparseMatrix CountVectorizer::fit_transform_texts(const ml::Texts& texts) {
  check_options(options_, who_);
  fitted_ = false;
  names_.clear();
  index_.clear();
  // One pass: terms get provisional columns in order of first appearance.
  Analyzer analyze(options_);
  CsrBuilder csr;
  TermIndex seen;
  std::vector<std::string_view> first_order;  // views into seen's keys (stable: node-based map)
  for (const std::string& doc : texts) {
    analyze(doc, [&](std::string_view term) {
      auto it = seen.find(term);
      if (it == seen.end()) {
        it = seen.emplace(std::string(term), static_cast<std::int64_t>(first_order.size())).first;
        first_order.emplace_back(it->first);
      }
      csr.row.push_back(it->second);
    });
    csr.end_row(options_.binary);
  }
  check(!first_order.empty(), "{}.fit: empty vocabulary; perhaps the documents only contain stop words", who_);
  const auto n_terms = static_cast<std::int64_t>(first_order.size());
  const auto n_docs = static_cast<std::int64_t>(texts.size());

  // Sorted order of the terms, and the pruning by document frequency and max_features.
  std::vector<std::int64_t> by_name(static_cast<std::size_t>(n_terms));
  std::iota(by_name.begin(), by_name.end(), 0);
  std::sort(by_name.begin(), by_name.end(),
            [&](std::int64_t a, std::int64_t b) { return first_order[a] < first_order[b]; });
  std::vector<std::int64_t> df(static_cast<std::size_t>(n_terms), 0);
  std::vector<double> tf(static_cast<std::size_t>(n_terms), 0.0);
  for (std::size_t k = 0; k < csr.indices.size(); ++k) {
    ++df[csr.indices[k]];
    tf[csr.indices[k]] += csr.values[k];
  }
  const double max_docs = options_.max_df.documents(n_docs);
  const double min_docs = options_.min_df.documents(n_docs);
  check(max_docs >= min_docs, "{}.fit: max_df corresponds to < documents than min_df ({} < {} of {} documents)", who_,
        max_docs, min_docs, n_docs);
  std::vector<std::int64_t> kept;  // provisional columns, in sorted-term order
  kept.reserve(by_name.size());
  for (std::int64_t t : by_name)
    if (static_cast<double>(df[t]) <= max_docs && static_cast<double>(df[t]) >= min_docs) kept.push_back(t);
  if (options_.max_features && static_cast<std::int64_t>(kept.size()) > *options_.max_features) {
    // The max_features most frequent (ties: the earlier term), then back in sorted order.
    std::vector<std::size_t> pos(kept.size());
    std::iota(pos.begin(), pos.end(), 0);
    std::stable_sort(pos.begin(), pos.end(), [&](std::size_t a, std::size_t b) { return tf[kept[a]] > tf[kept[b]]; });
    pos.resize(static_cast<std::size_t>(*options_.max_features));
    std::sort(pos.begin(), pos.end());
    std::vector<std::int64_t> top;
    top.reserve(pos.size());
    for (std::size_t p : pos) top.push_back(kept[p]);
    kept = std::move(top);
  }
  check(!kept.empty(), "{}.fit: after pruning, no terms remain. Try a lower min_df or a higher max_df", who_);

  std::vector<std::int64_t> column(static_cast<std::size_t>(n_terms), -1);
  names_.reserve(kept.size());
  index_.reserve(kept.size());
  for (std::size_t c = 0; c < kept.size(); ++c) {
    column[kept[c]] = static_cast<std::int64_t>(c);
    names_.emplace_back(first_order[kept[c]]);
    index_.emplace(names_.back(), static_cast<std::int64_t>(c));
  }

  // Renumber the columns of each row, dropping pruned terms, and sort each row again.
  CsrBuilder out;
  out.indptr.reserve(csr.indptr.size());
  out.indices.reserve(csr.indices.size());
  out.values.reserve(csr.values.size());
  std::vector<std::pair<std::int64_t, double>> row;
  for (std::int64_t r = 0; r < n_docs; ++r) {
    row.clear();
    for (std::int64_t k = csr.indptr[r]; k < csr.indptr[r + 1]; ++k)
      if (const std::int64_t c = column[csr.indices[k]]; c >= 0) row.emplace_back(c, csr.values[k]);
    std::sort(row.begin(), row.end());
    for (const auto& [c, v] : row) {
      out.indices.push_back(c);
      out.values.push_back(v);
    }
    out.indptr.push_back(static_cast<std::int64_t>(out.indices.size()));
  }
  fitted_ = true;
  return out.finish(n_features());
}

SparseMatrix CountVectorizer::transform_texts(const ml::Texts& texts) const {
  check_fitted("transform");
  Analyzer analyze(options_);
  CsrBuilder csr;
  for (const std::string& doc : texts) {
    analyze(doc, [&](std::string_view term) {
      if (auto it = index_.find(term); it != index_.end()) csr.row.push_back(it->second);
    });
    csr.end_row(options_.binary);
  }
  return csr.finish(n_features());
}

CountVectorizer& CountVectorizer::fit(const ml::Data& X, const Tensor&) {
  fit_transform_texts(X.texts(who_ + ".fit"));
  return *this;
}

ml::Data CountVectorizer::transform(const ml::Data& X) const { return transform_texts(X.texts(who_ + ".transform")); }

ml::Data CountVectorizer::fit_transform(const ml::Data& X, const Tensor&) {
  return fit_transform_texts(X.texts(who_ + ".fit_transform"));
}

const std::vector<std::string>& CountVectorizer::get_feature_names_out() const {
  check_fitted("get_feature_names_out");
  return names_;
}

std::map<std::string, std::int64_t> CountVectorizer::vocabulary() const {
  check_fitted("vocabulary");
  std::map<std::string, std::int64_t> out;
  for (std::size_t c = 0; c < names_.size(); ++c) out.emplace_hint(out.end(), names_[c], static_cast<std::int64_t>(c));
  return out;
}

std::int64_t CountVectorizer::index_of(std::string_view term) const {
  check_fitted("index_of");
  const auto it = index_.find(term);
  return it == index_.end() ? -1 : it->second;
}

std::vector<ml::ParamBinding> CountVectorizer::bindings() {
  return {ml::param("binary", options_.binary),
          ml::param("lowercase", options_.lowercase),
          doc_frequency_param("max_df", options_.max_df),
          ml::param("max_features", options_.max_features),
          doc_frequency_param("min_df", options_.min_df),
          ml::param("ngram_range", options_.ngram_range),
          ml::param("stop_words", options_.stop_words)};
}

}  // namespace axon::text
