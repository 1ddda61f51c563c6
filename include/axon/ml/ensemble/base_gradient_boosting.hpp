// scikit-learn's BaseGradientBoosting: what a fitted GradientBoostingClassifier or
// GradientBoostingRegressor shares (the stages of regression trees, the initial raw prediction,
// train_score_, oob_improvement_, importances, staged raw predictions). The two estimators differ
// in their loss, fit's label handling and how raw predictions become predictions.
#pragma once

#include "axon/core/creation.hpp"
#include "axon/ml/estimator.hpp"
#include "axon/ml/tree/tree.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace axon::ml {

namespace gb_detail {
/// What a gradient-boosting fit learned. Plain members (saved as they are).
struct Ensemble {
  std::int64_t n_features = 0;
  std::int64_t trees_per_stage = 1;  ///< K: 1 for regression and binary classification, n_classes otherwise
  std::int64_t n_stages = 0;
  double learning_rate = 0.1;        ///< as at fit time (predictions scale the trees by it)
  std::vector<double> init_raw;      ///< [K]: the init estimator's raw prediction (constant; 0 for init="zero")
  std::vector<Tree> trees;           ///< stage-major: trees[i * K + k] (leaf values as updated by the loss)
  std::vector<double> train_score;   ///< [n_stages]: the loss on the (in-bag) training rows after each stage
  std::vector<double> oob_improvement;  ///< [n_stages] when subsample < 1: the out-of-bag loss decrease
  bool fitted() const { return n_stages > 0; }
};
/// Raw predictions [n, K] (row-major) of X after `stages` stages (all when < 0).
std::vector<double> raw_predict(const Ensemble& e, const Data& X, std::int64_t stages, std::string_view who);
/// Raw predictions after each stage: element i is [n, K] after i + 1 stages.
std::vector<std::vector<double>> staged_raw_predict(const Ensemble& e, const Data& X, std::string_view who);
/// The mean over trees with more than one node of their unnormalized importances, normalized
/// (zeros when every tree is a lone root): sklearn's feature_importances_.
Tensor feature_importances(const Ensemble& e);
/// The ensemble as tensors and values (ml::save), and back (checked: trees per stage, features).
void save_ensemble(const Ensemble& e, StateDict& state);
Ensemble load_ensemble(const StateDict& state);
}  // namespace gb_detail

template <class Derived, class Options>
class BaseGradientBoosting : public EstimatorBase<Derived, Options> {
 public:
  using EstimatorBase<Derived, Options>::EstimatorBase;
  bool fitted() const override { return ens_.fitted(); }

  /// train_score_: float64 [n_estimators_], the loss after each stage (on the in-bag rows when
  /// subsample < 1).
  Tensor train_score() const {
    this->check_fitted("train_score");
    return vector_tensor(ens_.train_score);
  }
  /// oob_improvement_: float64 [n_estimators_], the out-of-bag loss before minus after each stage;
  /// needs subsample < 1.
  Tensor oob_improvement() const {
    this->check_fitted("oob_improvement");
    check(!ens_.oob_improvement.empty(), "{}.oob_improvement: only available with subsample < 1", this->name());
    return vector_tensor(ens_.oob_improvement);
  }
  Tensor feature_importances() const {
    this->check_fitted("feature_importances");
    return gb_detail::feature_importances(ens_);
  }
  /// estimators_[stage, k].tree_ (k < trees_per_stage()).
  const Tree& estimator(std::int64_t stage, std::int64_t k = 0) const {
    this->check_fitted("estimator");
    check<IndexError>(stage >= 0 && stage < ens_.n_stages && k >= 0 && k < ens_.trees_per_stage,
                      "{}.estimator: ({}, {}) out of range for estimators_ of shape ({}, {})", this->name(), stage, k,
                      ens_.n_stages, ens_.trees_per_stage);
    return ens_.trees[static_cast<std::size_t>(stage * ens_.trees_per_stage + k)];
  }
  /// All trees, stage-major (estimators_.ravel()).
  const std::vector<Tree>& trees() const {
    this->check_fitted("trees");
    return ens_.trees;
  }
  std::int64_t trees_per_stage() const {
    this->check_fitted("trees_per_stage");
    return ens_.trees_per_stage;
  }
  /// n_estimators_: the number of stages fitted.
  std::int64_t n_estimators_fitted() const {
    this->check_fitted("n_estimators_fitted");
    return ens_.n_stages;
  }
  std::int64_t n_features_in() const {
    this->check_fitted("n_features_in");
    return ens_.n_features;
  }
  /// The whole fitted state.
  const gb_detail::Ensemble& ensemble() const { return ens_; }

  void save_state(StateDict& state) const override { gb_detail::save_ensemble(ens_, state); }
  void load_state(const StateDict& state) override { ens_ = gb_detail::load_ensemble(state); }

 protected:
  static Tensor vector_tensor(const std::vector<double>& v) {
    return from_vector(v, {static_cast<std::int64_t>(v.size())});
  }
  gb_detail::Ensemble ens_;
};

}  // namespace axon::ml

