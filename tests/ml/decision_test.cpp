// Decision theory: expected cost per sample at each threshold, on a hand example and against a
// numpy brute force over every threshold (tests/golden/metrics.json, "decision").
#include "axon/ml/decision.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <limits>

namespace axon::ml {
namespace {

TEST(Decision, HandExampleCostsAndBestThreshold) {
  // Scores 0.9 0.8 0.4 0.4 0.1 for labels 1 0 1 0 0. A missed positive costs 4, a false alarm 1.
  const Tensor y = tensor({1, 0, 1, 0, 0}, {.dtype = Dtype::int64});
  const Tensor s = tensor({0.9, 0.8, 0.4, 0.4, 0.1}, {.dtype = Dtype::float64});
  const CostCurve c = cost_curve(y, s, {.tn = 0, .fp = 1, .fn = 4, .tp = 0});
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(c.thresholds.to_vector<double>(), (std::vector<double>{inf, 0.9, 0.8, 0.4, 0.1}));
  EXPECT_EQ(c.tp.to_vector<std::int64_t>(), (std::vector<std::int64_t>{0, 1, 1, 2, 2}));
  EXPECT_EQ(c.fp.to_vector<std::int64_t>(), (std::vector<std::int64_t>{0, 0, 1, 2, 3}));
  EXPECT_EQ(c.fn.to_vector<std::int64_t>(), (std::vector<std::int64_t>{2, 1, 1, 0, 0}));
  EXPECT_EQ(c.tn.to_vector<std::int64_t>(), (std::vector<std::int64_t>{3, 3, 2, 1, 0}));
  // costs: 8/5, 4/5, 5/5, 2/5, 3/5 → best at 0.4 (predict positive when score >= 0.4)
  EXPECT_TENSOR_NEAR(c.costs, {1.6, 0.8, 1.0, 0.4, 0.6}, 1e-15);
  EXPECT_EQ(c.best_threshold, 0.4);
  EXPECT_EQ(c.best_index, 3);
  EXPECT_DOUBLE_EQ(c.best_cost, 0.4);
  // A profit is a negative cost: a hit earning 10 makes catching both positives worth 2 false alarms.
  const CostCurve p = cost_curve(y, s, {.tn = 0, .fp = 1, .fn = 0, .tp = -10});
  EXPECT_EQ(p.best_threshold, 0.4);  // (−20 + 2) / 5; at 0.1 a third false alarm costs more
  EXPECT_DOUBLE_EQ(p.best_cost, -18.0 / 5);
  EXPECT_DOUBLE_EQ(expected_cost(y, tensor({1, 1, 0, 0, 0}, {.dtype = Dtype::int64}), {.fp = 1, .fn = 4}), 1.0);
}

TEST(Decision, TiesPreferTheFirstThresholdAndErrorsAreClear) {
  const Tensor y = tensor({0, 0}, {.dtype = Dtype::int64});
  const CostCurve c = cost_curve(y, tensor({0.3, 0.6}), {});
  EXPECT_EQ(c.best_index, 0);  // nothing positive: zero cost, as is nothing else
  EXPECT_THROW_MESSAGE(cost_curve(tensor({0, 2}, {.dtype = Dtype::int64}), tensor({0.3, 0.6}), {}), ValueError,
                       "cost_curve: y_true must hold 0/1 labels, got 2 at position 1");
  EXPECT_THROW_MESSAGE(cost_curve(y, tensor({0.3}), {}), ShapeError, "one score per sample (2)");
}

TEST(Decision, MatchesNumpyBruteForce) {
  const auto g = nlohmann::json::parse(std::ifstream(testing::source_path("tests/golden/metrics.json")))["decision"];
  for (const auto& d : g) {
    const CostMatrix cm{.tn = d["costs"]["tn"], .fp = d["costs"]["fp"], .fn = d["costs"]["fn"], .tp = d["costs"]["tp"]};
    const Tensor y = from_vector(d["y_true"].get<std::vector<std::int64_t>>());
    const Tensor s = from_vector(d["score"].get<std::vector<double>>());
    const CostCurve c = cost_curve(y, s, cm);
    std::vector<double> th{std::numeric_limits<double>::infinity()};  // the golden holds the finite ones
    for (const auto& t : d["thresholds"]) th.push_back(t.get<double>());
    EXPECT_EQ(c.thresholds.to_vector<double>(), th);
    EXPECT_TENSOR_NEAR(c.costs, d["cost"].get<std::vector<double>>(), 1e-14, 1e-14);
    const std::vector<std::int64_t> counts = d["counts"].get<std::vector<std::int64_t>>();
    for (std::size_t i = 0; i < th.size(); ++i) {
      EXPECT_EQ(c.tn.to_vector<std::int64_t>()[i], counts[4 * i]);
      EXPECT_EQ(c.fp.to_vector<std::int64_t>()[i], counts[4 * i + 1]);
      EXPECT_EQ(c.fn.to_vector<std::int64_t>()[i], counts[4 * i + 2]);
      EXPECT_EQ(c.tp.to_vector<std::int64_t>()[i], counts[4 * i + 3]);
    }
    EXPECT_EQ(c.best_index, d["best_index"].get<std::int64_t>());
    std::vector<std::int64_t> hard;
    for (double v : s.to_vector<double>()) hard.push_back(v >= 0.5);
    EXPECT_NEAR(expected_cost(y, from_vector(hard), cm), d["hard_cost"].get<double>(), 1e-14);
  }
}

}  // namespace
}  // namespace axon::ml
