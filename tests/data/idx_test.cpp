#include "axon/data/idx.hpp"

#include "axon/core/error.hpp"
#include "axon/data/fashion_mnist.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

namespace axon::data {
namespace {

std::vector<std::uint8_t> idx_bytes(std::vector<std::uint32_t> dims, std::size_t data_bytes) {
  std::vector<std::uint8_t> b = {0, 0, 0x08, static_cast<std::uint8_t>(dims.size())};
  for (auto d : dims)
    for (int shift : {24, 16, 8, 0}) b.push_back(static_cast<std::uint8_t>(d >> shift));
  for (std::size_t i = 0; i < data_bytes; ++i) b.push_back(static_cast<std::uint8_t>(i));
  return b;
}

std::string message_of(const std::vector<std::uint8_t>& b) {
  try {
    read_idx_bytes(b, "x.idx");
  } catch (const IoError& e) {
    return e.what();
  }
  return "no error";
}

TEST(Idx, ReadsShapeAndBytes) {
  const Tensor t = read_idx_bytes(idx_bytes({2, 3}, 6), "x.idx");
  EXPECT_EQ(t.shape(), (Shape{2, 3}));
  EXPECT_EQ(t.to_vector<int>(), (std::vector<int>{0, 1, 2, 3, 4, 5}));
}

TEST(Idx, CorruptInputsSayWhereAndWhat) {
  EXPECT_EQ(message_of({0, 0}), "x.idx: 2 bytes, too short for an IDX header (4 bytes of magic)");
  auto bad_magic = idx_bytes({2}, 2);
  bad_magic[0] = 7;
  EXPECT_EQ(message_of(bad_magic), "x.idx: byte 0: IDX magic must start with 00 00, found 07 00");
  auto bad_type = idx_bytes({2}, 2);
  bad_type[2] = 0x0d;
  EXPECT_EQ(message_of(bad_type), "x.idx: byte 2: only unsigned-byte IDX data (type 0x08) is supported, found 0x0d");
  EXPECT_EQ(message_of(idx_bytes({2, 3}, 5)), "x.idx: byte 12: expected 6 data bytes for shape [2, 3], found 5 (truncated)");
  EXPECT_EQ(message_of(idx_bytes({2, 3}, 7)), "x.idx: byte 18: 1 bytes after the 6 data bytes of shape [2, 3] (trailing garbage)");
  auto no_dims = idx_bytes({}, 0);
  EXPECT_EQ(message_of(no_dims), "x.idx: byte 3: expected 1 to 4 dimensions, found 0");
}

TEST(Idx, GzipFilesAndTruncatedGzip) {
  const auto dir = std::filesystem::temp_directory_path() / ("axon_idx_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto bytes = idx_bytes({4, 5}, 20);
  const auto gz = dir / "a.idx.gz";
  gzFile f = gzopen(gz.c_str(), "wb");
  gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size()));
  gzclose(f);
  EXPECT_EQ(read_idx(gz).shape(), (Shape{4, 5}));
  std::filesystem::resize_file(gz, std::filesystem::file_size(gz) - 12);
  try {
    read_idx(gz);
    FAIL();
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find("corrupt or truncated gzip"), std::string::npos) << e.what();
  }
  std::ofstream(dir / "plain.idx", std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  EXPECT_EQ(read_idx(dir / "plain.idx").numel(), 20);
  EXPECT_THROW(read_idx(dir / "missing.idx"), IoError);
  std::filesystem::remove_all(dir);
}

TEST(FashionMnist, LoadsTheDebianPackage) {
  if (!std::filesystem::exists(fashion_mnist::folder()))
    GTEST_SKIP() << "dataset-fashion-mnist is not installed (scripts/setup installs it)";
  const auto data = fashion_mnist::load_data();
  EXPECT_EQ(data.train.images.shape(), (Shape{60000, 28, 28}));
  EXPECT_EQ(data.test.images.shape(), (Shape{10000, 28, 28}));
  EXPECT_EQ(data.train.labels.dtype(), Dtype::int64);
  const auto train = data.train.labels.to_vector<int>(), test = data.test.labels.to_vector<int>();
  EXPECT_EQ(std::vector<int>(train.begin(), train.begin() + 5), (std::vector<int>{9, 0, 0, 3, 0}));
  EXPECT_EQ(std::vector<int>(test.begin(), test.begin() + 5), (std::vector<int>{9, 2, 1, 1, 6}));
  EXPECT_EQ(data.class_names.at(9), "Ankle boot");
}

TEST(FashionMnist, MissingFolderNamesThePackage) {
  ::setenv("AXON_DATA", "/nonexistent-axon-data", 1);
  try {
    fashion_mnist::load_data();
    FAIL();
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find("dataset-fashion-mnist"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("/nonexistent-axon-data/fashion-mnist"), std::string::npos) << e.what();
  }
  ::unsetenv("AXON_DATA");
}

}  // namespace
}  // namespace axon::data
