#include "axon/ml/ensemble/random_forest_classifier.hpp"

#include "forest_impl.hpp"

namespace axon::ml {

template class ForestClassifier<RandomForestClassifier, RandomForestClassifierOptions>;

}  // namespace axon::ml
