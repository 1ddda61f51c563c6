#include "axon/data/fashion_mnist.hpp"

#include "axon/core/backend.hpp"
#include "axon/data/data_root.hpp"
#include "axon/data/idx.hpp"

namespace axon::data::fashion_mnist {

std::filesystem::path folder() { return dataset_path("fashion-mnist", "/usr/share/datasets/fashion-mnist"); }

std::vector<std::string> class_names() {
  return {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"};
}

namespace {
Split load_split(const std::filesystem::path& dir, const std::string& prefix) {
  const auto images_path = dir / (prefix + "-images-idx3-ubyte.gz");
  const auto labels_path = dir / (prefix + "-labels-idx1-ubyte.gz");
  require_dataset(images_path, "fashion_mnist", "dataset-fashion-mnist");
  require_dataset(labels_path, "fashion_mnist", "dataset-fashion-mnist");
  Tensor images = read_idx(images_path);
  const Tensor labels8 = read_idx(labels_path);
  check<IoError>(images.ndim() == 3 && images.shape(1) == 28 && images.shape(2) == 28,
                 "{}: expected images of shape [N, 28, 28], found {}", images_path.string(), shape_text(images.shape()));
  check<IoError>(labels8.ndim() == 1 && labels8.shape(0) == images.shape(0),
                 "{}: expected {} labels, found shape {}", labels_path.string(), images.shape(0), shape_text(labels8.shape()));
  Tensor labels = Tensor::empty(labels8.shape(), {.dtype = Dtype::int64});
  backend(Device::cpu).cast(labels8, labels);
  const auto* l = labels.data<std::int64_t>();
  for (std::int64_t i = 0; i < labels.numel(); ++i)
    check<IoError>(l[i] < 10, "{}: label {} at position {} is not a class 0..9", labels_path.string(), l[i], i);
  return {std::move(images), std::move(labels)};
}
}  // namespace

Data load_data() {
  const auto dir = folder();
  require_dataset(dir, "fashion_mnist", "dataset-fashion-mnist");
  return {load_split(dir, "train"), load_split(dir, "t10k"), class_names()};
}

}  // namespace axon::data::fashion_mnist
