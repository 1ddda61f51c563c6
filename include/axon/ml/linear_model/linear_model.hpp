// scikit-learn's LinearModel: a regressor that predicts y = X·coef + intercept. LinearRegression,
// Ridge, Lasso and ElasticNet differ only in how fit() finds coef and intercept; the prediction and
// the learned state are this one base.
#pragma once

#include "axon/ml/estimator.hpp"

namespace axon::ml {

namespace detail {
/// X·coef + intercept for a fitted linear model named `who` (X checked: numbers, finite, as many
/// columns as coef).
Tensor linear_model_predict(const Data& X, const std::string& who, const Tensor& coef, double intercept);
}  // namespace detail

template <class Derived, class Options>
class LinearModel : public EstimatorBase<Derived, Options> {
 public:
  using EstimatorBase<Derived, Options>::EstimatorBase;
  Estimator::Kind kind() const override { return Estimator::Kind::regressor; }
  bool fitted() const override { return coef_.defined(); }
  Tensor predict(const Data& X) const override {
    this->check_fitted("predict");
    return detail::linear_model_predict(X, this->name() + ".predict", coef_, intercept_);
  }
  /// float64 [n_features]
  const Tensor& coef() const {
    this->check_fitted("coef");
    return coef_;
  }
  double intercept() const {
    this->check_fitted("intercept");
    return intercept_;
  }
  std::int64_t n_features_in() const {
    this->check_fitted("n_features_in");
    return coef_.numel();
  }
  /// coef and intercept (the solvers' diagnostics, n_iter and dual_gap, are not kept).
  void save_state(StateDict& state) const override {
    state.set("coef", coef_);
    state.set("intercept", Param{intercept_});
  }
  void load_state(const StateDict& state) override {
    coef_ = state.tensor("coef");
    intercept_ = state.number("intercept");
    check<IoError>(coef_.ndim() == 1 && coef_.dtype() == Dtype::float64, "load: {}: coef must be float64 [n_features]",
                   this->name());
  }

 protected:
  Tensor coef_;
  double intercept_ = 0;
};

}  // namespace axon::ml
