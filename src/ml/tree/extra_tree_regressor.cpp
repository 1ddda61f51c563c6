#include "axon/ml/tree/extra_tree_regressor.hpp"

#include "tree_impl.hpp"

namespace axon::ml {

template class TreeRegressor<ExtraTreeRegressor, ExtraTreeRegressorOptions>;

}  // namespace axon::ml
