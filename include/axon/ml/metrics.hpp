// sklearn.metrics: scores of predictions against the truth, (y_true, y_pred) in that order, with
// scikit-learn 1.2's names, defaults and edge cases. Labels may be int64 or float64 tensors (compared
// as numbers); scores and probabilities are read as float64.
//
//   double f1 = ml::f1_score(y_test, y_hat);                                  // binary, pos_label 1
//   double f1m = ml::f1_score(y_test, y_hat, {.average = "macro"});
//   fmt::print("{}", ml::classification_report(y_test, y_hat));
//   auto [fpr, tpr, thresholds] = ml::roc_curve(y_test, model.decision_function(X_test));
#pragma once

#include "axon/core/tensor.hpp"

#include <optional>
#include <string>
#include <vector>

namespace axon::ml {

// ---- regression ------------------------------------------------------------------------------

/// Coefficient of determination 1 − SS_res / SS_tot. As scikit-learn: when y_true is constant, 1.0
/// for a perfect prediction, else 0.0.
double r2_score(const Tensor& y_true, const Tensor& y_pred);
/// mean((y_true − y_pred)²); with squared = false its square root (RMSE), as scikit-learn 1.2.
double mean_squared_error(const Tensor& y_true, const Tensor& y_pred, bool squared = true);
/// mean(|y_true − y_pred|).
double mean_absolute_error(const Tensor& y_true, const Tensor& y_pred);

// ---- classification from hard predictions ----------------------------------------------------

/// Fraction of exact matches (labels of any dtype, compared as numbers).
double accuracy_score(const Tensor& y_true, const Tensor& y_pred);

/// Keyword arguments of precision_score, recall_score, f1_score (scikit-learn's defaults).
struct PrecisionRecallOptions {
  /// "binary" (the score of pos_label; y must hold at most 2 labels), "macro" (unweighted mean over
  /// labels), "weighted" (mean weighted by support), "micro" (from the summed counts).
  std::string average = "binary";
  double pos_label = 1;
  /// The value of a score whose denominator is 0 (no predicted / no true samples of a label):
  /// 0 or 1. scikit-learn's default "warn" gives 0 (axon does not warn).
  double zero_division = 0;
};
/// tp / (tp + fp).
double precision_score(const Tensor& y_true, const Tensor& y_pred, const PrecisionRecallOptions& options = {});
/// tp / (tp + fn).
double recall_score(const Tensor& y_true, const Tensor& y_pred, const PrecisionRecallOptions& options = {});
/// 2·precision·recall / (precision + recall), per label, then averaged.
double f1_score(const Tensor& y_true, const Tensor& y_pred, const PrecisionRecallOptions& options = {});

/// Per-label scores (precision_recall_fscore_support with average=None): one entry per label of
/// `labels`, the sorted union of the labels in y_true and y_pred.
struct PrecisionRecallSupport {
  Tensor labels;  ///< in y_true's dtype
  std::vector<double> precision, recall, f1;
  std::vector<std::int64_t> support;  ///< true samples of each label
};
PrecisionRecallSupport precision_recall_fscore_support(const Tensor& y_true, const Tensor& y_pred,
                                                       double zero_division = 0);

/// C[i, j] = samples of true label i predicted as label j, labels = the sorted union of both
/// tensors' labels: an int64 [k, k] tensor.
Tensor confusion_matrix(const Tensor& y_true, const Tensor& y_pred);

struct ClassificationReportOptions {
  /// Row names in label order (default: the labels as Python prints them, "0", "1.5").
  std::vector<std::string> target_names = {};
  int digits = 2;
  double zero_division = 0;
};
/// The text table scikit-learn prints, character for character: per-label precision, recall,
/// f1-score, support, then "accuracy", "macro avg" and "weighted avg" rows.
std::string classification_report(const Tensor& y_true, const Tensor& y_pred,
                                  const ClassificationReportOptions& options = {});

// ---- classification from probabilities and scores --------------------------------------------

/// Cross-entropy −mean(log p[i, y_i]). y_prob is [n, k] (columns in sorted label order, k = the
/// number of labels in y_true) or [n] (binary: the probability of the larger label). As scikit-learn
/// 1.2: probabilities are clipped to [eps, 1 − eps] with eps = 2.2e-16 (float64's epsilon), then
/// each row renormalized to sum 1.
double log_loss(const Tensor& y_true, const Tensor& y_prob);

/// A curve over decreasing thresholds: roc_curve's (fpr, tpr, thresholds) or
/// precision_recall_curve's (precision, recall, thresholds). Destructures in that order.
struct Curve {
  Tensor x, y, thresholds;  ///< float64
};
/// The positive label of a binary curve: scikit-learn's rule when absent (y_true's labels must be
/// {0, 1} or {-1, 1}, and 1 is positive).
struct CurveOptions {
  std::optional<double> pos_label = std::nullopt;
  /// roc_curve only: drop thresholds that are not corners of the curve (do not change the area).
  bool drop_intermediate = true;
};
/// Receiver operating characteristic: {fpr, tpr, thresholds}, thresholds decreasing, a sample being
/// predicted positive when score >= threshold. thresholds[0] = max(score) + 1 (scikit-learn 1.2),
/// where nothing is positive, so the curve starts at (0, 0).
Curve roc_curve(const Tensor& y_true, const Tensor& y_score, const CurveOptions& options = {});
/// Precision and recall at each distinct score: {precision, recall, thresholds} with thresholds
/// increasing and precision/recall one longer, ending at (1, 0), as scikit-learn 1.2.
Curve precision_recall_curve(const Tensor& y_true, const Tensor& y_score, const CurveOptions& options = {});

struct RocAucOptions {
  /// Multiclass: "ovr" (each label against the rest) or "raise" (scikit-learn's default: an error).
  std::string multi_class = "raise";
  /// Multiclass averaging over labels: "macro" or "weighted" (by support).
  std::string average = "macro";
};
/// Area under the ROC curve (trapezoids). Binary: y_score [n] is the score of the larger label.
/// Multiclass ({.multi_class = "ovr"}): y_score [n, k]
/// probabilities whose rows sum to 1.
double roc_auc_score(const Tensor& y_true, const Tensor& y_score, const RocAucOptions& options = {});
/// Area under a curve by the trapezoid rule (np.trapz(y, x)).
double auc(const Tensor& x, const Tensor& y);

}  // namespace axon::ml
