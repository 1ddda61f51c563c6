// Gradient checking by central differences in float64.
#pragma once

#include "axon/core/tensor.hpp"

#include <functional>
#include <string>
#include <vector>

namespace axon {

struct GradcheckOptions {
  double eps = 1e-6;   ///< finite-difference step
  double atol = 1e-6;  ///< |analytic − numeric| ≤ atol + rtol·|numeric|
  double rtol = 1e-4;
  std::uint64_t seed = 7;  ///< for the random projection of a non-scalar output
};

struct GradcheckResult {
  bool ok = true;
  int input = -1;           ///< worst input (index into inputs)
  std::int64_t index = -1;  ///< worst element (flat)
  double analytic = 0, numeric = 0;
  std::string message;      ///< "input 0 [3]: analytic 0.25 vs numeric 0.2501 (...)"
};

/// Compares the autograd gradient of f with central differences, for every element of every
/// floating input (all of which must be float64). A non-scalar output is reduced with a fixed random
/// projection, sum(f(x) · r), which checks vᵀJ for a random v. Integer inputs (indices) are passed
/// through unchanged.
GradcheckResult gradcheck(const std::function<Tensor(const std::vector<Tensor>&)>& f,
                          const std::vector<Tensor>& inputs, GradcheckOptions options = {});

}  // namespace axon
