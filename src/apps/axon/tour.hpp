// `axon tour`: the course's ideas run on axon, one section per floor, printed as one report.
#pragma once

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace axon::tour {

struct TourOptions {
  bool full = false;   ///< longer runs (more epochs, whole datasets)
  bool smoke = false;  ///< tiny runs that only check every path works (the tests use it)
  unsigned seed = 0;
};

/// Section 1: stochastic gradient descent on a line, and logistic regression's NLL by autograd.
void sgd_and_logistic(const TourOptions& options);

/// Section 2: the penguins table (head, describe, dropna, get_dummies, to_tensor, DataLoader) and
/// Fashion-MNIST's shapes and class names.
void tables_and_datasets(const TourOptions& options);

/// Section 3: linear regression on diabetes (R² train/test, a bootstrap interval of a slope, the
/// line's band against a new patient's interval) and breast-cancer classification with a cost
/// matrix and the cost-minimizing threshold.
void regression_and_classification(const TourOptions& options);

/// Section 4: one tree's text, then bagging, random forests, extra trees, AdaBoost and gradient
/// boosting on digits, the boosting's staged test error, and a forest saved and reloaded.
void trees_and_ensembles(const TourOptions& options);

/// Section 5: softmax regression and an MLP on Fashion-MNIST with the Keras-style API.
void neural_networks(const TourOptions& options);

/// Prints a section heading.
inline void heading(int number, const char* title) { fmt::print("\n== {}. {} ==\n", number, title); }

}  // namespace axon::tour
