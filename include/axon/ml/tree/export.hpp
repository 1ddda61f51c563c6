// sklearn.tree.export_text and export_graphviz: a fitted tree as indented text or as Graphviz dot,
// character for character as scikit-learn 1.2 writes them (default options).
//
//   fmt::print("{}", ml::export_text(clf, {.feature_names = iris.feature_names}));
//   // |--- petal width (cm) <= 0.80
//   // |   |--- class: 0
//   // ...
#pragma once

#include "axon/ml/tree/decision_tree_classifier.hpp"
#include "axon/ml/tree/decision_tree_regressor.hpp"

#include <string>
#include <vector>

namespace axon::ml {

struct ExportTextOptions {
  std::vector<std::string> feature_names;  ///< empty: "feature_0", "feature_1", ...
  std::int64_t max_depth = 10;             ///< deeper branches print as "truncated branch of depth d"
  std::int64_t spacing = 3;
  std::int64_t decimals = 2;
  bool show_weights = false;               ///< classifiers: print each leaf's class weights
};
std::string export_text(const DecisionTreeClassifier& tree, const ExportTextOptions& options = {});
std::string export_text(const DecisionTreeRegressor& tree, const ExportTextOptions& options = {});

struct ExportGraphvizOptions {
  std::vector<std::string> feature_names;  ///< empty: "x[0]", "x[1]", ...
  std::int64_t precision = 3;
};
/// The dot text of export_graphviz(tree) (out_file=None): one box per node with its split, impurity,
/// samples and value, and True/False labels on the root's edges.
std::string export_graphviz(const DecisionTreeClassifier& tree, const ExportGraphvizOptions& options = {});
std::string export_graphviz(const DecisionTreeRegressor& tree, const ExportGraphvizOptions& options = {});

}  // namespace axon::ml
