#include "axon/ml/decision.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <string_view>
#include <vector>

namespace axon::ml {
namespace {

std::vector<double> binary_labels(const Tensor& y, std::string_view who, std::string_view which) {
  check(y.defined(), "{}: {} is required", who, which);
  check<ShapeError>(y.ndim() == 1 && y.numel() > 0, "{}: {} must be a non-empty 1-D tensor, got {}", who,
                    which, shape_text(y.shape()));
  std::vector<double> v = y.to_vector<double>();
  for (std::size_t i = 0; i < v.size(); ++i)
    check(v[i] == 0 || v[i] == 1, "{}: {} must hold 0/1 labels, got {} at position {}", who, which, v[i], i);
  return v;
}

double cost_of(double tn, double fp, double fn, double tp, const CostMatrix& c, double n) {
  return (tn * c.tn + fp * c.fp + fn * c.fn + tp * c.tp) / n;
}

}  // namespace

CostCurve cost_curve(const Tensor& y_true, const Tensor& y_score, const CostMatrix& costs) {
  constexpr std::string_view who = "cost_curve";
  const std::vector<double> y = binary_labels(y_true, who, "y_true");
  check(y_score.defined(), "{}: y_score is required", who);
  check<ShapeError>(y_score.ndim() == 1 && y_score.numel() == y_true.numel(),
                    "{}: y_score must be 1-D with one score per sample ({}), got {}", who, y_true.numel(),
                    shape_text(y_score.shape()));
  const std::vector<double> s = y_score.to_vector<double>();
  const std::size_t n = y.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return s[a] > s[b]; });
  const double positives = std::accumulate(y.begin(), y.end(), 0.0), negatives = static_cast<double>(n) - positives;

  // Lowering the threshold past each distinct score turns that score's samples positive.
  std::vector<double> thresholds{std::numeric_limits<double>::infinity()}, cost;
  std::vector<std::int64_t> tn{static_cast<std::int64_t>(negatives)}, fp{0}, fn{static_cast<std::int64_t>(positives)}, tp{0};
  double tp_now = 0, fp_now = 0;
  for (std::size_t k = 0; k < n; ++k) {
    (y[order[k]] == 1 ? tp_now : fp_now) += 1;
    if (k + 1 < n && s[order[k + 1]] == s[order[k]]) continue;
    thresholds.push_back(s[order[k]]);
    tp.push_back(static_cast<std::int64_t>(tp_now));
    fp.push_back(static_cast<std::int64_t>(fp_now));
    fn.push_back(static_cast<std::int64_t>(positives - tp_now));
    tn.push_back(static_cast<std::int64_t>(negatives - fp_now));
  }
  CostCurve out;
  out.best_index = 0;
  for (std::size_t i = 0; i < thresholds.size(); ++i) {
    cost.push_back(cost_of(static_cast<double>(tn[i]), static_cast<double>(fp[i]), static_cast<double>(fn[i]),
                           static_cast<double>(tp[i]), costs, static_cast<double>(n)));
    if (cost[i] < cost[static_cast<std::size_t>(out.best_index)]) out.best_index = static_cast<std::int64_t>(i);
  }
  const auto m = static_cast<std::int64_t>(thresholds.size());
  out.thresholds = from_vector(thresholds, {m});
  out.costs = from_vector(cost, {m});
  out.tn = from_vector(tn, {m});
  out.fp = from_vector(fp, {m});
  out.fn = from_vector(fn, {m});
  out.tp = from_vector(tp, {m});
  out.best_threshold = thresholds[static_cast<std::size_t>(out.best_index)];
  out.best_cost = cost[static_cast<std::size_t>(out.best_index)];
  return out;
}

double expected_cost(const Tensor& y_true, const Tensor& y_pred, const CostMatrix& costs) {
  const std::vector<double> t = binary_labels(y_true, "expected_cost", "y_true");
  const std::vector<double> p = binary_labels(y_pred, "expected_cost", "y_pred");
  check<ShapeError>(t.size() == p.size(), "expected_cost: y_true has {} samples but y_pred has {}", t.size(), p.size());
  double cells[2][2] = {{0, 0}, {0, 0}};
  for (std::size_t i = 0; i < t.size(); ++i) cells[static_cast<int>(t[i])][static_cast<int>(p[i])] += 1;
  return cost_of(cells[0][0], cells[0][1], cells[1][0], cells[1][1], costs, static_cast<double>(t.size()));
}

}  // namespace axon::ml
