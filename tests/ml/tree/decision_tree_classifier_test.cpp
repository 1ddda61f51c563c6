#include "axon/ml/tree/decision_tree_classifier.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/data/datasets.hpp"
#include "axon/ml/model_selection/cross_validation.hpp"
#include "axon/ml/tree/export.hpp"
#include "ml/tree/tree_golden.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace axon::ml {
namespace {

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

DecisionTreeClassifierOptions iris_options(const std::string& name, std::int64_t seed) {
  DecisionTreeClassifierOptions o;
  o.random_state = seed;
  if (name == "entropy") o.criterion = "entropy";
  if (name == "depth3_leaf5") { o.max_depth = 3; o.min_samples_leaf = 5; }
  if (name == "max_leaf_nodes5") o.max_leaf_nodes = 5;
  if (name == "balanced") { o.class_weight = "balanced"; o.max_depth = 4; }
  if (name == "ccp") o.ccp_alpha = 0.02;
  if (name == "min_impurity_decrease") { o.min_impurity_decrease = 0.01; o.min_samples_split = 10; }
  if (name == "max_features2_seed0" || name == "max_features2_seed7") o.max_features = std::int64_t{2};
  if (name == "sqrt_seed3") { o.max_features = "sqrt"; o.criterion = "log_loss"; }
  if (name == "weighted_balanced_depth3") { o.class_weight = "balanced"; o.max_depth = 3; }
  return o;
}

// The golden's sample weights for the "weighted*" option sets: i % 4 (a quarter weigh 0).
Tensor iris_weights(const std::string& name, std::int64_t n) {
  if (!name.starts_with("weighted")) return {};
  std::vector<double> w(static_cast<std::size_t>(n));
  for (std::size_t i = 0; i < w.size(); ++i) w[i] = static_cast<double>(i % 4);
  return from_vector(w, {n});
}

// Required agreement: the same tree as scikit-learn (structure, thresholds, impurities), the same
// predictions, and feature importances within 1e-9, for every option set in the golden file —
// including max_features < n_features, where the features tried come from scikit-learn's RNG.
TEST(DecisionTreeClassifier, IrisTreesIdenticalToScikitLearn) {
  const auto& s = iris_split();
  for (const auto& [name, g] : tree_golden::json()["iris"].items()) {
    SCOPED_TRACE(name);
    auto clf = DecisionTreeClassifier(iris_options(name, g["random_state"].get<std::int64_t>()))
                   .fit(s.Xtr, s.ytr, iris_weights(name, s.ytr.numel()));
    EXPECT_EQ(clf.node_count(), g["node_count"].get<std::int64_t>());
    EXPECT_EQ(clf.get_depth(), g["depth"].get<std::int64_t>());
    EXPECT_EQ(clf.get_n_leaves(), g["n_leaves"].get<std::int64_t>());
    EXPECT_EQ(clf.tree().feature, g["feature"].get<std::vector<std::int64_t>>());
    EXPECT_EQ(clf.tree().children_left, g["children_left"].get<std::vector<std::int64_t>>());
    EXPECT_EQ(clf.tree().n_node_samples, g["n_node_samples"].get<std::vector<std::int64_t>>());
    EXPECT_EQ(clf.tree().threshold, g["threshold"].get<std::vector<double>>());
    EXPECT_TENSOR_NEAR(from_vector(clf.tree().impurity), g["impurity"].get<std::vector<double>>(), 1e-12, 0);
    EXPECT_TENSOR_NEAR(clf.feature_importances(), g["feature_importances"].get<std::vector<double>>(), 1e-9, 0);
    EXPECT_EQ(clf.predict(s.Xte).to_vector<std::int64_t>(), g["predict"].get<std::vector<std::int64_t>>());
    EXPECT_EQ(clf.apply(s.Xte).to_vector<std::int64_t>(), g["apply"].get<std::vector<std::int64_t>>());
    double col0 = 0;
    const Tensor proba = clf.predict_proba(s.Xte);
    for (std::int64_t i = 0; i < proba.shape(0); ++i) col0 += proba.data<double>()[i * 3];
    EXPECT_NEAR(col0, g["proba_sum_col0"].get<double>(), 1e-9);
  }
}

TEST(DecisionTreeClassifier, ExportTextAndGraphvizAsScikitLearn) {
  const data::Bunch d = data::load_iris();
  auto clf = DecisionTreeClassifier({.max_depth = 2, .random_state = 0}).fit(d.data, d.target);
  const auto& g = tree_golden::json();
  EXPECT_EQ(export_text(clf, {.feature_names = d.feature_names}), g["iris_export_text"].get<std::string>());
  EXPECT_EQ(export_text(clf, {.decimals = 3, .show_weights = true}), g["iris_export_text_default"].get<std::string>());
  EXPECT_EQ(export_graphviz(clf, {.feature_names = d.feature_names}), g["iris_export_graphviz"].get<std::string>());
  auto deep = DecisionTreeClassifier({.random_state = 0}).fit(d.data, d.target);
  EXPECT_EQ(export_text(deep, {.max_depth = 2}), g["iris_export_text_truncated"].get<std::string>());
}

TEST(DecisionTreeClassifier, DecisionPathFollowsApply) {
  const auto& s = iris_split();
  auto clf = DecisionTreeClassifier({.random_state = 0}).fit(s.Xtr, s.ytr);
  const SparseMatrix path = clf.decision_path(s.Xte);
  const auto leaves = clf.apply(s.Xte).to_vector<std::int64_t>();
  ASSERT_EQ(path.rows(), s.Xte.shape(0));
  ASSERT_EQ(path.cols(), clf.node_count());
  const auto indptr = path.indptr().to_vector<std::int64_t>();
  const auto indices = path.indices().to_vector<std::int64_t>();
  for (std::size_t i = 0; i < leaves.size(); ++i) {
    EXPECT_EQ(indices[indptr[i]], 0);
    EXPECT_EQ(indices[indptr[i + 1] - 1], leaves[i]);
  }
}

TEST(DecisionTreeClassifier, SameSeedSameTreeAndWorksInCrossValidation) {
  const data::Bunch d = data::load_breast_cancer();
  DecisionTreeClassifierOptions o{.max_features = "sqrt", .random_state = 5};
  auto a = DecisionTreeClassifier(o).fit(d.data, d.target);
  auto b = DecisionTreeClassifier(o).fit(d.data, d.target);
  EXPECT_EQ(a.tree().threshold, b.tree().threshold);
  DecisionTreeClassifier tree({.max_depth = 4, .random_state = 0});
  for (double v : cross_val_score(tree, d.data, d.target, {.cv = 5})) EXPECT_GT(v, 0.85);
  tree.set_param("max_features", Param{std::string("log2")});
  EXPECT_EQ(std::get<std::string>(tree.get_params().at("max_features")), "log2");
  tree.set_param("max_features", Param{0.5});
  EXPECT_EQ(std::get<double>(tree.get_params().at("max_features")), 0.5);
}

TEST(DecisionTreeClassifier, BadInputErrors) {
  const auto& s = iris_split();
  Tensor X = s.Xtr.clone();
  X.data<double>()[5 * 4 + 2] = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THROW_MESSAGE(DecisionTreeClassifier().fit(X, s.ytr), ValueError, "NaN in column 2 (row 5)");
  EXPECT_THROW_MESSAGE(DecisionTreeClassifier({.max_depth = 0}).fit(s.Xtr, s.ytr), ValueError, "max_depth must be >= 1 or None, got 0");
  EXPECT_THROW_MESSAGE(DecisionTreeClassifier({.max_features = std::int64_t{9}}).fit(s.Xtr, s.ytr), ValueError,
                       "max_features must be in [1, n_features = 4], got 9");
  EXPECT_THROW_MESSAGE(DecisionTreeClassifier().fit(s.Xtr, zeros({100}, {.dtype = Dtype::int64})), ValueError,
                       "y has 1 class (0); a classifier needs at least 2");
  auto clf = DecisionTreeClassifier().fit(s.Xtr, s.ytr);
  EXPECT_THROW_MESSAGE(clf.predict(zeros({3, 5}, {.dtype = Dtype::float64})), ShapeError, "X has 5 features, but the estimator was fitted with 4");
  EXPECT_THROW(DecisionTreeClassifier().predict(s.Xte), NotFittedError);
}

}  // namespace
}  // namespace axon::ml
