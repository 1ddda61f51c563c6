#include "axon/nn/regularizers.hpp"

#include "axon/autograd/ops/elementwise.hpp"
#include "axon/autograd/ops/reduce.hpp"
#include "axon/core/creation.hpp"

namespace axon::nn {

Tensor Regularizer::operator()(const Tensor& w) const {
  Tensor penalty = zeros({}, {.dtype = w.dtype()});
  if (l1 != 0.0) penalty = penalty + sum(abs(w)) * l1;
  if (l2 != 0.0) penalty = penalty + sum(square(w)) * l2;
  return penalty;
}

}  // namespace axon::nn
