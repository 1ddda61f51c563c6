#include "axon/frame/series.hpp"

#include <gtest/gtest.h>

namespace axon::frame {
namespace {

TEST(Series, ConstructionAndMissingValues) {
  const Series s = Series::from_doubles("x", {1.0, NAN, 3.0});
  EXPECT_EQ(s.dtype(), ColumnType::float64);
  EXPECT_EQ(s.size(), 3);
  EXPECT_TRUE(s.is_na(1));
  EXPECT_TRUE(s.has_na());
  EXPECT_EQ(s.format_at(1), "NaN");
  EXPECT_EQ(Series::from_bools("b", {true, false}).format_at(0), "True");
  EXPECT_THROW(s.ints(), ValueError);
  const Series c = Series::categorical("species", {"b", "a", "b"});
  EXPECT_EQ(*c.categories().categories, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(c.categories().codes, (std::vector<std::int32_t>{1, 0, 1}));
}

}  // namespace
}  // namespace axon::frame
