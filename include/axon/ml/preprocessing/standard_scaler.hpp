// StandardScaler: each feature minus its mean, divided by its standard deviation
// (sklearn.preprocessing.StandardScaler). NaNs are ignored in fit and kept in transform.
//
//   auto scaler = ml::StandardScaler().fit(X_train);
//   Tensor Xs = scaler.transform(X_test);          // dense in, dense out
//   ml::StandardScaler({.with_mean = false}).fit_transform(X_sparse);   // sparse in, sparse out
#pragma once

#include "axon/ml/estimator.hpp"

namespace axon::ml {

struct StandardScalerOptions {
  bool with_mean = true;  ///< subtract the mean (must be false for sparse X, which it would densify)
  bool with_std = true;   ///< divide by the standard deviation (population, ddof = 0)
};

class StandardScaler : public EstimatorBase<StandardScaler, StandardScalerOptions> {
 public:
  using EstimatorBase::EstimatorBase;
  std::string name() const override { return "StandardScaler"; }
  Kind kind() const override { return Kind::transformer; }
  /// X: dense (any numeric dtype), a numeric DataFrame, or sparse (with_mean = false).
  StandardScaler& fit(const Data& X, const Tensor& y = {}) override;
  /// float64, dense for dense or DataFrame X, sparse for sparse X.
  Data transform(const Data& X) const override;
  /// X · scale + mean (dense).
  Tensor inverse_transform(const Tensor& X) const;
  bool fitted() const override { return n_features_in_ > 0; }

  /// Per-feature mean, variance and scale (float64 [n_features]); scale is the standard deviation,
  /// 1 for (nearly) constant features, and all ones with with_std = false (sklearn: None).
  Tensor mean() const;
  Tensor var() const;
  Tensor scale() const;
  /// Non-NaN samples seen per feature.
  Tensor n_samples_seen() const;
  std::int64_t n_features_in() const { return n_features_in_; }
  void save_state(StateDict& state) const override;
  void load_state(const StateDict& state) override;

 protected:
  std::vector<ParamBinding> bindings() override {
    return {param("with_mean", options_.with_mean), param("with_std", options_.with_std)};
  }

 private:
  std::vector<double> mean_, var_, scale_, seen_;
  std::int64_t n_features_in_ = 0;
};

}  // namespace axon::ml
