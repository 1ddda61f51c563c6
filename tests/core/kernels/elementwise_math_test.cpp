// The elementwise math's own pieces: the vectorizable float exponential against the correctly
// rounded value (double exp rounded to float) over its whole range.
#include "../../../src/core/kernels/elementwise_math.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

namespace axon::kernels {
namespace {

// Distance in units in the last place between two finite non-negative floats.
std::int64_t ulps(float a, float b) {
  return std::abs(static_cast<std::int64_t>(std::bit_cast<std::int32_t>(a)) -
                  static_cast<std::int64_t>(std::bit_cast<std::int32_t>(b)));
}

TEST(ExpFloat, WithinTwoUlpOverTheWholeRange) {
  std::int64_t worst = 0;
  float worst_at = 0;
  // Every 64th float from -104 to 89 (about 4 million points), denormal results and overflow included.
  for (std::int32_t bits = std::bit_cast<std::int32_t>(-104.0f); bits > 0; bits -= 64) {
    const float x = std::bit_cast<float>(bits);
    const std::int64_t d = ulps(exp_float(x), static_cast<float>(std::exp(static_cast<double>(x))));
    if (d > worst) worst = d, worst_at = x;
  }
  for (std::int32_t bits = 0; bits <= std::bit_cast<std::int32_t>(89.0f); bits += 64) {
    const float x = std::bit_cast<float>(bits);
    const std::int64_t d = ulps(exp_float(x), static_cast<float>(std::exp(static_cast<double>(x))));
    if (d > worst) worst = d, worst_at = x;
  }
  EXPECT_LE(worst, 2) << "at x = " << worst_at;
  RecordProperty("worst_ulps", static_cast<int>(worst));
}

TEST(ExpFloat, SpecialValues) {
  constexpr float inf = std::numeric_limits<float>::infinity();
  EXPECT_EQ(exp_float(0.0f), 1.0f);
  EXPECT_EQ(exp_float(-0.0f), 1.0f);
  EXPECT_EQ(exp_float(inf), inf);
  EXPECT_EQ(exp_float(89.0f), inf);
  EXPECT_EQ(exp_float(-inf), 0.0f);
  EXPECT_EQ(exp_float(-200.0f), 0.0f);
  EXPECT_TRUE(std::isnan(exp_float(std::numeric_limits<float>::quiet_NaN())));
  EXPECT_LE(ulps(exp_float(88.7f), static_cast<float>(std::exp(double{88.7f}))), 2);  // near the largest float
  EXPECT_GT(exp_float(-100.0f), 0.0f);                              // a denormal, not flushed
  EXPECT_EQ(exp_of(1.5), std::exp(1.5));                            // double keeps std::exp
}

}  // namespace
}  // namespace axon::kernels
