// Matrix products through BLAS, with transpose flags so no transpose is ever materialized.
#pragma once

#include "axon/core/tensor.hpp"

namespace axon {

struct MatmulOptions {
  bool trans_a = false;  ///< use aᵀ (the last two axes swapped)
  bool trans_b = false;
};

/// op(a)·op(b). 2-D × 2-D; batched [..., m, k] × [..., k, n] with equal batch axes; and
/// [..., m, k] × [k, n] (a 2-D right side shared by the batch, as a Dense layer on a sequence).
Tensor matmul(const Tensor& a, const Tensor& b, MatmulOptions options = {});

}  // namespace axon
