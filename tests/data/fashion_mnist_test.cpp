#include "axon/data/fashion_mnist.hpp"

#include "axon/core/error.hpp"
#include "axon/data/idx.hpp"
#include "data/data_test_util.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

namespace axon::data {
namespace {


TEST(FashionMnist, LoadsTheDebianPackageInKerasShape) {
  AXON_SKIP_WITHOUT(fashion_mnist::folder(), "dataset-fashion-mnist");
  const auto data = fashion_mnist::load_data();
  EXPECT_EQ(data.train.images.shape(), (Shape{60000, 28, 28}));
  EXPECT_EQ(data.test.images.shape(), (Shape{10000, 28, 28}));
  EXPECT_EQ(data.train.images.dtype(), Dtype::uint8);
  EXPECT_EQ(data.train.labels.shape(), (Shape{60000}));
  EXPECT_EQ(data.train.labels.dtype(), Dtype::int64);
  const auto train = data.train.labels.to_vector<int>(), test = data.test.labels.to_vector<int>();
  // keras.datasets.fashion_mnist.load_data(): y_train[:5], y_test[:5].
  EXPECT_EQ(std::vector<int>(train.begin(), train.begin() + 5), (std::vector<int>{9, 0, 0, 3, 0}));
  EXPECT_EQ(std::vector<int>(test.begin(), test.begin() + 5), (std::vector<int>{9, 2, 1, 1, 6}));
  // Balanced: 6,000 training images per class.
  std::vector<int> per_class(10);
  for (int y : train) ++per_class[y];
  EXPECT_EQ(per_class, std::vector<int>(10, 6000));
  EXPECT_EQ(data.class_names,
            (std::vector<std::string>{"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                                      "Sneaker", "Bag", "Ankle boot"}));
}

TEST(FashionMnist, HeaderShapeWithoutReadingTheData) {
  AXON_SKIP_WITHOUT(fashion_mnist::folder(), "dataset-fashion-mnist");
  EXPECT_EQ(read_idx_shape(fashion_mnist::folder() / "t10k-labels-idx1-ubyte.gz"), (Shape{10000}));
}

TEST(FashionMnist, MissingFolderNamesThePathAndPackage) {
  test_util::ScopedEnv env("AXON_DATA", "/nonexistent-axon-data");
  try {
    fashion_mnist::load_data();
    ADD_FAILURE() << "no error";
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find("dataset-fashion-mnist"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("/nonexistent-axon-data/fashion-mnist"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace axon::data
