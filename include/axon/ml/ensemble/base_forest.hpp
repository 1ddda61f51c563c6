// scikit-learn's BaseForest: what a fitted random forest shares whether it classifies or regresses
// (the trees, their importances, the out-of-bag score). The two estimators differ in fit and predict.
#pragma once

#include "axon/ml/estimator.hpp"
#include "axon/ml/tree/tree.hpp"

#include <memory>
#include <vector>

namespace axon::ml {

namespace forest_detail {
struct Forest;
const std::vector<Tree>& trees_of(const Forest& forest);
/// The mean of the trees' normalized importances, float64 [n_features].
Tensor feature_importances(const Forest& forest, std::int64_t n_features);
}  // namespace forest_detail

template <class Derived, class Options>
class BaseForest : public EstimatorBase<Derived, Options> {
 public:
  using EstimatorBase<Derived, Options>::EstimatorBase;
  bool fitted() const override { return forest_ != nullptr; }

  /// The out-of-bag score (accuracy for classifiers, R² for regressors); needs oob_score = true.
  double oob_score() const {
    check_oob("oob_score");
    return oob_score_;
  }
  Tensor feature_importances() const {
    this->check_fitted("feature_importances");
    return forest_detail::feature_importances(*forest_, n_features_);
  }
  /// The fitted trees (scikit-learn's estimators_[i].tree_).
  const std::vector<Tree>& trees() const {
    this->check_fitted("trees");
    return forest_detail::trees_of(*forest_);
  }
  std::int64_t n_features_in() const {
    this->check_fitted("n_features_in");
    return n_features_;
  }

 protected:
  void check_oob(std::string_view method) const {
    this->check_fitted(method);
    check(this->options_.oob_score, "{}.{}: fit with oob_score=True to get it", this->name(), method);
  }

  std::shared_ptr<const forest_detail::Forest> forest_;  // immutable once grown: copies share it
  std::int64_t n_features_ = 0;
  double oob_score_ = 0.0;
};

}  // namespace axon::ml
