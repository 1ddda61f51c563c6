// Loading Fashion-MNIST (4 gzip IDX files, 60,000 + 10,000 images) beside numpy
// (fashion_mnist_load.py: gzip.open + np.frombuffer, the decode keras.datasets does).
//   fashion_mnist_load [--runs N] [--folder DIR]
// Prints, like fashion_mnist_load.py (median and min over the runs, seconds):
//   load_data <median> <min>        data::fashion_mnist::load_data(): all four files, labels as int64
//   train_images <median> <min>     read_idx of train-images-idx3-ubyte.gz alone (26 MB → 47 MB)
//   checksum <sum of all pixels and labels>
#include "axon/data/fashion_mnist.hpp"
#include "axon/data/idx.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void print_times(const char* name, std::vector<double> t) {
  std::sort(t.begin(), t.end());
  std::printf("%s %.4f %.4f\n", name, t[t.size() / 2], t.front());
}

std::uint64_t sum_bytes(const axon::Tensor& t) {
  std::uint64_t s = 0;
  const auto* p = t.data<std::uint8_t>();
  for (std::int64_t i = 0; i < t.numel(); ++i) s += p[i];
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 7;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) runs = std::atoi(argv[++i]);
    else if (std::strcmp(argv[i], "--folder") == 0 && i + 1 < argc) setenv("AXON_DATA", argv[++i], 1);
  }
  try {
    std::vector<double> load_times, train_times;
    std::uint64_t checksum = 0;
    for (int r = 0; r < runs; ++r) {
      auto start = std::chrono::steady_clock::now();
      const auto data = axon::data::fashion_mnist::load_data();
      load_times.push_back(seconds_since(start));
      checksum = sum_bytes(data.train.images) + sum_bytes(data.test.images);
      for (auto y : data.train.labels.to_vector<std::int64_t>()) checksum += static_cast<std::uint64_t>(y);
      for (auto y : data.test.labels.to_vector<std::int64_t>()) checksum += static_cast<std::uint64_t>(y);
    }
    const auto train_path = axon::data::fashion_mnist::folder() / "train-images-idx3-ubyte.gz";
    for (int r = 0; r < runs; ++r) {
      const auto start = std::chrono::steady_clock::now();
      const axon::Tensor images = axon::data::read_idx(train_path);
      train_times.push_back(seconds_since(start));
    }
    print_times("load_data", load_times);
    print_times("train_images", train_times);
    std::printf("checksum %llu\n", static_cast<unsigned long long>(checksum));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fashion_mnist_load: %s\n", e.what());
    return 1;
  }
  return 0;
}
