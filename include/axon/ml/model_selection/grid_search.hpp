// sklearn.model_selection.GridSearchCV: cross-validates every combination of a grid of
// hyperparameters, keeps the best (highest mean test score; the first on ties) and refits it on all
// the data. Itself an estimator: predict, predict_proba, score... go to the refitted best estimator.
//
//   auto grid = ml::GridSearchCV(pipeline, {{"logisticregression__C", {0.1, 1, 10, 100}}}, {.cv = 5});
//   grid.fit(text_train, y_train);
//   fmt::print("best {} ({}), test score {}\n", ml::to_string(grid.best_params()), grid.best_score(),
//              grid.score(text_test, y_test));
#pragma once

#include "axon/ml/estimator.hpp"
#include "axon/ml/model_selection/cross_validation.hpp"
#include "axon/ml/params.hpp"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace axon::ml {

/// Parameter name → values to try ("C" → {0.1, 1, 10}); names reach nested estimators with "__".
using ParamGrid = std::map<std::string, std::vector<Param>>;

/// Every combination of each grid, in scikit-learn's ParameterGrid order: grids in turn; inside a
/// grid, names sorted and the last name varying fastest.
std::vector<Params> parameter_grid(const std::vector<ParamGrid>& grids);

/// "{'C': 10, 'kernel': 'rbf'}", as Python prints a dict of parameters.
std::string to_string(const Params& params);

struct GridSearchOptions {
  CV cv = 5;                 ///< folds (stratified for classifiers) or a splitter
  std::string scoring = "";  ///< a get_scorer name; "": the estimator's score()
  bool refit = true;         ///< refit the best candidate on all the data (needed by predict/score)
  /// Threads running the (candidate, fold) fits: 1 (scikit-learn's default None), -1 all cores; each
  /// fit runs single-threaded inside. Results do not depend on it.
  int n_jobs = 1;
  bool return_train_score = false;
};

/// cv_results_: one entry per candidate, in parameter_grid order.
struct CvResults {
  std::vector<Params> params;
  std::vector<double> mean_test_score, std_test_score;
  std::vector<std::int64_t> rank_test_score;          ///< 1 = best; equal means share the lowest rank
  std::vector<std::vector<double>> split_test_scores;  ///< [candidate][fold]: split<k>_test_score
  std::vector<double> mean_train_score, std_train_score;  ///< with return_train_score
  std::vector<std::vector<double>> split_train_scores;
  std::vector<double> mean_fit_time, std_fit_time, mean_score_time, std_score_time;
};

class GridSearchCV : public Estimator {
 public:
  GridSearchCV(const Estimator& estimator, ParamGrid param_grid, GridSearchOptions options = {});
  GridSearchCV(const Estimator& estimator, std::vector<ParamGrid> param_grids, GridSearchOptions options = {});
  /// Move-only (it owns its fitted best estimator); clone() gives an unfitted copy.
  GridSearchCV(GridSearchCV&&) noexcept = default;
  GridSearchCV& operator=(GridSearchCV&&) noexcept = default;

  std::string name() const override { return "GridSearchCV"; }
  Kind kind() const override;
  std::unique_ptr<Estimator> clone() const override;

  /// Checks every candidate's parameters (before any fit), cross-validates each, then refits the best.
  GridSearchCV& fit(const Data& X, const Tensor& y = {}) override;
  Tensor predict(const Data& X) const override;
  Tensor predict_proba(const Data& X) const override;
  Tensor decision_function(const Data& X) const override;
  Data transform(const Data& X) const override;
  /// The scoring's score of the best estimator (its own score() when scoring is "").
  double score(const Data& X, const Tensor& y) const override;
  Tensor classes() const override;
  bool fitted() const override { return results_.has_value(); }

  const Params& best_params() const;
  double best_score() const;
  std::int64_t best_index() const;
  /// The best candidate refitted on all the data (refit = true).
  const Estimator& best_estimator() const;
  Estimator& best_estimator();
  const CvResults& cv_results() const;
  std::int64_t n_splits() const;
  /// The estimator the search started from (unfitted).
  const Estimator& estimator() const { return *estimator_; }
  const GridSearchOptions& options() const { return options_; }

 protected:
  std::vector<ParamBinding> bindings() override;
  std::vector<std::pair<std::string, Estimator*>> children() override { return {{"estimator", estimator_.get()}}; }

 private:
  const Estimator& refitted(std::string_view method) const;

  std::unique_ptr<Estimator> estimator_;
  std::vector<ParamGrid> grids_;
  GridSearchOptions options_;
  std::optional<CvResults> results_;
  std::int64_t best_index_ = -1;
  std::int64_t n_splits_ = 0;
  std::unique_ptr<Estimator> best_estimator_;
};

}  // namespace axon::ml
