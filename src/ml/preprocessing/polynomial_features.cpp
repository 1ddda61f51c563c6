#include "axon/ml/preprocessing/polynomial_features.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"

#include <fmt/format.h>

#include <cmath>

namespace axon::ml {
namespace {

// Appends the combinations of `d` indices from [0, p) in lexicographic order, non-decreasing
// (with replacement) or strictly increasing (interaction_only), as itertools does.
void append_combinations(std::int64_t p, std::int64_t d, bool distinct, std::vector<std::int64_t>& cur,
                  std::vector<std::vector<std::int64_t>>& out) {
  if (static_cast<std::int64_t>(cur.size()) == d) {
    out.push_back(cur);
    return;
  }
  const std::int64_t start = cur.empty() ? 0 : cur.back() + (distinct ? 1 : 0);
  for (std::int64_t j = start; j < p; ++j) {
    cur.push_back(j);
    append_combinations(p, d, distinct, cur, out);
    cur.pop_back();
  }
}

}  // namespace

PolynomialFeatures& PolynomialFeatures::fit(const Data& X, const Tensor&) {
  constexpr std::string_view who = "PolynomialFeatures.fit";
  const PolynomialFeaturesOptions& o = options_;
  check(o.degree >= 0, "{}: degree must be >= 0, got {}", who, o.degree);
  check(o.min_degree >= 0 && o.min_degree <= o.degree, "{}: min_degree must be in [0, degree = {}], got {}", who,
        o.degree, o.min_degree);
  const std::int64_t p = X.n_features();
  check(X.is_dense() || X.is_sparse() || X.is_frame(), "{}: X must be numbers, got {}", who, X.describe());
  check(p >= 1, "{}: X has 0 features", who);
  n_features_in_ = 0;
  combos_.clear();
  if (o.include_bias) combos_.push_back({});  // sklearn keeps it even when min_degree > 0
  std::vector<std::int64_t> cur;
  for (std::int64_t d = std::max<std::int64_t>(1, o.min_degree); d <= o.degree; ++d)
    append_combinations(p, d, o.interaction_only, cur, combos_);
  check(!combos_.empty(), "{}: no output features (degree {}, include_bias {})", who, o.degree, o.include_bias);
  n_features_in_ = p;
  return *this;
}

Data PolynomialFeatures::transform(const Data& X) const {
  check_fitted("transform");
  const Tensor x = check_dense_X(X, "PolynomialFeatures.transform", n_features_in_);
  const std::int64_t n = x.shape(0), p = n_features_in_, m = static_cast<std::int64_t>(combos_.size());
  Tensor out = Tensor::empty({n, m}, {.dtype = Dtype::float64});
  const double* xv = x.data<double>();
  double* o = out.data<double>();
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t c = 0; c < m; ++c) {
      double v = 1.0;
      for (std::int64_t j : combos_[c]) v *= xv[i * p + j];
      o[i * m + c] = v;
    }
  return out;
}

std::int64_t PolynomialFeatures::n_features_in() const {
  check_fitted("n_features_in");
  return n_features_in_;
}
std::int64_t PolynomialFeatures::n_output_features() const {
  check_fitted("n_output_features");
  return static_cast<std::int64_t>(combos_.size());
}
const std::vector<std::vector<std::int64_t>>& PolynomialFeatures::combinations() const {
  check_fitted("combinations");
  return combos_;
}

std::vector<std::string> PolynomialFeatures::get_feature_names_out(const std::vector<std::string>& input_features) const {
  check_fitted("get_feature_names_out");
  check(input_features.empty() || static_cast<std::int64_t>(input_features.size()) == n_features_in_,
        "PolynomialFeatures.get_feature_names_out: {} input feature names given, the fit had {} features",
        input_features.size(), n_features_in_);
  auto feature = [&](std::int64_t j) {
    return input_features.empty() ? fmt::format("x{}", j) : input_features[static_cast<std::size_t>(j)];
  };
  std::vector<std::string> names;
  for (const auto& c : combos_) {
    if (c.empty()) {
      names.push_back("1");
      continue;
    }
    std::string s;
    for (std::size_t a = 0; a < c.size();) {
      std::size_t b = a;
      while (b < c.size() && c[b] == c[a]) ++b;
      if (!s.empty()) s += ' ';
      s += feature(c[a]);
      if (b - a > 1) s += fmt::format("^{}", b - a);
      a = b;
    }
    names.push_back(s);
  }
  return names;
}

}  // namespace axon::ml
