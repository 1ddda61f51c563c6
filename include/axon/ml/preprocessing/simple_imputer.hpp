// SimpleImputer: missing values (NaN) replaced by a per-feature statistic
// (sklearn.impute.SimpleImputer with missing_values=np.nan).
//
//   Tensor filled = ml::SimpleImputer({.strategy = "median"}).fit_transform(X);
#pragma once

#include "axon/ml/estimator.hpp"

#include <optional>

namespace axon::ml {

struct SimpleImputerOptions {
  std::string strategy = "mean";     ///< "mean", "median", "most_frequent" (smallest of ties) or "constant"
  std::optional<double> fill_value;  ///< the value for "constant" (None: 0)
  bool keep_empty_features = false;  ///< keep all-NaN features (filled with 0) instead of dropping them
};

class SimpleImputer : public EstimatorBase<SimpleImputer, SimpleImputerOptions> {
 public:
  using EstimatorBase::EstimatorBase;
  std::string name() const override { return "SimpleImputer"; }
  Kind kind() const override { return Kind::transformer; }
  /// X: dense (any numeric dtype) or a numeric DataFrame; NaN marks a missing value.
  SimpleImputer& fit(const Data& X, const Tensor& y = {}) override;
  /// float64 dense; features with no value in fit are dropped (as sklearn, unless
  /// keep_empty_features) except with strategy "constant".
  Data transform(const Data& X) const override;
  bool fitted() const override { return n_features_in_ > 0; }

  /// The fill value of each feature, float64 [n_features_in] (NaN for a dropped feature).
  Tensor statistics() const;
  std::int64_t n_features_in() const { return n_features_in_; }

 protected:
  std::vector<ParamBinding> bindings() override {
    return {param("fill_value", options_.fill_value), param("keep_empty_features", options_.keep_empty_features),
            param("strategy", options_.strategy)};
  }

 private:
  std::vector<double> statistics_;
  std::int64_t n_features_in_ = 0;
};

}  // namespace axon::ml
