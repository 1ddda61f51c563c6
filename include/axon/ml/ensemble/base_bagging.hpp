// scikit-learn's BaseBagging: what BaggingClassifier and BaggingRegressor share — any estimator
// of the library fitted on random subsets of the rows (bootstrap or not) and of the columns,
// drawn as scikit-learn draws them from random_state, so that the same random_state gives
// scikit-learn's ensemble whatever n_jobs is. An estimator that accepts sample_weight is fitted on
// every row with the bootstrap counts as weights (as scikit-learn does); one that does not, on the
// drawn rows themselves.
#pragma once

#include "axon/ml/ensemble/base_ensemble.hpp"
#include "axon/ml/ensemble/random_forest_classifier.hpp"  // MaxSamples, max_samples_param

#include <memory>
#include <optional>
#include <vector>

namespace axon::ml {

/// The options both bagging estimators take (scikit-learn's names and defaults).
struct BaggingOptions {
  EstimatorParam estimator;                  ///< None: a DecisionTreeClassifier / DecisionTreeRegressor
  std::int64_t n_estimators = 10;
  MaxSamples max_samples = 1.0;              ///< rows per estimator: an int count or a fraction of n (None: all)
  MaxSamples max_features = 1.0;             ///< columns per estimator: an int count or a fraction of p (None: all)
  bool bootstrap = true;                     ///< rows drawn with replacement
  bool bootstrap_features = false;           ///< columns drawn with replacement
  bool oob_score = false;                    ///< score each row with the estimators that did not draw it
  std::optional<std::int64_t> n_jobs;        ///< threads: None → 1, -1 → all cores (the result does not depend on it)
  std::optional<std::int64_t> random_state;
};

namespace bagging_detail {
/// What a bagging fit learned (plain members).
struct Ensemble {
  std::vector<std::shared_ptr<const Estimator>> estimators;  ///< estimators_ (shared by copies; never changed after fit)
  std::vector<std::vector<std::int64_t>> features;           ///< estimators_features_
  std::vector<std::uint32_t> seeds;                           ///< _seeds: each estimator's draws come from these
  std::int64_t n_samples = 0, n_features = 0, max_samples = 0, max_features = 0;
  bool bootstrap = true, bootstrap_features = false;
  bool fitted() const { return !estimators.empty(); }
};
/// Fits the estimators (BaseBagging._fit): y as the estimators see it (class codes for the
/// classifier), sample_weight empty for none.
Ensemble fit(const BaggingOptions& options, const Estimator& base, const Data& X, const Tensor& y,
             const std::vector<double>& sample_weight, std::string_view who);
/// The ensemble as state (ml::save), and back.
void save_ensemble(const Ensemble& e, StateDict& state);
Ensemble load_ensemble(const StateDict& state);
/// The rows each estimator drew (estimators_samples_), regenerated from its seed.
std::vector<std::int64_t> drawn_samples(const Ensemble& e, std::size_t i);
/// X[:, features] (X itself when the features are all columns in order, as scikit-learn skips
/// the indexing then); needs numbers (dense, sparse or a numeric frame) otherwise.
Data columns(const Data& X, const std::vector<std::int64_t>& features, std::int64_t n_features, std::string_view who);
}  // namespace bagging_detail

template <class Derived>
class BaseBagging : public EstimatorBase<Derived, BaggingOptions> {
 public:
  using EstimatorBase<Derived, BaggingOptions>::EstimatorBase;
  bool fitted() const override { return ens_.fitted(); }

  /// The fitted estimators (estimators_); copies of a fitted ensemble share them.
  const std::vector<std::shared_ptr<const Estimator>>& estimators() const {
    this->check_fitted("estimators");
    return ens_.estimators;
  }
  /// The columns each estimator was fitted on (estimators_features_).
  const std::vector<std::vector<std::int64_t>>& estimators_features() const {
    this->check_fitted("estimators_features");
    return ens_.features;
  }
  /// The rows each estimator drew (estimators_samples_), with repeats when bootstrapping.
  std::vector<std::vector<std::int64_t>> estimators_samples() const {
    this->check_fitted("estimators_samples");
    std::vector<std::vector<std::int64_t>> out;
    for (std::size_t i = 0; i < ens_.estimators.size(); ++i) out.push_back(bagging_detail::drawn_samples(ens_, i));
    return out;
  }
  /// The out-of-bag score (accuracy or R²); needs oob_score = true.
  double oob_score() const {
    check_oob("oob_score");
    return oob_score_;
  }
  std::int64_t n_features_in() const {
    this->check_fitted("n_features_in");
    return ens_.n_features;
  }

 protected:
  std::vector<ParamBinding> bindings() override {
    auto& o = this->options_;
    return {param("bootstrap", o.bootstrap), param("bootstrap_features", o.bootstrap_features),
            max_samples_param("max_features", o.max_features), max_samples_param("max_samples", o.max_samples),
            param("n_estimators", o.n_estimators), param("n_jobs", o.n_jobs), param("oob_score", o.oob_score),
            param("random_state", o.random_state)};
  }
  std::vector<std::pair<std::string, Estimator*>> children() override {
    return {{"estimator", this->options_.estimator.get()}};
  }
  void set_child(const std::string& name, std::unique_ptr<Estimator> estimator) override {
    if (name != "estimator") Estimator::set_child(name, std::move(estimator));
    this->options_.estimator = EstimatorParam(std::move(estimator));
  }
  void save_base(StateDict& state) const {
    bagging_detail::save_ensemble(ens_, state);
    state.set("oob_score", Param{oob_score_});
  }
  void load_base(const StateDict& state) {
    ens_ = bagging_detail::load_ensemble(state);
    oob_score_ = state.number("oob_score");
  }
  void check_oob(std::string_view method) const {
    this->check_fitted(method);
    check(this->options_.oob_score, "{}.{}: fit with oob_score=True to get it", this->name(), method);
  }

  bagging_detail::Ensemble ens_;
  double oob_score_ = 0.0;
};

}  // namespace axon::ml
