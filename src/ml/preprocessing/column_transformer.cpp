#include "axon/ml/preprocessing/column_transformer.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/ml/preprocessing/one_hot_encoder.hpp"

#include <algorithm>
#include <set>

namespace axon::ml {

ColumnTransformer::ColumnTransformer(std::vector<ColumnSpec> transformers, ColumnTransformerOptions options)
    : specs_(std::move(transformers)), options_(std::move(options)) {
  std::set<std::string> names;
  for (const ColumnSpec& s : specs_) {
    check(s.transformer != nullptr, "ColumnTransformer: transformer '{}' is null", s.name);
    check(names.insert(s.name).second, "ColumnTransformer: two transformers are named '{}'", s.name);
    check(s.name.find("__") == std::string::npos, "ColumnTransformer: transformer name '{}' must not contain '__'", s.name);
  }
}

std::unique_ptr<Estimator> ColumnTransformer::clone() const {
  std::vector<ColumnSpec> specs;
  for (const ColumnSpec& s : specs_) specs.emplace_back(s.name, *s.transformer, s.columns);  // clones
  return std::make_unique<ColumnTransformer>(std::move(specs), options_);
}

std::vector<std::string> ColumnTransformer::remainder_columns(const frame::DataFrame& df) const {
  std::set<std::string> used;
  for (const ColumnSpec& s : specs_) used.insert(s.columns.begin(), s.columns.end());
  std::vector<std::string> rest;
  for (const std::string& c : df.columns())
    if (!used.count(c)) rest.push_back(c);
  return rest;
}

Data ColumnTransformer::fit_transform(const Data& X, const Tensor& y) {
  check(options_.remainder == "drop" || options_.remainder == "passthrough",
        "ColumnTransformer.fit: remainder must be 'drop' or 'passthrough', got '{}'", options_.remainder);
  fitted_ = false;
  const frame::DataFrame& df = X.frame("ColumnTransformer.fit");
  for (const ColumnSpec& s : specs_)
    for (const std::string& c : s.columns)
      check(df.has_column(c), "ColumnTransformer.fit: transformer '{}' asks for column '{}', which X does not have", s.name, c);
  std::vector<Data> parts;
  for (ColumnSpec& s : specs_) parts.push_back(s.transformer->fit_transform(df[s.columns], y));
  remainder_ = options_.remainder == "passthrough" ? remainder_columns(df) : std::vector<std::string>{};
  if (!remainder_.empty()) parts.emplace_back(df[remainder_].to_tensor({}, Dtype::float64));
  fitted_ = true;
  return combine(std::move(parts), df.rows());
}

ColumnTransformer& ColumnTransformer::fit(const Data& X, const Tensor& y) {
  fit_transform(X, y);
  return *this;
}

Data ColumnTransformer::transform(const Data& X) const {
  check_fitted("transform");
  const frame::DataFrame& df = X.frame("ColumnTransformer.transform");
  std::vector<Data> parts;
  for (const ColumnSpec& s : specs_) {
    for (const std::string& c : s.columns)
      check(df.has_column(c), "ColumnTransformer.transform: transformer '{}' asks for column '{}', which X does not have",
            s.name, c);
    parts.push_back(s.transformer->transform(df[s.columns]));
  }
  if (!remainder_.empty()) parts.emplace_back(df[remainder_].to_tensor({}, Dtype::float64));
  return combine(std::move(parts), df.rows());
}

// hstack of dense and sparse parts: sparse when any part is sparse and the density is below
// sparse_threshold (scikit-learn's rule), dense otherwise.
Data ColumnTransformer::combine(std::vector<Data> parts, std::int64_t n) const {
  std::int64_t width = 0, nnz = 0;
  bool any_sparse = false;
  for (const Data& p : parts) {
    check<ShapeError>(p.n_samples() == n, "ColumnTransformer: a transformer returned {} rows for {} samples", p.n_samples(), n);
    check(p.is_dense() || p.is_sparse(), "ColumnTransformer: a transformer returned {}, expected a matrix", p.describe());
    width += p.n_features();
    if (p.is_sparse()) {
      any_sparse = true;
      nnz += p.sparse().nnz();
    } else {
      nnz += p.tensor().numel();
    }
  }
  const double density = n * width > 0 ? static_cast<double>(nnz) / static_cast<double>(n * width) : 0.0;
  std::vector<Tensor> dense(parts.size());
  std::vector<SparseMatrix> sparse(parts.size());
  for (std::size_t k = 0; k < parts.size(); ++k) {
    if (parts[k].is_sparse()) sparse[k] = parts[k].sparse().astype(Dtype::float64).sorted_indices();
    else dense[k] = check_dense_X(parts[k], "ColumnTransformer");
  }
  if (any_sparse && density < options_.sparse_threshold) {
    std::vector<std::int64_t> indptr{0}, indices;
    std::vector<double> values;
    for (std::int64_t i = 0; i < n; ++i) {
      std::int64_t off = 0;
      for (std::size_t k = 0; k < parts.size(); ++k) {
        if (parts[k].is_sparse()) {
          const auto* p = sparse[k].indptr().data<std::int64_t>();
          const auto* ix = sparse[k].indices().data<std::int64_t>();
          const auto* v = sparse[k].values().data<double>();
          for (std::int64_t q = p[i]; q < p[i + 1]; ++q) {
            indices.push_back(off + ix[q]);
            values.push_back(v[q]);
          }
          off += sparse[k].cols();
        } else {
          const std::int64_t w = dense[k].shape(1);
          const double* d = dense[k].data<double>() + i * w;
          for (std::int64_t j = 0; j < w; ++j)
            if (d[j] != 0.0) {
              indices.push_back(off + j);
              values.push_back(d[j]);
            }
          off += w;
        }
      }
      indptr.push_back(static_cast<std::int64_t>(indices.size()));
    }
    const auto m = static_cast<std::int64_t>(indices.size());
    return SparseMatrix(n, width, from_vector(indptr, {n + 1}), from_vector(indices, {m}), from_vector(values, {m}));
  }
  Tensor out = zeros({n, width}, {.dtype = Dtype::float64});
  double* o = out.data<double>();
  std::int64_t off = 0;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    const Tensor d = parts[k].is_sparse() ? sparse[k].to_dense() : dense[k];
    const std::int64_t w = d.shape(1);
    const double* a = d.data<double>();
    for (std::int64_t i = 0; i < n; ++i) std::copy(a + i * w, a + (i + 1) * w, o + i * width + off);
    off += w;
  }
  return out;
}

std::vector<std::string> ColumnTransformer::get_feature_names_out() const {
  check_fitted("get_feature_names_out");
  std::vector<std::string> out;
  for (const ColumnSpec& s : specs_) {
    std::vector<std::string> names = s.columns;
    if (const auto* enc = dynamic_cast<const OneHotEncoder*>(s.transformer.get())) names = enc->get_feature_names_out();
    for (const std::string& f : names) out.push_back(s.name + "__" + f);
  }
  for (const std::string& c : remainder_) out.push_back("remainder__" + c);
  return out;
}

const Estimator& ColumnTransformer::named_transformer(const std::string& name) const {
  for (const ColumnSpec& s : specs_)
    if (s.name == name) return *s.transformer;
  std::string known;
  for (const ColumnSpec& s : specs_) known += (known.empty() ? "" : ", ") + s.name;
  throw ValueError(fmt::format("ColumnTransformer: no transformer named '{}' (have: {})", name, known));
}

std::vector<ParamBinding> ColumnTransformer::bindings() {
  return {param("remainder", options_.remainder), param("sparse_threshold", options_.sparse_threshold)};
}

std::vector<std::pair<std::string, Estimator*>> ColumnTransformer::children() {
  std::vector<std::pair<std::string, Estimator*>> out;
  for (ColumnSpec& s : specs_) out.emplace_back(s.name, s.transformer.get());
  return out;
}

}  // namespace axon::ml
