// libFuzzer target for read_csv. The first two bytes pick the options (delimiter, header, quote,
// comment, NA handling, a forced dtype, nrows, skiprows); the rest is the CSV text. Each input is
// parsed twice: as read_csv_string does it, and cut into up to four chunks parsed by four
// threads. Both must give the same frame or the same error message, and the frame must survive
// to_csv and back.
// An axon::Error is a correct answer to bad input; anything else (a crash, a sanitizer report,
// another exception, the two parses disagreeing) is a bug.
#include "axon/core/error.hpp"
#include "axon/frame/csv.hpp"

#include "../src/frame/csv_parser.hpp"

#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace {

using axon::frame::ColumnType;
using axon::frame::CsvOptions;
using axon::frame::DataFrame;
using axon::frame::Series;

CsvOptions options_from(std::uint8_t a, std::uint8_t b) {
  static constexpr char kDelimiters[] = {',', ';', '\t', '|'};
  static constexpr ColumnType kTypes[] = {ColumnType::int64, ColumnType::float64, ColumnType::boolean,
                                          ColumnType::string, ColumnType::category};
  CsvOptions o;
  o.delimiter = kDelimiters[a & 3];
  o.header = !(a & 4);
  o.quotechar = (a & 8) ? '\'' : '"';
  o.comment = (a & 16) ? '#' : '\0';
  o.keep_default_na = !(a & 32);
  if (a & 64) o.na_values = {"-", "?"};
  if (a & 128) o.dtype[o.header ? "a" : "0"] = kTypes[b % 5];
  if (b & 8) o.nrows = (b >> 4) & 7;
  o.skiprows = (b >> 7) & 1;
  return o;
}

bool same_values(const Series& x, const Series& y) {
  if (x.name() != y.name() || x.dtype() != y.dtype() || x.size() != y.size()) return false;
  for (std::int64_t i = 0; i < x.size(); ++i) {
    if (x.is_na(i) != y.is_na(i)) return false;
    if (x.is_na(i)) continue;
    const auto k = static_cast<std::size_t>(i);
    const auto& dx = x.data();
    const auto& dy = y.data();
    switch (x.dtype()) {
      case ColumnType::float64:
        if (std::bit_cast<std::uint64_t>(std::get<0>(dx)[k]) != std::bit_cast<std::uint64_t>(std::get<0>(dy)[k])) return false;
        break;
      case ColumnType::int64: if (std::get<1>(dx)[k] != std::get<1>(dy)[k]) return false; break;
      case ColumnType::boolean: if (std::get<2>(dx)[k] != std::get<2>(dy)[k]) return false; break;
      case ColumnType::string: if (std::get<3>(dx)[k] != std::get<3>(dy)[k]) return false; break;
      case ColumnType::category: {
        const auto& cx = std::get<4>(dx);
        const auto& cy = std::get<4>(dy);
        if (*cx.categories != *cy.categories || cx.codes[k] != cy.codes[k]) return false;
        break;
      }
    }
  }
  return true;
}

// The frame, or the error message, as one comparable outcome.
struct Outcome {
  std::optional<DataFrame> frame;
  std::string error;
};

Outcome parse(std::string_view text, const CsvOptions& options, axon::frame::csv_detail::Split split) {
  try {
    return {axon::frame::csv_detail::parse(text, options, "<fuzz>", {}, split), ""};
  } catch (const axon::Error& e) {
    return {std::nullopt, e.what()};
  }
}

[[noreturn]] void disagree(const char* what) {
  std::fprintf(stderr, "csv_fuzz: one-thread and chunked parses disagree: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const CsvOptions options = options_from(data[0], data[1]);
  const std::string_view text(reinterpret_cast<const char*>(data + 2), size - 2);
  const Outcome one = parse(text, options, {.threads = 1});
  const Outcome cut = parse(text, options, {.threads = 4, .min_chunk_bytes = 1});
  if (one.error != cut.error) disagree("errors differ");
  if (!one.frame) return 0;
  const DataFrame& a = *one.frame;
  const DataFrame& b = *cut.frame;
  if (a.shape() != b.shape()) disagree("shapes differ");
  for (std::int64_t j = 0; j < a.shape().second; ++j)
    if (!same_values(a.column(j), b.column(j))) disagree("values differ");
  // Whatever was read writes as CSV that reads back (types may change: "007" becomes 7) with the
  // same names and shape.
  if (a.shape().second == 0) return 0;
  const Outcome back = parse(axon::frame::to_csv_string(a), {}, {.threads = 1});
  if (!back.frame) {
    std::fprintf(stderr, "csv_fuzz: to_csv output does not read back: %s\n", back.error.c_str());
    std::abort();
  }
  if (back.frame->shape() != a.shape() || back.frame->columns() != a.columns()) {
    std::fprintf(stderr, "csv_fuzz: to_csv output reads back with another shape or other names\n");
    std::abort();
  }
  return 0;
}
