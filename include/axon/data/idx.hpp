// The IDX format of MNIST and Fashion-MNIST (gzip-compressed or not), read as untrusted input.
#pragma once

#include "axon/core/tensor.hpp"

#include <cstdint>
#include <filesystem>
#include <span>
#include <string_view>

namespace axon::data {

/// Reads an IDX file of unsigned bytes (type 0x08) into a uint8 tensor of the file's shape. A
/// ".gz" file is decompressed. Bad magic, an unsupported type, a dimension count outside 1..4,
/// a truncated or corrupt file, or trailing bytes are an IoError naming the file, the byte offset
/// and what was expected.
Tensor read_idx(const std::filesystem::path& path);
/// The same from bytes already in memory (uncompressed); `source` names them in errors.
Tensor read_idx_bytes(std::span<const std::uint8_t> bytes, std::string_view source);

/// The whole file, gunzipped when it is gzip (magic 1f 8b); corrupt gzip is an IoError.
std::string read_maybe_gzip(const std::filesystem::path& path);

}  // namespace axon::data
