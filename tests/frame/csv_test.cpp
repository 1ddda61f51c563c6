// read_csv / to_csv: pandas' parsing rules and type inference, exact error messages, round trips,
// and the same frame whatever the thread count.
#include "axon/frame/csv.hpp"

#include "axon/core/backend.hpp"
#include "axon/core/error.hpp"
#include "axon/core/generator.hpp"

#include <gtest/gtest.h>
#include <fmt/format.h>
#include <unistd.h>

#include <bit>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace axon::frame {
namespace {

namespace fs = std::filesystem;

const std::vector<double>& doubles(const DataFrame& df, const std::string& name) {
  return std::get<std::vector<double>>(df[name].data());
}
const std::vector<std::int64_t>& ints(const DataFrame& df, const std::string& name) {
  return std::get<std::vector<std::int64_t>>(df[name].data());
}
const std::vector<std::uint8_t>& bools(const DataFrame& df, const std::string& name) {
  return std::get<std::vector<std::uint8_t>>(df[name].data());
}
const std::vector<std::string>& strings(const DataFrame& df, const std::string& name) {
  return std::get<std::vector<std::string>>(df[name].data());
}
// One flag per row (1 = present), whether or not the Series stores its mask.
std::vector<std::uint8_t> present(const Series& s) {
  std::vector<std::uint8_t> v(static_cast<std::size_t>(s.size()), 1);
  for (std::int64_t i = 0; i < s.size(); ++i) v[static_cast<std::size_t>(i)] = !s.is_na(i);
  return v;
}

// Same names, dtypes, missing values and values (doubles bit for bit; placeholders under missing
// values are not compared).
::testing::AssertionResult same_frame(const DataFrame& a, const DataFrame& b) {
  if (a.columns() != b.columns())
    return ::testing::AssertionFailure() << "columns differ: " << fmt::format("{}", fmt::join(a.columns(), ",")) << " vs "
                                         << fmt::format("{}", fmt::join(b.columns(), ","));
  for (std::int64_t j = 0; j < a.shape().second; ++j) {
    const Series& x = a.column(j);
    const Series& y = b.column(j);
    if (x.dtype() != y.dtype())
      return ::testing::AssertionFailure() << "column " << x.name() << ": dtype " << column_type_name(x.dtype()) << " vs "
                                           << column_type_name(y.dtype());
    if (x.size() != y.size()) return ::testing::AssertionFailure() << "column " << x.name() << ": sizes differ";
    if (present(x) != present(y)) return ::testing::AssertionFailure() << "column " << x.name() << ": missing values differ";
    for (std::int64_t i = 0; i < x.size(); ++i) {
      if (x.is_na(i)) continue;
      const auto k = static_cast<std::size_t>(i);
      bool same = true;
      switch (x.dtype()) {
        case ColumnType::float64:
          same = std::bit_cast<std::uint64_t>(std::get<0>(x.data())[k]) == std::bit_cast<std::uint64_t>(std::get<0>(y.data())[k]);
          break;
        case ColumnType::int64: same = std::get<1>(x.data())[k] == std::get<1>(y.data())[k]; break;
        case ColumnType::boolean: same = std::get<2>(x.data())[k] == std::get<2>(y.data())[k]; break;
        case ColumnType::string: same = std::get<3>(x.data())[k] == std::get<3>(y.data())[k]; break;
        case ColumnType::category: {
          const auto& cx = std::get<4>(x.data());
          const auto& cy = std::get<4>(y.data());
          same = (*cx.categories)[static_cast<std::size_t>(cx.codes[k])] == (*cy.categories)[static_cast<std::size_t>(cy.codes[k])];
          break;
        }
      }
      if (!same) return ::testing::AssertionFailure() << "column " << x.name() << ": row " << i << " differs";
    }
  }
  return ::testing::AssertionSuccess();
}

// The message of the axon error E that `f` throws ("" when it throws nothing).
template <typename E, typename F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const E& e) {
    return e.what();
  }
  return "";
}

// A folder of its own under the system temp folder, removed after each test.
class CsvFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / fmt::format("axon_csv_test_{}", ::getpid());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path write(const std::string& name, std::string_view bytes) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
  fs::path dir_;
};

// Runs f with n OpenMP threads, then restores the previous count.
template <typename F>
auto with_threads(int n, F&& f) {
  const int before = get_num_threads();
  set_num_threads(n);
  auto result = f();
  set_num_threads(before);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Types.

TEST(CsvRead, InfersInt64Float64BoolString) {
  const DataFrame df = read_csv_string("i,f,b,s\n1,1.5,True,x\n-2,2,false,y\n3,-0.25,TRUE,z\n");
  EXPECT_EQ(df.shape(), (std::pair<std::int64_t, std::int64_t>{3, 4}));
  EXPECT_EQ(df.dtypes(), (std::vector<ColumnType>{ColumnType::int64, ColumnType::float64, ColumnType::boolean,
                                                  ColumnType::string}));
  EXPECT_EQ(ints(df, "i"), (std::vector<std::int64_t>{1, -2, 3}));
  EXPECT_EQ(doubles(df, "f"), (std::vector<double>{1.5, 2.0, -0.25}));
  EXPECT_EQ(bools(df, "b"), (std::vector<std::uint8_t>{1, 0, 1}));
  EXPECT_EQ(strings(df, "s"), (std::vector<std::string>{"x", "y", "z"}));
}

TEST(CsvRead, IntegersWithMissingValuesStayInt64WithAMask) {
  // pandas would make this float64 (NaN); axon's validity masks keep the integers exact.
  const DataFrame df = read_csv_string("a\n1\n\n2\nNA\n9007199254740993\n");
  ASSERT_EQ(df["a"].dtype(), ColumnType::int64);
  EXPECT_EQ(present(df["a"]), (std::vector<std::uint8_t>{1, 1, 0, 1}));
  EXPECT_EQ(ints(df, "a")[0], 1);
  EXPECT_EQ(ints(df, "a")[3], 9007199254740993);
}

TEST(CsvRead, IntegersThenDecimalsBecomeFloat64) {
  const DataFrame df = read_csv_string("a\n1\nNaN\n9007199254740993\n2.5\n");
  ASSERT_EQ(df["a"].dtype(), ColumnType::float64);
  EXPECT_EQ(doubles(df, "a")[0], 1.0);
  EXPECT_TRUE(df["a"].is_na(1));
  EXPECT_EQ(doubles(df, "a")[2], 9007199254740992.0);  // the nearest double, as parsing the text gives
  EXPECT_EQ(doubles(df, "a")[3], 2.5);
  // "-0" read as an integer first keeps its sign when the column turns float64 (found by csv_fuzz).
  const DataFrame zero = read_csv_string("a\n-0\n1.5\n");
  EXPECT_TRUE(std::signbit(doubles(zero, "a")[0]));
  EXPECT_EQ(ints(read_csv_string("a\n-0\n1\n"), "a")[0], 0);
}

TEST(CsvRead, DisagreeingValuesMakeStringsWithTheOriginalText) {
  const DataFrame df = read_csv_string("a,b,c\n007,1.50,True\n2,,1\nx,abc,\n");
  EXPECT_EQ(strings(df, "a"), (std::vector<std::string>{"007", "2", "x"}));
  EXPECT_EQ(df["b"].dtype(), ColumnType::string);
  EXPECT_EQ(strings(df, "b")[0], "1.50");
  EXPECT_TRUE(df["b"].is_na(1));
  EXPECT_EQ(strings(df, "c")[0], "True");  // bool then int: object in pandas
  EXPECT_EQ(strings(df, "c")[1], "1");
  EXPECT_TRUE(df["c"].is_na(2));
}

TEST(CsvRead, BoolsWithMissingValuesKeepBoolDtype) {
  const DataFrame df = read_csv_string("a\nTrue\nNA\nfalse\n");
  ASSERT_EQ(df["a"].dtype(), ColumnType::boolean);
  EXPECT_EQ(present(df["a"]), (std::vector<std::uint8_t>{1, 0, 1}));
  EXPECT_EQ(bools(df, "a")[2], 0);
}

TEST(CsvRead, AllMissingIsFloat64AndHeaderOnlyIsStrings) {
  const DataFrame df = read_csv_string("a,b\n,NA\nnan,\n");
  EXPECT_EQ(df.dtypes(), (std::vector<ColumnType>{ColumnType::float64, ColumnType::float64}));
  EXPECT_EQ(present(df["a"]), (std::vector<std::uint8_t>{0, 0}));
  const DataFrame empty = read_csv_string("a,b\n");  // pandas: 0 rows, object columns
  EXPECT_EQ(empty.shape(), (std::pair<std::int64_t, std::int64_t>{0, 2}));
  EXPECT_EQ(empty.columns(), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(empty.dtypes(), (std::vector<ColumnType>{ColumnType::string, ColumnType::string}));
}

TEST(CsvRead, NumberSpellingsPandasAccepts) {
  const DataFrame df = read_csv_string("a,b\ninf,+1\n-Infinity, 2 \n.5,-0\n5.,+3\n1e400,4\n1e-400,5\n");
  ASSERT_EQ(df["a"].dtype(), ColumnType::float64);
  const auto& a = doubles(df, "a");
  EXPECT_EQ(a[0], INFINITY);
  EXPECT_EQ(a[1], -INFINITY);
  EXPECT_EQ(a[2], 0.5);
  EXPECT_EQ(a[3], 5.0);
  EXPECT_EQ(a[4], INFINITY);
  EXPECT_EQ(a[5], 0.0);
  EXPECT_EQ(ints(df, "b"), (std::vector<std::int64_t>{1, 2, 0, 3, 4, 5}));
  // Not numbers: pandas reads these as text.
  for (const char* text : {"a\n1\nNAN\n", "a\n1e\n", "a\n0x10\n", "a\n1_0\n", "a\n+-1\n"})
    EXPECT_EQ(read_csv_string(text)["a"].dtype(), ColumnType::string) << text;
}

TEST(CsvRead, FloatsAreCorrectlyRoundedLikeFromChars) {
  // read_csv has its own decimal → double conversion for the common shapes; std::from_chars
  // (correctly rounded) is the oracle. Random digit strings of 1 to 21 digits with random decimal
  // points and exponents, plus ties and near-ties at 2^53 and the edges of the fast paths.
  std::vector<std::string> texts = {"9007199254740993", "9007199254740992.5", "9007199254740995", "18014398509481985",
                                    "0.1", "1e-19", "9999999999999999999e-19", "1234567890123456789e19",
                                    "72057594037927933", "7.2057594037927933e16", "0.30000000000000004", "-0",
                                    "2.2250738585072014e-308", "4.9e-324", "1.7976931348623157e308", "000.000123",
                                    "00012.50", "1.00000000000000000000001", "123456789012345678901234567890e-20"};
  Generator gen(3);
  for (int i = 0; i < 200000; ++i) {
    std::string t = gen.below(2) ? "-" : "";
    const auto digits = static_cast<int>(1 + gen.below(21));
    const auto point = static_cast<int>(gen.below(static_cast<std::uint64_t>(digits) + 1));
    for (int d = 0; d < digits; ++d) {
      if (d == point && d > 0) t += '.';
      t += static_cast<char>('0' + gen.below(10));
    }
    if (gen.below(3) == 0) t += fmt::format("e{}", static_cast<int>(gen.below(61)) - 30);
    texts.push_back(t);
  }
  std::string csv = "x\n";
  for (const auto& t : texts) csv += t + "\n";
  const DataFrame df = read_csv_string(csv, {.dtype = {{"x", ColumnType::float64}}});
  const auto& got = doubles(df, "x");
  ASSERT_EQ(got.size(), texts.size());
  int wrong = 0;
  for (std::size_t i = 0; i < texts.size() && wrong < 5; ++i) {
    double want = 0;
    std::from_chars(texts[i].data(), texts[i].data() + texts[i].size(), want);
    if (std::bit_cast<std::uint64_t>(got[i]) != std::bit_cast<std::uint64_t>(want)) {
      ADD_FAILURE() << texts[i] << ": read " << fmt::format("{}", got[i]) << ", from_chars " << fmt::format("{}", want);
      ++wrong;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Syntax.

TEST(CsvRead, QuotedFieldsHoldDelimitersNewlinesAndDoubledQuotes) {
  const DataFrame df = read_csv_string("name,n\n\"a,b\",1\n\"line1\nline2\",2\n\"say \"\"hi\"\"\",3\n\"\",4\n\"x\"y,5\n");
  EXPECT_EQ(strings(df, "name"),
            (std::vector<std::string>{"a,b", "line1\nline2", "say \"hi\"", "", "xy"}));
  EXPECT_TRUE(df["name"].is_na(3));  // a quoted empty field is missing, as in pandas
  EXPECT_EQ(ints(df, "n"), (std::vector<std::int64_t>{1, 2, 3, 4, 5}));
  const DataFrame quoted_numbers = read_csv_string("a\n\"1\"\n\"2\"\n");
  EXPECT_EQ(ints(quoted_numbers, "a"), (std::vector<std::int64_t>{1, 2}));
}

TEST(CsvRead, ByteOrderMarkCrlfAndBareCr) {
  const DataFrame df = read_csv_string("\xEF\xBB\xBFid,name\r\n1,\"a\r\nb\"\r\n2,c\r\n");
  EXPECT_EQ(df.columns(), (std::vector<std::string>{"id", "name"}));
  EXPECT_EQ(ints(df, "id"), (std::vector<std::int64_t>{1, 2}));
  EXPECT_EQ(strings(df, "name"), (std::vector<std::string>{"a\r\nb", "c"}));
  const DataFrame mac = read_csv_string("a,b\r1,2\r3,4\r");
  EXPECT_EQ(ints(mac, "b"), (std::vector<std::int64_t>{2, 4}));
}

TEST(CsvRead, BlankLinesAndLastLineWithoutNewline) {
  const DataFrame df = read_csv_string("a,b\n\n1,2\n   \n\n3,4");
  EXPECT_EQ(ints(df, "a"), (std::vector<std::int64_t>{1, 3}));
  EXPECT_EQ(ints(df, "b"), (std::vector<std::int64_t>{2, 4}));
  const DataFrame trailing = read_csv_string("a,b,c\n1,2,\n");
  EXPECT_TRUE(trailing["c"].is_na(0));
}

TEST(CsvRead, DelimiterQuotecharAndComments) {
  const DataFrame semi = read_csv_string("a;b\n1,5;'x;y'\n", {.delimiter = ';', .quotechar = '\''});
  EXPECT_EQ(strings(semi, "a"), (std::vector<std::string>{"1,5"}));
  EXPECT_EQ(strings(semi, "b"), (std::vector<std::string>{"x;y"}));
  const DataFrame unquoted = read_csv_string("a,b\n\"x,y\"\n", {.quotechar = '\0'});  // no quoting
  EXPECT_EQ(strings(unquoted, "a"), (std::vector<std::string>{"\"x"}));
  EXPECT_EQ(strings(unquoted, "b"), (std::vector<std::string>{"y\""}));
  const DataFrame tabs = read_csv_string("a\tb\n1\t2\n", {.delimiter = '\t'});
  EXPECT_EQ(ints(tabs, "b"), (std::vector<std::int64_t>{2}));
  const DataFrame commented = read_csv_string("# about\na,b\n1,2 # note\n#x,y\n\"#3\",4\n", {.comment = '#'});
  EXPECT_EQ(strings(commented, "a"), (std::vector<std::string>{"1", "#3"}));
  EXPECT_EQ(ints(commented, "b"), (std::vector<std::int64_t>{2, 4}));
}

TEST(CsvRead, HeaderNamesAndUnnamedColumns) {
  const DataFrame none = read_csv_string("1,2\n3,4\n", {.header = false});
  EXPECT_EQ(none.columns(), (std::vector<std::string>{"0", "1"}));
  EXPECT_EQ(ints(none, "0"), (std::vector<std::int64_t>{1, 3}));
  const DataFrame named = read_csv_string("1,2\n", {.header = false, .names = {"x", "y"}});
  EXPECT_EQ(ints(named, "y"), (std::vector<std::int64_t>{2}));
  const DataFrame replaced = read_csv_string("a,b\n1,2\n", {.names = {"x", "y"}});  // pandas header=0 + names
  EXPECT_EQ(replaced.columns(), (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(replaced.rows(), 1);
  const DataFrame unnamed = read_csv_string(",b,\n1,2,3\n");
  EXPECT_EQ(unnamed.columns(), (std::vector<std::string>{"Unnamed: 0", "b", "Unnamed: 2"}));
}

TEST(CsvRead, NaTokens) {
  const DataFrame df = read_csv_string("a,b,c\nNA,N/A,x\nnull,None,-\n#N/A,<NA>,y\n1,2,-\n", {.na_values = {"-"}});
  EXPECT_EQ(present(df["a"]), (std::vector<std::uint8_t>{0, 0, 0, 1}));
  EXPECT_EQ(present(df["b"]), (std::vector<std::uint8_t>{0, 0, 0, 1}));
  EXPECT_EQ(present(df["c"]), (std::vector<std::uint8_t>{1, 0, 1, 0}));
  // keep_default_na = false: "NA" and "" are text (pandas gives '' for the empty field).
  const DataFrame kept = read_csv_string("a,b\nNA,\n-,1\n", {.na_values = {"-"}, .keep_default_na = false});
  EXPECT_EQ(strings(kept, "a")[0], "NA");
  EXPECT_TRUE(kept["a"].is_na(1));
  EXPECT_EQ(strings(kept, "b"), (std::vector<std::string>{"", "1"}));
  EXPECT_FALSE(kept["b"].has_na());
}

// ---------------------------------------------------------------------------------------------
// Options.

TEST(CsvRead, ExplicitDtypes) {
  const std::string text = "id,x,flag,species\n007,1,True,b\n2,,False,a\n10,3,,b\n";
  const DataFrame df = read_csv_string(text, {.dtype = {{"id", ColumnType::string}, {"x", ColumnType::float64},
                                                        {"flag", ColumnType::boolean}, {"species", ColumnType::category}}});
  EXPECT_EQ(strings(df, "id"), (std::vector<std::string>{"007", "2", "10"}));
  EXPECT_EQ(df["x"].dtype(), ColumnType::float64);
  EXPECT_EQ(doubles(df, "x")[2], 3.0);
  EXPECT_TRUE(df["x"].is_na(1));
  EXPECT_EQ(df["flag"].dtype(), ColumnType::boolean);
  EXPECT_TRUE(df["flag"].is_na(2));
  const auto& cat = std::get<Categorical>(df["species"].data());
  EXPECT_EQ(*cat.categories, (std::vector<std::string>{"a", "b"}));  // sorted, as pandas
  EXPECT_EQ(cat.codes, (std::vector<std::int32_t>{1, 0, 1}));
  // Numeric categories sort by value, and a missing value has code -1.
  const DataFrame nums = read_csv_string("c\n10\n9\nNA\n10\n", {.dtype = {{"c", ColumnType::category}}});
  const auto& nc = std::get<Categorical>(nums["c"].data());
  EXPECT_EQ(*nc.categories, (std::vector<std::string>{"9", "10"}));
  EXPECT_EQ(nc.codes, (std::vector<std::int32_t>{1, 0, -1, 1}));
  EXPECT_TRUE(nums["c"].is_na(2));
  const DataFrame forced_int = read_csv_string("a\n1\n\n", {.dtype = {{"a", ColumnType::int64}}});
  EXPECT_EQ(forced_int["a"].dtype(), ColumnType::int64);
}

TEST(CsvRead, UsecolsNrowsSkiprows) {
  const std::string text = "junk line\n\"more, junk\"\na,b,c\n1,x,2.5\n2,y,3.5\n3,z,bad\n";
  const DataFrame df = read_csv_string(text, {.usecols = {"c", "a"}, .nrows = 2, .skiprows = 2});
  EXPECT_EQ(df.columns(), (std::vector<std::string>{"a", "c"}));  // file order, as pandas
  EXPECT_EQ(ints(df, "a"), (std::vector<std::int64_t>{1, 2}));
  EXPECT_EQ(doubles(df, "c"), (std::vector<double>{2.5, 3.5}));
  // nrows stops before a ragged line.
  EXPECT_EQ(read_csv_string("a\n1\n2\n3,4\n", {.nrows = 2}).rows(), 2);
  EXPECT_EQ(read_csv_string("a\n1\n", {.nrows = 0}).rows(), 0);
}

TEST(CsvRead, StreamAndStringGiveTheSameFrame) {
  const std::string text = "a,b\n1,\"x\ny\"\n2,z\n";
  std::istringstream in(text);
  EXPECT_TRUE(same_frame(read_csv(in), read_csv_string(text)));
}

// ---------------------------------------------------------------------------------------------
// Errors: source, 1-based line and column, expected vs found.

TEST(CsvErrors, RaggedRows) {
  EXPECT_EQ(error_of<ValueError>([] { read_csv_string("a,b\n1,2\n3,4,5\n"); }),
            "<string>:3:3: expected 2 fields, found 3 (a value that contains ',' must be quoted)");
  EXPECT_EQ(error_of<ValueError>([] { read_csv_string("a,b,c\n1,2,3\n\n4,5\n"); }),
            "<string>:4:3: expected 3 fields, found 2: the row ends before column 'c'");
  // The line counts physical lines, including those inside quoted fields.
  EXPECT_EQ(error_of<ValueError>([] { read_csv_string("a,b\n\"x\ny\",1\n2\n", {}, "notes.csv"); }),
            "notes.csv:4:2: expected 2 fields, found 1: the row ends before column 'b'");
}

TEST(CsvErrors, UnterminatedQuote) {
  EXPECT_EQ(error_of<ValueError>([] { read_csv_string("a,b\n1,\"open\n2,3\n"); }),
            "<string>:2:2: column 'b': a quoted field never closes: expected a closing '\"', found the end of the input");
  EXPECT_EQ(error_of<ValueError>([] { read_csv_string("a,\"b\n"); }),
            "<string>:1:2: field 2: a quoted field never closes: expected a closing '\"', found the end of the input");
}

TEST(CsvErrors, ValueThatDoesNotParseAsTheForcedDtype) {
  EXPECT_EQ(error_of<ValueError>([] { read_csv_string("a,b\n1,2\n3,x\n", {.dtype = {{"b", ColumnType::int64}}}); }),
            "<string>:3:2: column 'b': expected an integer (dtype int64) as options.dtype asks, found 'x'");
  EXPECT_EQ(error_of<ValueError>([] { read_csv_string("a\n1.5\n", {.dtype = {{"a", ColumnType::int64}}}); }),
            "<string>:2:1: column 'a': expected an integer (dtype int64) as options.dtype asks, found '1.5'");
  EXPECT_EQ(error_of<ValueError>([] { read_csv_string("a\n1\nn/a\nabc\n", {.dtype = {{"a", ColumnType::float64}}}); }),
            "<string>:4:1: column 'a': expected a number (dtype float64) as options.dtype asks, found 'abc'");
  EXPECT_EQ(error_of<ValueError>([] { read_csv_string("a\nyes\n", {.dtype = {{"a", ColumnType::boolean}}}); }),
            "<string>:2:1: column 'a': expected True or False (dtype bool) as options.dtype asks, found 'yes'");
}

TEST(CsvErrors, EmptyInputs) {
  EXPECT_EQ(error_of<ValueError>([] { read_csv_string(""); }),
            "<string>: no columns to parse: expected a header row, found an empty input");
  EXPECT_EQ(error_of<ValueError>([] { read_csv_string("\xEF\xBB\xBF\n\n# c\n", {.comment = '#'}); }),
            "<string>: no columns to parse: expected a header row, found only blank or comment lines");
  EXPECT_EQ(error_of<ValueError>([] { read_csv_string("a\n", {.skiprows = 1}); }),
            "<string>: no columns to parse: expected a header row after skipping 1 lines, found only blank or comment lines");
}

TEST(CsvErrors, DuplicateNames) {
  EXPECT_EQ(error_of<ValueError>([] { read_csv_string("a,b,a\n1,2,3\n"); }),
            "<string>:1:3: duplicate column name 'a' (columns 1 and 3); pandas would rename the second 'a.1': make the "
            "names unique");
  EXPECT_EQ(error_of<ValueError>([] { read_csv_string("1,2\n", {.header = false, .names = {"x", "x"}}); }),
            "<string>: options.names: duplicate column name 'x' (columns 1 and 2); pandas would rename the second "
            "'x.1': make the names unique");
}

TEST(CsvErrors, OptionsThatNameMissingColumns) {
  EXPECT_EQ(error_of<ValueError>([] { read_csv_string("a,b\n1,2\n", {.usecols = {"z"}}); }),
            "<string>: options.usecols names column 'z', which is not in the file. Columns: a, b");
  EXPECT_EQ(error_of<ValueError>([] { read_csv_string("a,b\n1,2\n", {.dtype = {{"q", ColumnType::int64}}}); }),
            "<string>: options.dtype names column 'q', which is not in the file. Columns: a, b");
  EXPECT_EQ(error_of<ValueError>([] { read_csv_string("a,b\n1,2\n", {.names = {"x"}}); }),
            "<string>:1: options.names has 1 names, but the header row has 2 fields");
  EXPECT_EQ(error_of<ValueError>([] { read_csv_string("a\n", {.delimiter = '\n'}); }),
            "read_csv(<string>): delimiter '\\x0a' cannot separate fields");
}

TEST_F(CsvFiles, ErrorsNameTheFile) {
  const fs::path missing = dir_ / "missing.csv";
  EXPECT_EQ(error_of<IoError>([&] { read_csv(missing); }),
            missing.string() + ": cannot open the file: No such file or directory");
  EXPECT_EQ(error_of<IoError>([&] { read_csv(dir_); }), dir_.string() + ": is a directory, expected a CSV file");
  const fs::path penguins = write("penguins.csv", "a,b,c\n1,2,3\n4,5,6,7\n");
  EXPECT_EQ(error_of<ValueError>([&] { read_csv(penguins); }),
            penguins.string() + ":3:4: expected 3 fields, found 4 (a value that contains ',' must be quoted)");
  const fs::path empty = write("empty.csv", "");
  EXPECT_EQ(error_of<ValueError>([&] { read_csv(empty); }),
            empty.string() + ": no columns to parse: expected a header row, found an empty input");
}

// ---------------------------------------------------------------------------------------------
// Writing.

DataFrame mixed_frame() {
  return DataFrame({Series("f", std::vector<double>{1.0, 0.1, -1e-300, 1e16, 2.0 / 3.0, INFINITY},
                           std::vector<std::uint8_t>{1, 1, 1, 1, 0, 1}),
                    Series("i", std::vector<std::int64_t>{1, -2, 0, INT64_MAX, INT64_MIN, 7},
                           std::vector<std::uint8_t>{1, 1, 0, 1, 1, 1}),
                    Series::from_bools("b", {true, false, true, true, false, false}),
                    Series("s", std::vector<std::string>{"plain", "a,b", "say \"hi\"", "two\nlines", "", "x"},
                           std::vector<std::uint8_t>{1, 1, 1, 1, 0, 1})});
}

TEST(CsvWrite, TextAsPandasWritesIt) {
  EXPECT_EQ(to_csv_string(mixed_frame()),
            "f,i,b,s\n"
            "1.0,1,True,plain\n"
            "0.1,-2,False,\"a,b\"\n"
            "-1e-300,,True,\"say \"\"hi\"\"\"\n"
            "1e+16,9223372036854775807,True,\"two\nlines\"\n"
            ",-9223372036854775808,False,\n"
            "inf,7,False,x\n");
  const DataFrame small({Series("a b", std::vector<double>{NAN, 2.5}), Series::from_ints("c;d", {1, 2})});
  EXPECT_EQ(to_csv_string(small, {.delimiter = ';', .header = false, .na_rep = "NA"}), "NA;1\n2.5;2\n");
  EXPECT_EQ(to_csv_string(small, {.delimiter = ';'}), "a b;\"c;d\"\n;1\n2.5;2\n");
}

TEST(CsvWrite, RoundTripsThroughReadCsv) {
  const DataFrame df = mixed_frame();
  EXPECT_TRUE(same_frame(read_csv_string(to_csv_string(df)), df));
  // Random doubles come back bit for bit.
  Generator gen(7);
  std::vector<double> values(2000);
  for (auto& v : values) v = (gen.uniform() - 0.5) * std::pow(10.0, static_cast<double>(gen.below(40)) - 20);
  const DataFrame random({Series::from_doubles("x", values)});
  EXPECT_TRUE(same_frame(read_csv_string(to_csv_string(random)), random));
  // One blank string in a one-column frame is quoted, so the line is not skipped.
  const DataFrame lone({Series("s", std::vector<std::string>{"a", " ", "b"})});
  EXPECT_EQ(to_csv_string(lone), "s\na\n\" \"\nb\n");
  EXPECT_TRUE(same_frame(read_csv_string(to_csv_string(lone)), lone));
  // A name that starts with a byte order mark is quoted, or reading would drop the mark (csv_fuzz).
  const DataFrame marked({Series::from_ints("\xEF\xBB\xBF" "a", {1}), Series::from_ints("b", {2})});
  EXPECT_EQ(to_csv_string(marked), "\"\xEF\xBB\xBF" "a\",b\n1,2\n");
  EXPECT_TRUE(same_frame(read_csv_string(to_csv_string(marked)), marked));
  // Categories come back as categories when asked.
  const DataFrame cats({Series::categorical("c", {"b", "a", "b"})});
  EXPECT_TRUE(same_frame(read_csv_string(to_csv_string(cats), {.dtype = {{"c", ColumnType::category}}}), cats));
}

TEST_F(CsvFiles, ToCsvWritesAtomicallyAndRoundTrips) {
  const fs::path path = dir_ / "out.csv";
  write("out.csv", "old contents\n");
  const DataFrame df = mixed_frame();
  to_csv(df, path);
  EXPECT_TRUE(same_frame(read_csv(path), df));
  std::vector<std::string> left;
  for (const auto& entry : fs::directory_iterator(dir_)) left.push_back(entry.path().filename().string());
  EXPECT_EQ(left, (std::vector<std::string>{"out.csv"}));  // no temporary file left behind
}

TEST_F(CsvFiles, ToCsvFailureNamesThePathAndLeavesNoTemporaryFile) {
  const fs::path missing_dir = dir_ / "no_such_dir" / "out.csv";
  const std::string message = error_of<IoError>([&] { to_csv(mixed_frame(), missing_dir); });
  EXPECT_EQ(message.rfind(missing_dir.string() + ": cannot write: No such file or directory", 0), 0u) << message;
  // Renaming over a folder fails after the temporary file was written: it must be removed.
  fs::create_directories(dir_ / "taken");
  const std::string taken = error_of<IoError>([&] { to_csv(mixed_frame(), dir_ / "taken"); });
  EXPECT_EQ(taken.rfind((dir_ / "taken").string() + ": cannot replace the file", 0), 0u) << taken;
  std::vector<std::string> left;
  for (const auto& entry : fs::directory_iterator(dir_)) left.push_back(entry.path().filename().string());
  EXPECT_EQ(left, (std::vector<std::string>{"taken"}));
}

// ---------------------------------------------------------------------------------------------
// Threads: a multi-threaded parse equals a single-threaded one.

// ~3 MB with types that change half way (int → float, int → string, all-missing → int), quoted
// newlines, and a long multi-line quoted field (whose lines look like rows) placed across the
// middle, where the cut between two threads falls inside it.
std::string generated_csv(int rows) {
  Generator gen(42);
  std::vector<std::string> lines, texts;  // each row: the first six fields, then the text field
  std::size_t size = 0;
  for (int r = 0; r < rows; ++r) {
    const bool second_half = r >= rows / 2;
    std::string text = fmt::format("w{}", gen.below(1000));
    if (r % 97 == 0) text = fmt::format("\"quoted, {}\nline\"", r);
    const double x = (gen.uniform() - 0.5) * 1e3;
    lines.push_back(fmt::format("{},{},{},{},{},{},", r, second_half && r % 5 == 0 ? fmt::format("{}", x) : std::to_string(r),
                                second_half && r == rows - 3 ? "oops" : std::to_string(r % 13),
                                second_half ? std::to_string(r) : std::string(""),
                                r % 7 == 0 ? "NA" : fmt::format("{}", x), r % 2 ? "True" : "False"));
    texts.push_back(text + "\n");
    size += lines.back().size() + texts.back().size();
  }
  std::string big = "\"";
  for (int k = 0; k < 4000; ++k) big += fmt::format("{},{},{},{},{},{},{}\n", k, k, k, k, k, k, k);
  big += "\"\n";
  std::string out = "id,x,mixed,late,maybe_na,flag,text\n";
  std::size_t before = 0;
  for (std::size_t r = 0; r < lines.size(); ++r) {
    const std::size_t length = lines[r].size() + texts[r].size();
    if (before < size / 2 && before + length >= size / 2) texts[r] = big;  // the row at the middle
    before += length;
    out += lines[r] + texts[r];
  }
  return out;
}

TEST(CsvThreads, TwoThreadsGiveTheSameFrameAsOne) {
  const std::string text = generated_csv(60000);
  ASSERT_GT(text.size(), 2'000'000u);
  // The two-thread cut (the middle of the data) lies inside the long quoted field.
  const std::size_t header = text.find('\n') + 1, middle = header + (text.size() - header) / 2;
  const std::size_t open = text.find("\"0,0,0"), close = text.find('"', open + 1);
  ASSERT_TRUE(open < middle && middle < close) << open << " " << middle << " " << close;
  const DataFrame one = with_threads(1, [&] { return read_csv_string(text); });
  const DataFrame two = with_threads(2, [&] { return read_csv_string(text); });
  const DataFrame three = with_threads(3, [&] { return read_csv_string(text); });
  EXPECT_EQ(one.rows(), 60000);
  EXPECT_EQ(one.dtypes(), (std::vector<ColumnType>{ColumnType::int64, ColumnType::float64, ColumnType::string,
                                                   ColumnType::int64, ColumnType::float64, ColumnType::boolean,
                                                   ColumnType::string}));
  EXPECT_EQ(strings(one, "mixed")[0], "0");
  EXPECT_TRUE(one["late"].is_na(0));
  EXPECT_FALSE(one["late"].is_na(59999));
  EXPECT_TRUE(same_frame(one, two));
  EXPECT_TRUE(same_frame(one, three));
}

TEST_F(CsvFiles, MappedFileEqualsStringParseAndErrorsDoNotDependOnThreads) {
  const std::string text = generated_csv(40000);
  const fs::path path = write("big.csv", text);
  const DataFrame from_file = with_threads(2, [&] { return read_csv(path); });
  EXPECT_TRUE(same_frame(from_file, with_threads(1, [&] { return read_csv_string(text); })));
  // Two errors, one in each half: both thread counts report the first.
  std::string bad = text;
  bad.insert(bad.size() * 3 / 4, "\n1,2\n");
  bad.insert(bad.size() / 4, "\n1,2,3\n");
  const auto message = [&](int n) {
    return with_threads(n, [&] { return error_of<ValueError>([&] { read_csv_string(bad, {}, "big.csv"); }); });
  };
  EXPECT_NE(message(1), "");
  EXPECT_EQ(message(1), message(2));
}

}  // namespace
}  // namespace axon::frame
