// DataFrame against pandas 1.5 (tools/golden/make_frame_golden.py → tests/golden/frame.json): describe,
// statistics, value_counts, sort_values, get_dummies and the printed text, on a 12-row penguins table
// with missing values; then selection, cleaning, reshaping and every bad-input path by hand.
#include "axon/frame/dataframe.hpp"

#include "axon/core/creation.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

namespace axon::frame {

// Shared with groupby_test.cpp.
namespace test {

using nlohmann::json;

const json& golden() {
  static const json j = [] {
    std::ifstream in(axon::testing::source_path("tests/golden/frame.json"));
    return json::parse(in);
  }();
  return j;
}

// The table of make_frame_golden.py; "" marks a missing string.
DataFrame penguins() {
  const auto strings = [](std::string name, std::vector<std::string> values) {
    std::vector<std::uint8_t> valid;
    for (const auto& v : values) valid.push_back(!v.empty());
    return Series(std::move(name), std::move(values), std::move(valid));
  };
  return DataFrame({
      strings("species", {"Adelie", "Adelie", "Adelie", "Adelie", "Gentoo", "Gentoo", "Gentoo", "Chinstrap", "Chinstrap",
                          "", "Adelie", "Gentoo"}),
      strings("island", {"Torgersen", "Torgersen", "Biscoe", "Dream", "Biscoe", "Biscoe", "Biscoe", "Dream", "Dream",
                         "Dream", "Torgersen", "Biscoe"}),
      Series::from_doubles("bill_length_mm", {39.1, 39.5, 40.3, NAN, 46.1, 50.0, 48.7, 46.5, 50.0, 45.2, 37.8, 47.6}),
      Series::from_ints("flipper_length_mm", {181, 186, 195, 193, 211, 230, 210, 192, 196, 198, 174, 215}),
      Series::from_doubles("body_mass_g",
                           {3750.0, 3800.0, 3250.0, NAN, 4500.0, 5700.0, 4450.0, 3500.0, 3900.0, 4400.0, 3400.0, 5400.0}),
      strings("sex", {"male", "female", "female", "", "female", "male", "", "female", "male", "male", "female", "female"}),
      Series::from_ints("year", {2007, 2007, 2008, 2008, 2007, 2008, 2009, 2007, 2008, 2009, 2009, 2009}),
  });
}

// Numbers to 1e-12 relative (absolute below 1): both sides sum the same values in a different order.
void expect_values(const Series& s, const json& want) {
  ASSERT_EQ(s.size(), static_cast<std::int64_t>(want.size())) << s.name();
  for (std::int64_t i = 0; i < s.size(); ++i) {
    const json& w = want[static_cast<std::size_t>(i)];
    if (w.is_null()) {
      EXPECT_TRUE(s.isna().bools()[static_cast<std::size_t>(i)]) << s.name() << " row " << i << " should be missing";
    } else if (w.is_string()) {
      EXPECT_EQ(std::get<std::string>(s.at(i)), w.get<std::string>()) << s.name() << " row " << i;
    } else {
      const double x = w.get<double>();
      EXPECT_NEAR(s.number_at(i), x, 1e-12 * std::max(1.0, std::abs(x))) << s.name() << " row " << i;
    }
  }
}

void expect_frame(const DataFrame& df, const json& want) {
  ASSERT_EQ(df.columns(), want["columns"].get<std::vector<std::string>>());
  for (const auto& name : df.columns()) expect_values(df[name], want["values"][name]);
}

}  // namespace test

namespace {

using nlohmann::json;
using test::expect_frame;
using test::expect_values;
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

std::vector<std::int64_t> index_numbers(const DataFrame& df) {
  std::vector<std::int64_t> out;
  for (const auto& label : df.index()) out.push_back(std::stoll(label));
  return out;
}

TEST(DataFramePandas, Statistics) {
  const DataFrame df = penguins();
  for (const auto& [name, want] : golden()["stats"].items()) {
    const Series& c = df[name];
    EXPECT_EQ(c.count(), want["count"].get<std::int64_t>()) << name;
    expect_values(Series::from_doubles(name, {c.sum(), c.mean(), c.std(), c.std(0), c.min(), c.max()}),
                  json::array({want["sum"], want["mean"], want["std"], want["std0"], want["min"], want["max"]}));
  }
  const auto qs = golden()["quantiles"]["q"].get<std::vector<double>>();
  for (const auto& name : {"bill_length_mm", "flipper_length_mm", "body_mass_g", "year"}) {
    std::vector<double> got;
    for (const double q : qs) got.push_back(df[name].quantile(q));
    expect_values(Series::from_doubles(name, got), golden()["quantiles"][name]);
  }
}

TEST(DataFramePandas, Describe) {
  const DataFrame d = penguins().describe();
  EXPECT_EQ(d.index(), golden()["describe"]["index"].get<std::vector<std::string>>());
  expect_frame(d, golden()["describe"]);
  EXPECT_EQ(d.to_string(), golden()["describe_text"].get<std::string>());
  EXPECT_EQ((penguins()[{"species", "island"}].describe().to_string()), golden()["describe_objects_text"].get<std::string>());
}

TEST(DataFramePandas, ValueCounts) {
  for (const auto& [key, want] : golden()["value_counts"].items()) {
    const auto column = key.substr(0, key.rfind('_'));
    const Series vc = penguins()[column].value_counts(key.ends_with("_dropna"));
    EXPECT_EQ(vc.name(), "count");  // pandas 1.5 names it after the column; we follow pandas 2
    EXPECT_EQ(vc.index(), want["index"].get<std::vector<std::string>>()) << key;
    EXPECT_EQ(vc.ints(), want["counts"].get<std::vector<std::int64_t>>()) << key;
  }
}

TEST(DataFramePandas, SortValuesIsStableWithMissingLast) {
  const DataFrame df = penguins();
  const auto& want = golden()["sort"];
  EXPECT_EQ(index_numbers(df.sort_values({"body_mass_g"})), want["body_mass_g"].get<std::vector<std::int64_t>>());
  EXPECT_EQ(index_numbers(df.sort_values({"body_mass_g"}, false)), want["body_mass_g_desc"].get<std::vector<std::int64_t>>());
  EXPECT_EQ(index_numbers(df.sort_values({"bill_length_mm"}, false)),
            want["bill_length_mm_desc"].get<std::vector<std::int64_t>>());
  EXPECT_EQ(index_numbers(df.sort_values({"species"})), want["species"].get<std::vector<std::int64_t>>());
  EXPECT_EQ(index_numbers(df.sort_values({"island", "body_mass_g"})), want["island_body_mass_g"].get<std::vector<std::int64_t>>());
  EXPECT_EQ(index_numbers(df.sort_values({"island", "bill_length_mm"}, false)),
            want["island_bill_length_mm_desc"].get<std::vector<std::int64_t>>());
  // Categories sort in category order, not by text.
  const DataFrame c({Series::categorical("c", {"b", "a", "c", "a"}, false)});
  EXPECT_EQ(index_numbers(c.sort_values({"c"})), (std::vector<std::int64_t>{0, 1, 3, 2}));
}

TEST(DataFramePandas, GetDummies) {
  // pandas 1.5 gives uint8 0/1 columns, we give bool ones: the values compare equal as numbers.
  const DataFrame d = get_dummies(penguins()[{"species", "island", "year"}]);
  expect_frame(d, golden()["dummies"]);
  EXPECT_EQ(d["species_Adelie"].dtype(), ColumnType::boolean);
  expect_frame(get_dummies(penguins()[{"sex", "year"}], {"sex", "year"}, true), golden()["dummies_drop_first"]);
}

TEST(DataFramePandas, PrintedText) {
  const DataFrame df = penguins();
  const auto& want = golden()["text"];
  EXPECT_EQ(df.head().to_string(), want["head"].get<std::string>());
  EXPECT_EQ(df.to_string(), want["full"].get<std::string>());
  EXPECT_EQ(df.to_string(6), want["truncated"].get<std::string>());
  EXPECT_EQ(df.sort_values({"body_mass_g"}).head(4).to_string(), want["sorted_head"].get<std::string>());
  EXPECT_EQ((df[df["body_mass_g"] > 4000.0][{"species", "body_mass_g", "sex"}].to_string()), want["filtered"].get<std::string>());
  EXPECT_EQ(concat({df.head(2)[{"species", "year"}], df.tail(2)[{"species", "bill_length_mm"}]}).to_string(),
            want["concat"].get<std::string>());
  EXPECT_EQ(df["body_mass_g"].to_string(), want["series"].get<std::string>());
  EXPECT_EQ(df["bill_length_mm"].to_string(4), want["series_truncated"].get<std::string>());
  EXPECT_EQ(df["sex"].to_string(), want["series_strings"].get<std::string>());
  EXPECT_EQ(df["species"].astype(ColumnType::category).to_string(), want["series_category"].get<std::string>());
  EXPECT_EQ(df.info(), want["info"].get<std::string>());
  std::ostringstream os;
  os << df.head() << "|" << df["sex"];
  EXPECT_EQ(os.str(), want["head"].get<std::string>() + "|" + want["series_strings"].get<std::string>());
}

DataFrame misc() {
  return DataFrame({Series::from_doubles("x", {1e7, 2.123456789, NAN}), Series::from_doubles("tiny", {1e-9, 1.0, 2.0}),
                    Series::from_bools("flag", {true, false, true}), Series::from_ints("n", {-5, 10, 300}),
                    Series::from_strings("s", {std::string(60, 'x'), "b", "c\td"})});
}

TEST(DataFramePandas, PrintedCornerCases) {
  const auto& want = golden()["misc_text"];
  DataFrame labelled = misc();
  labelled.set_index({"alpha", "b", "c"});
  EXPECT_EQ(misc().to_string(), want["frame"].get<std::string>());
  EXPECT_EQ(labelled.to_string(), want["labelled"].get<std::string>());
  EXPECT_EQ(misc().to_string(1), want["truncated_one_row"].get<std::string>());
  EXPECT_EQ(misc().iloc(0, 0).to_string(), want["no_rows"].get<std::string>());
  EXPECT_EQ(labelled.info(), want["info_labelled"].get<std::string>());
  EXPECT_EQ(Series::from_doubles("v", {1.5, 2.5, 3.5}).to_string(1), want["series_one_row"].get<std::string>());
  EXPECT_EQ(Series::from_doubles("v", {}).to_string(), want["series_empty"].get<std::string>());
  EXPECT_EQ(Series::from_ints("n", {1, 22}).set_index({"a", "bb"}).to_string(), want["series_labelled"].get<std::string>());
  EXPECT_EQ(Series::from_bools("flag", {true, false}).to_string(), want["series_bool"].get<std::string>());
  EXPECT_EQ(Series("", std::vector<std::string>{"a", "", "ccc"}, {1, 0, 1}).to_string(),
            want["series_unnamed_strings"].get<std::string>());
  const std::vector<std::string> letters = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"};
  EXPECT_EQ(Series::categorical("c", letters).to_string(4), want["many_categories"].get<std::string>());
  EXPECT_EQ(Series::from_strings("", {"b", "a", "b"}).value_counts().to_string(), want["value_counts"].get<std::string>());
}

TEST(DataFrame, EmptyFrames) {
  EXPECT_EQ(DataFrame().to_string(), "Empty DataFrame\nColumns: []\nIndex: []");
  EXPECT_EQ(DataFrame().info(), "<class 'pandas.core.frame.DataFrame'>\nRangeIndex: 0 entries\nEmpty DataFrame\n");
  EXPECT_EQ(DataFrame().shape(), (std::pair<std::int64_t, std::int64_t>{0, 0}));
  expect_error<ValueError>([] { DataFrame().describe(); }, {"describe", "no columns"});
}

TEST(DataFrame, SelectsColumnsAndRows) {
  const DataFrame df = penguins();
  EXPECT_EQ((df[{"year", "species"}].columns()), (std::vector<std::string>{"year", "species"}));
  EXPECT_EQ(df[std::vector<std::string>{"sex"}].shape(), (std::pair<std::int64_t, std::int64_t>{12, 1}));
  EXPECT_EQ(index_numbers(df.iloc(-3, -1)), (std::vector<std::int64_t>{9, 10}));
  EXPECT_EQ(df.iloc(5, 100).rows(), 7);
  EXPECT_EQ(df.iloc(8, 2).rows(), 0);
  EXPECT_TRUE(df.iloc(0, 4).index().empty());  // rows 0..k-1 keep the RangeIndex
  EXPECT_EQ(df.head(-10).rows(), 2);
  EXPECT_EQ(index_numbers(df.tail(2)), (std::vector<std::int64_t>{10, 11}));
  EXPECT_EQ(index_numbers(df.tail(-10)), (std::vector<std::int64_t>{10, 11}));
  EXPECT_EQ(df.tail(0).rows(), 0);
  EXPECT_EQ(index_numbers(df.take({-1, 0})), (std::vector<std::int64_t>{11, 0}));
  const DataFrame heavy = df[(df["body_mass_g"] >= 4500.0) & (df["sex"] == Scalar{std::string("male")})];
  EXPECT_EQ(index_numbers(heavy), (std::vector<std::int64_t>{5}));
  // A filtered frame's column carries the frame's labels (df["x"] in pandas).
  EXPECT_EQ(heavy["year"].index(), (std::vector<std::string>{"5"}));
  // Labels survive a second selection.
  EXPECT_EQ(index_numbers(df.tail(4).take({1, 3})), (std::vector<std::int64_t>{9, 11}));
}

TEST(DataFrame, SelectionErrors) {
  const DataFrame df = penguins();
  expect_error<ValueError>([&] { df["mass"]; }, {"no column 'mass'", "species, island"});
  expect_error<ValueError>([&] { df[{"year", "mass"}]; }, {"no column 'mass'", "Columns:"});
  expect_error<ShapeError>([&] { df[Series::from_bools("m", {true, false})]; }, {"mask 'm' has 2 rows, expected 12"});
  expect_error<ValueError>([&] { df[df["year"]]; }, {"must be a bool Series", "'year'", "int64"});
  expect_error<ValueError>([&] { df[Series("m", std::vector<std::uint8_t>(12, 1), std::vector<std::uint8_t>(12, 0))]; },
                           {"missing values"});
  expect_error<IndexError>([&] { df.take({12}); }, {"row 12 is outside [-12, 12)"});
  expect_error<IndexError>([&] { df.take({-13}); }, {"row -13"});
  expect_error<ValueError>([&] { df.sort_values({}); }, {"sort_values", "at least one column"});
  expect_error<ValueError>([&] { df.sort_values({"mass"}); }, {"sort_values: no column 'mass'"});
}

TEST(DataFrame, DropnaAndFillna) {
  const DataFrame df = penguins();
  EXPECT_EQ(index_numbers(df.dropna()), (std::vector<std::int64_t>{0, 1, 2, 4, 5, 7, 8, 10, 11}));
  EXPECT_EQ(df.dropna({"species"}).rows(), 11);
  EXPECT_EQ(df.dropna({"year"}).rows(), 12);
  expect_error<ValueError>([&] { df.dropna({"weight"}); }, {"dropna: no column 'weight'"});

  const DataFrame filled = df.fillna(std::map<std::string, Scalar>{{"body_mass_g", 0.0}, {"sex", std::string("unknown")}});
  EXPECT_EQ(filled["body_mass_g"].count(), 12);
  EXPECT_EQ(filled["body_mass_g"].doubles()[3], 0.0);
  EXPECT_EQ(filled["sex"].strings()[6], "unknown");
  EXPECT_EQ(filled["species"].count(), 11);  // not named, not filled
  expect_error<ValueError>([&] { df.fillna(std::map<std::string, Scalar>{{"weight", 1.0}}); }, {"fillna: no column 'weight'"});
  // One scalar for the whole frame: only columns with missing values must accept it.
  const DataFrame numbers = df[{"bill_length_mm", "year"}].fillna(Scalar{-1.0});
  EXPECT_EQ(numbers["bill_length_mm"].doubles()[3], -1.0);
  expect_error<ValueError>([&] { df.fillna(Scalar{-1.0}); }, {"Series 'species'", "fillna(-1.0)", "object", "a string"});
}

TEST(DataFrame, AstypeAssignSetDropRename) {
  const DataFrame df = penguins();
  const DataFrame typed = df.astype({{"year", ColumnType::float64}, {"species", ColumnType::category}});
  EXPECT_EQ(typed["year"].dtype(), ColumnType::float64);
  EXPECT_EQ(*typed["species"].categories().categories, (std::vector<std::string>{"Adelie", "Chinstrap", "Gentoo"}));
  EXPECT_EQ(typed["species"].count(), 11);
  expect_error<ValueError>([&] { df.astype({{"weight", ColumnType::int64}}); }, {"astype: no column 'weight'"});
  expect_error<ValueError>([&] { df.astype({{"island", ColumnType::float64}}); },
                           {"Series 'island'", "astype(float64)", "row 0 holds 'Torgersen'"});

  const DataFrame more = df.assign(df["body_mass_g"].apply([](double g) { return g / 1000.0; }).rename("mass_kg"));
  EXPECT_EQ(more.columns().back(), "mass_kg");
  EXPECT_DOUBLE_EQ(more["mass_kg"].doubles()[0], 3.75);
  EXPECT_EQ(df.shape().second, 7);  // assign copies
  DataFrame in_place = df.tail(3);
  in_place.set(Series::from_ints("year", {1, 2, 3}));
  EXPECT_EQ(in_place["year"].ints(), (std::vector<std::int64_t>{1, 2, 3}));
  EXPECT_EQ(in_place["year"].index(), in_place.index());
  EXPECT_EQ(in_place.shape().second, 7);
  expect_error<ShapeError>([&] { in_place.set(Series::from_ints("z", {1})); }, {"column 'z' has 1 rows, the frame has 3"});

  EXPECT_EQ(df.drop({"island", "sex"}).columns(),
            (std::vector<std::string>{"species", "bill_length_mm", "flipper_length_mm", "body_mass_g", "year"}));
  expect_error<ValueError>([&] { df.drop({"weight"}); }, {"drop: no column 'weight'"});
  EXPECT_EQ(df.rename({{"body_mass_g", "mass"}}).columns()[4], "mass");
  expect_error<ValueError>([&] { df.rename({{"weight", "w"}}); }, {"rename: no column 'weight'"});
  expect_error<ValueError>([&] { df.rename({{"sex", "year"}}); }, {"duplicate column name 'year'"});
}

TEST(DataFrame, TensorsInAndOut) {
  const DataFrame df = penguins().dropna();
  const Tensor x = df.to_tensor({"flipper_length_mm", "body_mass_g"});
  EXPECT_EQ(x.shape(), (Shape{9, 2}));
  EXPECT_TENSOR_NEAR(x.rows(0, 2), {181, 3750, 186, 3800}, 0, 0);
  EXPECT_EQ(penguins()[{"year"}].to_tensor({}, Dtype::float32).dtype(), Dtype::float32);
  expect_error<ValueError>([&] { df.to_tensor(); }, {"column 'species' is object, not numeric"});
  expect_error<ValueError>([] { penguins().to_tensor({"body_mass_g"}); }, {"column 'body_mass_g' is missing a value at row 3"});
  expect_error<ValueError>([&] { df.to_tensor({"weight"}); }, {"to_tensor: no column 'weight'"});

  const DataFrame back = DataFrame::from_tensor(x, {"flipper", "mass"});
  EXPECT_EQ(back.columns(), (std::vector<std::string>{"flipper", "mass"}));
  EXPECT_EQ(back["mass"].doubles()[1], 3800.0);
  const DataFrame ints = DataFrame::from_tensor(arange(6).view_as_shape({3, 2}));
  EXPECT_EQ(ints.columns(), (std::vector<std::string>{"0", "1"}));
  EXPECT_EQ(ints["1"].ints(), (std::vector<std::int64_t>{1, 3, 5}));
  const DataFrame with_nan = DataFrame::from_tensor(from_vector(std::vector<double>{1.0, NAN}, {2, 1}));
  EXPECT_EQ(with_nan["0"].count(), 1);
  expect_error<ShapeError>([] { DataFrame::from_tensor(zeros({2, 2, 2})); }, {"expected a 2-D", "[2, 2, 2]"});
  expect_error<ValueError>([&] { DataFrame::from_tensor(x, {"a"}); }, {"1 names for 2 columns"});
}

TEST(DataFrame, SetIndex) {
  DataFrame df = penguins().head(2);
  df.set_index({"first", "second"});
  EXPECT_EQ(df["year"].index(), (std::vector<std::string>{"first", "second"}));
  EXPECT_EQ(df.take({1}).index(), (std::vector<std::string>{"second"}));
  expect_error<ShapeError>([&] { df.set_index({"a"}); }, {"set_index: 1 labels for 2 rows"});
}

TEST(DataFrame, ConcatRows) {
  const DataFrame a({Series::from_ints("k", {1, 2}), Series::from_strings("s", {"x", "y"})});
  const DataFrame b({Series::from_doubles("k", {2.5}), Series::categorical("s", {"z"}), Series::from_bools("f", {true})});
  const DataFrame c = concat({a, b});
  EXPECT_EQ(c.columns(), (std::vector<std::string>{"k", "s", "f"}));
  EXPECT_EQ(c["k"].dtype(), ColumnType::float64);  // int64 with float64 → float64
  EXPECT_EQ(c["s"].dtype(), ColumnType::string);   // object with category → object
  EXPECT_EQ(c["s"].strings(), (std::vector<std::string>{"x", "y", "z"}));
  EXPECT_EQ(c["f"].count(), 1);
  EXPECT_EQ(c.index(), (std::vector<std::string>{"0", "1", "0"}));  // labels kept, as pandas
  // Same categories stay a category column; an int64 column that one frame lacks becomes float64 (NaN).
  const DataFrame d = concat({DataFrame({Series::categorical("s", {"a", "b"}), Series::from_ints("n", {1, 2})}),
                              DataFrame({Series::categorical("s", {"b", "a"})})});
  EXPECT_EQ(d["s"].dtype(), ColumnType::category);
  EXPECT_EQ(d["s"].categories().codes, (std::vector<std::int32_t>{0, 1, 1, 0}));
  EXPECT_EQ(d["n"].dtype(), ColumnType::float64);
  EXPECT_EQ(d["n"].count(), 2);
  EXPECT_EQ(concat({penguins().head(3)}).rows(), 3);
}

TEST(DataFrame, ConcatColumnsAndErrors) {
  const DataFrame left = penguins()[{"species"}].head(3), right = penguins()[{"year"}].tail(3);
  const DataFrame c = concat({left, right}, 1);
  EXPECT_EQ(c.columns(), (std::vector<std::string>{"species", "year"}));
  EXPECT_EQ(c["year"].ints(), (std::vector<std::int64_t>{2009, 2009, 2009}));  // by position, not label
  EXPECT_TRUE(c.index().empty());
  expect_error<ShapeError>([&] { concat({left, penguins()}, 1); }, {"frame 1 has 12 rows, frame 0 has 3"});
  expect_error<ValueError>([&] { concat({left, left}, 1); }, {"column 'species' of frame 1 already exists"});
  expect_error<ValueError>([&] { concat({left}, 2); }, {"axis must be 0", "got 2"});
  expect_error<ValueError>([] { concat({}); }, {"no frames to concatenate"});
  expect_error<ValueError>([] { concat({penguins()[{"year"}], penguins()[{"species"}].rename({{"species", "year"}})}); },
                           {"column 'year' is int64 in frame 0 and object in frame 1"});
}

TEST(DataFrame, GetDummiesByHand) {
  const DataFrame df({Series("c", Categorical{{1, -1, 1}, std::make_shared<const std::vector<std::string>>(
                                                              std::vector<std::string>{"lo", "hi", "unused"})}),
                      Series::from_doubles("x", {2.5, 1.0, NAN}), Series::from_bools("b", {true, false, true})});
  const DataFrame d = get_dummies(df);
  // Only the category column by default; every category is a level (the unused one too); missing → all false.
  EXPECT_EQ(d.columns(), (std::vector<std::string>{"x", "b", "c_lo", "c_hi", "c_unused"}));
  EXPECT_EQ(d["c_hi"].bools(), (std::vector<std::uint8_t>{1, 0, 1}));
  EXPECT_EQ(d["c_lo"].bools(), (std::vector<std::uint8_t>{0, 0, 0}));
  const DataFrame numbers = get_dummies(df, {"x", "b"}, true);
  EXPECT_EQ(numbers.columns(), (std::vector<std::string>{"c", "x_2.5", "b_True"}));
  EXPECT_EQ(numbers["x_2.5"].bools(), (std::vector<std::uint8_t>{1, 0, 0}));
  expect_error<ValueError>([&] { get_dummies(df, {"z"}); }, {"get_dummies: no column 'z'"});
}

TEST(DataFrame, ConstructorErrors) {
  expect_error<ValueError>([] { DataFrame({Series::from_ints("a", {1}), Series::from_ints("a", {2})}); },
                           {"duplicate column name 'a'"});
  expect_error<ValueError>([] { DataFrame({Series::from_ints("a", {1}), Series::from_ints("b", {2, 3})}); },
                           {"column 'b' has 2 rows, column 'a' has 1"});
}

}  // namespace
}  // namespace axon::frame
