#include "axon/ml/preprocessing/one_hot_encoder.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace axon::ml {
namespace {

// One input column: numbers (with whether they print as integers) or strings.
struct ColumnValues {
  std::string name;
  bool numeric = true, integral = false;
  std::vector<double> numbers;
  std::vector<std::string> strings;
};

std::vector<ColumnValues> columns_of(const Data& X, std::string_view who) {
  std::vector<ColumnValues> out;
  if (X.is_frame()) {
    const frame::DataFrame& df = X.frame(who);
    for (std::int64_t c = 0; c < df.shape().second; ++c) {
      const frame::Series& s = df.column(c);
      check(!s.has_na(), "{}: column '{}' has missing values; impute them first (e.g. SimpleImputer or dropna)", who,
            s.name());
      ColumnValues col{.name = s.name()};
      switch (s.dtype()) {
        case frame::ColumnType::string: col.numeric = false; col.strings = s.strings(); break;
        case frame::ColumnType::category: {
          col.numeric = false;
          const frame::Categorical& cat = s.categories();
          col.strings.reserve(cat.codes.size());
          for (std::int32_t code : cat.codes) col.strings.push_back((*cat.categories)[static_cast<std::size_t>(code)]);
          break;
        }
        case frame::ColumnType::boolean:
          // pandas bools print as True/False: encode them as strings so names read "flag_True".
          col.numeric = false;
          for (std::uint8_t b : s.bools()) col.strings.push_back(b ? "True" : "False");
          break;
        case frame::ColumnType::int64:
          col.integral = true;
          for (std::int64_t v : s.ints()) col.numbers.push_back(static_cast<double>(v));
          break;
        case frame::ColumnType::float64: col.numbers = s.doubles(); break;
      }
      out.push_back(std::move(col));
    }
    return out;
  }
  const Tensor& t = X.tensor(who);
  check<ShapeError>(t.ndim() == 2, "{}: X must be 2-D [n_samples, n_features], got shape {}", who, shape_text(t.shape()));
  const bool integral = t.dtype() == Dtype::int64 || t.dtype() == Dtype::uint8;
  const Tensor x = check_dense_X(X, who);
  const std::int64_t n = x.shape(0), p = x.shape(1);
  const double* a = x.data<double>();
  for (std::int64_t j = 0; j < p; ++j) {
    ColumnValues col{.name = fmt::format("x{}", j), .integral = integral};
    col.numbers.resize(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) {
      col.numbers[static_cast<std::size_t>(i)] = a[i * p + j];
      check(!std::isnan(a[i * p + j]), "{}: feature {} has NaN at row {}; impute missing values first", who, j, i);
    }
    out.push_back(std::move(col));
  }
  return out;
}

std::string label_of(double v, bool integral) {
  return integral ? std::to_string(static_cast<std::int64_t>(v)) : to_string(Param(v));
}

}  // namespace

OneHotEncoder& OneHotEncoder::fit(const Data& X, const Tensor&) {
  check(options_.handle_unknown == "error" || options_.handle_unknown == "ignore",
        "OneHotEncoder.fit: handle_unknown must be 'error' or 'ignore', got '{}'", options_.handle_unknown);
  check(!options_.drop || *options_.drop == "first" || *options_.drop == "if_binary",
        "OneHotEncoder.fit: drop must be None, 'first' or 'if_binary', got '{}'", options_.drop.value_or(""));
  features_.clear();
  std::vector<Feature> features;
  for (ColumnValues& col : columns_of(X, "OneHotEncoder.fit")) {
    Feature f{.name = col.name, .numeric = col.numeric};
    if (col.numeric) {
      f.numbers = col.numbers;
      std::sort(f.numbers.begin(), f.numbers.end());
      f.numbers.erase(std::unique(f.numbers.begin(), f.numbers.end()), f.numbers.end());
      for (double v : f.numbers) f.labels.push_back(label_of(v, col.integral));
    } else {
      f.strings = col.strings;
      std::sort(f.strings.begin(), f.strings.end());
      f.strings.erase(std::unique(f.strings.begin(), f.strings.end()), f.strings.end());
      f.labels = f.strings;
    }
    const auto k = static_cast<std::int64_t>(f.labels.size());
    if (options_.drop && (*options_.drop == "first" || k == 2)) f.dropped = 0;
    features.push_back(std::move(f));
  }
  check(!features.empty(), "OneHotEncoder.fit: X has no features");
  features_ = std::move(features);
  return *this;
}

Data OneHotEncoder::transform(const Data& X) const {
  check_fitted("transform");
  const std::vector<ColumnValues> cols = columns_of(X, "OneHotEncoder.transform");
  check<ShapeError>(cols.size() == features_.size(), "OneHotEncoder.transform: X has {} features, but the encoder was fitted with {}",
                    cols.size(), features_.size());
  const std::int64_t n = X.n_samples();
  // Column offset of each feature's first output column.
  std::vector<std::int64_t> offset(features_.size() + 1, 0);
  for (std::size_t f = 0; f < features_.size(); ++f)
    offset[f + 1] = offset[f] + static_cast<std::int64_t>(features_[f].labels.size()) - (features_[f].dropped >= 0 ? 1 : 0);
  std::vector<std::int64_t> code(static_cast<std::size_t>(n) * features_.size(), -1);  // output column or -1
  for (std::size_t f = 0; f < features_.size(); ++f) {
    const Feature& feat = features_[f];
    const ColumnValues& col = cols[f];
    check(feat.numeric == col.numeric, "OneHotEncoder.transform: feature '{}' was {} in fit but is {} now", feat.name,
          feat.numeric ? "numeric" : "strings", col.numeric ? "numeric" : "strings");
    for (std::int64_t i = 0; i < n; ++i) {
      std::int64_t k;
      if (feat.numeric) {
        const double v = col.numbers[static_cast<std::size_t>(i)];
        const auto it = std::lower_bound(feat.numbers.begin(), feat.numbers.end(), v);
        k = (it != feat.numbers.end() && *it == v) ? it - feat.numbers.begin() : -1;
        check(k >= 0 || options_.handle_unknown == "ignore",
              "OneHotEncoder.transform: found unknown category {} in feature '{}' (row {}); fit saw {} categories, "
              "or pass handle_unknown='ignore'", label_of(v, false), feat.name, i, feat.numbers.size());
      } else {
        const std::string& v = col.strings[static_cast<std::size_t>(i)];
        const auto it = std::lower_bound(feat.strings.begin(), feat.strings.end(), v);
        k = (it != feat.strings.end() && *it == v) ? it - feat.strings.begin() : -1;
        check(k >= 0 || options_.handle_unknown == "ignore",
              "OneHotEncoder.transform: found unknown category '{}' in feature '{}' (row {}); fit saw {} categories, "
              "or pass handle_unknown='ignore'", v, feat.name, i, feat.strings.size());
      }
      if (k < 0 || k == feat.dropped) continue;
      if (feat.dropped >= 0 && k > feat.dropped) --k;
      code[static_cast<std::size_t>(i) * features_.size() + f] = offset[f] + k;
    }
  }
  const std::int64_t width = offset.back();
  if (!options_.sparse_output) {
    Tensor out = zeros({n, width}, {.dtype = Dtype::float64});
    double* o = out.data<double>();
    for (std::int64_t i = 0; i < n; ++i)
      for (std::size_t f = 0; f < features_.size(); ++f)
        if (const std::int64_t c = code[static_cast<std::size_t>(i) * features_.size() + f]; c >= 0) o[i * width + c] = 1.0;
    return out;
  }
  std::vector<std::int64_t> indptr{0}, indices;
  indices.reserve(code.size());
  for (std::int64_t i = 0; i < n; ++i) {
    for (std::size_t f = 0; f < features_.size(); ++f)
      if (const std::int64_t c = code[static_cast<std::size_t>(i) * features_.size() + f]; c >= 0) indices.push_back(c);
    indptr.push_back(static_cast<std::int64_t>(indices.size()));
  }
  const auto nnz = static_cast<std::int64_t>(indices.size());
  return SparseMatrix(n, width, from_vector(indptr, {n + 1}), from_vector(indices, {nnz}),
                      full({nnz}, 1.0, {.dtype = Dtype::float64}));
}

std::vector<std::string> OneHotEncoder::get_feature_names_out() const {
  check_fitted("get_feature_names_out");
  std::vector<std::string> out;
  for (const Feature& f : features_)
    for (std::size_t k = 0; k < f.labels.size(); ++k)
      if (static_cast<std::int64_t>(k) != f.dropped) out.push_back(f.name + "_" + f.labels[k]);
  return out;
}

std::vector<std::vector<std::string>> OneHotEncoder::categories() const {
  check_fitted("categories");
  std::vector<std::vector<std::string>> out;
  for (const Feature& f : features_) out.push_back(f.labels);
  return out;
}

}  // namespace axon::ml
