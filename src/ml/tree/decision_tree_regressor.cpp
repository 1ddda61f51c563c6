#include "axon/ml/tree/decision_tree_regressor.hpp"

#include "tree_impl.hpp"

namespace axon::ml {

template class TreeRegressor<DecisionTreeRegressor, DecisionTreeRegressorOptions>;

}  // namespace axon::ml
