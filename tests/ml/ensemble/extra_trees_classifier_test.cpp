#include "axon/ml/ensemble/extra_trees_classifier.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/data/datasets.hpp"
#include "axon/ml/saving.hpp"
#include "axon/ml/tree/extra_tree_classifier.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace axon::ml {
namespace {

// tests/golden/extra_trees.json, made by tools/golden/make_extra_trees_golden.py.
const nlohmann::json& golden() {
  static const nlohmann::json j = [] {
    std::ifstream in(axon::testing::source_path("tests/golden/extra_trees.json"));
    return nlohmann::json::parse(in);
  }();
  return j;
}

struct Digits {
  Tensor Xtr, ytr, Xte, yte;
};
const Digits& digits() {
  static const Digits s = [] {
    const data::Bunch d = data::load_digits();
    const std::int64_t n = d.data.shape(0);
    return Digits{d.data.rows(0, 1200), d.target.rows(0, 1200), d.data.rows(1200, n), d.target.rows(1200, n)};
  }();
  return s;
}

ExtraTreesClassifierOptions digits_options(const std::string& name) {
  ExtraTreesClassifierOptions o{.n_jobs = 2, .random_state = 0};
  if (name == "n30") o.n_estimators = 30;
  if (name == "bootstrap_oob_entropy") {
    o.n_estimators = 20;
    o.bootstrap = true;
    o.oob_score = true;
    o.criterion = "entropy";
    o.max_features = 0.2;
    o.max_depth = 10;
  }
  return o;
}

// Trees seeded as scikit-learn seeds them and grown with its RandomSplitter: scikit-learn's very
// forest (node count of every tree, predictions, probabilities, importances, leaves).
TEST(ExtraTreesClassifier, DigitsForestIsScikitLearns) {
  const auto& s = digits();
  for (const auto& [name, g] : golden()["digits_extra_trees"].items()) {
    SCOPED_TRACE(name);
    auto et = ExtraTreesClassifier(digits_options(name)).fit(s.Xtr, s.ytr);
    std::vector<std::int64_t> nodes;
    for (const Tree& t : et.trees()) nodes.push_back(t.node_count());
    EXPECT_EQ(nodes, g["node_counts"].get<std::vector<std::int64_t>>());
    EXPECT_EQ(et.predict(s.Xte).to_vector<std::int64_t>(), g["predict"].get<std::vector<std::int64_t>>());
    EXPECT_NEAR(et.score(s.Xte, s.yte), g["accuracy"].get<double>(), 1e-12);
    double col0 = 0;
    const Tensor proba = et.predict_proba(s.Xte);
    for (std::int64_t i = 0; i < proba.shape(0); ++i) col0 += proba.data<double>()[i * 10];
    EXPECT_NEAR(col0, g["proba_sum_col0"].get<double>(), 1e-9);
    EXPECT_TENSOR_NEAR(et.feature_importances(), g["feature_importances"].get<std::vector<double>>(), 1e-9, 0);
    const Tensor leaves = et.apply(s.Xte.rows(0, 1));
    EXPECT_EQ(leaves.to_vector<std::int64_t>(), g["apply_row0"].get<std::vector<std::int64_t>>());
    if (g.contains("oob_score")) {
      EXPECT_NEAR(et.oob_score(), g["oob_score"].get<double>(), 1e-12);
    }
  }
}

TEST(ExtraTreesClassifier, ThreadCountDoesNotChangeTheForest) {
  const auto& s = digits();
  ExtraTreesClassifierOptions o{.n_estimators = 8, .n_jobs = 1, .random_state = 5};
  auto a = ExtraTreesClassifier(o).fit(s.Xtr, s.ytr);
  o.n_jobs = 2;
  auto b = ExtraTreesClassifier(o).fit(s.Xtr, s.ytr);
  ASSERT_EQ(a.trees().size(), b.trees().size());
  for (std::size_t t = 0; t < a.trees().size(); ++t) {
    EXPECT_EQ(a.trees()[t].threshold, b.trees()[t].threshold);
    EXPECT_EQ(a.trees()[t].feature, b.trees()[t].feature);
  }
  EXPECT_EQ(a.predict_proba(s.Xte).to_vector<double>(), b.predict_proba(s.Xte).to_vector<double>());
}

TEST(ExtraTreesClassifier, DefaultsAndBadInputErrors) {
  const auto& s = digits();
  ExtraTreesClassifier et;
  const auto params = et.get_params();
  EXPECT_EQ(std::get<bool>(params.at("bootstrap")), false);
  EXPECT_EQ(std::get<std::string>(params.at("max_features")), "sqrt");
  EXPECT_EQ(std::get<std::int64_t>(params.at("n_estimators")), 100);
  EXPECT_THROW_MESSAGE(ExtraTreesClassifier({.criterion = "absolute_error"}).fit(s.Xtr, s.ytr), ValueError,
                       "ExtraTreesClassifier.fit: criterion must be 'gini', 'entropy' or 'log_loss', got 'absolute_error'");
  EXPECT_THROW_MESSAGE(ExtraTreesClassifier({.oob_score = true}).fit(s.Xtr, s.ytr), ValueError, "oob_score=True needs bootstrap=True");
  EXPECT_THROW_MESSAGE(ExtraTreesClassifier({.n_estimators = 0}).fit(s.Xtr, s.ytr), ValueError, "n_estimators must be >= 1, got 0");
  auto small = ExtraTreesClassifier({.n_estimators = 2, .random_state = 0}).fit(s.Xtr, s.ytr);
  EXPECT_THROW_MESSAGE(small.oob_score(), ValueError, "oob_score=True");
  EXPECT_THROW_MESSAGE(small.predict(zeros({5, 10}, {.dtype = Dtype::float64})), ShapeError, "X has 10 features, but");
}

// save_state/load_state keep every tree and the classes (ml::save/ml::load after registering the
// classes, which src/ml/saving.cpp does not list yet).
TEST(ExtraTreesClassifier, SavedAndLoadedPredictsTheSame) {
  register_estimator("ExtraTreesClassifier", [] { return std::make_unique<ExtraTreesClassifier>(); });
  register_estimator("ExtraTreeClassifier", [] { return std::make_unique<ExtraTreeClassifier>(); });
  const auto dir = std::filesystem::temp_directory_path() / ("axon_extra_trees_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto& s = digits();
  auto et = ExtraTreesClassifier({.n_estimators = 4, .max_depth = 6, .random_state = 1}).fit(s.Xtr, s.ytr);
  save(et, dir / "et.axon");
  auto back = load_as<ExtraTreesClassifier>(dir / "et.axon");
  EXPECT_EQ(back->predict_proba(s.Xte).to_vector<double>(), et.predict_proba(s.Xte).to_vector<double>());
  EXPECT_EQ(std::get<std::int64_t>(back->get_params().at("max_depth")), 6);
  auto tree = ExtraTreeClassifier({.random_state = 2}).fit(s.Xtr, s.ytr);
  save(tree, dir / "tree.axon");
  EXPECT_EQ(load_as<ExtraTreeClassifier>(dir / "tree.axon")->predict(s.Xte).to_vector<std::int64_t>(),
            tree.predict(s.Xte).to_vector<std::int64_t>());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace axon::ml
