// sklearn.metrics: every score against scikit-learn 1.2 on random inputs (tests/golden/metrics.json,
// made by tools/golden/make_metrics_golden.py). Tolerances: the arithmetic is scikit-learn's, so
// only the summation order differs (1e-12 relative); reports and counts are exact.
#include "axon/ml/metrics.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

namespace axon::ml {
namespace {

using nlohmann::json;

const json& golden() {
  static const json j = json::parse(std::ifstream(testing::source_path("tests/golden/metrics.json")));
  return j;
}

std::vector<double> flat(const json& j) {
  std::vector<double> out;
  if (j.is_array())
    for (const json& v : j) {
      const std::vector<double> sub = flat(v);
      out.insert(out.end(), sub.begin(), sub.end());
    }
  else
    out.push_back(j.get<double>());
  return out;
}

Tensor f64(const json& j) { return from_vector(flat(j)); }
Tensor i64(const json& j) { return from_vector(j.get<std::vector<std::int64_t>>()); }

void expect_close(double actual, const json& expected) {
  const double e = expected.get<double>();
  EXPECT_NEAR(actual, e, 1e-12 * std::max(1.0, std::abs(e)));
}

TEST(Metrics, RegressionScoresMatchSklearn) {
  const json& g = golden()["regression"];
  const Tensor t = f64(g["y_true"]), p = f64(g["y_pred"]);
  expect_close(mean_squared_error(t, p), g["mse"]);
  expect_close(mean_squared_error(t, p, false), g["rmse"]);
  expect_close(mean_absolute_error(t, p), g["mae"]);
  expect_close(r2_score(t, p), g["r2"]);
}

TEST(Metrics, PrecisionRecallF1MatchSklearnForEveryAverageAndZeroDivision) {
  for (const json& c : golden()["prf"]) {
    const Tensor t = i64(c["y_true"]), p = i64(c["y_pred"]);
    for (const json& s : c["scores"]) {
      const PrecisionRecallOptions o{.average = s["average"], .pos_label = c["pos_label"].get<double>(),
                                     .zero_division = s["zero_division"].get<double>()};
      SCOPED_TRACE(::testing::Message() << c["y_true"].dump() << " average " << o.average << " zero_division "
                                        << o.zero_division << " pos_label " << o.pos_label);
      expect_close(precision_score(t, p, o), s["precision"]);
      expect_close(recall_score(t, p, o), s["recall"]);
      expect_close(f1_score(t, p, o), s["f1"]);
      // Labels as float64 give the same scores.
      expect_close(f1_score(from_vector(t.to_vector<double>()), from_vector(p.to_vector<double>()), o), s["f1"]);
    }
  }
}

TEST(Metrics, PrecisionRecallErrorsAreSklearns) {
  const Tensor t = tensor({0, 1, 2, 1}, {.dtype = Dtype::int64}), p = tensor({0, 2, 2, 1}, {.dtype = Dtype::int64});
  EXPECT_THROW_MESSAGE(f1_score(t, p), ValueError, "Target is multiclass (3 labels) but average='binary'");
  EXPECT_THROW_MESSAGE(f1_score(tensor({2, 3, 3}), tensor({2, 2, 3})), ValueError,
                       "pos_label=1 is not a valid label. It should be one of [2, 3]");
  EXPECT_THROW_MESSAGE(f1_score(t, p, {.average = "samples"}), ValueError, "average has to be one of");
  EXPECT_THROW_MESSAGE(precision_score(tensor({0.0, 1.0}), tensor({0.2, 0.9}, {.dtype = Dtype::float64})), ValueError,
                       "precision_score: y_pred holds continuous values (0.2 at position 0)");
  EXPECT_THROW_MESSAGE(recall_score(tensor({0.0, 1.0}), tensor({1.0})), ShapeError, "same number of samples");
}

TEST(Metrics, ConfusionMatrixMatchesSklearn) {
  const json& g = golden()["multiclass"];
  const Tensor cm = confusion_matrix(i64(g["y_true"]), i64(g["y_pred"]));
  const std::int64_t k = g["k"];
  EXPECT_EQ(cm.dtype(), Dtype::int64);
  EXPECT_EQ(cm.shape(), (Shape{k, k}));
  EXPECT_EQ(cm.to_vector<std::int64_t>(), g["confusion"].get<std::vector<std::int64_t>>());
  const Tensor small = confusion_matrix(tensor({2.0, 0.0, 2.0, 2.0, 0.0, 1.0}), tensor({0.0, 0.0, 2.0, 2.0, 0.0, 2.0}));
  EXPECT_EQ(small.to_vector<std::int64_t>(), (std::vector<std::int64_t>{2, 0, 0, 0, 0, 1, 1, 0, 2}));
}

TEST(Metrics, ClassificationReportIsSklearnsTextVerbatim) {
  const json& m = golden()["multiclass"];
  EXPECT_EQ(classification_report(i64(m["y_true"]), i64(m["y_pred"])), m["report"].get<std::string>());
  EXPECT_EQ(classification_report(i64(m["y_true"]), i64(m["y_pred"]), {.digits = 4, .zero_division = 1}),
            m["report_digits4"].get<std::string>());
  const json& b = golden()["binary_report"];
  EXPECT_EQ(classification_report(i64(b["y_true"]), i64(b["y_pred"]),
                                  {.target_names = b["target_names"].get<std::vector<std::string>>()}),
            b["report"].get<std::string>());
  EXPECT_EQ(classification_report(f64(b["y_true"]), f64(b["y_pred"])), b["report_float"].get<std::string>());
  EXPECT_THROW_MESSAGE(classification_report(i64(b["y_true"]), i64(b["y_pred"]), {.target_names = {"one"}}),
                       ValueError, "Number of classes, 2, does not match size of target_names, 1");
}

TEST(Metrics, LogLossClipsAndRenormalizesAsSklearn12) {
  const json& g = golden()["log_loss"];
  const Tensor p3 = f64(g["p3"]).view_as_shape({30, 3});
  expect_close(log_loss(i64(g["y3"]), p3), g["loss3"]);
  const Tensor q = f64(g["p2"]);
  expect_close(log_loss(i64(g["y2"]), q), g["loss2"]);
  const std::vector<double> qv = q.to_vector<double>();
  std::vector<double> cols;
  for (double v : qv) cols.insert(cols.end(), {1 - v, v});
  expect_close(log_loss(i64(g["y2"]), from_vector(cols, {static_cast<std::int64_t>(qv.size()), 2})), g["loss2_cols"]);
  EXPECT_THROW_MESSAGE(log_loss(tensor({1, 1}, {.dtype = Dtype::int64}), tensor({0.5, 0.5})), ValueError,
                       "y_true contains only one label (1)");
  EXPECT_THROW_MESSAGE(log_loss(i64(g["y2"]), p3.rows(0, 25)), ValueError,
                       "different number of classes 2, 3");
}

TEST(Metrics, RocAndPrecisionRecallCurvesMatchSklearn) {
  for (const json& c : golden()["curves"]) {
    SCOPED_TRACE(c["name"].get<std::string>());
    const Tensor t = i64(c["y_true"]), s = f64(c["score"]);
    CurveOptions o;
    if (!c["pos_label"].is_null()) o.pos_label = c["pos_label"].get<double>();
    const auto [fpr, tpr, thresholds] = roc_curve(t, s, o);
    EXPECT_TENSOR_NEAR(fpr, flat(c["fpr"]), 1e-15, 1e-14);
    EXPECT_TENSOR_NEAR(tpr, flat(c["tpr"]), 1e-15, 1e-14);
    EXPECT_TENSOR_NEAR(thresholds, flat(c["thresholds"]), 0.0, 0.0);
    o.drop_intermediate = false;
    const Curve all = roc_curve(t, s, o);
    EXPECT_TENSOR_NEAR(all.x, flat(c["fpr_all"]), 1e-15, 1e-14);
    EXPECT_TENSOR_NEAR(all.thresholds, flat(c["thresholds_all"]), 0.0, 0.0);
    const auto [precision, recall, pr_thresholds] = precision_recall_curve(t, s, o);
    EXPECT_TENSOR_NEAR(precision, flat(c["precision"]), 1e-15, 1e-14);
    EXPECT_TENSOR_NEAR(recall, flat(c["recall"]), 1e-15, 1e-14);
    EXPECT_TENSOR_NEAR(pr_thresholds, flat(c["pr_thresholds"]), 0.0, 0.0);
    if (c.contains("auc")) {
      expect_close(roc_auc_score(t, s), c["auc"]);
      expect_close(auc(fpr, tpr), c["auc"]);
    }
  }
  EXPECT_THROW_MESSAGE(roc_curve(tensor({1, 2, 2}, {.dtype = Dtype::int64}), tensor({0.1, 0.2, 0.3})), ValueError,
                       "y_true takes values in [1, 2] and pos_label is not specified");
  EXPECT_THROW_MESSAGE(roc_auc_score(tensor({1, 1}, {.dtype = Dtype::int64}), tensor({0.1, 0.2})), ValueError,
                       "Only one class present in y_true");
}

TEST(Metrics, MulticlassRocAucOneVsRestMatchesSklearn) {
  const json& g = golden()["roc_auc_ovr"];
  const Tensor y = i64(g["y_true"]), p = f64(g["proba"]).view_as_shape({40, 3});
  expect_close(roc_auc_score(y, p, {.multi_class = "ovr"}), g["macro"]);
  expect_close(roc_auc_score(y, p, {.multi_class = "ovr", .average = "weighted"}), g["weighted"]);
  EXPECT_THROW_MESSAGE(roc_auc_score(y, p), ValueError, "multiclass ROC AUC needs multi_class='ovr'");
  std::vector<double> doubled = p.to_vector<double>();
  for (double& v : doubled) v *= 2;
  EXPECT_THROW_MESSAGE(roc_auc_score(y, from_vector(doubled, {p.shape(0), 3}), {.multi_class = "ovr"}), ValueError,
                       "Target scores need to be probabilities");
}

}  // namespace
}  // namespace axon::ml
