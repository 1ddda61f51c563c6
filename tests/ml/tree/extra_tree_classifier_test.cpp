#include "axon/ml/tree/extra_tree_classifier.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/data/datasets.hpp"
#include "axon/ml/tree/decision_tree_classifier.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

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

struct IrisSplit {
  Tensor Xtr, ytr, Xte;
};
const IrisSplit& iris_split() {
  static const IrisSplit s = [] {
    const data::Bunch d = data::load_iris();
    std::vector<std::int64_t> tr, te;
    for (std::int64_t i = 0; i < 150; ++i) (i % 3 != 0 ? tr : te).push_back(i);
    const Data X(d.data);
    return IrisSplit{X.take(tr).tensor(), Data(d.target).take(tr).tensor(), X.take(te).tensor()};
  }();
  return s;
}

ExtraTreeClassifierOptions iris_options(const std::string& name) {
  ExtraTreeClassifierOptions o;
  const auto seed = [&](std::int64_t s) { o.random_state = s; };
  if (name == "default_seed0") seed(0);
  if (name == "default_seed7") seed(7);
  if (name == "entropy_seed1") { o.criterion = "entropy"; seed(1); }
  if (name == "all_features_seed2") { o.max_features = std::monostate{}; seed(2); }
  if (name == "depth3_leaf5_seed3") { o.max_depth = 3; o.min_samples_leaf = 5; seed(3); }
  if (name == "max_leaf_nodes6_seed4") { o.max_leaf_nodes = 6; seed(4); }
  if (name == "balanced_seed5") { o.class_weight = "balanced"; seed(5); }
  if (name == "weighted_seed6") seed(6);
  if (name == "min_weight_fraction_seed8") { o.min_weight_fraction_leaf = 0.1; seed(8); }
  return o;
}

Tensor iris_weights(const std::string& name, std::int64_t n) {
  if (!name.starts_with("weighted")) return {};
  std::vector<double> w(static_cast<std::size_t>(n));
  for (std::size_t i = 0; i < w.size(); ++i) w[i] = static_cast<double>(i % 4);
  return from_vector(w, {n});
}

// scikit-learn's very tree: the same random feature and threshold draws from the same rand_r
// state, so identical features, thresholds (bit for bit), children and node sizes.
TEST(ExtraTreeClassifier, IrisTreesIdenticalToScikitLearn) {
  const auto& s = iris_split();
  for (const auto& [name, g] : golden()["iris_extra_tree"].items()) {
    SCOPED_TRACE(name);
    ASSERT_TRUE(iris_options(name).random_state.has_value());
    auto clf = ExtraTreeClassifier(iris_options(name)).fit(s.Xtr, s.ytr, iris_weights(name, s.ytr.numel()));
    EXPECT_EQ(clf.node_count(), g["node_count"].get<std::int64_t>());
    EXPECT_EQ(clf.get_depth(), g["depth"].get<std::int64_t>());
    EXPECT_EQ(clf.get_n_leaves(), g["n_leaves"].get<std::int64_t>());
    EXPECT_EQ(clf.tree().feature, g["feature"].get<std::vector<std::int64_t>>());
    EXPECT_EQ(clf.tree().children_left, g["children_left"].get<std::vector<std::int64_t>>());
    EXPECT_EQ(clf.tree().n_node_samples, g["n_node_samples"].get<std::vector<std::int64_t>>());
    EXPECT_EQ(clf.tree().threshold, g["threshold"].get<std::vector<double>>());
    EXPECT_TENSOR_NEAR(from_vector(clf.tree().impurity), g["impurity"].get<std::vector<double>>(), 1e-12, 1e-12);
    EXPECT_EQ(clf.apply(s.Xte).to_vector<std::int64_t>(), g["apply"].get<std::vector<std::int64_t>>());
    EXPECT_EQ(clf.predict(s.Xte).to_vector<std::int64_t>(), g["predict"].get<std::vector<std::int64_t>>());
    const Tensor proba = clf.predict_proba(s.Xte);
    double col0 = 0;
    for (std::int64_t i = 0; i < proba.shape(0); ++i) col0 += proba.data<double>()[i * 3];
    EXPECT_NEAR(col0, g["proba_sum_col0"].get<double>(), 1e-12);
    EXPECT_TENSOR_NEAR(clf.feature_importances(), g["feature_importances"].get<std::vector<double>>(), 1e-9, 0);
  }
}

// DecisionTreeClassifier(splitter="random") is the same tree as ExtraTreeClassifier with the same
// max_features (scikit-learn's ExtraTreeClassifier only changes the defaults).
TEST(ExtraTreeClassifier, DecisionTreeWithRandomSplitterIsTheSameTree) {
  const auto& s = iris_split();
  auto et = ExtraTreeClassifier({.random_state = 7}).fit(s.Xtr, s.ytr);
  DecisionTreeClassifierOptions o;
  o.splitter = "random";
  o.max_features = "sqrt";
  o.random_state = 7;
  auto dt = DecisionTreeClassifier(o).fit(s.Xtr, s.ytr);
  EXPECT_EQ(dt.tree().threshold, et.tree().threshold);
  EXPECT_EQ(dt.tree().feature, et.tree().feature);
  EXPECT_EQ(std::get<std::string>(dt.get_params().at("splitter")), "random");
  EXPECT_EQ(std::get<std::string>(et.get_params().at("splitter")), "random");
  EXPECT_EQ(std::get<std::string>(et.get_params().at("max_features")), "sqrt");
  // ExtraTreeClassifier(splitter="best") is a DecisionTreeClassifier with max_features "sqrt".
  ExtraTreeClassifierOptions best;
  best.splitter = "best";
  best.random_state = 3;
  o.splitter = "best";
  o.random_state = 3;
  EXPECT_EQ(ExtraTreeClassifier(best).fit(s.Xtr, s.ytr).tree().threshold, DecisionTreeClassifier(o).fit(s.Xtr, s.ytr).tree().threshold);
}

TEST(ExtraTreeClassifier, BadInputErrors) {
  const auto& s = iris_split();
  ExtraTreeClassifierOptions o;
  o.splitter = "worst";
  EXPECT_THROW_MESSAGE(ExtraTreeClassifier(o).fit(s.Xtr, s.ytr), ValueError,
                       "ExtraTreeClassifier.fit: splitter must be 'best' or 'random', got 'worst'");
  o = {};
  o.criterion = "squared_error";
  EXPECT_THROW_MESSAGE(ExtraTreeClassifier(o).fit(s.Xtr, s.ytr), ValueError,
                       "ExtraTreeClassifier.fit: criterion must be 'gini', 'entropy' or 'log_loss', got 'squared_error'");
  DecisionTreeClassifierOptions d;
  d.splitter = "Random";
  EXPECT_THROW_MESSAGE(DecisionTreeClassifier(d).fit(s.Xtr, s.ytr), ValueError,
                       "DecisionTreeClassifier.fit: splitter must be 'best' or 'random', got 'Random'");
  EXPECT_THROW_MESSAGE(ExtraTreeClassifier().predict(s.Xte), NotFittedError, "ExtraTreeClassifier");
}

}  // namespace
}  // namespace axon::ml
