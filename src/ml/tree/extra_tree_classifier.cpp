#include "axon/ml/tree/extra_tree_classifier.hpp"

#include "tree_impl.hpp"

namespace axon::ml {

template class TreeClassifier<ExtraTreeClassifier, ExtraTreeClassifierOptions>;

}  // namespace axon::ml
