// MinMaxScaler: each feature mapped linearly onto feature_range by its min and max in fit
// (sklearn.preprocessing.MinMaxScaler). NaNs are ignored in fit and kept in transform.
//
//   Tensor X01 = ml::MinMaxScaler().fit_transform(X);
//   ml::MinMaxScaler({.feature_range = {-1, 1}}).fit(X);
#pragma once

#include "axon/ml/estimator.hpp"

namespace axon::ml {

struct MinMaxScalerOptions {
  std::pair<double, double> feature_range = {0.0, 1.0};  ///< (min, max) of the transformed data
  bool clip = false;                                     ///< clip transformed values to the range
};

class MinMaxScaler : public EstimatorBase<MinMaxScaler, MinMaxScalerOptions> {
 public:
  using EstimatorBase::EstimatorBase;
  std::string name() const override { return "MinMaxScaler"; }
  Kind kind() const override { return Kind::transformer; }
  /// X: dense (any numeric dtype) or a numeric DataFrame.
  MinMaxScaler& fit(const Data& X, const Tensor& y = {}) override;
  /// X · scale + min, float64 dense.
  Data transform(const Data& X) const override;
  Tensor inverse_transform(const Tensor& X) const;
  bool fitted() const override { return n_features_in_ > 0; }

  /// float64 [n_features]: the per-feature minimum/maximum seen, their difference, the factor
  /// (range width / data range; a constant feature's data range counts as 1) and the offset.
  Tensor data_min() const;
  Tensor data_max() const;
  Tensor data_range() const;
  Tensor scale() const;
  Tensor min() const;
  std::int64_t n_features_in() const { return n_features_in_; }
  void save_state(StateDict& state) const override;
  void load_state(const StateDict& state) override;

 protected:
  std::vector<ParamBinding> bindings() override {
    return {param("clip", options_.clip), param("feature_range", options_.feature_range)};
  }

 private:
  std::vector<double> data_min_, data_max_, scale_, min_;
  std::int64_t n_features_in_ = 0;
};

}  // namespace axon::ml
