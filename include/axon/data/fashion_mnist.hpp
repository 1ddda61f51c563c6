// Fashion-MNIST (Xiao et al. 2017) from Debian's dataset-fashion-mnist, in Keras's shape of answer.
#pragma once

#include "axon/core/tensor.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace axon::data::fashion_mnist {

struct Split {
  Tensor images;  ///< uint8 [N, 28, 28]
  Tensor labels;  ///< int64 [N]
};

struct Data {
  Split train;  ///< 60,000 images
  Split test;   ///< 10,000 images
  std::vector<std::string> class_names;
};

/// Where the gzip IDX files are looked for: $AXON_DATA/fashion-mnist, else
/// /usr/share/datasets/fashion-mnist.
std::filesystem::path folder();
/// keras.datasets.fashion_mnist.load_data(): a missing dataset is an IoError naming the path and
/// the Debian package.
Data load_data();
std::vector<std::string> class_names();

}  // namespace axon::data::fashion_mnist
