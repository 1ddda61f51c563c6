#include "axon/ml/ensemble/extra_trees_classifier.hpp"

#include "forest_impl.hpp"

namespace axon::ml {

template class ForestClassifier<ExtraTreesClassifier, ExtraTreesClassifierOptions>;

}  // namespace axon::ml
