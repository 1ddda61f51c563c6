#include "axon/data/fashion_mnist.hpp"

#include "axon/core/backend.hpp"
#include "axon/data/data_root.hpp"
#include "axon/data/idx.hpp"

#include <array>
#include <future>

namespace axon::data::fashion_mnist {

std::filesystem::path folder() { return dataset_path("fashion-mnist", "/usr/share/datasets/fashion-mnist"); }

std::vector<std::string> class_names() {
  return {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"};
}

namespace {

std::filesystem::path required(const std::filesystem::path& path) {
  require_dataset(path, "fashion_mnist", "dataset-fashion-mnist");
  return path;
}

Split check_split(Tensor images, const Tensor& labels8, const std::filesystem::path& images_path,
                  const std::filesystem::path& labels_path) {
  check<IoError>(images.ndim() == 3 && images.shape(1) == 28 && images.shape(2) == 28,
                 "{}: expected images of shape [N, 28, 28], found {}", images_path.string(), shape_text(images.shape()));
  check<IoError>(labels8.ndim() == 1 && labels8.shape(0) == images.shape(0), "{}: expected {} labels, found shape {}",
                 labels_path.string(), images.shape(0), shape_text(labels8.shape()));
  const auto* l8 = labels8.data<std::uint8_t>();
  for (std::int64_t i = 0; i < labels8.numel(); ++i)
    check<IoError>(l8[i] < 10, "{}: byte {}: label {} is not a class 0..9", labels_path.string(), 8 + i, l8[i]);
  Tensor labels = Tensor::empty(labels8.shape(), {.dtype = Dtype::int64});
  backend(Device::cpu).cast(labels8, labels);
  return {std::move(images), std::move(labels)};
}

}  // namespace

Data load_data() {
  const auto dir = folder();
  require_dataset(dir, "fashion_mnist", "dataset-fashion-mnist");
  const std::filesystem::path paths[4] = {
      required(dir / "train-images-idx3-ubyte.gz"), required(dir / "train-labels-idx1-ubyte.gz"),
      required(dir / "t10k-images-idx3-ubyte.gz"), required(dir / "t10k-labels-idx1-ubyte.gz")};
  // Inflating the 26 MB of training images takes most of the time; the other three files inflate
  // on a second thread meanwhile. Errors come back through the futures.
  auto others = std::async(std::launch::async, [&paths] {
    return std::array<Tensor, 3>{read_idx(paths[1]), read_idx(paths[2]), read_idx(paths[3])};
  });
  Tensor train_images = read_idx(paths[0]);
  auto [train_labels, test_images, test_labels] = others.get();
  return {check_split(std::move(train_images), train_labels, paths[0], paths[1]),
          check_split(std::move(test_images), test_labels, paths[2], paths[3]), class_names()};
}

}  // namespace axon::data::fashion_mnist
