// What scikit-learn's BaseEnsemble meta-estimators (AdaBoost, Bagging) share: the `estimator`
// parameter, a nested estimator held by value.
//
//   ml::BaggingClassifier({.estimator = ml::KNeighborsClassifier({.n_neighbors = 3}), .random_state = 0});
//   bag.set_param("estimator__n_neighbors", Param{5});
#pragma once

#include "axon/ml/estimator.hpp"

#include <memory>
#include <utility>

namespace axon::ml {

/// A nested estimator held by value, as an options field: taking or copying one clones the
/// estimator (its hyperparameters, as sklearn.base.clone), so that options structs stay copyable
/// and a meta-estimator's clone() is deep. Empty means None (the meta-estimator's default).
class EstimatorParam {
 public:
  EstimatorParam() = default;
  EstimatorParam(const Estimator& estimator) : p_(estimator.clone()) {}  // NOLINT: `.estimator = ml::Ridge()`
  EstimatorParam(std::unique_ptr<Estimator> estimator) : p_(std::move(estimator)) {}  // NOLINT
  EstimatorParam(const EstimatorParam& other) : p_(other.p_ ? other.p_->clone() : nullptr) {}
  EstimatorParam& operator=(const EstimatorParam& other) {
    if (this != &other) p_ = other.p_ ? other.p_->clone() : nullptr;
    return *this;
  }
  EstimatorParam(EstimatorParam&&) noexcept = default;
  EstimatorParam& operator=(EstimatorParam&&) noexcept = default;

  explicit operator bool() const { return p_ != nullptr; }
  Estimator* get() const { return p_.get(); }
  Estimator& operator*() const { return *p_; }
  Estimator* operator->() const { return p_.get(); }

 private:
  std::unique_ptr<Estimator> p_;
};

}  // namespace axon::ml
