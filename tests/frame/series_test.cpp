// Series by hand: missing values through every operation, conversions, statistics (values worked out
// below or with pandas 1.5), comparisons and masks, tensors, and every bad-input path with its message.
// The pandas goldens on a real table are in dataframe_test.cpp.
#include "axon/frame/series.hpp"

#include "support/testing.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include <random>

#include <cmath>

namespace axon::frame {
namespace {

template <typename E, typename F>
void expect_error(F&& f, std::initializer_list<std::string_view> parts) {
  try {
    f();
    ADD_FAILURE() << "expected an exception";
  } catch (const E& e) {
    for (const auto part : parts) EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
  }
}

using Bools = std::vector<std::uint8_t>;

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

// Missing is the validity flag, NaN in a float column (even one built without a mask) or category code -1.
TEST(Series, CountIsnaNotna) {
  const Series s("x", std::vector<double>{1.0, NAN, 3.0, 4.0}, Bools{1, 1, 1, 0});
  EXPECT_EQ(s.count(), 2);
  EXPECT_EQ(s.isna().bools(), (Bools{0, 1, 0, 1}));
  EXPECT_EQ(s.notna().bools(), (Bools{1, 0, 1, 0}));
  EXPECT_EQ(s.isna().name(), "x");
  const Series c("c", Categorical{{0, -1}, std::make_shared<const std::vector<std::string>>(std::vector<std::string>{"a"})});
  EXPECT_EQ(c.count(), 1);
  EXPECT_EQ(c.isna().bools(), (Bools{0, 1}));
  EXPECT_EQ(Series::from_strings("s", {}).count(), 0);
}

TEST(Series, TakeFilterHeadTail) {
  const Series s = Series::from_ints("n", {10, 20, 30, 40, 50});
  const Series t = s.take({4, -5, 2});
  EXPECT_EQ(t.ints(), (std::vector<std::int64_t>{50, 10, 30}));
  EXPECT_EQ(t.index(), (std::vector<std::string>{"4", "0", "2"}));  // rows keep their labels
  EXPECT_EQ(s.filter(s > 25.0).ints(), (std::vector<std::int64_t>{30, 40, 50}));
  EXPECT_EQ(s.head(2).ints(), (std::vector<std::int64_t>{10, 20}));
  EXPECT_TRUE(s.head(2).index().empty());
  EXPECT_EQ(s.head(-4).ints(), (std::vector<std::int64_t>{10}));
  EXPECT_EQ(s.head(99).size(), 5);
  EXPECT_EQ(s.tail(2).ints(), (std::vector<std::int64_t>{40, 50}));
  EXPECT_EQ(s.tail(-3).ints(), (std::vector<std::int64_t>{40, 50}));
  EXPECT_EQ(s.tail(0).size(), 0);
  const Series labelled = Series::from_ints("n", {1, 2}).set_index({"a", "b"});
  EXPECT_EQ(labelled.take({1}).index(), (std::vector<std::string>{"b"}));
  const Series m = Series::from_doubles("m", {1.0, NAN, 3.0}).take({1, 2});
  EXPECT_EQ(m.count(), 1);
  expect_error<IndexError>([&] { s.take({5}); }, {"Series 'n'", "row 5 is outside [-5, 5)"});
  expect_error<ShapeError>([&] { s.filter(Series::from_bools("m", {true})); }, {"mask 'm' has 1 rows, expected 5"});
  expect_error<ValueError>([&] { s.filter(s); }, {"must be a bool Series", "int64"});
}

TEST(Series, UniqueKeepsFirstAppearanceAndOneMissing) {
  const Series s = Series::from_doubles("x", {3.0, NAN, 1.0, 3.0, NAN, 2.0});
  const Series u = s.unique();
  EXPECT_EQ(u.size(), 4);
  EXPECT_EQ(u.doubles()[0], 3.0);
  EXPECT_TRUE(u.isna().bools()[1]);
  EXPECT_EQ(u.doubles()[2], 1.0);
  EXPECT_EQ(Series::from_strings("s", {"b", "a", "b"}).unique().strings(), (std::vector<std::string>{"b", "a"}));
  const Series c = Series::categorical("c", {"y", "x", "y"}).unique();
  EXPECT_EQ(c.dtype(), ColumnType::category);
  EXPECT_EQ(c.categories().codes, (std::vector<std::int32_t>{1, 0}));
}

TEST(Series, ValueCounts) {
  // Ties keep first appearance (pandas 2; 1.5's order for ties is not stable).
  const Series s = Series::from_strings("s", {"b", "a", "c", "a", "b"});
  const Series vc = s.value_counts();
  EXPECT_EQ(vc.name(), "count");
  EXPECT_EQ(vc.index(), (std::vector<std::string>{"b", "a", "c"}));
  EXPECT_EQ(vc.ints(), (std::vector<std::int64_t>{2, 2, 1}));
  const Series f = Series::from_doubles("f", {1.0, NAN, 2.5, 1.0, NAN, NAN});
  EXPECT_EQ(f.value_counts().index(), (std::vector<std::string>{"1.0", "2.5"}));
  EXPECT_EQ(f.value_counts(false).index(), (std::vector<std::string>{"NaN", "1.0", "2.5"}));
  EXPECT_EQ(f.value_counts(false).ints(), (std::vector<std::int64_t>{3, 2, 1}));
  EXPECT_EQ(Series::from_bools("b", {false, true, true}).value_counts().index(), (std::vector<std::string>{"True", "False"}));
  // Every category is listed, unobserved ones with 0, as pandas does.
  const Series c("c", Categorical{{1, 1}, std::make_shared<const std::vector<std::string>>(std::vector<std::string>{"a", "b"})});
  EXPECT_EQ(c.value_counts().index(), (std::vector<std::string>{"b", "a"}));
  EXPECT_EQ(c.value_counts().ints(), (std::vector<std::int64_t>{2, 0}));
}

TEST(Series, Statistics) {
  // [2, 4, 4, 4, 5, 5, 7, 9] with two missing: mean 5, population std 2, sample std sqrt(32/7).
  const Series s = Series::from_doubles("x", {2, NAN, 4, 4, 4, 5, 5, 7, NAN, 9});
  EXPECT_DOUBLE_EQ(s.sum(), 40.0);
  EXPECT_DOUBLE_EQ(s.mean(), 5.0);
  EXPECT_DOUBLE_EQ(s.std(0), 2.0);
  EXPECT_DOUBLE_EQ(s.std(), std::sqrt(32.0 / 7.0));
  EXPECT_EQ(s.min(), 2.0);
  EXPECT_EQ(s.max(), 9.0);
  // Linear quantiles: position q·(n-1) in the sorted values (pandas: 4.0, 4.5, 5.5, 7.6).
  EXPECT_DOUBLE_EQ(s.quantile(0.25), 4.0);
  EXPECT_DOUBLE_EQ(s.quantile(0.5), 4.5);
  EXPECT_DOUBLE_EQ(s.quantile(0.75), 5.5);
  EXPECT_DOUBLE_EQ(s.quantile(0.9), 7.6);
  EXPECT_EQ(s.quantile(0.0), 2.0);
  EXPECT_EQ(s.quantile(1.0), 9.0);
  const Series b = Series::from_bools("b", {true, false, true});
  EXPECT_EQ(b.sum(), 2.0);
  EXPECT_EQ(Series::from_ints("n", {3, -1}).min(), -1.0);
  // Nothing left: sum 0, the rest NaN; one value has no sample std.
  const Series none = Series::from_doubles("e", {NAN});
  EXPECT_EQ(none.sum(), 0.0);
  EXPECT_TRUE(std::isnan(none.mean()) && std::isnan(none.min()) && std::isnan(none.max()) && std::isnan(none.quantile(0.5)));
  EXPECT_TRUE(std::isnan(Series::from_doubles("one", {1.0}).std()));
  EXPECT_EQ(Series::from_doubles("one", {1.0}).std(0), 0.0);
  expect_error<ValueError>([] { Series::from_strings("s", {"a"}).mean(); }, {"Series 's'", "mean needs a numeric column", "object"});
  expect_error<ValueError>([&] { s.quantile(1.5); }, {"quantile q must be in [0, 1], got 1.5"});
  expect_error<ValueError>([&] { s.std(-1); }, {"ddof must be >= 0"});
}

// Large series take the sampled selection path (a sorted sample brackets each rank): its
// quantiles must equal those of a full sort, for spread data, heavy repeats, outliers, missing
// values and partly sorted data.
TEST(Series, QuantilesOfLargeSeriesEqualAFullSort) {
  std::mt19937_64 rng(5);
  std::normal_distribution<double> normal;
  const std::size_t n = 150001;
  std::vector<std::vector<double>> cases(5, std::vector<double>(n));
  for (std::size_t i = 0; i < n; ++i) {
    cases[0][i] = normal(rng);
    cases[1][i] = std::floor(normal(rng) * 2);                      // a few distinct values
    cases[2][i] = i % 1000 == 0 ? 1e300 * normal(rng) : normal(rng);  // huge outliers
    cases[3][i] = i % 7 == 0 ? std::nan("") : normal(rng);          // missing values
    cases[4][i] = i < n / 2 ? static_cast<double>(i) : normal(rng);  // half sorted
  }
  for (std::size_t c = 0; c < cases.size(); ++c) {
    const Series s = Series::from_doubles("x", cases[c]);
    std::vector<double> sorted;
    for (double v : cases[c])
      if (!std::isnan(v)) sorted.push_back(v);
    std::sort(sorted.begin(), sorted.end());
    for (double q : {0.0, 0.25, 0.5, 0.75, 0.9, 1.0}) {
      const double pos = static_cast<double>(sorted.size()) * q + (1 - q) - 1;  // numpy 1.24's virtual index
      const auto lo = static_cast<std::size_t>(std::floor(pos));
      const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
      const double t = pos - static_cast<double>(lo), d = sorted[hi] - sorted[lo];  // numpy's _lerp
      const double want = t >= 0.5 ? sorted[hi] - d * (1 - t) : sorted[lo] + d * t;
      EXPECT_EQ(s.quantile(q), want) << "case " << c << " q " << q;
    }
  }
}

TEST(Series, Apply) {
  const Series s = Series::from_ints("n", {1, 4}).set_index({"a", "b"});
  const Series r = s.apply([](double x) { return std::sqrt(x); });
  EXPECT_EQ(r.dtype(), ColumnType::float64);
  EXPECT_EQ(r.doubles(), (std::vector<double>{1.0, 2.0}));
  EXPECT_EQ(r.index(), s.index());
  int calls = 0;
  const Series m = Series::from_doubles("m", {NAN, 2.0}).apply([&](double x) { return ++calls, x; });
  EXPECT_EQ(calls, 1);  // missing values stay missing without a call
  EXPECT_EQ(m.count(), 1);
  expect_error<ValueError>([] { Series::from_strings("s", {"a"}).apply([](double x) { return x; }); }, {"apply needs a numeric"});
}

TEST(Series, ComparisonsAndMasks) {
  const Series x = Series::from_doubles("x", {1.0, NAN, 3.0});
  EXPECT_EQ((x > 1.0).bools(), (Bools{0, 0, 1}));
  EXPECT_EQ((x >= 1.0).bools(), (Bools{1, 0, 1}));
  EXPECT_EQ((x < 3.0).bools(), (Bools{1, 0, 0}));
  EXPECT_EQ((x <= 3.0).bools(), (Bools{1, 0, 1}));
  EXPECT_EQ((x == Scalar{3.0}).bools(), (Bools{0, 0, 1}));
  EXPECT_EQ((x == Scalar{std::int64_t{1}}).bools(), (Bools{1, 0, 0}));
  EXPECT_EQ((x != Scalar{3.0}).bools(), (Bools{1, 1, 0}));  // NaN != 3 is True, as pandas
  EXPECT_EQ((x == Scalar{}).bools(), (Bools{0, 0, 0}));
  const Series s("s", std::vector<std::string>{"a", "", "b"}, Bools{1, 0, 1});
  EXPECT_EQ((s == Scalar{std::string("a")}).bools(), (Bools{1, 0, 0}));
  EXPECT_EQ((Series::categorical("c", {"a", "b"}) == Scalar{std::string("b")}).bools(), (Bools{0, 1}));
  const Series both = (x > 0.0) & (x < 2.0), either = (x < 2.0) | (x > 2.0);
  EXPECT_EQ(both.bools(), (Bools{1, 0, 0}));
  EXPECT_EQ(either.bools(), (Bools{1, 0, 1}));
  EXPECT_EQ((!(x > 2.0)).bools(), (Bools{1, 1, 0}));
  const Series with_missing("m", Bools{1, 1}, Bools{1, 0});
  EXPECT_EQ((!with_missing).isna().bools(), (Bools{0, 1}));  // ! keeps missing
  EXPECT_EQ((with_missing | with_missing).bools(), (Bools{1, 0}));  // & and | read missing as false
  EXPECT_EQ((x > 1.0).index(), x.index());
  expect_error<ValueError>([&] { (void)(s > 1.0); }, {"Series 's' > 1", "object, not numeric"});
  expect_error<ValueError>([&] { (void)(s == Scalar{1.0}); }, {"cannot compare a object column with a number"});
  expect_error<ValueError>([&] { (void)(x == Scalar{std::string("a")}); }, {"cannot compare a float64 column with a string"});
  expect_error<ValueError>([&] { (void)(x & (x > 1.0)); }, {"both must be bool masks, got float64 and bool"});
  expect_error<ShapeError>([&] { (void)((x > 1.0) | Series::from_bools("b", {true})); }, {"sizes differ (3 and 1)"});
  expect_error<ValueError>([&] { (void)!x; }, {"asked for bool"});
}

TEST(Series, Astype) {
  const Series f = Series::from_doubles("f", {1.9, -2.7, NAN});
  const Series i = f.astype(ColumnType::int64);
  EXPECT_EQ(i.ints()[0], 1);  // truncates, as numpy
  EXPECT_EQ(i.ints()[1], -2);
  EXPECT_EQ(i.count(), 2);  // missing stays missing
  EXPECT_EQ(Series::from_ints("n", {0, 2}).astype(ColumnType::boolean).bools(), (Bools{0, 1}));
  EXPECT_EQ(Series::from_bools("b", {true}).astype(ColumnType::float64).doubles(), (std::vector<double>{1.0}));
  // Text as Python's str(): whole floats keep ".0", exponents from 1e16 and below 1e-4.
  EXPECT_EQ(Series::from_doubles("f", {2.0, 0.1, 1e16, 1e15, 1.5e-5, 0.0001, -0.0, 123456.789}).astype(ColumnType::string).strings(),
            (std::vector<std::string>{"2.0", "0.1", "1e+16", "1000000000000000.0", "1.5e-05", "0.0001", "-0.0", "123456.789"}));
  EXPECT_EQ(f.astype(ColumnType::string).count(), 2);
  const Series text = Series::from_strings("t", {" 2.5", "1e3", "-7"});
  EXPECT_EQ(text.astype(ColumnType::float64).doubles(), (std::vector<double>{2.5, 1000.0, -7.0}));
  EXPECT_EQ(Series::from_strings("t", {"+3", " 12 "}).astype(ColumnType::int64).ints(), (std::vector<std::int64_t>{3, 12}));
  EXPECT_EQ(Series::from_strings("t", {"True", "false"}).astype(ColumnType::boolean).bools(), (Bools{1, 0}));
  // Numbers become categories in numeric order ("10" after "9").
  const Series c = Series::from_ints("n", {10, 9, 10}).astype(ColumnType::category);
  EXPECT_EQ(*c.categories().categories, (std::vector<std::string>{"9", "10"}));
  EXPECT_EQ(c.categories().codes, (std::vector<std::int32_t>{1, 0, 1}));
  EXPECT_EQ(c.astype(ColumnType::int64).ints(), (std::vector<std::int64_t>{10, 9, 10}));
  EXPECT_EQ(f.astype(ColumnType::category).categories().codes, (std::vector<std::int32_t>{1, 0, -1}));
  EXPECT_EQ(Series::categorical("c", {"x"}).astype(ColumnType::string).strings(), (std::vector<std::string>{"x"}));
  expect_error<ValueError>([] { Series::from_strings("t", {"1", "x1"}).astype(ColumnType::float64); },
                           {"Series 't'", "astype(float64)", "row 1 holds 'x1'", "not a number"});
  expect_error<ValueError>([] { Series::from_strings("t", {"1.5"}).astype(ColumnType::int64); }, {"'1.5', which is not an integer"});
  expect_error<ValueError>([] { Series::from_doubles("f", {INFINITY}).astype(ColumnType::int64); }, {"row 0 holds inf"});
  expect_error<ValueError>([] { Series::from_strings("t", {"yes"}).astype(ColumnType::boolean); },
                           {"astype(bool)", "'yes'", "expected True, False"});
  EXPECT_EQ(parse_column_type("int"), ColumnType::int64);
  expect_error<ValueError>([] { parse_column_type("float32"); }, {"unknown column type 'float32'", "Known:"});
}

TEST(Series, Fillna) {
  const Series f = Series::from_doubles("f", {NAN, 2.0}).set_index({"a", "b"});
  EXPECT_EQ(f.fillna(Scalar{0.5}).doubles(), (std::vector<double>{0.5, 2.0}));
  EXPECT_FALSE(f.fillna(Scalar{std::int64_t{7}}).has_na());
  EXPECT_EQ(f.fillna(Scalar{0.5}).index(), f.index());
  const Series n("n", std::vector<std::int64_t>{0, 5}, Bools{0, 1});
  EXPECT_EQ(n.fillna(Scalar{std::int64_t{-1}}).ints(), (std::vector<std::int64_t>{-1, 5}));
  EXPECT_EQ(n.fillna(Scalar{2.0}).dtype(), ColumnType::int64);
  EXPECT_EQ(n.fillna(Scalar{2.5}).dtype(), ColumnType::float64);  // a fraction makes it float
  EXPECT_EQ(n.fillna(Scalar{2.5}).doubles(), (std::vector<double>{2.5, 5.0}));
  EXPECT_EQ(Series("b", Bools{0, 1}, Bools{0, 1}).fillna(Scalar{true}).bools(), (Bools{1, 1}));
  const Series s("s", std::vector<std::string>{"", "x"}, Bools{0, 1});
  EXPECT_EQ(s.fillna(Scalar{std::string("?")}).strings(), (std::vector<std::string>{"?", "x"}));
  const Series c = Series::from_doubles("c", {1.0, NAN}).astype(ColumnType::category);
  EXPECT_EQ(c.fillna(Scalar{std::string("1.0")}).categories().codes, (std::vector<std::int32_t>{0, 0}));
  // Nothing missing: nothing to fit.
  EXPECT_EQ(Series::from_strings("t", {"a"}).fillna(Scalar{1.0}).strings(), (std::vector<std::string>{"a"}));
  expect_error<ValueError>([&] { f.fillna(Scalar{}); }, {"fillna needs a value"});
  expect_error<ValueError>([&] { f.fillna(Scalar{std::string("x")}); }, {"Series 'f'", "fillna(x)", "float64 column", "a number"});
  expect_error<ValueError>([&] { s.fillna(Scalar{1.0}); }, {"object column", "a string"});
  expect_error<ValueError>([] { Series("b", Bools{0}, Bools{0}).fillna(Scalar{1.0}); }, {"bool column", "true or false"});
  expect_error<ValueError>([&] { c.fillna(Scalar{std::string("2.0")}); }, {"one of the categories [1.0]"});
}

TEST(Series, SetIndexAndTensor) {
  Series s = Series::from_ints("n", {1, 2, 3});
  EXPECT_EQ(s.set_index({"a", "b", "c"}).index().size(), 3u);
  EXPECT_TRUE(s.set_index({}).index().empty());
  expect_error<ShapeError>([&] { s.set_index({"a"}); }, {"Series 'n'", "1 labels for 3 rows"});

  EXPECT_TENSOR_NEAR(s.to_tensor(), {1, 2, 3}, 0, 0);
  EXPECT_EQ(s.to_tensor().dtype(), Dtype::float64);
  EXPECT_EQ(s.to_tensor(Dtype::int64).to_vector<std::int64_t>(), (std::vector<std::int64_t>{1, 2, 3}));
  EXPECT_EQ(Series::from_doubles("one", {2.5}).to_tensor().shape(), (Shape{1}));  // 1-D even for one value
  EXPECT_EQ(Series::from_bools("b", {true, false}).to_tensor(Dtype::float32).to_vector<float>(), (std::vector<float>{1, 0}));
  expect_error<ValueError>([] { Series::from_doubles("m", {1.0, NAN}).to_tensor(); }, {"Series 'm'", "row 1 is missing", "dropna"});
  expect_error<ValueError>([] { Series::from_strings("s", {"a"}).to_tensor(); }, {"Series 's'", "numeric or bool column, got object"});
}

// Printing is compared with pandas in dataframe_test.cpp; here the float rules on their own.
TEST(Series, FloatTextFollowsPandas) {
  EXPECT_EQ(Series::from_doubles("x", {1.0, 2.5}).to_string(), "0    1.0\n1    2.5\nName: x, dtype: float64");
  EXPECT_EQ(Series::from_doubles("", {0.1234567, 100.0}).to_string(), "0      0.123457\n1    100.000000\ndtype: float64");
  EXPECT_EQ(Series::from_doubles("", {INFINITY, 1.0, -INFINITY}).to_string(), "0    inf\n1    1.0\n2   -inf\ndtype: float64");
  EXPECT_EQ(Series::from_doubles("", {1e-7, 1.0}).to_string(), "0    1.000000e-07\n1    1.000000e+00\ndtype: float64");
  // pandas would hold these in float64; a missing int prints as a float column's NaN does (no leading space).
  EXPECT_EQ(Series("n", std::vector<std::int64_t>{5, 0}, Bools{1, 0}).to_string(), "0     5\n1   NaN\nName: n, dtype: int64");
}

}  // namespace
}  // namespace axon::frame
