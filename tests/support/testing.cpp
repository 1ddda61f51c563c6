#include "support/testing.hpp"

#include <cmath>

namespace axon::testing {

::testing::AssertionResult tensor_near(const Tensor& actual, const std::vector<double>& expected, double atol,
                                       double rtol) {
  const std::vector<double> a = actual.to_vector<double>();
  if (a.size() != expected.size())
    return ::testing::AssertionFailure() << "tensor has " << a.size() << " elements (shape "
                                         << shape_str(actual.shape()) << "), expected " << expected.size();
  for (std::size_t i = 0; i < a.size(); ++i) {
    const bool both_nan = std::isnan(a[i]) && std::isnan(expected[i]);
    if (!both_nan && !(std::abs(a[i] - expected[i]) <= atol + rtol * std::abs(expected[i])))
      return ::testing::AssertionFailure() << "element " << i << ": " << a[i] << " vs expected " << expected[i]
                                           << " (|diff| " << std::abs(a[i] - expected[i]) << ")";
  }
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult tensor_near(const Tensor& actual, const Tensor& expected, double atol, double rtol) {
  if (actual.shape() != expected.shape())
    return ::testing::AssertionFailure() << "shape " << shape_str(actual.shape()) << " vs expected "
                                         << shape_str(expected.shape());
  return tensor_near(actual, expected.to_vector<double>(), atol, rtol);
}

std::string source_path(const std::string& relative) { return std::string(AXON_SOURCE_DIR) + "/" + relative; }

}  // namespace axon::testing
