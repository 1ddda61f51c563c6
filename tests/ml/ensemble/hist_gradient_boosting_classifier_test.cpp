#include "axon/ml/ensemble/hist_gradient_boosting_classifier.hpp"

#include "axon/core/backend.hpp"
#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/data/datasets.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <limits>

namespace axon::ml {
namespace {

const nlohmann::json& golden() {
  static const nlohmann::json j = [] {
    std::ifstream in(axon::testing::source_path("tests/golden/hist_gb.json"));
    return nlohmann::json::parse(in);
  }();
  return j;
}

// The NaN rule of make_hist_gb_golden.py: X[i, j] is NaN when (7i + 13j) % 10 == 0 and j != 0;
// column 0 is NaN in rows i % 12 == 0.
Tensor with_nan(const Tensor& X) {
  std::vector<double> v = X.to_vector<double>();
  const std::int64_t n = X.shape(0), p = X.shape(1);
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t j = 0; j < p; ++j)
      if (((7 * i + 13 * j) % 10 == 0 && j != 0) || (j == 0 && i % 12 == 0)) v[i * p + j] = std::nan("");
  return from_vector(v, {n, p});
}

struct Split {
  Tensor Xtr, ytr, Xte, yte;
};
// breast_cancer: train rows i % 4 != 0, test the others.
Split cancer(bool nan) {
  const data::Bunch d = data::load_breast_cancer();
  const Tensor X = nan ? with_nan(d.data) : d.data;
  std::vector<std::int64_t> tr, te;
  for (std::int64_t i = 0; i < X.shape(0); ++i) (i % 4 == 0 ? te : tr).push_back(i);
  const auto rows = [](const Tensor& t, const std::vector<std::int64_t>& r) { return Data(t).take(r).tensor("test"); };
  return {rows(X, tr), rows(d.target, tr), rows(X, te), rows(d.target, te)};
}
Split digits() {
  const data::Bunch d = data::load_digits();
  const std::int64_t n = d.data.shape(0);
  return {d.data.rows(0, 1200), d.target.rows(0, 1200), d.data.rows(1200, n), d.target.rows(1200, n)};
}

HistGradientBoostingClassifierOptions options_of(const nlohmann::json& kw) {
  HistGradientBoostingClassifierOptions o;
  for (const auto& [k, v] : kw.items()) {
    if (k == "early_stopping") o.early_stopping = v.get<bool>();
    else if (k == "random_state") o.random_state = v.get<std::int64_t>();
    else if (k == "max_leaf_nodes") o.max_leaf_nodes = v.get<std::int64_t>();
    else if (k == "max_depth") o.max_depth = v.get<std::int64_t>();
    else if (k == "min_samples_leaf") o.min_samples_leaf = v.get<std::int64_t>();
    else if (k == "l2_regularization") o.l2_regularization = v.get<double>();
    else if (k == "learning_rate") o.learning_rate = v.get<double>();
    else if (k == "max_iter") o.max_iter = v.get<std::int64_t>();
    else if (k == "max_bins") o.max_bins = v.get<std::int64_t>();
    else if (k == "n_iter_no_change") o.n_iter_no_change = v.get<std::int64_t>();
    else if (k == "validation_fraction") o.validation_fraction = v.get<double>();
    else ADD_FAILURE() << "unknown option " << k;
  }
  return o;
}

std::vector<std::vector<std::int64_t>> leaves_of(const HistGradientBoostingClassifier& m) {
  std::vector<std::vector<std::int64_t>> out;
  for (std::int64_t it = 0; it < m.n_iter(); ++it) {
    out.emplace_back();
    for (std::int64_t k = 0; k < m.n_trees_per_iteration(); ++k) out.back().push_back(m.n_leaves(it, k));
  }
  return out;
}

// Against scikit-learn 1.2 on breast_cancer (default options, other options, missing values in
// training and test data, early stopping) and digits (10 classes). The port bins, splits and
// breaks ties as scikit-learn does, so each case gives scikit-learn's very model: the same number
// of iterations, the same leaves per tree, the same predictions and probabilities to ~1e-12, and
// the same early-stopping scores.
void expect_matches(const std::string& name, const Split& s) {
  SCOPED_TRACE(name);
  const nlohmann::json& g = golden()["cases"][name];
  const HistGradientBoostingClassifierOptions o =
      name.starts_with("digits") ? HistGradientBoostingClassifierOptions{.max_iter = name == "digits" ? 20 : 300,
                                                                          .early_stopping = name != "digits",
                                                                          .n_iter_no_change = 3,
                                                                          .random_state = 0}
                                 : options_of(g["options"]);
  HistGradientBoostingClassifierOptions oo = o;
  if (name == "digits_early") oo.learning_rate = 0.5;
  auto m = HistGradientBoostingClassifier(oo).fit(s.Xtr, s.ytr);
  EXPECT_EQ(m.n_iter(), g["n_iter"].get<std::int64_t>());
  EXPECT_EQ(leaves_of(m), g["leaves"].get<std::vector<std::vector<std::int64_t>>>());
  const std::vector<std::int64_t> pred = m.predict(s.Xte).to_vector<std::int64_t>();
  const auto want = g["predict"].get<std::vector<std::int64_t>>();
  ASSERT_EQ(pred.size(), want.size());
  std::int64_t same = 0;
  for (std::size_t i = 0; i < pred.size(); ++i) same += pred[i] == want[i];
  EXPECT_EQ(same, static_cast<std::int64_t>(want.size()));
  EXPECT_NEAR(m.score(s.Xte, s.yte), g["test_accuracy"].get<double>(), 1e-12);
  EXPECT_NEAR(m.score(s.Xtr, s.ytr), g["train_accuracy"].get<double>(), 1e-12);
  const Tensor proba = m.predict_proba(s.Xte);
  if (g.contains("proba1")) {
    std::vector<double> p1;
    for (std::int64_t i = 0; i < proba.shape(0); ++i) p1.push_back(proba.data<double>()[i * 2 + 1]);
    EXPECT_TENSOR_NEAR(from_vector(p1), g["proba1"].get<std::vector<double>>(), 1e-9, 0);
  } else {
    double col0 = 0;
    for (std::int64_t i = 0; i < proba.shape(0); ++i) col0 += proba.data<double>()[i * proba.shape(1)];
    EXPECT_NEAR(col0, g["proba_col0_sum"].get<double>(), 1e-9);
  }
  if (g.contains("train_score")) {
    EXPECT_TRUE(m.do_early_stopping());
    EXPECT_TENSOR_NEAR(from_vector(m.train_score()), g["train_score"].get<std::vector<double>>(), 1e-10, 0);
    EXPECT_TENSOR_NEAR(from_vector(m.validation_score()), g["validation_score"].get<std::vector<double>>(), 1e-10, 0);
  } else {
    EXPECT_TRUE(m.train_score().empty());
  }
}

TEST(HistGradientBoostingClassifier, BreastCancerIsScikitLearns) {
  const Split s = cancer(false);
  for (const char* name : {"bc_default", "bc_params"}) expect_matches(name, s);
}

// NaN in training and test data: each split sends missing values to the side with the larger gain
// (column 0 has NaN only in the test rows: they go to the child that had more training rows).
TEST(HistGradientBoostingClassifier, MissingValuesAsScikitLearn) {
  const Split s = cancer(true);
  expect_matches("bc_nan", s);
}

// Early stopping on the loss of a stratified validation split (train_test_split's draw).
TEST(HistGradientBoostingClassifier, EarlyStoppingAsScikitLearn) {
  expect_matches("bc_early", cancer(false));
  expect_matches("bc_nan_early", cancer(true));
  expect_matches("digits_early", digits());
}

TEST(HistGradientBoostingClassifier, MulticlassDigitsIsScikitLearns) { expect_matches("digits", digits()); }

TEST(HistGradientBoostingClassifier, DecisionFunctionStagedAndAutoEarlyStopping) {
  const Split s = cancer(false);
  auto m = HistGradientBoostingClassifier({.max_iter = 30, .random_state = 0}).fit(s.Xtr, s.ytr);
  EXPECT_FALSE(m.do_early_stopping());  // "auto": off for 427 samples
  EXPECT_EQ(m.n_iter(), 30);
  const Tensor d = m.decision_function(s.Xte), p = m.predict_proba(s.Xte);
  ASSERT_EQ(d.ndim(), 1);
  for (std::int64_t i = 0; i < d.shape(0); ++i)
    EXPECT_NEAR(p.data<double>()[i * 2 + 1], 1.0 / (1.0 + std::exp(-d.data<double>()[i])), 1e-12);
  const std::vector<Tensor> staged = m.staged_predict(s.Xte), staged_proba = m.staged_predict_proba(s.Xte);
  const std::int64_t stages = static_cast<std::int64_t>(staged.size());
  const Tensor last = staged.back(), last_proba = staged_proba.back();
  EXPECT_EQ(stages, 30);
  EXPECT_EQ(last.to_vector<std::int64_t>(), m.predict(s.Xte).to_vector<std::int64_t>());
  EXPECT_TENSOR_NEAR(last_proba, p.to_vector<double>(), 1e-12, 0);
  const Split dg = digits();
  auto mc = HistGradientBoostingClassifier({.max_iter = 5, .random_state = 0}).fit(dg.Xtr, dg.ytr);
  EXPECT_EQ(mc.decision_function(dg.Xte).shape(), (Shape{597, 10}));
  EXPECT_EQ(mc.n_trees_per_iteration(), 10);
}

TEST(HistGradientBoostingClassifier, SameSeedAndThreadCountIndependent) {
  const Split s = cancer(true);
  const HistGradientBoostingClassifierOptions o{.max_iter = 40, .early_stopping = true, .random_state = 5};
  const int threads = get_num_threads();
  set_num_threads(1);
  auto a = HistGradientBoostingClassifier(o).fit(s.Xtr, s.ytr);
  const std::vector<double> pa = a.predict_proba(s.Xte).to_vector<double>();
  set_num_threads(2);
  auto b = HistGradientBoostingClassifier(o).fit(s.Xtr, s.ytr);
  auto c = HistGradientBoostingClassifier(o).fit(s.Xtr, s.ytr);
  set_num_threads(threads);
  EXPECT_EQ(pa, b.predict_proba(s.Xte).to_vector<double>());
  EXPECT_EQ(b.predict_proba(s.Xte).to_vector<double>(), c.predict_proba(s.Xte).to_vector<double>());
  EXPECT_EQ(a.validation_score(), b.validation_score());
}

TEST(HistGradientBoostingClassifier, BadInputIsAnError) {
  const Split s = cancer(false);
  EXPECT_THROW(HistGradientBoostingClassifier({.max_iter = 0}).fit(s.Xtr, s.ytr), ValueError);
  EXPECT_THROW(HistGradientBoostingClassifier({.learning_rate = 0.0}).fit(s.Xtr, s.ytr), ValueError);
  EXPECT_THROW(HistGradientBoostingClassifier({.learning_rate = -1.0}).fit(s.Xtr, s.ytr), ValueError);
  EXPECT_THROW(HistGradientBoostingClassifier({.max_bins = 256}).fit(s.Xtr, s.ytr), ValueError);
  EXPECT_THROW(HistGradientBoostingClassifier({.max_leaf_nodes = 1}).fit(s.Xtr, s.ytr), ValueError);
  EXPECT_THROW(HistGradientBoostingClassifier({.loss = "hinge"}).fit(s.Xtr, s.ytr), ValueError);
  EXPECT_THROW(HistGradientBoostingClassifier({.early_stopping = std::string("yes")}).fit(s.Xtr, s.ytr), ValueError);
  EXPECT_THROW(HistGradientBoostingClassifier({.scoring = "accuracy"}).fit(s.Xtr, s.ytr), ValueError);
  EXPECT_THROW(HistGradientBoostingClassifier().fit(s.Xtr, zeros({s.Xtr.shape(0)})), ValueError);  // one class
  EXPECT_THROW((void)HistGradientBoostingClassifier().predict(s.Xte), NotFittedError);
  auto m = HistGradientBoostingClassifier({.max_iter = 3}).fit(s.Xtr, s.ytr);
  EXPECT_THROW((void)m.predict(zeros({5, 29})), ShapeError);
  try {
    HistGradientBoostingClassifier({.max_bins = 300}).fit(s.Xtr, s.ytr);
  } catch (const ValueError& e) {
    EXPECT_NE(std::string(e.what()).find("max_bins"), std::string::npos) << e.what();
  }
}

TEST(HistGradientBoostingClassifier, ParamsRoundTrip) {
  HistGradientBoostingClassifier m({.max_iter = 7, .early_stopping = false});
  Params p = m.get_params();
  EXPECT_EQ(std::get<std::int64_t>(p.at("max_iter")), 7);
  EXPECT_EQ(std::get<bool>(p.at("early_stopping")), false);
  EXPECT_EQ(std::get<std::int64_t>(p.at("max_leaf_nodes")), 31);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(p.at("max_depth")));
  EXPECT_EQ(std::get<double>(p.at("validation_fraction")), 0.1);
  EXPECT_EQ(p.size(), 14u);
  m.set_params({{"early_stopping", std::string("auto")}, {"learning_rate", 0.5}, {"max_depth", std::int64_t{3}}});
  EXPECT_EQ(std::get<std::string>(m.options().early_stopping), "auto");
  EXPECT_EQ(m.options().learning_rate, 0.5);
  EXPECT_EQ(m.options().max_depth, 3);
  EXPECT_THROW(m.set_param("early_stopping", 1.5), ValueError);
  const auto c = m.clone();
  EXPECT_EQ(c->get_params(), m.get_params());
}

}  // namespace
}  // namespace axon::ml
