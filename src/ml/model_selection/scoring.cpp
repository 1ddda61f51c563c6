#include "axon/ml/model_selection/scoring.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/ml/estimator.hpp"
#include "axon/ml/metrics.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <map>

namespace axon::ml {
namespace {

Scorer from_predictions(std::function<double(const Tensor&, const Tensor&)> metric, double sign = 1) {
  return [metric, sign](const Estimator& e, const Data& X, const Tensor& y) { return sign * metric(y, e.predict(X)); };
}

Scorer prf(double (*metric)(const Tensor&, const Tensor&, const PrecisionRecallOptions&), const char* average) {
  return from_predictions([metric, average](const Tensor& t, const Tensor& p) { return metric(t, p, {.average = average}); });
}

// _ThresholdScorer: decision_function if the estimator has one, else predict_proba's positive column.
Tensor binary_scores(const Estimator& e, const Data& X) {
  try {
    return e.decision_function(X);
  } catch (const ValueError& err) {
    if (std::string_view(err.what()).find("has no decision_function()") == std::string_view::npos) throw;
  }
  const Tensor p = e.predict_proba(X);
  check<ShapeError>(p.ndim() == 2 && p.shape(1) == 2, "roc_auc scorer: {}.predict_proba gave {}; a binary problem needs [n, 2]",
                    e.name(), shape_text(p.shape()));
  std::vector<double> col(static_cast<std::size_t>(p.shape(0)));
  const std::vector<double> all = p.to_vector<double>();
  for (std::size_t i = 0; i < col.size(); ++i) col[i] = all[2 * i + 1];
  return from_vector(col, {p.shape(0)});
}

const std::map<std::string, Scorer>& scorers() {
  static const std::map<std::string, Scorer> table = [] {
    std::map<std::string, Scorer> t;
    t["accuracy"] = from_predictions(accuracy_score);
    t["r2"] = from_predictions(r2_score);
    t["neg_mean_squared_error"] = from_predictions([](const Tensor& a, const Tensor& b) { return mean_squared_error(a, b); }, -1);
    t["neg_root_mean_squared_error"] =
        from_predictions([](const Tensor& a, const Tensor& b) { return mean_squared_error(a, b, false); }, -1);
    t["neg_mean_absolute_error"] = from_predictions(mean_absolute_error, -1);
    for (const char* average : {"binary", "macro", "micro", "weighted"}) {
      const std::string suffix = std::string(average) == "binary" ? "" : std::string("_") + average;
      t["precision" + suffix] = prf(precision_score, average);
      t["recall" + suffix] = prf(recall_score, average);
      t["f1" + suffix] = prf(f1_score, average);
    }
    t["roc_auc"] = [](const Estimator& e, const Data& X, const Tensor& y) { return roc_auc_score(y, binary_scores(e, X)); };
    t["roc_auc_ovr"] = [](const Estimator& e, const Data& X, const Tensor& y) {
      return roc_auc_score(y, e.predict_proba(X), {.multi_class = "ovr"});
    };
    t["roc_auc_ovr_weighted"] = [](const Estimator& e, const Data& X, const Tensor& y) {
      return roc_auc_score(y, e.predict_proba(X), {.multi_class = "ovr", .average = "weighted"});
    };
    t["neg_log_loss"] = [](const Estimator& e, const Data& X, const Tensor& y) { return -log_loss(y, e.predict_proba(X)); };
    return t;
  }();
  return table;
}

}  // namespace

std::vector<std::string> get_scorer_names() {
  std::vector<std::string> names;
  for (const auto& [name, s] : scorers()) names.push_back(name);
  return names;
}

Scorer get_scorer(const std::string& name) {
  if (name.empty()) return [](const Estimator& e, const Data& X, const Tensor& y) { return e.score(X, y); };
  const auto it = scorers().find(name);
  check(it != scorers().end(), "get_scorer: '{}' is not a valid scoring value. Valid options are: [{}]", name,
        fmt::join(get_scorer_names(), ", "));
  return it->second;
}

}  // namespace axon::ml
