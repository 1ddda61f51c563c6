// scikit-learn's bundled datasets against scikit-learn itself (tests/golden/datasets.json).
#include "axon/core/error.hpp"
#include "axon/data/datasets.hpp"
#include "data/data_test_util.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace axon::data {
namespace {

using test_util::datasets_golden;
using json = nlohmann::json;

constexpr const char* kSklearnData = "/usr/lib/python3/dist-packages/sklearn/datasets/data";

// Values are parsed from the same decimal text by correctly rounded parsers on both sides, so rows
// agree exactly; means and the diabetes scaling are sums in another order: 1e-12 relative.
constexpr double kTolerance = 1e-12;

void expect_matches_sklearn(const Bunch& b, const json& g, bool classification = true) {
  const auto shape = g["shape"].get<std::vector<std::int64_t>>();
  ASSERT_EQ(b.data.shape(), (Shape{shape[0], shape[1]}));
  EXPECT_EQ(b.data.dtype(), Dtype::float64);
  EXPECT_EQ(b.feature_names, g["feature_names"].get<std::vector<std::string>>());
  for (const auto& [row, values] : g["rows"].items()) {
    const std::int64_t i = std::stoll(row);
    EXPECT_TENSOR_NEAR(b.data.rows(i, i + 1), values.get<std::vector<double>>(), 0.0, kTolerance) << "row " << row;
  }
  const auto means = g["column_means"].get<std::vector<double>>();
  const auto x = b.data.to_vector<double>();
  for (std::int64_t j = 0; j < shape[1]; ++j) {
    double sum = 0.0;
    for (std::int64_t i = 0; i < shape[0]; ++i) sum += x[static_cast<std::size_t>(i * shape[1] + j)];
    EXPECT_NEAR(sum / static_cast<double>(shape[0]), means[j], kTolerance * (1.0 + std::abs(means[j]))) << "column " << j;
  }
  EXPECT_EQ(b.target.shape(), (Shape{shape[0]}));
  const auto head = g["target_head"].get<std::vector<double>>();
  EXPECT_TENSOR_NEAR(b.target.rows(0, static_cast<std::int64_t>(head.size())), head, 0.0, 0.0);
  double target_sum = 0.0;
  for (double t : b.target.to_vector<double>()) target_sum += t;
  EXPECT_NEAR(target_sum, g["target_sum"].get<double>(), 1e-9);
  // as_frame=True: the features, then "target".
  EXPECT_EQ(b.frame.columns(), g["frame_columns"].get<std::vector<std::string>>());
  EXPECT_EQ(b.frame.rows(), shape[0]);
  if (classification) {
    EXPECT_EQ(b.target.dtype(), Dtype::int64);
    EXPECT_EQ(b.target_names, g["target_names"].get<std::vector<std::string>>());
    std::vector<int> counts(b.target_names.size());
    for (auto t : b.target.to_vector<std::int64_t>()) ++counts.at(static_cast<std::size_t>(t));
    EXPECT_EQ(counts, g["class_counts"].get<std::vector<int>>());
  } else {
    EXPECT_EQ(b.target.dtype(), Dtype::float64);
    EXPECT_TRUE(b.target_names.empty());
  }
}

TEST(SklearnDatasets, Iris) {
  AXON_SKIP_WITHOUT(kSklearnData, "python3-sklearn");
  const Bunch iris = load_iris();
  EXPECT_EQ(iris.data.shape(), (Shape{150, 4}));
  EXPECT_EQ(iris.target_names.size(), 3u);
  EXPECT_EQ(iris.data.rows(0, 1).to_vector<double>(), (std::vector<double>{5.1, 3.5, 1.4, 0.2}));
  EXPECT_EQ(iris.feature_names.front(), "sepal length (cm)");
  EXPECT_EQ(iris.frame["target"].dtype(), frame::ColumnType::int64);
  EXPECT_EQ(iris.filename.filename(), "iris.csv");
  expect_matches_sklearn(iris, datasets_golden()["iris"]);
}

TEST(SklearnDatasets, Wine) {
  AXON_SKIP_WITHOUT(kSklearnData, "python3-sklearn");
  const Bunch wine = load_wine();
  // sklearn's frame holds float64 features even where the file has integers (magnesium).
  EXPECT_EQ(wine.frame["magnesium"].dtype(), frame::ColumnType::float64);
  expect_matches_sklearn(wine, datasets_golden()["wine"]);
}

TEST(SklearnDatasets, BreastCancer) {
  AXON_SKIP_WITHOUT(kSklearnData, "python3-sklearn");
  expect_matches_sklearn(load_breast_cancer(), datasets_golden()["breast_cancer"]);
}

TEST(SklearnDatasets, Digits) {
  AXON_SKIP_WITHOUT(kSklearnData, "python3-sklearn");
  const Bunch digits = load_digits();
  EXPECT_EQ(digits.feature_names[9], "pixel_1_1");
  expect_matches_sklearn(digits, datasets_golden()["digits"]);
}

TEST(SklearnDatasets, DiabetesScaledAsSklearn) {
  AXON_SKIP_WITHOUT(kSklearnData, "python3-sklearn");
  const Bunch diabetes = load_diabetes();
  expect_matches_sklearn(diabetes, datasets_golden()["diabetes"], false);
  // Each scaled column has mean 0 and L2 norm 1.
  const auto x = diabetes.data.to_vector<double>();
  for (int j = 0; j < 10; ++j) {
    double sum = 0.0, squares = 0.0;
    for (int i = 0; i < 442; ++i) sum += x[i * 10 + j], squares += x[i * 10 + j] * x[i * 10 + j];
    EXPECT_NEAR(sum, 0.0, 1e-12);
    EXPECT_NEAR(squares, 1.0, 1e-12);
  }
}

TEST(SklearnDatasets, DiabetesRaw) {
  AXON_SKIP_WITHOUT(kSklearnData, "python3-sklearn");
  const Bunch raw = load_diabetes({.scaled = false});
  EXPECT_EQ(raw.data.rows(0, 1).to_vector<double>(),
            (std::vector<double>{59, 2, 32.1, 101.0, 157, 93.2, 38.0, 4.0, 4.8598, 87}));
  expect_matches_sklearn(raw, datasets_golden()["diabetes_raw"], false);
}

TEST(SklearnDatasets, MissingFileNamesThePathAndPackage) {
  test_util::TempDir empty("sklearn");
  test_util::ScopedEnv env("AXON_DATA", empty.path().string());
  try {
    load_iris();
    FAIL() << "no error";
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find((empty.path() / "sklearn" / "iris.csv").string()), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("python3-sklearn"), std::string::npos) << e.what();
  }
  EXPECT_THROW(load_diabetes(), IoError);
  EXPECT_THROW(load_digits(), IoError);
}

TEST(SklearnDatasets, CorruptHeaderOrRowCountIsAnIoError) {
  test_util::TempDir root("sklearn");
  std::filesystem::create_directories(root / "sklearn");
  test_util::ScopedEnv env("AXON_DATA", root.path().string());
  const auto write = [&](const std::string& text) { std::ofstream(root / "sklearn" / "iris.csv") << text; };
  write("150,four,setosa\n");
  EXPECT_THROW(load_iris(), IoError);
  write("3,4,a,b,c\n1,2,3,4,0\n");  // 3 rows announced, 1 present
  try {
    load_iris();
    FAIL() << "no error";
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find("announces 3 rows, the file has 1"), std::string::npos) << e.what();
  }
  write("1,4,a,b,c\n1,2,3,4,7\n");  // class 7 of 3
  EXPECT_THROW(load_iris(), IoError);
  write("1,4,a,b,c\n1,2,3,4,0\n");
  EXPECT_EQ(load_iris().target_names, (std::vector<std::string>{"a", "b", "c"}));
}

}  // namespace
}  // namespace axon::data
