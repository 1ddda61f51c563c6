// sklearn.preprocessing.PolynomialFeatures: all products of the features up to a degree.
#pragma once

#include "axon/ml/estimator.hpp"

namespace axon::ml {

struct PolynomialFeaturesOptions {
  std::int64_t degree = 2;          ///< the largest total degree
  std::int64_t min_degree = 0;      ///< sklearn's degree=(min_degree, degree); 0 or 1 keep all degrees
  bool interaction_only = false;    ///< only products of distinct features (no x², x²y, ...)
  bool include_bias = true;         ///< a first column of ones (also with min_degree > 0, as sklearn)
};

/// Columns in scikit-learn's order: the bias, then each degree d = max(1, min_degree)..degree in
/// turn, the feature combinations (with repetition unless interaction_only) in lexicographic order:
/// for [a, b] at degree 2: 1, a, b, a², ab, b².
class PolynomialFeatures : public EstimatorBase<PolynomialFeatures, PolynomialFeaturesOptions> {
 public:
  using EstimatorBase::EstimatorBase;
  std::string name() const override { return "PolynomialFeatures"; }
  Kind kind() const override { return Kind::transformer; }
  PolynomialFeatures& fit(const Data& X, const Tensor& y = {}) override;
  /// float64 [n, n_output_features].
  Data transform(const Data& X) const override;
  bool fitted() const override { return n_features_in_ > 0; }

  std::int64_t n_features_in() const;
  std::int64_t n_output_features() const;
  /// Each output column as the feature indices it multiplies ({} for the bias, {0, 0} for x0²).
  const std::vector<std::vector<std::int64_t>>& combinations() const;
  /// "1", "x0", "x0^2", "x0 x1" (or with the given input names), as sklearn's.
  std::vector<std::string> get_feature_names_out(const std::vector<std::string>& input_features = {}) const;

 protected:
  std::vector<ParamBinding> bindings() override {
    return {param("degree", options_.degree), param("min_degree", options_.min_degree),
            param("interaction_only", options_.interaction_only), param("include_bias", options_.include_bias)};
  }

 private:
  std::int64_t n_features_in_ = 0;
  std::vector<std::vector<std::int64_t>> combos_;
};

}  // namespace axon::ml
