// What the meta-ensembles (AdaBoost, Bagging) share in their fit: scikit-learn's
// _set_random_states and its way of asking a fitted estimator for probabilities. Private to the
// ml floor.
#pragma once

#include "axon/ml/estimator.hpp"
#include "../numpy_random.hpp"

namespace axon::ml::ensemble_detail {

/// sklearn.ensemble._base._set_random_states: every parameter named "random_state" or ending in
/// "__random_state" (get_params(deep=True), in sorted order) is set to rs.randint(2³¹ - 1).
void set_random_states(Estimator& estimator, tree_detail::NumpyRandomState& rs);

/// Whether a fitted estimator has predict_proba (hasattr(estimator, "predict_proba")): asked by
/// calling it on one row of X, since axon's Estimator answers every method and throws for those
/// the class lacks (UnsupportedMethodError, "X has no predict_proba()").
bool has_predict_proba(const Estimator& fitted, const Data& X);

}  // namespace axon::ml::ensemble_detail
