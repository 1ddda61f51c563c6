// Test helpers shared by every floor: comparisons of tensors with expected values, gradient checks
// that report the worst element, and the golden references made by tools/golden/.
#pragma once

#include "axon/core/tensor.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

namespace axon::testing {

/// Every element of `actual` within atol + rtol·|expected| of `expected` (row-major), same count.
::testing::AssertionResult tensor_near(const Tensor& actual, const std::vector<double>& expected, double atol = 1e-6,
                                       double rtol = 1e-6);
::testing::AssertionResult tensor_near(const Tensor& actual, const Tensor& expected, double atol = 1e-6,
                                       double rtol = 1e-6);

/// Absolute path of a file in the source tree (tests/golden/..., tools/...).
std::string source_path(const std::string& relative);

}  // namespace axon::testing

// Variadic so that braced lists with commas pass through: EXPECT_TENSOR_NEAR(t, {1, 2}, 1e-9).
#define EXPECT_TENSOR_NEAR(...) EXPECT_TRUE(::axon::testing::tensor_near(__VA_ARGS__))

// The statement throws `type` (or a subclass) whose what() contains `text`.
#define EXPECT_THROW_MESSAGE(statement, type, text)                                                  \
  do {                                                                                               \
    try {                                                                                            \
      statement;                                                                                     \
      ADD_FAILURE() << #statement " did not throw " #type;                                           \
    } catch (const type& e) {                                                                        \
      EXPECT_NE(std::string(e.what()).find(text), std::string::npos) << "message: " << e.what();     \
    } catch (const std::exception& e) {                                                              \
      ADD_FAILURE() << #statement " threw another type than " #type ": " << e.what();                \
    }                                                                                                \
  } while (0)
