// groupby and merge against pandas 1.5 (tests/golden/frame.json) on the penguins table of
// dataframe_test.cpp, then the rules pandas leaves implicit and every bad-input path.
#include "axon/frame/dataframe.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>

namespace axon::frame {

namespace test {  // defined in dataframe_test.cpp
const nlohmann::json& golden();
DataFrame penguins();
void expect_frame(const DataFrame& df, const nlohmann::json& want);
}  // namespace test

namespace {

using test::expect_frame;
using test::golden;
using test::penguins;

template <typename E, typename F>
void expect_error(F&& f, std::initializer_list<std::string_view> parts) {
  try {
    f();
    ADD_FAILURE() << "expected an exception";
  } catch (const E& e) {
    for (const auto part : parts) EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
  }
}

TEST(GroupByPandas, AggregatesEachFunction) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto* column : {"body_mass_g", "bill_length_mm", "flipper_length_mm"})
    for (const auto* func : {"mean", "sum", "count", "min", "max", "std"}) pairs.emplace_back(column, func);
  const DataFrame got = penguins().groupby({"species"}).agg(pairs);
  expect_frame(got, golden()["groupby_species"]);
  // Dtypes as pandas: int sums, counts and extremes stay int64; means and stds are float64.
  EXPECT_EQ(got["flipper_length_mm_sum"].dtype(), ColumnType::int64);
  EXPECT_EQ(got["flipper_length_mm_min"].dtype(), ColumnType::int64);
  EXPECT_EQ(got["body_mass_g_count"].dtype(), ColumnType::int64);
  EXPECT_EQ(got["flipper_length_mm_mean"].dtype(), ColumnType::float64);
}

TEST(GroupByPandas, CountMeanSum) {
  const DataFrame df = penguins();
  expect_frame(df.groupby({"island", "sex"}).count(), golden()["groupby_island_sex_count"]);
  expect_frame(df.groupby({"island"}).mean(), golden()["groupby_island_mean"]);
  expect_frame(df.groupby({"island"}).sum(), golden()["groupby_island_sum"]);
}

TEST(MergePandas, InnerAndLeft) {
  // The right table has a duplicate key (two Adelie rows) and one that matches nothing (Emperor).
  const DataFrame right({Series::from_strings("species", {"Gentoo", "Adelie", "Chinstrap", "Emperor", "Adelie"}),
                         Series::from_ints("genus_size", {3, 1, 2, 5, 7}), Series::from_ints("year", {1840, 1840, 1842, 1844, 1999})});
  const DataFrame inner = penguins().merge(right, {"species"});
  expect_frame(inner, golden()["merge_inner"]);
  EXPECT_EQ((inner[{"species", "year_x", "genus_size", "year_y"}].to_string()), golden()["merge_inner_text"].get<std::string>());
  const DataFrame left = penguins().merge(right, {"species"}, "left");
  expect_frame(left, golden()["merge_left"]);
  EXPECT_EQ(left["genus_size"].dtype(), ColumnType::float64);  // unmatched rows make it float, as pandas
}

TEST(GroupBy, KeysAndMissingValues) {
  const DataFrame df({Series::from_doubles("k", {2.0, NAN, 1.0, 2.0}), Series::from_bools("b", {true, false, true, false}),
                      Series::from_doubles("v", {1.0, 10.0, NAN, 3.0})});
  const DataFrame g = df.groupby({"k"}).agg({{"v", "sum"}, {"v", "mean"}, {"v", "min"}, {"b", "sum"}});
  // The missing key is dropped, keys come sorted, an all-missing group sums to 0 and has no mean or min.
  EXPECT_EQ(g["k"].doubles(), (std::vector<double>{1.0, 2.0}));
  EXPECT_EQ(g["v_sum"].doubles(), (std::vector<double>{0.0, 4.0}));
  EXPECT_TRUE(std::isnan(g["v_mean"].doubles()[0]));
  EXPECT_EQ(g["v_mean"].doubles()[1], 2.0);
  EXPECT_EQ(g["v_min"].count(), 1);
  EXPECT_EQ(g["b_sum"].ints(), (std::vector<std::int64_t>{1, 1}));
  // Category keys: observed groups only, in category order.
  const DataFrame c({Series::categorical("c", {"z", "a", "z"}, false), Series::from_ints("n", {1, 2, 3})});
  const DataFrame by_c = c.groupby({"c"}).sum();
  EXPECT_EQ(by_c["c"].categories().codes, (std::vector<std::int32_t>{0, 1}));
  EXPECT_EQ(by_c["n"].ints(), (std::vector<std::int64_t>{4, 2}));
  // min/max of strings, and a GroupBy outliving the frame it came from.
  const GroupBy by_species = penguins().groupby({"island"});
  const DataFrame words = by_species.agg({{"species", "min"}, {"species", "max"}});
  EXPECT_EQ(words["species_min"].strings(), (std::vector<std::string>{"Adelie", "Adelie", "Adelie"}));
  EXPECT_EQ(words["species_max"].strings(), (std::vector<std::string>{"Gentoo", "Chinstrap", "Adelie"}));
}

TEST(GroupBy, Errors) {
  const DataFrame df = penguins();
  expect_error<ValueError>([&] { df.groupby({}); }, {"groupby: name at least one key column", "species"});
  expect_error<ValueError>([&] { df.groupby({"colour"}); }, {"groupby: no column 'colour'"});
  const GroupBy g = df.groupby({"species"});
  expect_error<ValueError>([&] { g.agg({}); }, {"at least one (column, function) pair"});
  expect_error<ValueError>([&] { g.agg({{"body_mass_g", "median"}}); },
                           {"unknown function 'median' for column 'body_mass_g'", "mean, sum, count, min, max, std"});
  expect_error<ValueError>([&] { g.agg({{"mass", "mean"}}); }, {"GroupBy.agg: no column 'mass'"});
  expect_error<ValueError>([&] { g.agg({{"island", "mean"}}); }, {"mean needs a numeric column; 'island' is object"});
  expect_error<ValueError>([&] { g.agg({{"island", "sum"}}); }, {"sum needs a numeric column"});
  const DataFrame c = df.astype({{"island", ColumnType::category}});
  expect_error<ValueError>([&] { c.groupby({"species"}).agg({{"island", "max"}}); },
                           {"max needs a numeric column or a string one; 'island' is category"});
}

TEST(Merge, KeysAndErrors) {
  const DataFrame left({Series::from_ints("k", {1, 2, 3}), Series::from_strings("a", {"x", "y", "z"})});
  const DataFrame right({Series::from_doubles("k", {3.0, NAN, 1.0}), Series::from_strings("b", {"p", "q", "r"})});
  // Numbers compare by value across int64 and float64; the key column comes from the left.
  const DataFrame m = left.merge(right, {"k"});
  EXPECT_EQ(m.columns(), (std::vector<std::string>{"k", "a", "b"}));
  EXPECT_EQ(m["k"].ints(), (std::vector<std::int64_t>{1, 3}));
  EXPECT_EQ(m["b"].strings(), (std::vector<std::string>{"r", "p"}));
  EXPECT_EQ(left.merge(right, {"k"}, "left")["b"].count(), 2);
  // A missing key matches a missing key, as in pandas.
  const DataFrame l2({Series::from_doubles("k", {NAN}), Series::from_ints("v", {1})});
  EXPECT_EQ(l2.merge(right, {"k"})["b"].strings(), (std::vector<std::string>{"q"}));
  expect_error<ValueError>([&] { left.merge(right, {"k"}, "outer"); }, {"how must be \"inner\" or \"left\", got \"outer\""});
  expect_error<ValueError>([&] { left.merge(right, {}); }, {"at least one key column"});
  expect_error<ValueError>([&] { left.merge(right, {"a"}); }, {"merge (right frame): no column 'a'", "Columns: k, b"});
  expect_error<ValueError>([&] { left.merge(left.rename({{"k", "z"}, {"a", "k"}}), {"k"}); },
                           {"key 'k' is int64 on the left and object on the right"});
}

}  // namespace
}  // namespace axon::frame
