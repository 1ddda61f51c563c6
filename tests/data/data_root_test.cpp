#include "axon/data/data_root.hpp"
#include "axon/core/error.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

namespace axon::data {
namespace {

TEST(DataRoot, AxonDataOverridesTheSystemPath) {
  ::unsetenv("AXON_DATA");
  EXPECT_EQ(dataset_path("iris", "/usr/share/x"), "/usr/share/x");
  ::setenv("AXON_DATA", "/tmp/axon-data", 1);
  EXPECT_EQ(dataset_path("iris", "/usr/share/x"), "/tmp/axon-data/iris");
  ::unsetenv("AXON_DATA");
}

TEST(DataRoot, MissingDatasetNamesPathAndPackage) {
  try {
    require_dataset("/nonexistent/fashion", "fashion_mnist", "dataset-fashion-mnist");
    FAIL();
  } catch (const IoError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("/nonexistent/fashion"), std::string::npos) << m;
    EXPECT_NE(m.find("dataset-fashion-mnist"), std::string::npos) << m;
  }
}

}  // namespace
}  // namespace axon::data
