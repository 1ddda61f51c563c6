#include "axon/ml/metrics.hpp"

#include "axon/core/error.hpp"

#include <string_view>
#include <vector>

namespace axon::ml {
namespace {

void check_pair(const Tensor& y_true, const Tensor& y_pred, std::string_view who) {
  check(y_true.defined() && y_pred.defined(), "{}: y_true and y_pred are required", who);
  check<ShapeError>(y_true.numel() == y_pred.numel() && y_true.ndim() <= 2 && y_pred.ndim() <= 2,
                    "{}: y_true {} and y_pred {} must hold the same number of samples", who,
                    shape_text(y_true.shape()), shape_text(y_pred.shape()));
  check(y_true.numel() > 0, "{}: y_true is empty", who);
}

}  // namespace

double accuracy_score(const Tensor& y_true, const Tensor& y_pred) {
  check_pair(y_true, y_pred, "accuracy_score");
  const std::vector<double> t = y_true.to_vector<double>(), p = y_pred.to_vector<double>();
  std::size_t hits = 0;
  for (std::size_t i = 0; i < t.size(); ++i) hits += t[i] == p[i];
  return static_cast<double>(hits) / static_cast<double>(t.size());
}

double r2_score(const Tensor& y_true, const Tensor& y_pred) {
  check_pair(y_true, y_pred, "r2_score");
  const std::vector<double> t = y_true.to_vector<double>(), p = y_pred.to_vector<double>();
  double mean = 0;
  for (double v : t) mean += v;
  mean /= static_cast<double>(t.size());
  double ss_res = 0, ss_tot = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    ss_res += (t[i] - p[i]) * (t[i] - p[i]);
    ss_tot += (t[i] - mean) * (t[i] - mean);
  }
  if (ss_tot == 0) return ss_res == 0 ? 1.0 : 0.0;
  return 1.0 - ss_res / ss_tot;
}

}  // namespace axon::ml
