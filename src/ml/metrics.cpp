// sklearn.metrics in scikit-learn 1.2's arithmetic: same formulas, same order of clipping and
// renormalizing, same edge cases (zero_division, constant y_true, tied scores), so that the numbers
// equal scikit-learn's to the last few ulps (tests/golden/metrics.json).
#include "axon/ml/metrics.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/ml/params.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
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

// Class labels as numbers; a non-integral float is scikit-learn's "continuous" target, which no
// classification metric accepts (the usual mistake: passing probabilities as y_pred).
std::vector<double> labels_of(const Tensor& y, std::string_view who, std::string_view which) {
  std::vector<double> v = y.to_vector<double>();
  for (std::size_t i = 0; i < v.size(); ++i)
    check(std::isfinite(v[i]) && v[i] == std::floor(v[i]),
          "{}: {} holds continuous values ({} at position {}); classification metrics need class labels", who,
          which, v[i], i);
  return v;
}

std::vector<double> sorted_unique(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

std::string label_list(const std::vector<double>& labels) {
  std::vector<std::string> s;
  for (double l : labels) s.push_back(fmt::format("{}", l));
  return fmt::format("[{}]", fmt::join(s, ", "));
}

// Per-label counts: tp, predicted and true samples of each label in `labels`.
struct Counts {
  std::vector<double> tp, pred, truth;
};

Counts count(const std::vector<double>& t, const std::vector<double>& p, const std::vector<double>& labels) {
  Counts c{std::vector<double>(labels.size()), std::vector<double>(labels.size()), std::vector<double>(labels.size())};
  auto index = [&](double v) -> std::ptrdiff_t {
    auto it = std::lower_bound(labels.begin(), labels.end(), v);
    return it != labels.end() && *it == v ? it - labels.begin() : -1;
  };
  for (std::size_t i = 0; i < t.size(); ++i) {
    const std::ptrdiff_t a = index(t[i]), b = index(p[i]);
    if (a >= 0) c.truth[a] += 1;
    if (b >= 0) c.pred[b] += 1;
    if (a >= 0 && a == b) c.tp[a] += 1;
  }
  return c;
}

// _prf_divide: num / den, and zero_division where den == 0.
std::vector<double> divide(const std::vector<double>& num, const std::vector<double>& den, double zero_division) {
  std::vector<double> out(num.size());
  for (std::size_t i = 0; i < num.size(); ++i) out[i] = den[i] == 0 ? zero_division : num[i] / den[i];
  return out;
}

struct Prf {
  std::vector<double> precision, recall, f1;
};

Prf prf(const Counts& c, double zero_division) {
  Prf r{divide(c.tp, c.pred, zero_division), divide(c.tp, c.truth, zero_division), {}};
  r.f1.resize(r.precision.size());
  for (std::size_t i = 0; i < r.f1.size(); ++i) {
    const double denom = r.precision[i] + r.recall[i];
    r.f1[i] = 2 * r.precision[i] * r.recall[i] / (denom == 0 ? 1 : denom);
  }
  return r;
}

double weighted_mean(const std::vector<double>& v, const std::vector<double>* w) {
  double s = 0, sw = 0;
  for (std::size_t i = 0; i < v.size(); ++i) {
    s += w ? v[i] * (*w)[i] : v[i];
    sw += w ? (*w)[i] : 1.0;
  }
  return s / sw;
}

enum class Which { precision, recall, f1 };

double prf_score(const Tensor& y_true, const Tensor& y_pred, const PrecisionRecallOptions& o, Which which,
                 std::string_view who) {
  check_pair(y_true, y_pred, who);
  check(o.zero_division == 0 || o.zero_division == 1, "{}: zero_division must be 0 or 1, got {}", who, o.zero_division);
  const std::vector<double> t = labels_of(y_true, who, "y_true"), p = labels_of(y_pred, who, "y_pred");
  std::vector<double> all = t;
  all.insert(all.end(), p.begin(), p.end());
  const std::vector<double> present = sorted_unique(std::move(all));
  std::vector<double> labels = present;
  if (o.average == "binary") {
    check(present.size() <= 2,
          "{}: Target is multiclass ({} labels) but average='binary'. Please choose another average setting, one of "
          "'micro', 'macro', 'weighted'.",
          who, present.size());
    const bool has_pos = std::find(present.begin(), present.end(), o.pos_label) != present.end();
    check(has_pos || present.size() < 2, "{}: pos_label={} is not a valid label. It should be one of {}", who,
          o.pos_label, label_list(present));
    labels = {o.pos_label};
  } else {
    check(o.average == "macro" || o.average == "weighted" || o.average == "micro",
          "{}: average has to be one of 'binary', 'micro', 'macro', 'weighted', got '{}'", who, o.average);
  }
  Counts c = count(t, p, labels);
  if (o.average == "micro") {
    auto total = [](const std::vector<double>& v) { return std::vector<double>{std::accumulate(v.begin(), v.end(), 0.0)}; };
    c = {total(c.tp), total(c.pred), total(c.truth)};
  }
  const Prf r = prf(c, o.zero_division);
  const std::vector<double>& v = which == Which::precision ? r.precision : which == Which::recall ? r.recall : r.f1;
  if (o.average == "weighted") {
    if (std::accumulate(c.truth.begin(), c.truth.end(), 0.0) == 0) {  // no true samples of any label
      const bool no_pred = std::accumulate(c.pred.begin(), c.pred.end(), 0.0) == 0;
      return which == Which::recall || no_pred ? o.zero_division : 0.0;
    }
    return weighted_mean(v, &c.truth);
  }
  return weighted_mean(v, nullptr);  // binary and micro hold one entry
}

// ---- curves --------------------------------------------------------------------------------------

std::vector<double> scores_1d(const Tensor& y_score, std::int64_t n, std::string_view who) {
  check(y_score.defined(), "{}: y_score is required", who);
  check<ShapeError>(y_score.ndim() == 1 && y_score.numel() == n,
                    "{}: y_score must be 1-D with one score per sample ({}), got {}", who, n,
                    shape_text(y_score.shape()));
  return y_score.to_vector<double>();
}

// 1 for positive samples: pos_label if given, else scikit-learn's rule ({0, 1} or {-1, 1}: 1).
std::vector<double> positives(const Tensor& y_true, std::optional<double> pos_label, std::string_view who) {
  check(y_true.defined() && y_true.ndim() == 1 && y_true.numel() > 0, "{}: y_true must be a non-empty 1-D tensor",
        who);
  const std::vector<double> t = y_true.to_vector<double>();
  if (!pos_label) {
    const std::vector<double> classes = sorted_unique(t);
    const bool ok = std::all_of(classes.begin(), classes.end(), [](double c) { return c == 0 || c == 1; }) ||
                    std::all_of(classes.begin(), classes.end(), [](double c) { return c == -1 || c == 1; });
    check(ok,
          "{}: y_true takes values in {} and pos_label is not specified: either make y_true take values in {{0, 1}} or "
          "{{-1, 1}} or pass pos_label explicitly",
          who, label_list(classes));
    pos_label = 1.0;
  }
  std::vector<double> y(t.size());
  for (std::size_t i = 0; i < t.size(); ++i) y[i] = t[i] == *pos_label ? 1.0 : 0.0;
  return y;
}

// _binary_clf_curve: false and true positives at each distinct score, scores decreasing.
struct ClfCurve {
  std::vector<double> fps, tps, thresholds;
};

ClfCurve binary_clf_curve(const std::vector<double>& y, const std::vector<double>& score) {
  std::vector<std::size_t> order(y.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return score[a] > score[b]; });
  ClfCurve c;
  double tp = 0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    tp += y[order[k]];
    if (k + 1 == order.size() || score[order[k + 1]] != score[order[k]]) {
      c.tps.push_back(tp);
      c.fps.push_back(static_cast<double>(k + 1) - tp);
      c.thresholds.push_back(score[order[k]]);
    }
  }
  return c;
}

Tensor vec(const std::vector<double>& v) { return from_vector(v, {static_cast<std::int64_t>(v.size())}); }

double trapezoid(const std::vector<double>& x, const std::vector<double>& y) {
  double area = 0;
  for (std::size_t i = 1; i < x.size(); ++i) area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2.0;
  return area;
}

double binary_auc(const std::vector<double>& y, const std::vector<double>& score, std::string_view who) {
  const double n_pos = std::accumulate(y.begin(), y.end(), 0.0);
  check(n_pos > 0 && n_pos < static_cast<double>(y.size()),
        "{}: Only one class present in y_true. ROC AUC score is not defined in that case.", who);
  const Curve c = roc_curve(vec(y), vec(score));
  return trapezoid(c.x.to_vector<double>(), c.y.to_vector<double>());
}

}  // namespace

// ---- regression ----------------------------------------------------------------------------------

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

double mean_squared_error(const Tensor& y_true, const Tensor& y_pred, bool squared) {
  check_pair(y_true, y_pred, "mean_squared_error");
  const std::vector<double> t = y_true.to_vector<double>(), p = y_pred.to_vector<double>();
  double s = 0;
  for (std::size_t i = 0; i < t.size(); ++i) s += (t[i] - p[i]) * (t[i] - p[i]);
  s /= static_cast<double>(t.size());
  return squared ? s : std::sqrt(s);
}

double mean_absolute_error(const Tensor& y_true, const Tensor& y_pred) {
  check_pair(y_true, y_pred, "mean_absolute_error");
  const std::vector<double> t = y_true.to_vector<double>(), p = y_pred.to_vector<double>();
  double s = 0;
  for (std::size_t i = 0; i < t.size(); ++i) s += std::abs(t[i] - p[i]);
  return s / static_cast<double>(t.size());
}

// ---- classification --------------------------------------------------------------------------------

double accuracy_score(const Tensor& y_true, const Tensor& y_pred) {
  check_pair(y_true, y_pred, "accuracy_score");
  const std::vector<double> t = y_true.to_vector<double>(), p = y_pred.to_vector<double>();
  std::size_t hits = 0;
  for (std::size_t i = 0; i < t.size(); ++i) hits += t[i] == p[i];
  return static_cast<double>(hits) / static_cast<double>(t.size());
}

double precision_score(const Tensor& y_true, const Tensor& y_pred, const PrecisionRecallOptions& options) {
  return prf_score(y_true, y_pred, options, Which::precision, "precision_score");
}
double recall_score(const Tensor& y_true, const Tensor& y_pred, const PrecisionRecallOptions& options) {
  return prf_score(y_true, y_pred, options, Which::recall, "recall_score");
}
double f1_score(const Tensor& y_true, const Tensor& y_pred, const PrecisionRecallOptions& options) {
  return prf_score(y_true, y_pred, options, Which::f1, "f1_score");
}

PrecisionRecallSupport precision_recall_fscore_support(const Tensor& y_true, const Tensor& y_pred,
                                                       double zero_division) {
  constexpr std::string_view who = "precision_recall_fscore_support";
  check_pair(y_true, y_pred, who);
  const std::vector<double> t = labels_of(y_true, who, "y_true"), p = labels_of(y_pred, who, "y_pred");
  std::vector<double> all = t;
  all.insert(all.end(), p.begin(), p.end());
  const std::vector<double> labels = sorted_unique(std::move(all));
  const Counts c = count(t, p, labels);
  Prf r = prf(c, zero_division);
  PrecisionRecallSupport out;
  out.labels = vec(labels);
  if (y_true.dtype() == Dtype::int64) {
    std::vector<std::int64_t> li(labels.begin(), labels.end());
    out.labels = from_vector(li, {static_cast<std::int64_t>(li.size())});
  }
  out.precision = std::move(r.precision);
  out.recall = std::move(r.recall);
  out.f1 = std::move(r.f1);
  for (double s : c.truth) out.support.push_back(static_cast<std::int64_t>(s));
  return out;
}

Tensor confusion_matrix(const Tensor& y_true, const Tensor& y_pred) {
  check_pair(y_true, y_pred, "confusion_matrix");
  const std::vector<double> t = labels_of(y_true, "confusion_matrix", "y_true"),
                            p = labels_of(y_pred, "confusion_matrix", "y_pred");
  std::vector<double> all = t;
  all.insert(all.end(), p.begin(), p.end());
  const std::vector<double> labels = sorted_unique(std::move(all));
  const std::size_t k = labels.size();
  std::vector<std::int64_t> m(k * k, 0);
  auto index = [&](double v) { return static_cast<std::size_t>(std::lower_bound(labels.begin(), labels.end(), v) - labels.begin()); };
  for (std::size_t i = 0; i < t.size(); ++i) ++m[index(t[i]) * k + index(p[i])];
  return from_vector(m, {static_cast<std::int64_t>(k), static_cast<std::int64_t>(k)});
}

std::string classification_report(const Tensor& y_true, const Tensor& y_pred, const ClassificationReportOptions& o) {
  const PrecisionRecallSupport s = precision_recall_fscore_support(y_true, y_pred, o.zero_division);
  const std::size_t k = s.support.size();
  std::vector<std::string> names = o.target_names;
  if (names.empty()) {
    for (double l : s.labels.to_vector<double>())
      names.push_back(s.labels.dtype() == Dtype::int64 ? fmt::format("{}", static_cast<std::int64_t>(l))
                                                       : to_string(Param{l}));
  }
  check(names.size() == k,
        "classification_report: Number of classes, {}, does not match size of target_names, {}. Try specifying the "
        "labels parameter",
        k, names.size());
  std::size_t width = std::string_view("weighted avg").size();
  for (const std::string& n : names) width = std::max(width, n.size());
  width = std::max(width, static_cast<std::size_t>(o.digits));
  const int d = o.digits;
  std::string report = fmt::format("{:>{}} ", "", width);
  for (const char* h : {"precision", "recall", "f1-score", "support"}) report += fmt::format(" {:>9}", h);
  report += "\n\n";
  auto row = [&](const std::string& name, double p, double r, double f, std::int64_t n) {
    report += fmt::format("{:>{}}  {:>9.{}f} {:>9.{}f} {:>9.{}f} {:>9}\n", name, width, p, d, r, d, f, d, n);
  };
  std::int64_t total = 0;
  for (std::size_t i = 0; i < k; ++i) {
    row(names[i], s.precision[i], s.recall[i], s.f1[i], s.support[i]);
    total += s.support[i];
  }
  report += "\n";
  // "micro avg" is the accuracy when the labels are all of y's labels (always, here): its f1 only.
  const double accuracy = f1_score(y_true, y_pred, {.average = "micro", .zero_division = o.zero_division});
  report += fmt::format("{:>{}}  {:>9} {:>9} {:>9.{}f} {:>9}\n", "accuracy", width, "", "", accuracy, d, total);
  for (const char* average : {"macro", "weighted"}) {
    const PrecisionRecallOptions po{.average = average, .zero_division = o.zero_division};
    row(fmt::format("{} avg", average), precision_score(y_true, y_pred, po), recall_score(y_true, y_pred, po),
        f1_score(y_true, y_pred, po), total);
  }
  return report;
}

double log_loss(const Tensor& y_true, const Tensor& y_prob) {
  check(y_true.defined() && y_prob.defined(), "log_loss: y_true and y_prob are required");
  check(y_true.ndim() == 1, "log_loss: y_true must be 1-D, got {}", shape_text(y_true.shape()));
  const std::int64_t n = y_true.numel();
  check<ShapeError>(y_prob.ndim() >= 1 && y_prob.shape(0) == n, "log_loss: y_prob {} must have one row per sample ({})",
                    shape_text(y_prob.shape()), n);
  const std::vector<double> t = labels_of(y_true, "log_loss", "y_true");
  const std::vector<double> labels = sorted_unique(t);
  check(labels.size() >= 2,
        "log_loss: y_true contains only one label ({}). Please provide the true labels explicitly through the labels "
        "argument.",
        labels[0]);
  const std::int64_t cols = y_prob.ndim() == 1 ? 1 : y_prob.shape(1);
  const std::int64_t k = cols == 1 ? 2 : cols;
  check(static_cast<std::int64_t>(labels.size()) == k,
        "log_loss: y_true and y_pred contain different number of classes {}, {}. Classes found in y_true: {}",
        labels.size(), k, label_list(labels));
  const double eps = std::numeric_limits<double>::epsilon();
  const std::vector<double> prob = y_prob.to_vector<double>();
  double total = 0;
  std::vector<double> row(static_cast<std::size_t>(k));
  for (std::int64_t i = 0; i < n; ++i) {
    if (cols == 1) {
      const double q = std::clamp(prob[i], eps, 1 - eps);
      row = {1 - q, q};
    } else {
      for (std::int64_t j = 0; j < k; ++j) row[j] = std::clamp(prob[i * k + j], eps, 1 - eps);
    }
    double sum = 0;
    for (double v : row) sum += v;
    const auto c = std::lower_bound(labels.begin(), labels.end(), t[i]) - labels.begin();
    total += -std::log(row[c] / sum);
  }
  return total / static_cast<double>(n);
}

Curve roc_curve(const Tensor& y_true, const Tensor& y_score, const CurveOptions& o) {
  const std::vector<double> y = positives(y_true, o.pos_label, "roc_curve");
  ClfCurve c = binary_clf_curve(y, scores_1d(y_score, y_true.numel(), "roc_curve"));
  if (o.drop_intermediate && c.fps.size() > 2) {
    ClfCurve kept;
    for (std::size_t i = 0; i < c.fps.size(); ++i) {
      const bool corner = i == 0 || i + 1 == c.fps.size() ||
                          c.fps[i - 1] - 2 * c.fps[i] + c.fps[i + 1] != 0 || c.tps[i - 1] - 2 * c.tps[i] + c.tps[i + 1] != 0;
      if (!corner) continue;
      kept.fps.push_back(c.fps[i]);
      kept.tps.push_back(c.tps[i]);
      kept.thresholds.push_back(c.thresholds[i]);
    }
    c = std::move(kept);
  }
  c.fps.insert(c.fps.begin(), 0.0);
  c.tps.insert(c.tps.begin(), 0.0);
  c.thresholds.insert(c.thresholds.begin(), c.thresholds[0] + 1);
  const double nan = std::numeric_limits<double>::quiet_NaN(), fp = c.fps.back(), tp = c.tps.back();
  for (double& v : c.fps) v = fp <= 0 ? nan : v / fp;  // no negatives: scikit-learn gives NaN (and warns)
  for (double& v : c.tps) v = tp <= 0 ? nan : v / tp;
  return {vec(c.fps), vec(c.tps), vec(c.thresholds)};
}

Curve precision_recall_curve(const Tensor& y_true, const Tensor& y_score, const CurveOptions& o) {
  const std::vector<double> y = positives(y_true, o.pos_label, "precision_recall_curve");
  const ClfCurve c = binary_clf_curve(y, scores_1d(y_score, y_true.numel(), "precision_recall_curve"));
  const std::size_t m = c.tps.size();
  std::vector<double> precision(m + 1), recall(m + 1), thresholds(m);
  for (std::size_t i = 0; i < m; ++i) {
    const std::size_t j = m - 1 - i;  // reversed: recall decreasing
    const double predicted = c.tps[j] + c.fps[j];
    precision[i] = predicted == 0 ? 0 : c.tps[j] / predicted;
    recall[i] = c.tps.back() == 0 ? 1 : c.tps[j] / c.tps.back();  // no positives: recall 1 (scikit-learn warns)
    thresholds[i] = c.thresholds[j];
  }
  precision[m] = 1;
  recall[m] = 0;
  return {vec(precision), vec(recall), vec(thresholds)};
}

double auc(const Tensor& x, const Tensor& y) {
  check(x.defined() && y.defined(), "auc: x and y are required");
  check<ShapeError>(x.ndim() == 1 && y.ndim() == 1 && x.numel() == y.numel(),
                    "auc: x and y must be 1-D of the same length, got {} and {}",
                    shape_text(x.shape()),
                    shape_text(y.shape()));
  check(x.numel() >= 2, "auc: at least 2 points are needed to compute area under curve, but x.shape = {}", x.numel());
  const std::vector<double> xv = x.to_vector<double>(), yv = y.to_vector<double>();
  bool up = true, down = true;
  for (std::size_t i = 1; i < xv.size(); ++i) {
    up = up && xv[i] >= xv[i - 1];
    down = down && xv[i] <= xv[i - 1];
  }
  check(up || down, "auc: x is neither increasing nor decreasing");
  const double area = trapezoid(xv, yv);
  return up ? area : -area;
}

double roc_auc_score(const Tensor& y_true, const Tensor& y_score, const RocAucOptions& o) {
  constexpr std::string_view who = "roc_auc_score";
  check(y_true.defined() && y_true.ndim() == 1 && y_true.numel() > 0, "{}: y_true must be a non-empty 1-D tensor", who);
  const std::vector<double> t = labels_of(y_true, who, "y_true");
  const std::vector<double> labels = sorted_unique(t);
  const auto n = static_cast<std::size_t>(t.size());
  if (labels.size() <= 2) {
    check(y_score.defined(), "{}: y_score is required", who);
    check<ShapeError>(y_score.ndim() == 1,
                      "{}: binary y_true needs a 1-D y_score (the score of label {}), got {}", who, labels.back(),
                      shape_text(y_score.shape()));
    std::vector<double> y(n);
    for (std::size_t i = 0; i < n; ++i) y[i] = labels.size() == 2 && t[i] == labels[1] ? 1.0 : 0.0;
    return binary_auc(y, scores_1d(y_score, y_true.numel(), who), who);
  }
  check(o.multi_class == "ovr",
        "{}: y_true has {} labels: multiclass ROC AUC needs multi_class='ovr' (multi_class='{}' is not supported)", who,
        labels.size(), o.multi_class);
  check(o.average == "macro" || o.average == "weighted", "{}: average must be 'macro' or 'weighted', got '{}'", who,
        o.average);
  const auto k = labels.size();
  check(y_score.defined(), "{}: y_score is required", who);
  check<ShapeError>(y_score.ndim() == 2 && y_score.shape(0) == static_cast<std::int64_t>(n) &&
                        y_score.shape(1) == static_cast<std::int64_t>(k),
                    "{}: Number of classes in y_true ({}) not equal to the number of columns in 'y_score' (shape {})",
                    who, k, shape_text(y_score.shape()));
  const std::vector<double> s = y_score.to_vector<double>();
  for (std::size_t i = 0; i < n; ++i) {
    double sum = 0;
    for (std::size_t j = 0; j < k; ++j) sum += s[i * k + j];
    check(std::abs(1 - sum) <= 1e-8 + 1e-5 * std::abs(sum),
          "{}: Target scores need to be probabilities for multiclass roc_auc, i.e. they should sum up to 1.0 over "
          "classes (row {} sums to {})",
          who, i, sum);
  }
  std::vector<double> scores(k), support(k);
  for (std::size_t j = 0; j < k; ++j) {
    std::vector<double> y(n), col(n);
    for (std::size_t i = 0; i < n; ++i) {
      y[i] = t[i] == labels[j] ? 1.0 : 0.0;
      col[i] = s[i * k + j];
      support[j] += y[i];
    }
    scores[j] = binary_auc(y, col, who);
  }
  return weighted_mean(scores, o.average == "weighted" ? &support : nullptr);
}

}  // namespace axon::ml
