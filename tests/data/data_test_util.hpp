// Helpers for the data floor's tests: IDX bytes, gzip written with zlib, a temporary folder.
#pragma once

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>
#include <zlib.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace axon::data::test_util {

/// An IDX file of unsigned bytes: the magic, the sizes, then `data_bytes` bytes 0, 1, 2, ...
inline std::vector<std::uint8_t> idx_bytes(const std::vector<std::uint32_t>& dims, std::size_t data_bytes) {
  std::vector<std::uint8_t> b = {0, 0, 0x08, static_cast<std::uint8_t>(dims.size())};
  for (auto d : dims)
    for (int shift : {24, 16, 8, 0}) b.push_back(static_cast<std::uint8_t>(d >> shift));
  for (std::size_t i = 0; i < data_bytes; ++i) b.push_back(static_cast<std::uint8_t>(i * 7));
  return b;
}

/// A folder under the system temp dir, removed with its contents at scope exit.
class TempDir {
 public:
  explicit TempDir(const std::string& tag)
      : path_(std::filesystem::temp_directory_path() /
              ("axon_" + tag + "_" + std::to_string(::getpid()) + "_" + std::to_string(counter()++))) {
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  static int& counter() { static int n = 0; return n; }
  std::filesystem::path path_;
};

inline void write_bytes(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes) {
  std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()),
                                              static_cast<std::streamsize>(bytes.size()));
}

inline std::vector<std::uint8_t> read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// gzip bytes written by zlib's gzopen/gzwrite, as gzip(1) would.
inline std::vector<std::uint8_t> gzip_bytes(const std::vector<std::uint8_t>& plain, const std::filesystem::path& scratch) {
  gzFile f = gzopen(scratch.c_str(), "wb");
  EXPECT_NE(f, nullptr);
  if (!plain.empty()) gzwrite(f, plain.data(), static_cast<unsigned>(plain.size()));
  gzclose(f);
  return read_bytes(scratch);
}

/// Sets an environment variable (AXON_DATA) for a scope and restores the previous value after.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) previous_ = old, had_ = true;
    ::setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (had_) ::setenv(name_, previous_.c_str(), 1); else ::unsetenv(name_);
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::string previous_;
  bool had_ = false;
};

/// tests/golden/datasets.json, written by tools/golden/make_datasets_golden.py from scikit-learn,
/// pandas and Python's own reading of the fortunes.
inline const nlohmann::json& datasets_golden() {
  static const nlohmann::json golden = [] {
    std::ifstream in(std::string(AXON_SOURCE_DIR) + "/tests/golden/datasets.json");
    return nlohmann::json::parse(in);
  }();
  return golden;
}

}  // namespace axon::data::test_util

/// Skips a test whose Debian data package is not installed, naming it (scripts/setup installs
/// them all, so in CI these tests run).
#define AXON_SKIP_WITHOUT(path, package)                                                    \
  if (!std::filesystem::exists(path))                                                      \
  GTEST_SKIP() << "the Debian package " << (package) << " is not installed (no " << (path) \
               << "); scripts/setup installs it"
