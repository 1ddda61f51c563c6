#include "axon/ml/tree/decision_tree_classifier.hpp"

#include "tree_impl.hpp"

namespace axon::ml {

template class TreeClassifier<DecisionTreeClassifier, DecisionTreeClassifierOptions>;

}  // namespace axon::ml
