#include "axon/ml/ensemble/extra_trees_regressor.hpp"

#include "forest_impl.hpp"

namespace axon::ml {

template class ForestRegressor<ExtraTreesRegressor, ExtraTreesRegressorOptions>;

}  // namespace axon::ml
