#include "axon/data/gzip.hpp"

#include "axon/core/error.hpp"
#include "data/data_test_util.hpp"

#include <gtest/gtest.h>

namespace axon::data {
namespace {

using test_util::gzip_bytes;
using test_util::TempDir;

std::vector<std::uint8_t> text_bytes(std::size_t n) {
  std::vector<std::uint8_t> b(n);
  for (std::size_t i = 0; i < n; ++i) b[i] = static_cast<std::uint8_t>('a' + (i * 31 + i / 7) % 26);
  return b;
}

TEST(Gzip, RoundTripsWhatZlibWrote) {
  TempDir dir("gzip");
  const auto plain = text_bytes(200000);
  const std::string out = gunzip(gzip_bytes(plain, dir / "a.gz"), "a.gz");
  EXPECT_EQ(out, std::string(plain.begin(), plain.end()));
  EXPECT_EQ(gunzip(gzip_bytes({}, dir / "e.gz"), "e.gz"), "");
}

TEST(Gzip, GrowsPastTheTrailersSizeHint) {
  // Two members: the last trailer's length (10 bytes) undercounts the 100,010 bytes in all.
  TempDir dir("gzip");
  const auto big = text_bytes(100000), small = text_bytes(10);
  auto both = gzip_bytes(big, dir / "a.gz");
  const auto tail = gzip_bytes(small, dir / "b.gz");
  both.insert(both.end(), tail.begin(), tail.end());
  const std::string out = gunzip(both, "ab.gz");
  EXPECT_EQ(out.size(), 100010u);
  EXPECT_EQ(out.substr(100000), std::string(small.begin(), small.end()));
}

TEST(Gzip, ErrorsNameTheSource) {
  EXPECT_THROW(gunzip(std::vector<std::uint8_t>{'n', 'o', 't', ' ', 'g', 'z'}, "x"), IoError);
  try {
    gunzip(std::vector<std::uint8_t>{0x1f, 0x8b, 8, 0}, "cut.gz");
    FAIL();
  } catch (const IoError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("cut.gz: truncated gzip data", 0), 0u) << e.what();
  }
}

TEST(Gzip, ReadMaybeGzipPassesPlainFilesThrough) {
  TempDir dir("gzip");
  test_util::write_bytes(dir / "plain.csv", {'a', ',', 'b', '\n'});
  EXPECT_EQ(read_maybe_gzip(dir / "plain.csv"), "a,b\n");
  test_util::write_bytes(dir / "z.csv.gz", gzip_bytes({'1', ',', '2', '\n'}, dir / "s.gz"));
  EXPECT_EQ(read_maybe_gzip(dir / "z.csv.gz"), "1,2\n");
  EXPECT_THROW(read_maybe_gzip(dir / "missing.csv"), IoError);
}

}  // namespace
}  // namespace axon::data
