#include "axon/ml/linear_model/linear_model.hpp"

#include "common.hpp"

namespace axon::ml::detail {

Tensor linear_model_predict(const Data& X, const std::string& who, const Tensor& coef, double intercept) {
  const Tensor x = linear_detail::checked_X(X, who, coef.numel());
  return linear_detail::linear_predict(x, coef.to_vector<double>(), intercept);
}

}  // namespace axon::ml::detail
