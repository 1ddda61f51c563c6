// Scorers by name (sklearn.metrics.get_scorer): "accuracy", "r2", "neg_mean_squared_error", "f1",
// "roc_auc", ... — greater is better, so errors are negated ("neg_").
#pragma once

#include "axon/core/tensor.hpp"
#include "axon/ml/data.hpp"

#include <functional>
#include <string>
#include <vector>

namespace axon::ml {

class Estimator;

/// score(fitted estimator, X, y): greater is better.
using Scorer = std::function<double(const Estimator& estimator, const Data& X, const Tensor& y)>;

/// The scorer named `name`; "" is the estimator's own score() (accuracy or R²). Unknown names are a
/// ValueError listing the valid ones. "roc_auc" scores decision_function, or column 1 of
/// predict_proba when the estimator has no decision_function (scikit-learn's order).
Scorer get_scorer(const std::string& name);
/// The names get_scorer knows, sorted.
std::vector<std::string> get_scorer_names();

}  // namespace axon::ml
