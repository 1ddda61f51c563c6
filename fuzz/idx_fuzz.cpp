// libFuzzer target for the IDX reader (read_idx_bytes), plain and gzip: the input is the file.
// Inputs starting with gzip's magic go through inflate straight into the tensor; that must agree
// with gunzip() then reading the plain bytes (both accept with the same tensor, or both reject). A plain input that reads must hold exactly header + data bytes.
// An axon::Error is a correct answer to bad input; anything else (a crash, a sanitizer report,
// another exception, a disagreement) is a bug.
#include "axon/core/error.hpp"
#include "axon/data/gzip.hpp"
#include "axon/data/idx.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <span>
#include <string>

namespace {

std::optional<axon::Tensor> try_read(std::span<const std::uint8_t> bytes) {
  try {
    return axon::data::read_idx_bytes(bytes, "<fuzz>");
  } catch (const axon::Error&) {
    return std::nullopt;
  }
}

[[noreturn]] void bug(const char* what) {
  std::fprintf(stderr, "idx_fuzz: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> bytes(data, size);
  const std::optional<axon::Tensor> t = try_read(bytes);
  const bool gzip = size >= 2 && data[0] == 0x1f && data[1] == 0x8b;
  if (!gzip) {
    if (t && static_cast<std::size_t>(4 + 4 * t->ndim()) + t->nbytes() != size) bug("plain read ignored bytes");
    return 0;
  }
  std::optional<std::string> plain;
  try {
    plain = axon::data::gunzip(bytes, "<fuzz>");
  } catch (const axon::Error&) {
  }
  if (t && !plain) bug("read_idx_bytes accepted gzip that gunzip rejects");
  if (!plain) return 0;
  const std::optional<axon::Tensor> u =
      try_read({reinterpret_cast<const std::uint8_t*>(plain->data()), plain->size()});
  // Gzip inside gzip reads as gzip again the second time; only compare one level.
  const bool nested = plain->size() >= 2 && (*plain)[0] == '\x1f' && (*plain)[1] == '\x8b';
  if (!t) {
    if (u && !nested) bug("the gunzipped bytes read, the gzip stream did not");
    return 0;
  }
  if (!u) bug("the gunzipped bytes do not read");
  if (u->shape() != t->shape()) bug("shapes differ between the gzip and gunzipped reads");
  if (t->nbytes() > 0 && std::memcmp(u->raw_data(), t->raw_data(), t->nbytes()) != 0)
    bug("values differ between the gzip and gunzipped reads");
  return 0;
}
