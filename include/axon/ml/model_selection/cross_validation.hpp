// sklearn.model_selection's cross-validation functions: cross_val_score, cross_validate,
// validation_curve, learning_curve. Each fold fits a clone of the estimator (the estimator passed in
// is never fitted). With n_jobs > 1 the fits run on that many threads, each single-threaded inside
// (BLAS and OpenMP set to 1 thread while they run); results do not depend on the thread count.
//
//   std::vector<double> scores = ml::cross_val_score(ml::Ridge(), X, y, {.cv = 5, .scoring = "r2"});
#pragma once

#include "axon/core/tensor.hpp"
#include "axon/ml/data.hpp"
#include "axon/ml/model_selection/kfold.hpp"
#include "axon/ml/model_selection/scoring.hpp"
#include "axon/ml/params.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace axon::ml {

class Estimator;

struct CrossValOptions {
  CV cv = 5;                ///< folds (stratified for classifiers) or a splitter
  std::string scoring = ""; ///< a get_scorer name; "": the estimator's score()
  /// Threads running the fits: 1 (scikit-learn's default None), -1 all cores. An estimator whose
  /// random_state is None draws from the shared default generator: give it a seed when n_jobs != 1.
  int n_jobs = 1;
};

/// The test score of each fold.
std::vector<double> cross_val_score(const Estimator& estimator, const Data& X, const Tensor& y,
                                    const CrossValOptions& options = {});

struct CrossValidateOptions {
  CV cv = 5;
  std::string scoring = "";
  int n_jobs = 1;
  bool return_train_score = false;
};
/// Per fold: test score, train score (when asked), seconds to fit and to score.
struct CrossValidateResult {
  std::vector<double> test_score, train_score, fit_time, score_time;
};
CrossValidateResult cross_validate(const Estimator& estimator, const Data& X, const Tensor& y,
                                   const CrossValidateOptions& options = {});

/// Scores [n_values][n_folds] of the estimator with `param_name` set to each value of param_range.
struct ValidationCurve {
  std::vector<std::vector<double>> train_scores, test_scores;
};
ValidationCurve validation_curve(const Estimator& estimator, const Data& X, const Tensor& y, const std::string& param_name,
                                 const std::vector<Param>& param_range, const CrossValOptions& options = {});

struct LearningCurveOptions {
  /// Fractions in (0, 1] of the largest training fold, or absolute counts (values > 1).
  std::vector<double> train_sizes = {0.1, 0.325, 0.55, 0.775, 1.0};
  CV cv = 5;
  std::string scoring = "";
  int n_jobs = 1;
  bool shuffle = false;  ///< shuffle each training fold before taking its first train_size samples
  std::optional<std::uint64_t> random_state = std::nullopt;
};
/// Scores [n_sizes][n_folds] when fitting on the first train_sizes[i] samples of each training fold.
struct LearningCurve {
  std::vector<std::int64_t> train_sizes;  ///< absolute, increasing, distinct
  std::vector<std::vector<double>> train_scores, test_scores;
};
LearningCurve learning_curve(const Estimator& estimator, const Data& X, const Tensor& y,
                             const LearningCurveOptions& options = {});

namespace detail {
/// Runs task(i) for i in [0, n) on n_jobs threads (-1: all cores; 1: here, in order), with BLAS and
/// OpenMP at 1 thread inside the workers. Each task writes only its own result slot. The first
/// failure (lowest i) is rethrown after all threads stop.
void parallel_for(std::int64_t n, int n_jobs, const std::function<void(std::int64_t)>& task);

/// Fits a clone of `prototype` on split.first and scores it (test, and train when asked).
struct FitScore {
  double test_score = 0, train_score = 0, fit_time = 0, score_time = 0;
};
FitScore fit_and_score(const Estimator& prototype, const Data& X, const Tensor& y, const std::vector<std::int64_t>& train,
                       const std::vector<std::int64_t>& test, const Scorer& scorer, bool train_score);
}  // namespace detail

}  // namespace axon::ml
