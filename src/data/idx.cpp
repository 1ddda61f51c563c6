// IDX files: the header is checked field by field, the declared size is checked against the bytes
// that can exist before anything is allocated, and the data goes in one read (fread or inflate)
// straight into the tensor's storage.
#include "axon/data/idx.hpp"

#include "axon/core/error.hpp"
#include "byte_source.hpp"

#include <array>
#include <cstring>
#include <memory>
#include <optional>
#include <vector>

#if AXON_HAVE_LIBDEFLATE
#include <libdeflate.h>
#endif

namespace axon::data {
namespace {

constexpr std::uint8_t kUnsignedByte = 0x08;
// Larger declared sizes are refused before multiplying further (no overflow, no absurd allocation).
constexpr std::uint64_t kMaxElements = std::uint64_t{1} << 40;

struct Header {
  Shape shape;
  std::uint64_t count = 1;    // elements = data bytes
  std::size_t header_bytes = 0;
};

Header read_header(detail::ByteSource& in, std::string_view source) {
  std::array<std::uint8_t, 4> magic{};
  const std::size_t got = in.read(magic.data(), magic.size());
  check<IoError>(got == 4, "{}: {} bytes, too short for an IDX header (4 bytes of magic)", source, got);
  check<IoError>(magic[0] == 0 && magic[1] == 0, "{}: byte 0: IDX magic must start with 00 00, found {:02x} {:02x}",
                 source, magic[0], magic[1]);
  check<IoError>(magic[2] == kUnsignedByte,
                 "{}: byte 2: only unsigned-byte IDX data (type 0x08) is supported, found 0x{:02x}", source, magic[2]);
  const int ndim = magic[3];
  check<IoError>(ndim >= 1 && ndim <= 4, "{}: byte 3: expected 1 to 4 dimensions, found {}", source, ndim);

  std::array<std::uint8_t, 16> sizes{};
  const std::size_t want = 4 * static_cast<std::size_t>(ndim);
  const std::size_t have = in.read(sizes.data(), want);
  check<IoError>(have == want, "{}: byte 4: expected {} bytes of sizes for {} dimensions, found {} (truncated header)",
                 source, want, ndim, have);
  Header h;
  h.header_bytes = 4 + want;
  // NOTE: the product of the non-zero sizes is bounded, not just the element count: with a zero
  // size the count is 0, yet [0, 2^32-1, 2^32-1] would still overflow every later stride or
  // partial product (the fuzzer found the wrap-around of an unchecked product).
  std::uint64_t nonzero_product = 1;
  bool has_zero = false;
  for (int d = 0; d < ndim; ++d) {
    const std::uint8_t* p = sizes.data() + 4 * d;  // big-endian uint32
    const std::uint64_t extent = std::uint64_t{p[0]} << 24 | std::uint64_t{p[1]} << 16 | std::uint64_t{p[2]} << 8 | p[3];
    h.shape.push_back(static_cast<std::int64_t>(extent));
    if (extent == 0) {
      has_zero = true;
      continue;
    }
    check<IoError>(nonzero_product <= kMaxElements / extent, "{}: byte {}: sizes {} multiply past 2^40 elements",
                   source, 4 + 4 * d, shape_text(h.shape));
    nonzero_product *= extent;
  }
  h.count = has_zero ? 0 : nonzero_product;
  return h;
}

Tensor read_idx_from(detail::ByteSource& in, std::string_view source) {
  const Header h = read_header(in, source);
  // Refuse before allocating: a corrupt header must not ask for terabytes.
  if (h.count > in.max_remaining()) {
    check<IoError>(!in.exact(), "{}: byte {}: expected {} data bytes for shape {}, found {} (truncated)", source,
                   h.header_bytes, h.count, shape_text(h.shape), in.max_remaining());
    throw IoError(fmt::format("{}: byte {}: expected {} data bytes for shape {}, but the compressed bytes left can hold "
                              "at most {} (truncated)",
                              source, h.header_bytes, h.count, shape_text(h.shape), in.max_remaining()));
  }
  Tensor t = Tensor::empty(h.shape, {.dtype = Dtype::uint8});
  const std::size_t got = h.count > 0 ? in.read(t.raw_data(), h.count) : 0;
  check<IoError>(got == h.count, "{}: byte {}: expected {} data bytes for shape {}, found {} (truncated)", source,
                 h.header_bytes, h.count, shape_text(h.shape), got);
  // Anything after the data is an error. Reading on also makes gzip check its CRC-32 trailer.
  std::uint64_t extra = 0;
  if (in.exact()) {
    extra = in.max_remaining();
  } else {
    std::array<std::uint8_t, 4096> scratch{};
    while (const std::size_t k = in.read(scratch.data(), scratch.size())) extra += k;
  }
  check<IoError>(extra == 0, "{}: byte {}: {} bytes after the {} data bytes of shape {} (trailing garbage)", source,
                 h.header_bytes + h.count, extra, h.count, shape_text(h.shape));
  return t;
}

#if AXON_HAVE_LIBDEFLATE
// The fast path for a well-formed file: libdeflate inflates the whole gzip member in one call,
// about 1.5x faster than zlib here (bench/compare/fashion_mnist_load.md), straight into the
// storage of the tensor, which is then a view that starts after the IDX header (no copy). It is
// taken only when the file is one gzip member whose trailer length equals header + data; every
// other case, and any failure, returns nothing and the zlib path reads the file again and names
// the fault with its offset (libdeflate only says "bad data").
std::optional<Tensor> read_idx_gzip_whole(std::span<const std::uint8_t> bytes, std::string_view source) {
  if (bytes.size() < 18) return std::nullopt;
  const std::uint8_t* isize_bytes = bytes.data() + bytes.size() - 4;  // little-endian, size mod 2^32
  const std::uint64_t isize = std::uint64_t{isize_bytes[0]} | std::uint64_t{isize_bytes[1]} << 8 |
                              std::uint64_t{isize_bytes[2]} << 16 | std::uint64_t{isize_bytes[3]} << 24;
  detail::GzipSource peek(bytes, source);
  const Header h = read_header(peek, source);  // header faults throw here, as on the zlib path
  // The trailer is not trusted to size an allocation: the bytes must be able to expand to it.
  if (h.header_bytes + h.count != isize || h.count > peek.max_remaining()) return std::nullopt;
  const std::unique_ptr<libdeflate_decompressor, decltype(&libdeflate_free_decompressor)> inflater(
      libdeflate_alloc_decompressor(), &libdeflate_free_decompressor);
  if (!inflater) return std::nullopt;
  auto storage = std::make_shared<Storage>(static_cast<std::size_t>(isize), Device::cpu);
  std::size_t used = 0, produced = 0;
  const libdeflate_result status = libdeflate_gzip_decompress_ex(
      inflater.get(), bytes.data(), bytes.size(), storage->data(), static_cast<std::size_t>(isize), &used, &produced);
  if (status != LIBDEFLATE_SUCCESS || used != bytes.size() || produced != isize) return std::nullopt;
  auto impl = std::make_shared<TensorImpl>();
  impl->storage = std::move(storage);
  impl->offset = static_cast<std::int64_t>(h.header_bytes);  // uint8: elements are bytes
  impl->shape = h.shape;
  impl->dtype = Dtype::uint8;
  return Tensor(std::move(impl));
}
#endif

}  // namespace

Tensor read_idx_bytes(std::span<const std::uint8_t> bytes, std::string_view source) {
  if (detail::is_gzip(bytes)) {
#if AXON_HAVE_LIBDEFLATE
    if (auto t = read_idx_gzip_whole(bytes, source)) return std::move(*t);
#endif
    detail::GzipSource gz(bytes, source);
    return read_idx_from(gz, source);
  }
  detail::MemorySource memory(bytes);
  return read_idx_from(memory, source);
}

Tensor read_idx(const std::filesystem::path& path) {
  std::uint64_t size = 0;
  detail::FilePtr file = detail::open_file(path, size);
  std::array<std::uint8_t, 2> magic{};
  const std::size_t got = std::fread(magic.data(), 1, magic.size(), file.get());
  if (got == 2 && detail::is_gzip(magic)) {
    // gzip: the compressed bytes in memory (one fread), inflated straight into the tensor.
    file.reset();
    const auto compressed = detail::read_file_bytes(path);
    return read_idx_bytes(compressed.span(), path.string());
  }
  // Plain: fread straight into the tensor.
  std::rewind(file.get());
  detail::FileSource plain(path, file.get(), size);
  return read_idx_from(plain, path.string());
}

Shape read_idx_shape(const std::filesystem::path& path) {
  // The header is at most 20 bytes; 64 KiB of gzip input is plenty to inflate it.
  std::uint64_t size = 0;
  detail::FilePtr file = detail::open_file(path, size);
  std::vector<std::uint8_t> head(1 << 16);
  const std::size_t got = std::fread(head.data(), 1, head.size(), file.get());
  const std::span<const std::uint8_t> bytes(head.data(), got);
  if (detail::is_gzip(bytes)) {
    detail::GzipSource gz(bytes, path.string());
    return read_header(gz, path.string()).shape;
  }
  detail::MemorySource memory(bytes);
  return read_header(memory, path.string()).shape;
}

}  // namespace axon::data
