// scikit-learn's BaseForest: what a fitted random forest shares whether it classifies or regresses
// (the trees, their importances, the out-of-bag score); then ForestClassifier and ForestRegressor,
// what RandomForest* and ExtraTrees* share (as in scikit-learn, they differ only in their trees'
// splitter, Derived::splitter, and in their defaults). Their members are defined in the private
// src/ml/ensemble/forest_impl.hpp and instantiated by each concrete estimator's source.
#pragma once

#include "axon/ml/estimator.hpp"
#include "axon/ml/tree/tree.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace axon::ml {

/// max_samples of forests: None (n rows), an int count or a float fraction of the rows.
using MaxSamples = std::variant<std::monostate, std::int64_t, double>;
/// The get_params/set_params binding of a MaxSamples field.
ParamBinding max_samples_param(std::string name, MaxSamples& field);

namespace forest_detail {
struct Forest;
const std::vector<Tree>& trees_of(const Forest& forest);
/// The mean of the trees' normalized importances, float64 [n_features].
Tensor feature_importances(const Forest& forest, std::int64_t n_features);
/// The leaf of each row in each tree, int64 [n, n_trees] (scikit-learn's forest apply).
Tensor forest_apply(const Forest& f, const Data& X, std::int64_t n_features, std::string_view who);
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
  /// The leaf of each row in each tree, int64 [n, n_estimators] (scikit-learn's apply).
  Tensor apply(const Data& X) const {
    this->check_fitted("apply");
    return forest_detail::forest_apply(*forest_, X, n_features_, this->name() + ".apply");
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

namespace forest_detail {
/// The get_params bindings of a forest's options (classifiers add class_weight).
template <class Options>
std::vector<ParamBinding> bindings(Options& o) {
  std::vector<ParamBinding> b = {
      param("bootstrap", o.bootstrap), param("ccp_alpha", o.ccp_alpha), param("criterion", o.criterion),
      param("max_depth", o.max_depth), max_features_param("max_features", o.max_features),
      param("max_leaf_nodes", o.max_leaf_nodes), max_samples_param("max_samples", o.max_samples),
      param("min_impurity_decrease", o.min_impurity_decrease), param("min_samples_leaf", o.min_samples_leaf),
      param("min_samples_split", o.min_samples_split), param("min_weight_fraction_leaf", o.min_weight_fraction_leaf),
      param("n_estimators", o.n_estimators), param("n_jobs", o.n_jobs), param("oob_score", o.oob_score),
      param("random_state", o.random_state)};
  if constexpr (requires { o.class_weight; }) b.insert(b.begin() + 2, param("class_weight", o.class_weight));
  return b;
}
}  // namespace forest_detail

/// scikit-learn's ForestClassifier (RandomForestClassifier, ExtraTreesClassifier): trees grown on
/// class codes (weighted by class_weight), predict_proba the mean of their leaf class frequencies.
/// Derived declares `Derived& fit(X, y)` calling fit_forest (the covariant return) and
/// `static constexpr const char* splitter` ("best" or "random").
template <class Derived, class Options>
class ForestClassifier : public BaseForest<Derived, Options> {
 public:
  using BaseForest<Derived, Options>::BaseForest;
  Estimator::Kind kind() const override { return Estimator::Kind::classifier; }
  /// The class with the largest mean probability (first one on ties), in y's dtype.
  Tensor predict(const Data& X) const override;
  /// float64 [n, n_classes]: the mean of the trees' leaf class frequencies.
  Tensor predict_proba(const Data& X) const override;
  Tensor predict_log_proba(const Data& X) const override;
  Tensor classes() const override { return labels_.classes; }

  /// float64 [n_train, n_classes]: each training row's mean probability over the trees that did not
  /// draw it (needs bootstrap=True and oob_score=True; rows every tree drew are divided by 1, i.e.
  /// stay 0, with scikit-learn's warning case).
  Tensor oob_decision_function() const;

  void save_state(StateDict& state) const override;
  void load_state(const StateDict& state) override;

 protected:
  std::vector<ParamBinding> bindings() override { return forest_detail::bindings(this->options_); }
  /// The fit of both forests (errors name Derived::name()).
  void fit_forest(const Data& X, const Tensor& y);
  std::vector<double> mean_proba(const Data& X, std::string_view who) const;

  LabelCodes labels_;
  Tensor oob_decision_;
};

/// scikit-learn's ForestRegressor (RandomForestRegressor, ExtraTreesRegressor): predict is the mean
/// of the trees' predictions. Derived declares fit and splitter as for ForestClassifier.
template <class Derived, class Options>
class ForestRegressor : public BaseForest<Derived, Options> {
 public:
  using BaseForest<Derived, Options>::BaseForest;
  Estimator::Kind kind() const override { return Estimator::Kind::regressor; }
  /// float64 [n]: the mean of the trees' predictions.
  Tensor predict(const Data& X) const override;

  /// float64 [n_train]: each training row's mean prediction over the trees that did not draw it
  /// (needs bootstrap=True and oob_score=True).
  Tensor oob_prediction() const;

  void save_state(StateDict& state) const override;
  void load_state(const StateDict& state) override;

 protected:
  std::vector<ParamBinding> bindings() override { return forest_detail::bindings(this->options_); }
  /// The fit of both forests (errors name Derived::name()).
  void fit_forest(const Data& X, const Tensor& y);

  Tensor oob_prediction_;
};

}  // namespace axon::ml
