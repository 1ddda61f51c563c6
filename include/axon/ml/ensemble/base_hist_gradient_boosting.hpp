// scikit-learn's BaseHistGradientBoosting: what HistGradientBoostingClassifier and
// HistGradientBoostingRegressor share once fitted (the trees, n_iter_, the scores recorded for
// early stopping). The two estimators differ in their losses, fit and predict.
#pragma once

#include "axon/core/creation.hpp"
#include "axon/ml/estimator.hpp"

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace axon::ml {

namespace hist_detail {
struct Model;
std::int64_t model_n_iter(const Model& m);
std::int64_t model_n_trees_per_iteration(const Model& m);
/// Leaves of tree `iteration`, class `k` (0 for regressors and binary classifiers).
std::int64_t model_n_leaves(const Model& m, std::int64_t iteration, std::int64_t k);
/// The fitted trees as state (ml::save), and back (checked).
void save_model(const Model& m, StateDict& state);
std::shared_ptr<const Model> load_model(const StateDict& state);
}  // namespace hist_detail

/// early_stopping: "auto" (on when n_samples > 10,000) or a bool.
using EarlyStoppingSetting = std::variant<std::string, bool>;
/// The get_params/set_params binding of an EarlyStoppingSetting field ('auto', True or False).
ParamBinding early_stopping_param(std::string name, EarlyStoppingSetting& field);

template <class Derived, class Options>
class BaseHistGradientBoosting : public EstimatorBase<Derived, Options> {
 public:
  using EstimatorBase<Derived, Options>::EstimatorBase;
  bool fitted() const override { return model_ != nullptr; }

  /// The number of boosting iterations fitted (below max_iter when early stopping stopped).
  std::int64_t n_iter() const {
    this->check_fitted("n_iter");
    return hist_detail::model_n_iter(*model_);
  }
  /// Trees per iteration: the number of classes for multiclass problems, else 1.
  std::int64_t n_trees_per_iteration() const {
    this->check_fitted("n_trees_per_iteration");
    return hist_detail::model_n_trees_per_iteration(*model_);
  }
  /// Leaves of the tree of iteration `iteration` (and class k).
  std::int64_t n_leaves(std::int64_t iteration, std::int64_t k = 0) const {
    this->check_fitted("n_leaves");
    return hist_detail::model_n_leaves(*model_, iteration, k);
  }
  /// Scores on the training data (scoring="loss": the negative mean loss), one before the first
  /// iteration and one after each; empty without early stopping.
  const std::vector<double>& train_score() const {
    this->check_fitted("train_score");
    return train_score_;
  }
  /// The same on the validation split (empty when validation_fraction is None).
  const std::vector<double>& validation_score() const {
    this->check_fitted("validation_score");
    return validation_score_;
  }
  /// Whether early stopping was used (scikit-learn's do_early_stopping_).
  bool do_early_stopping() const {
    this->check_fitted("do_early_stopping");
    return do_early_stopping_;
  }
  std::int64_t n_features_in() const {
    this->check_fitted("n_features_in");
    return n_features_;
  }

  void save_state(StateDict& state) const override {
    hist_detail::save_model(*model_, state);
    state.set("train_score", from_vector(train_score_));
    state.set("validation_score", from_vector(validation_score_));
    state.set("n_features_in", Param{n_features_});
    state.set("do_early_stopping", Param{do_early_stopping_});
  }
  void load_state(const StateDict& state) override {
    model_ = hist_detail::load_model(state);
    train_score_ = state.tensor("train_score").template to_vector<double>();
    validation_score_ = state.tensor("validation_score").template to_vector<double>();
    n_features_ = state.integer("n_features_in");
    do_early_stopping_ = state.flag("do_early_stopping");
  }

 protected:
  std::vector<ParamBinding> bindings() override {
    auto& o = this->options_;
    return {early_stopping_param("early_stopping", o.early_stopping), param("l2_regularization", o.l2_regularization),
            param("learning_rate", o.learning_rate), param("loss", o.loss), param("max_bins", o.max_bins),
            param("max_depth", o.max_depth), param("max_iter", o.max_iter), param("max_leaf_nodes", o.max_leaf_nodes),
            param("min_samples_leaf", o.min_samples_leaf), param("n_iter_no_change", o.n_iter_no_change),
            param("random_state", o.random_state), param("scoring", o.scoring), param("tol", o.tol),
            param("validation_fraction", o.validation_fraction)};
  }

  std::shared_ptr<const hist_detail::Model> model_;  // immutable once fitted: copies share it
  std::vector<double> train_score_, validation_score_;
  std::int64_t n_features_ = 0;
  bool do_early_stopping_ = false;
};

}  // namespace axon::ml
