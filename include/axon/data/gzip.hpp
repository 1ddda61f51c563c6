// gzip files as the datasets ship them (scikit-learn's .csv.gz, Fashion-MNIST's IDX), read as
// untrusted input.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace axon::data {

/// Decompresses gzip data held in memory (one member or several). Truncated or corrupt data
/// (a zlib error, a CRC-32 mismatch) and bytes after the last member are an IoError naming
/// `source`, the compressed byte offset and zlib's reason.
std::string gunzip(std::span<const std::uint8_t> compressed, std::string_view source);

/// The whole file, gunzipped when it starts with gzip's magic bytes 1f 8b, else as it is.
std::string read_maybe_gzip(const std::filesystem::path& path);

}  // namespace axon::data
