// Internal to the data floor: the bytes of a dataset file, read in order from memory, from a plain
// file or through gzip, so that one parser (IDX) serves all three and checks every size.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace axon::data::detail {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  /// Copies up to n bytes into dst and returns how many; fewer than n only at the end of the data.
  /// Corrupt input (a zlib error) is an IoError.
  virtual std::size_t read(void* dst, std::size_t n) = 0;
  /// An upper bound on what read() can still return: exact for uncompressed sources, for gzip the
  /// most that the compressed bytes left can expand to. Lets a parser refuse a header that
  /// declares more data than can exist before it allocates.
  virtual std::uint64_t max_remaining() const = 0;
  /// True when max_remaining() is the exact count.
  virtual bool exact() const = 0;
};

class MemorySource final : public ByteSource {
 public:
  explicit MemorySource(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}
  std::size_t read(void* dst, std::size_t n) override;
  std::uint64_t max_remaining() const override { return bytes_.size() - position_; }
  bool exact() const override { return true; }
 private:
  std::span<const std::uint8_t> bytes_;
  std::size_t position_ = 0;
};

/// An uncompressed file read with fread straight into the caller's buffer.
class FileSource final : public ByteSource {
 public:
  FileSource(const std::filesystem::path& path, std::FILE* file, std::uint64_t size)
      : path_(path.string()), file_(file), remaining_(size) {}
  std::size_t read(void* dst, std::size_t n) override;
  std::uint64_t max_remaining() const override { return remaining_; }
  bool exact() const override { return true; }
 private:
  std::string path_;
  std::FILE* file_;
  std::uint64_t remaining_;
};

/// gzip data in memory (one member or several, as gzip(1) writes them), inflated straight into
/// the caller's buffer. The CRC-32 and length in each member's trailer are checked by zlib as the
/// member ends; bytes after the last member that do not start another one are an IoError.
class GzipSource final : public ByteSource {
 public:
  GzipSource(std::span<const std::uint8_t> compressed, std::string_view source);
  ~GzipSource() override;
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;
  std::size_t read(void* dst, std::size_t n) override;
  std::uint64_t max_remaining() const override;
  bool exact() const override { return false; }

 private:
  std::uint64_t consumed() const;
  std::span<const std::uint8_t> in_;
  std::string source_;
  z_stream z_{};
  std::uint64_t produced_ = 0;
  bool finished_ = false;
};

/// gzip's magic bytes 1f 8b.
inline bool is_gzip(std::span<const std::uint8_t> bytes) {
  return bytes.size() >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;
}

/// A whole file in memory, read with one fread (no per-character stream iteration).
struct FileBytes {
  std::unique_ptr<std::uint8_t[]> data;
  std::size_t size = 0;
  std::span<const std::uint8_t> span() const { return {data.get(), size}; }
};
FileBytes read_file_bytes(const std::filesystem::path& path);

/// fopen that closes itself; an IoError naming the path when the file cannot be opened.
struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;
FilePtr open_file(const std::filesystem::path& path, std::uint64_t& size);

}  // namespace axon::data::detail
