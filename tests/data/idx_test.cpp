#include "axon/data/idx.hpp"

#include "axon/core/error.hpp"
#include "data/data_test_util.hpp"

#include <gtest/gtest.h>

namespace axon::data {
namespace {

using test_util::gzip_bytes;
using test_util::idx_bytes;
using test_util::TempDir;
using test_util::write_bytes;

std::string message_of(const std::vector<std::uint8_t>& b, std::string_view source = "x.idx") {
  try {
    read_idx_bytes(b, source);
  } catch (const IoError& e) {
    return e.what();
  }
  return "no error";
}

std::string file_message_of(const std::filesystem::path& path) {
  try {
    read_idx(path);
  } catch (const IoError& e) {
    return e.what();
  }
  return "no error";
}

TEST(Idx, ReadsShapeAndBytes) {
  const Tensor t = read_idx_bytes(idx_bytes({2, 3}, 6), "x.idx");
  EXPECT_EQ(t.dtype(), Dtype::uint8);
  EXPECT_EQ(t.shape(), (Shape{2, 3}));
  EXPECT_EQ(t.to_vector<int>(), (std::vector<int>{0, 7, 14, 21, 28, 35}));
}

TEST(Idx, OneToFourDimensionsAndEmpty) {
  EXPECT_EQ(read_idx_bytes(idx_bytes({5}, 5), "x").shape(), (Shape{5}));
  EXPECT_EQ(read_idx_bytes(idx_bytes({1, 2, 3, 4}, 24), "x").shape(), (Shape{1, 2, 3, 4}));
  EXPECT_EQ(read_idx_bytes(idx_bytes({0, 28, 28}, 0), "x").shape(), (Shape{0, 28, 28}));
}

TEST(Idx, CorruptHeadersSayWhereAndWhat) {
  EXPECT_EQ(message_of({0, 0}), "x.idx: 2 bytes, too short for an IDX header (4 bytes of magic)");
  auto bad_magic = idx_bytes({2}, 2);
  bad_magic[0] = 7;
  EXPECT_EQ(message_of(bad_magic), "x.idx: byte 0: IDX magic must start with 00 00, found 07 00");
  auto bad_type = idx_bytes({2}, 2);
  bad_type[2] = 0x0d;  // float32 data: valid IDX, but not what axon reads
  EXPECT_EQ(message_of(bad_type), "x.idx: byte 2: only unsigned-byte IDX data (type 0x08) is supported, found 0x0d");
  EXPECT_EQ(message_of(idx_bytes({}, 0)), "x.idx: byte 3: expected 1 to 4 dimensions, found 0");
  EXPECT_EQ(message_of(idx_bytes({1, 1, 1, 1, 1}, 1)), "x.idx: byte 3: expected 1 to 4 dimensions, found 5");
  auto short_sizes = idx_bytes({2, 3}, 0);
  short_sizes.resize(9);
  EXPECT_EQ(message_of(short_sizes),
            "x.idx: byte 4: expected 8 bytes of sizes for 2 dimensions, found 5 (truncated header)");
  EXPECT_EQ(message_of(idx_bytes({65536, 65536, 65536}, 0)),
            "x.idx: byte 12: sizes [65536, 65536, 65536] multiply past 2^40 elements");
  // Found by fuzz/idx_fuzz.cpp: 1·2^16·2^24·2^24 = 2^64 wrapped an unchecked product to 0 elements.
  EXPECT_EQ(message_of(idx_bytes({1, 65536, 16777216, 16777216}, 1)),
            "x.idx: byte 16: sizes [1, 65536, 16777216, 16777216] multiply past 2^40 elements");
  // With a zero size there are no elements, but the other sizes still must not overflow a stride.
  EXPECT_EQ(message_of(idx_bytes({0, 4294967295u, 4294967295u}, 0)),
            "x.idx: byte 12: sizes [0, 4294967295, 4294967295] multiply past 2^40 elements");
}

TEST(Idx, SizesMustMatchTheBytesPresent) {
  EXPECT_EQ(message_of(idx_bytes({2, 3}, 5)), "x.idx: byte 12: expected 6 data bytes for shape [2, 3], found 5 (truncated)");
  EXPECT_EQ(message_of(idx_bytes({2, 3}, 7)),
            "x.idx: byte 18: 1 bytes after the 6 data bytes of shape [2, 3] (trailing garbage)");
  // A header declaring 16 GB over a 12-byte file is refused before anything is allocated.
  EXPECT_EQ(message_of(idx_bytes({65536, 65536, 4}, 0)),
            "x.idx: byte 16: expected 17179869184 data bytes for shape [65536, 65536, 4], found 0 (truncated)");
}

TEST(Idx, PlainAndGzipFilesGiveTheSameTensor) {
  TempDir dir("idx");
  const auto bytes = idx_bytes({40, 28, 28}, 40 * 28 * 28);
  write_bytes(dir / "plain.idx", bytes);
  write_bytes(dir / "data.idx.gz", gzip_bytes(bytes, dir / "scratch.gz"));
  const Tensor plain = read_idx(dir / "plain.idx");
  const Tensor gz = read_idx(dir / "data.idx.gz");
  EXPECT_EQ(plain.shape(), (Shape{40, 28, 28}));
  EXPECT_EQ(gz.shape(), (Shape{40, 28, 28}));
  EXPECT_EQ(plain.to_vector<int>(), gz.to_vector<int>());
  EXPECT_EQ(plain.to_vector<int>()[785], (785 * 7) % 256);
  EXPECT_EQ(read_idx_shape(dir / "data.idx.gz"), (Shape{40, 28, 28}));
  EXPECT_EQ(read_idx_shape(dir / "plain.idx"), (Shape{40, 28, 28}));
  // The gzip bytes in memory take the same path.
  EXPECT_EQ(read_idx_bytes(test_util::read_bytes(dir / "data.idx.gz"), "mem").to_vector<int>(), gz.to_vector<int>());
}

TEST(Idx, PlainFileErrorsNameThePath) {
  TempDir dir("idx");
  write_bytes(dir / "short.idx", idx_bytes({2, 3}, 4));
  EXPECT_EQ(file_message_of(dir / "short.idx"),
            (dir / "short.idx").string() + ": byte 12: expected 6 data bytes for shape [2, 3], found 4 (truncated)");
  write_bytes(dir / "long.idx", idx_bytes({2, 3}, 9));
  EXPECT_EQ(file_message_of(dir / "long.idx"),
            (dir / "long.idx").string() + ": byte 18: 3 bytes after the 6 data bytes of shape [2, 3] (trailing garbage)");
  EXPECT_EQ(file_message_of(dir / "missing.idx"), (dir / "missing.idx").string() + ": not a readable file (no such file)");
  EXPECT_EQ(file_message_of(dir.path()), dir.path().string() + ": not a readable file (not a regular file)");
}

TEST(Idx, GzipCorruptionIsAnIoErrorWithTheCompressedOffset) {
  TempDir dir("idx");
  const auto gz = gzip_bytes(idx_bytes({50, 20}, 1000), dir / "scratch.gz");
  const auto check_message = [&](std::vector<std::uint8_t> bytes, const std::string& expected) {
    write_bytes(dir / "bad.idx.gz", bytes);
    const std::string m = file_message_of(dir / "bad.idx.gz");
    EXPECT_NE(m.find(expected), std::string::npos) << m;
    EXPECT_EQ(m.rfind((dir / "bad.idx.gz").string(), 0), 0u) << m;
  };
  // Cut in the middle of the deflate data.
  check_message({gz.begin(), gz.begin() + static_cast<std::ptrdiff_t>(gz.size() / 2)},
                fmt::format("truncated gzip data: the file ends at compressed byte {} in the middle", gz.size() / 2));
  // Every data byte is there, but the 8-byte trailer (CRC-32 and length) is cut short.
  check_message({gz.begin(), gz.end() - 4}, "truncated gzip data");
  // A wrong CRC-32 in the trailer.
  auto bad_crc = gz;
  bad_crc[bad_crc.size() - 8] ^= 0xff;
  check_message(bad_crc, "corrupt gzip data at compressed byte");
  check_message(bad_crc, "(zlib: incorrect data check)");
  // A broken deflate block header right after the 10-byte gzip header: block type 3 is invalid.
  auto bad_block = gz;
  bad_block[10] = 0x07;
  check_message(bad_block, "corrupt gzip data at compressed byte 11, after 0 decompressed bytes (zlib: invalid block type)");
  // Bytes after the gzip stream that do not start another member.
  auto trailing = gz;
  trailing.insert(trailing.end(), {'x', 'y', 'z'});
  check_message(trailing, fmt::format("compressed byte {}: 3 bytes of trailing garbage after the gzip stream", gz.size()));
}

TEST(Idx, GzipHeaderAndDataChecksAsForPlainFiles) {
  TempDir dir("idx");
  write_bytes(dir / "long.idx.gz", gzip_bytes(idx_bytes({2, 3}, 8), dir / "s.gz"));
  EXPECT_EQ(file_message_of(dir / "long.idx.gz"),
            (dir / "long.idx.gz").string() + ": byte 18: 2 bytes after the 6 data bytes of shape [2, 3] (trailing garbage)");
  write_bytes(dir / "type.idx.gz", [&] {
    auto b = idx_bytes({2}, 2);
    b[2] = 0x0b;
    return gzip_bytes(b, dir / "s.gz");
  }());
  EXPECT_EQ(file_message_of(dir / "type.idx.gz"),
            (dir / "type.idx.gz").string() +
                ": byte 2: only unsigned-byte IDX data (type 0x08) is supported, found 0x0b");
  // A gzip file claiming 16 GB of data cannot hold it: refused before allocating.
  write_bytes(dir / "huge.idx.gz", gzip_bytes(idx_bytes({65536, 65536, 4}, 100), dir / "s.gz"));
  const std::string m = file_message_of(dir / "huge.idx.gz");
  EXPECT_NE(m.find("expected 17179869184 data bytes for shape [65536, 65536, 4], but the compressed bytes left can "
                   "hold at most"),
            std::string::npos)
      << m;
}

TEST(Idx, ConcatenatedGzipMembersAreOneStream) {
  TempDir dir("idx");
  const auto bytes = idx_bytes({3, 4}, 12);
  auto first = gzip_bytes({bytes.begin(), bytes.begin() + 10}, dir / "a.gz");
  const auto second = gzip_bytes({bytes.begin() + 10, bytes.end()}, dir / "b.gz");
  first.insert(first.end(), second.begin(), second.end());  // what `cat a.gz b.gz` makes
  EXPECT_EQ(read_idx_bytes(first, "ab.gz").to_vector<int>(), read_idx_bytes(bytes, "plain").to_vector<int>());
}

}  // namespace
}  // namespace axon::data
