// The IDX format of MNIST and Fashion-MNIST (gzip-compressed or not), read as untrusted input.
// Format (http://yann.lecun.com/exdb/mnist/): bytes 00 00, a type byte, the dimension count,
// then one big-endian uint32 size per dimension, then the data in row-major order.
#pragma once

#include "axon/core/tensor.hpp"

#include <cstdint>
#include <filesystem>
#include <span>
#include <string_view>

namespace axon::data {

/// Reads an IDX file of unsigned bytes (type 0x08) into a uint8 tensor of the file's shape; a file
/// starting with gzip's magic (1f 8b) is decompressed straight into the tensor. Bad magic, an
/// unsupported type, a dimension count outside 1..4, sizes that do not match the bytes present,
/// corrupt or truncated gzip, and trailing bytes are each an IoError naming the file, the byte
/// offset and what was expected vs found.
///
///   Tensor images = read_idx("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz");
///   // uint8 [10000, 28, 28]
Tensor read_idx(const std::filesystem::path& path);

/// The same from bytes in memory (plain or gzip); `source` names them in errors.
Tensor read_idx_bytes(std::span<const std::uint8_t> bytes, std::string_view source);

/// The shape in an IDX file's header, reading only the header (cheap even for gzip).
Shape read_idx_shape(const std::filesystem::path& path);

}  // namespace axon::data
