// gzip through zlib's inflate, writing straight into the caller's buffer, with every zlib status
// turned into an IoError that says where in the compressed file it happened.
#include "axon/data/gzip.hpp"

#include "axon/core/error.hpp"
#include "byte_source.hpp"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>

namespace axon::data {
namespace detail {
namespace {

// Deflate cannot expand by more than 1032:1 (a 258-byte match costs at least 2 bits), so the
// compressed bytes left bound the output left. The slack covers a match inflate stopped inside.
constexpr std::uint64_t kMaxDeflateRatio = 1032;
constexpr std::uint64_t kPendingMatchSlack = 1024;

}  // namespace

std::size_t MemorySource::read(void* dst, std::size_t n) {
  const std::size_t k = std::min(n, bytes_.size() - position_);
  if (k > 0) std::memcpy(dst, bytes_.data() + position_, k);
  position_ += k;
  return k;
}

std::size_t FileSource::read(void* dst, std::size_t n) {
  const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(n, remaining_));
  const std::size_t got = want > 0 ? std::fread(dst, 1, want, file_) : 0;
  check<IoError>(got == want, "{}: read error after {} of {} bytes asked", path_, got, want);
  remaining_ -= got;
  return got;
}

GzipSource::GzipSource(std::span<const std::uint8_t> compressed, std::string_view source)
    : in_(compressed), source_(source) {
  // 15 + 16: a 32 KiB window and a gzip (not zlib) header and trailer.
  check<IoError>(inflateInit2(&z_, 15 + 16) == Z_OK, "{}: zlib could not start ({})", source_,
                 z_.msg ? z_.msg : "out of memory");
  z_.next_in = const_cast<Bytef*>(in_.data());
  z_.avail_in = 0;
}

GzipSource::~GzipSource() { inflateEnd(&z_); }

std::uint64_t GzipSource::consumed() const {
  return static_cast<std::uint64_t>(z_.next_in - in_.data());
}

std::uint64_t GzipSource::max_remaining() const {
  if (finished_) return 0;
  return (in_.size() - consumed()) * kMaxDeflateRatio + kPendingMatchSlack;
}

std::size_t GzipSource::read(void* dst, std::size_t n) {
  auto* out = static_cast<std::uint8_t*>(dst);
  std::size_t done = 0;
  while (done < n && !finished_) {
    const std::uint64_t left_in = in_.size() - consumed();
    // zlib counts in 32-bit uInt: feed input and output in pieces below 4 GiB.
    if (z_.avail_in == 0) z_.avail_in = static_cast<uInt>(std::min<std::uint64_t>(left_in, UINT_MAX));
    z_.next_out = out + done;
    z_.avail_out = static_cast<uInt>(std::min<std::size_t>(n - done, UINT_MAX));
    const uInt before = z_.avail_out;
    const int status = inflate(&z_, Z_NO_FLUSH);
    done += before - z_.avail_out;
    produced_ += before - z_.avail_out;
    if (status == Z_OK) continue;
    if (status == Z_STREAM_END) {
      // The member's CRC-32 and length matched. Another member may follow (gzip -c a b > ab).
      const std::uint64_t at = consumed();
      const auto rest = in_.subspan(static_cast<std::size_t>(at));
      if (rest.empty()) {
        finished_ = true;
      } else {
        check<IoError>(is_gzip(rest),
                       "{}: compressed byte {}: {} bytes of trailing garbage after the gzip stream (expected the end "
                       "of the file or another gzip member starting 1f 8b, found {:02x})",
                       source_, at, rest.size(), rest[0]);
        check<IoError>(inflateReset(&z_) == Z_OK, "{}: zlib could not restart at compressed byte {}", source_, at);
      }
      continue;
    }
    if (status == Z_BUF_ERROR && z_.avail_in == 0 && consumed() == in_.size())
      throw IoError(fmt::format("{}: truncated gzip data: the file ends at compressed byte {} in the middle of the "
                                "stream, after {} decompressed bytes (expected more data and the 8-byte gzip trailer)",
                                source_, in_.size(), produced_));
    throw IoError(fmt::format("{}: corrupt gzip data at compressed byte {}, after {} decompressed bytes (zlib: {})",
                              source_, consumed(), produced_, z_.msg ? z_.msg : zError(status)));
  }
  return done;
}

FilePtr open_file(const std::filesystem::path& path, std::uint64_t& size) {
  std::error_code ec;
  check<IoError>(std::filesystem::is_regular_file(path, ec), "{}: not a readable file ({})", path.string(),
                 std::filesystem::exists(path, ec) ? "not a regular file" : "no such file");
  size = std::filesystem::file_size(path, ec);
  check<IoError>(!ec, "{}: cannot read the file size ({})", path.string(), ec.message());
  FilePtr file(std::fopen(path.c_str(), "rb"));
  check<IoError>(file != nullptr, "{}: cannot open the file ({})", path.string(), std::strerror(errno));
  return file;
}

FileBytes read_file_bytes(const std::filesystem::path& path) {
  std::uint64_t size = 0;
  FilePtr file = open_file(path, size);
  FileBytes bytes{std::make_unique_for_overwrite<std::uint8_t[]>(static_cast<std::size_t>(size)),
                  static_cast<std::size_t>(size)};
  const std::size_t got = size > 0 ? std::fread(bytes.data.get(), 1, bytes.size, file.get()) : 0;
  check<IoError>(got == bytes.size, "{}: read {} of its {} bytes", path.string(), got, bytes.size);
  return bytes;
}

}  // namespace detail

std::string gunzip(std::span<const std::uint8_t> compressed, std::string_view source) {
  detail::GzipSource gz(compressed, source);
  // The trailer's length field (the size mod 2^32) is a good first guess; the buffer grows if not.
  std::uint64_t guess = compressed.size() * 4;
  if (compressed.size() >= 18) {
    const std::uint8_t* isize = compressed.data() + compressed.size() - 4;  // little-endian
    guess = std::uint64_t{isize[0]} | std::uint64_t{isize[1]} << 8 | std::uint64_t{isize[2]} << 16 |
            std::uint64_t{isize[3]} << 24;
  }
  std::string out;
  out.resize(static_cast<std::size_t>(std::clamp<std::uint64_t>(guess, 1, gz.max_remaining())));
  std::size_t size = 0;
  while (true) {
    size += gz.read(out.data() + size, out.size() - size);
    if (size < out.size()) break;
    char probe = 0;  // the guess was exact, or short: look one byte further
    if (gz.read(&probe, 1) == 0) break;
    out.resize(out.size() * 2);
    out[size++] = probe;
  }
  out.resize(size);
  return out;
}

std::string read_maybe_gzip(const std::filesystem::path& path) {
  const auto bytes = detail::read_file_bytes(path);
  if (detail::is_gzip(bytes.span())) return gunzip(bytes.span(), path.string());
  return std::string(reinterpret_cast<const char*>(bytes.data.get()), bytes.size);
}

}  // namespace axon::data
