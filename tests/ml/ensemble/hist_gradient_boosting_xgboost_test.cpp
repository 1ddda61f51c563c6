// axon's HistGradientBoostingClassifier against XGBoost's hist booster and scikit-learn's
// HistGradientBoostingClassifier on a generated binary problem (tests/golden/xgboost.json, made by
// tools/golden/make_xgboost_golden.py). No data is stored: both sides generate it bit for bit.
#include "axon/ml.hpp"

#include "axon/core/creation.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <fstream>
#include <vector>

namespace axon::ml {
namespace {

const nlohmann::json& golden() {
  static const nlohmann::json j = [] {
    std::ifstream in(axon::testing::source_path("tests/golden/xgboost.json"));
    return nlohmann::json::parse(in);
  }();
  return j;
}

// The generator (the same text is in make_xgboost_golden.py; integer arithmetic and +, *, < on
// doubles only, so both languages give identical bits; no libm function is used):
//   splitmix64 on a counter: the k-th draw (k = 0, 1, ...) is
//       s = (SEED + (k + 1) * 0x9E3779B97F4A7C15) mod 2^64
//       z = ((s ^ (s >> 30)) * 0xBF58476D1CE4E5B9) mod 2^64
//       z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) mod 2^64
//       z = z ^ (z >> 31)
//       u = (z >> 11) * 2^-53                      (a double in [0, 1), exact)
//   row i (0 <= i < N) uses draws k = 13 i + j, j = 0..12:
//       x_ij = 2 u_j - 1 for j < 12                (exact)
//       s_i  = (([x0 > 0.25] - [x1 < -0.5]) + x2 x3) - 0.1   ([c] = 1.0 if c else 0.0; left to right)
//       y_i  = (s_i > 0), flipped when u_12 < 0.05 (label noise)
//   SEED = 20240607, N = 20000 rows, 12 features; train on rows 0..14999, test on rows 15000..19999.
// Checksums (left-to-right double sums over rows, then columns): sum_x = sum x_ij,
// sum_ix = sum i * x_ij, sum_jx = sum (j + 1) * x_ij, n_pos = #{y_i = 1}.
//
// The build enables FMA (-march=x86-64-v3) and GCC contracts a * b + c into one fused operation by
// default; Python rounds the product first. rounded() stores each product through a volatile so it
// is rounded to double before the addition, as in Python.
double rounded(double v) {
  volatile double r = v;
  return r;
}

constexpr std::uint64_t kSeed = 20240607;
constexpr std::int64_t kN = 20000, kP = 12, kTrain = 15000;

double uniform(std::uint64_t k) {
  const std::uint64_t s = kSeed + (k + 1) * 0x9E3779B97F4A7C15ULL;
  std::uint64_t z = (s ^ (s >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  z ^= z >> 31;
  return static_cast<double>(z >> 11) * 0x1p-53;
}

struct Generated {
  std::vector<double> X;        // [kN, kP], row-major
  std::vector<std::int64_t> y;  // [kN]
};

Generated generate() {
  Generated g{std::vector<double>(kN * kP), std::vector<std::int64_t>(kN)};
  for (std::int64_t i = 0; i < kN; ++i) {
    double* row = g.X.data() + i * kP;
    for (std::int64_t j = 0; j < kP; ++j) row[j] = 2.0 * uniform(static_cast<std::uint64_t>(13 * i + j)) - 1.0;
    double s = (row[0] > 0.25 ? 1.0 : 0.0) - (row[1] < -0.5 ? 1.0 : 0.0);
    s = s + rounded(row[2] * row[3]);
    s = s - 0.1;
    std::int64_t label = s > 0.0 ? 1 : 0;
    if (uniform(static_cast<std::uint64_t>(13 * i + 12)) < 0.05) label = 1 - label;
    g.y[i] = label;
  }
  return g;
}

// On 15,000 training rows, 100 iterations of depth-unlimited 31-leaf trees: axon's port of
// scikit-learn's HistGradientBoostingClassifier gives scikit-learn's model (same accuracy, same
// class-1 probabilities), and its test accuracy is within 0.5 points of XGBoost's hist booster
// (lossguide, 31 leaves, learning_rate 0.1, no L2: the same tree shape as scikit-learn's; and
// XGBoost's defaults with max_depth = 6: learning_rate 0.3, reg_lambda 1).
TEST(HistGradientBoostingXGBoost, AccuracyAgreesWithXGBoostAndScikitLearn) {
  const nlohmann::json& gold = golden();
  const nlohmann::json& d = gold["data"];
  ASSERT_EQ(d["seed"].get<std::uint64_t>(), kSeed);
  ASSERT_EQ(d["n"].get<std::int64_t>(), kN);
  ASSERT_EQ(d["p"].get<std::int64_t>(), kP);
  ASSERT_EQ(d["n_train"].get<std::int64_t>(), kTrain);

  const Generated g = generate();
  double sum_x = 0, sum_ix = 0, sum_jx = 0;
  std::int64_t n_pos = 0;
  for (std::int64_t i = 0; i < kN; ++i) {
    for (std::int64_t j = 0; j < kP; ++j) {
      const double x = g.X[i * kP + j];
      sum_x += x;
      sum_ix += rounded(static_cast<double>(i) * x);
      sum_jx += rounded(static_cast<double>(j + 1) * x);
    }
    n_pos += g.y[i];
  }
  // Same data as the Python script: the sums are taken in the same order, so they are equal to the
  // last bit (the JSON holds each double's shortest round-trip text).
  ASSERT_EQ(n_pos, d["n_pos"].get<std::int64_t>());
  ASSERT_EQ(sum_x, d["sum_x"].get<double>());
  ASSERT_EQ(sum_ix, d["sum_ix"].get<double>());
  ASSERT_EQ(sum_jx, d["sum_jx"].get<double>());

  const std::int64_t n_test = kN - kTrain;
  const Tensor X = from_vector(g.X, {kN, kP}), y = from_vector(g.y, {kN});
  const Tensor Xtr = X.rows(0, kTrain), ytr = y.rows(0, kTrain), Xte = X.rows(kTrain, kN), yte = y.rows(kTrain, kN);

  auto m = HistGradientBoostingClassifier({.max_iter = 100, .early_stopping = false, .random_state = 0}).fit(Xtr, ytr);
  EXPECT_EQ(m.n_iter(), gold["sklearn_hgb"]["n_iter"].get<std::int64_t>());

  const std::vector<std::int64_t> pred = m.predict(Xte).to_vector<std::int64_t>();
  ASSERT_EQ(static_cast<std::int64_t>(pred.size()), n_test);
  std::int64_t correct = 0, pred_pos = 0;
  for (std::int64_t i = 0; i < n_test; ++i) {
    correct += pred[i] == g.y[kTrain + i];
    pred_pos += pred[i] == 1;
  }
  const double acc = static_cast<double>(correct) / static_cast<double>(n_test);
  EXPECT_DOUBLE_EQ(m.score(Xte, yte), acc);

  const double xgb_lossguide = gold["xgb_lossguide"]["test_accuracy"].get<double>();
  const double xgb_depth6 = gold["xgb_depth6"]["test_accuracy"].get<double>();
  EXPECT_LE(std::abs(acc - xgb_lossguide), 0.005) << "axon " << acc << " vs XGBoost lossguide " << xgb_lossguide;
  EXPECT_LE(std::abs(acc - xgb_depth6), 0.005) << "axon " << acc << " vs XGBoost depth 6 " << xgb_depth6;

  // scikit-learn's very model: the same test accuracy and predictions, the same probabilities.
  const nlohmann::json& sk = gold["sklearn_hgb"];
  EXPECT_EQ(correct, std::llround(sk["test_accuracy"].get<double>() * static_cast<double>(n_test)));
  EXPECT_EQ(pred_pos, sk["test_pred_pos"].get<std::int64_t>());
  EXPECT_DOUBLE_EQ(m.score(Xtr, ytr), sk["train_accuracy"].get<double>());
  const Tensor proba = m.predict_proba(Xte);
  ASSERT_EQ(proba.shape(), (Shape{n_test, 2}));
  double proba1_sum = 0;
  for (std::int64_t i = 0; i < n_test; ++i) proba1_sum += proba.data<double>()[i * 2 + 1];
  // Measured: 2332.4841848743185 against scikit-learn's 2332.4841848743204 (numpy sums pairwise; a
  // relative difference of 8e-16).
  const double want = sk["test_proba1_sum"].get<double>();
  EXPECT_NEAR(proba1_sum, want, 1e-6 * want);
}

}  // namespace
}  // namespace axon::ml
