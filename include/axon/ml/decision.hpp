// Decision theory for a binary classifier, as the course teaches it: each cell of the confusion
// matrix has a cost (TNC, FPC, FNC, TPC; a profit is a negative cost), and the best threshold on a
// score or probability is the one with the lowest expected cost per sample.
//
//   ml::CostMatrix costs{.tn = 0, .fp = 1, .fn = 5, .tp = -2};       // a missed positive costs 5
//   auto curve = ml::cost_curve(y_test, model.predict_proba(X_test) /* column 1 */, costs);
//   fmt::print("threshold {} costs {} per sample\n", curve.best_threshold, curve.best_cost);
#pragma once

#include "axon/core/tensor.hpp"

namespace axon::ml {

/// The cost of one sample in each cell of the confusion matrix (rows observed, columns predicted).
struct CostMatrix {
  double tn = 0;  ///< observed 0, predicted 0
  double fp = 1;  ///< observed 0, predicted 1
  double fn = 1;  ///< observed 1, predicted 0
  double tp = 0;  ///< observed 1, predicted 1
};

/// The expected cost per sample at every threshold that changes a prediction. A sample is predicted
/// positive when score >= threshold. thresholds are decreasing: thresholds[0] = +infinity (nothing
/// positive), then each distinct score (the last one makes everything positive).
struct CostCurve {
  Tensor thresholds;      ///< float64 [m]
  Tensor costs;           ///< float64 [m]: (tn·TNC + fp·FPC + fn·FNC + tp·TPC) / n
  Tensor tn, fp, fn, tp;  ///< int64 [m]: the confusion counts at each threshold
  double best_threshold;  ///< the threshold of the lowest cost (the largest such threshold on ties)
  double best_cost;
  std::int64_t best_index;
};

/// y_true: 0/1 labels (int64 or float64); y_score: [n] scores or probabilities of class 1.
CostCurve cost_curve(const Tensor& y_true, const Tensor& y_score, const CostMatrix& costs);

/// The expected cost per sample of hard 0/1 predictions.
double expected_cost(const Tensor& y_true, const Tensor& y_pred, const CostMatrix& costs);

}  // namespace axon::ml
