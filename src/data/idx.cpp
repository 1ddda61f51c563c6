#include "axon/data/idx.hpp"

#include "axon/core/error.hpp"

#include <zlib.h>

#include <cstring>
#include <fstream>

namespace axon::data {

std::string read_maybe_gzip(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  check<IoError>(in.good(), "{}: cannot open the file", path.string());
  std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (raw.size() < 2 || static_cast<unsigned char>(raw[0]) != 0x1f || static_cast<unsigned char>(raw[1]) != 0x8b) return raw;
  // gzip: inflate in one stream; the original size is a hint only (the trailer holds it mod 2³²).
  z_stream z{};
  check<IoError>(inflateInit2(&z, 15 + 16) == Z_OK, "{}: zlib could not start", path.string());
  std::string out;
  std::uint32_t hint = 0;
  if (raw.size() >= 4) std::memcpy(&hint, raw.data() + raw.size() - 4, 4);
  out.resize(std::max<std::size_t>(hint, raw.size() * 2));
  z.next_in = reinterpret_cast<Bytef*>(raw.data());
  z.avail_in = static_cast<uInt>(raw.size());
  int status = Z_OK;
  while (status != Z_STREAM_END) {
    if (z.total_out == out.size()) out.resize(out.size() * 2);
    z.next_out = reinterpret_cast<Bytef*>(out.data() + z.total_out);
    z.avail_out = static_cast<uInt>(out.size() - z.total_out);
    status = inflate(&z, Z_NO_FLUSH);
    if (status == Z_BUF_ERROR && z.avail_in == 0) break;  // input ended before the stream did
    if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) break;
  }
  const auto produced = z.total_out;
  const auto consumed = z.total_in;
  inflateEnd(&z);
  check<IoError>(status == Z_STREAM_END,
                 "{}: corrupt or truncated gzip data (zlib status {} after {} of {} compressed bytes)", path.string(),
                 status, consumed, raw.size());
  out.resize(produced);
  return out;
}

Tensor read_idx_bytes(std::span<const std::uint8_t> bytes, std::string_view source) {
  check<IoError>(bytes.size() >= 4, "{}: {} bytes, too short for an IDX header (4 bytes of magic)", source, bytes.size());
  check<IoError>(bytes[0] == 0 && bytes[1] == 0, "{}: byte 0: IDX magic must start with 00 00, found {:02x} {:02x}", source,
                 bytes[0], bytes[1]);
  check<IoError>(bytes[2] == 0x08, "{}: byte 2: only unsigned-byte IDX data (type 0x08) is supported, found 0x{:02x}",
                 source, bytes[2]);
  const int ndim = bytes[3];
  check<IoError>(ndim >= 1 && ndim <= 4, "{}: byte 3: expected 1 to 4 dimensions, found {}", source, ndim);
  const std::size_t header = 4 + 4 * static_cast<std::size_t>(ndim);
  check<IoError>(bytes.size() >= header, "{}: the header needs {} bytes, the file has {}", source, header, bytes.size());
  Shape shape;
  std::uint64_t count = 1;
  for (int d = 0; d < ndim; ++d) {
    const std::uint8_t* p = bytes.data() + 4 + 4 * d;
    const std::uint64_t extent = (std::uint64_t{p[0]} << 24) | (std::uint64_t{p[1]} << 16) | (std::uint64_t{p[2]} << 8) | p[3];
    shape.push_back(static_cast<std::int64_t>(extent));
    count *= extent;
    check<IoError>(count <= (std::uint64_t{1} << 40), "{}: byte {}: sizes multiply past 2^40", source, 4 + 4 * d);
  }
  const std::size_t have = bytes.size() - header;
  check<IoError>(have >= count, "{}: byte {}: expected {} data bytes for shape {}, found {} (truncated)", source, header,
                 count, shape_text(shape), have);
  check<IoError>(have == count, "{}: byte {}: {} bytes after the {} data bytes of shape {} (trailing garbage)", source,
                 header + count, have - count, count, shape_text(shape));
  Tensor t = Tensor::empty(shape, {.dtype = Dtype::uint8});
  if (count > 0) std::memcpy(t.raw_data(), bytes.data() + header, count);
  return t;
}

Tensor read_idx(const std::filesystem::path& path) {
  const std::string bytes = read_maybe_gzip(path);
  return read_idx_bytes({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()}, path.string());
}

}  // namespace axon::data
