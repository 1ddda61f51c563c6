// The Palmer penguins table against pandas.read_csv (tests/golden/datasets.json).
#include "axon/core/error.hpp"
#include "axon/data/datasets.hpp"
#include "data/data_test_util.hpp"

#include <gtest/gtest.h>

namespace axon::data {
namespace {

constexpr const char* kPenguins = "/usr/lib/R/site-library/palmerpenguins/extdata/penguins.csv";

TEST(Penguins, SameTableAsPandas) {
  AXON_SKIP_WITHOUT(kPenguins, "r-cran-palmerpenguins");
  const auto& g = test_util::datasets_golden()["penguins"];
  const frame::DataFrame df = load_penguins();
  EXPECT_EQ(df.rows(), 344);
  EXPECT_EQ(df.columns(), g["columns"].get<std::vector<std::string>>());
  std::vector<std::string> dtypes;
  for (auto t : df.dtypes()) dtypes.emplace_back(frame::column_type_name(t));
  // NOTE: pandas turns the integer columns with NA (flipper_length_mm, body_mass_g) into float64;
  // axon's read_csv keeps them int64 with the missing rows masked (frame/csv.hpp says why).
  auto pandas_dtypes = g["dtypes"].get<std::vector<std::string>>();
  pandas_dtypes[4] = pandas_dtypes[5] = "int64";
  EXPECT_EQ(dtypes, pandas_dtypes);
  for (const auto& [column, count] : g["na_counts"].items())
    EXPECT_EQ(df[column].size() - df[column].count(), count.get<std::int64_t>()) << column;
  for (const auto& [column, mean] : g["means"].items())
    EXPECT_NEAR(df[column].mean(), mean.get<double>(), 1e-12 * std::abs(mean.get<double>())) << column;
  EXPECT_EQ(df.dropna().rows(), g["rows_after_dropna"].get<std::int64_t>());
  const auto counts = df["species"].value_counts();
  EXPECT_EQ(counts.size(), 3);
}

TEST(Penguins, MissingFileNamesThePackage) {
  test_util::TempDir empty("penguins");
  test_util::ScopedEnv env("AXON_DATA", empty.path().string());
  try {
    load_penguins();
    FAIL() << "no error";
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find("r-cran-palmerpenguins"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find((empty.path() / "palmerpenguins" / "penguins.csv").string()),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace axon::data
