// sklearn.metrics: scores of predictions against the truth, (y_true, y_pred) in that order.
#pragma once

#include "axon/core/tensor.hpp"

namespace axon::ml {

/// Fraction of exact matches (labels of any dtype, compared as numbers).
double accuracy_score(const Tensor& y_true, const Tensor& y_pred);
/// Coefficient of determination 1 − SS_res / SS_tot. As scikit-learn: when y_true is constant, 1.0
/// for a perfect prediction, else 0.0.
double r2_score(const Tensor& y_true, const Tensor& y_pred);

}  // namespace axon::ml
