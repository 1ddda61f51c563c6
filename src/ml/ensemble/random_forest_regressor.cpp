#include "axon/ml/ensemble/random_forest_regressor.hpp"

#include "forest_impl.hpp"

namespace axon::ml {

template class ForestRegressor<RandomForestRegressor, RandomForestRegressorOptions>;

}  // namespace axon::ml
