// Weight penalties added to the loss (Keras regularizers): l1·Σ|w| + l2·Σw².
#pragma once

#include "axon/core/tensor.hpp"

namespace axon::nn {

struct Regularizer {
  double l1 = 0.0;
  double l2 = 0.0;
  bool active() const { return l1 != 0.0 || l2 != 0.0; }
  /// The penalty for weight w (a 0-d tensor), differentiable.
  Tensor operator()(const Tensor& w) const;
};

/// Keras's defaults: L1(0.01), L2(0.01), L1L2(0, 0).
inline Regularizer L1(double l1 = 0.01) { return {.l1 = l1}; }
inline Regularizer L2(double l2 = 0.01) { return {.l2 = l2}; }
inline Regularizer L1L2(double l1 = 0.0, double l2 = 0.0) { return {.l1 = l1, .l2 = l2}; }

}  // namespace axon::nn
