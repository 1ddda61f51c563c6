// list_datasets(): every dataset, installed or not, with cheap shapes and classes.
#include "axon/data/datasets.hpp"
#include "data/data_test_util.hpp"

#include <gtest/gtest.h>

namespace axon::data {
namespace {

const DatasetInfo& find(const std::vector<DatasetInfo>& all, const std::string& name) {
  for (const auto& d : all)
    if (d.name == name) return d;
  throw std::runtime_error("no dataset " + name);
}

TEST(ListDatasets, NamesEveryDatasetAndItsPackage) {
  const auto all = list_datasets();
  std::vector<std::string> names;
  for (const auto& d : all) names.push_back(d.name);
  EXPECT_EQ(names, (std::vector<std::string>{"fashion_mnist", "iris", "wine", "breast_cancer", "diabetes", "digits",
                                             "penguins", "fortunes"}));
  EXPECT_EQ(find(all, "fashion_mnist").package, "dataset-fashion-mnist");
  EXPECT_EQ(find(all, "digits").package, "python3-sklearn");
  EXPECT_EQ(find(all, "penguins").package, "r-cran-palmerpenguins");
  EXPECT_EQ(find(all, "fortunes").package, "fortunes");
}

TEST(ListDatasets, ShapesAndClassesOfTheInstalledOnes) {
  const auto all = list_datasets();
  const struct {
    const char* name;
    Shape shape;
    std::size_t classes;
  } expected[] = {{"fashion_mnist", {60000, 28, 28}, 10}, {"iris", {150, 4}, 3},     {"wine", {178, 13}, 3},
                  {"breast_cancer", {569, 30}, 2},       {"diabetes", {442, 10}, 0}, {"digits", {1797, 64}, 10},
                  {"penguins", {344, 8}, 3}};
  for (const auto& e : expected) {
    const auto& d = find(all, e.name);
    if (!d.found) {
      ADD_FAILURE() << e.name << " not found at " << d.path << ": install " << d.package << " (scripts/setup)";
      continue;
    }
    EXPECT_EQ(d.error, "") << e.name;
    EXPECT_EQ(d.shape, e.shape) << e.name;
    EXPECT_EQ(d.classes.size(), e.classes) << e.name;
  }
  const auto& fortunes = find(all, "fortunes");
  if (fortunes.found) {
    EXPECT_EQ(fortunes.shape, (Shape{test_util::datasets_golden()["fortunes"]["count"].get<std::int64_t>()}));
    EXPECT_GT(fortunes.classes.size(), 10u);
  }
  EXPECT_EQ(find(all, "penguins").classes, (std::vector<std::string>{"Adelie", "Chinstrap", "Gentoo"}));
}

TEST(ListDatasets, AxonDataOverrideMakesThemMissing) {
  test_util::TempDir empty("list");
  test_util::ScopedEnv env("AXON_DATA", empty.path().string());
  for (const auto& d : list_datasets()) {
    EXPECT_FALSE(d.found) << d.name;
    EXPECT_EQ(d.path.string().rfind(empty.path().string(), 0), 0u) << d.path;
    EXPECT_TRUE(d.shape.empty());
  }
}

TEST(ListDatasets, ACorruptFileIsReportedNotThrown) {
  test_util::TempDir root("list");
  std::filesystem::create_directories(root / "sklearn");
  std::ofstream(root / "sklearn" / "iris.csv") << "not a header\n";
  test_util::ScopedEnv env("AXON_DATA", root.path().string());
  const auto all = list_datasets();
  const auto& iris = find(all, "iris");
  EXPECT_TRUE(iris.found);
  EXPECT_NE(iris.error.find("expected scikit-learn's header"), std::string::npos) << iris.error;
}

}  // namespace
}  // namespace axon::data
