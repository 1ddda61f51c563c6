// read_csv's engine. The input is cut into one chunk per thread at line starts. Each chunk is
// split into records and fields in one pass, and each field goes straight into its column's
// vector, parsed as it is read (std::from_chars for integers, an exact decimal → double conversion
// for numbers) while the column's type is inferred on the fly: unknown → int64 → float64, or bool,
// or string; text already read is parsed again only when a column turns out to hold strings.
// Chunks are then checked (a cut that fell inside a quoted field is redone from the true record
// start) and their columns joined to a common type, so the result does not depend on the number
// of threads.
#include "csv_parser.hpp"

#include "axon/core/backend.hpp"
#include "axon/core/error.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#if defined(__AVX2__)
#include <immintrin.h>
#endif

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <exception>
#include <limits>
#include <map>
#include <optional>
#include <unordered_map>

namespace axon::frame::csv_detail {
namespace {

constexpr std::ptrdiff_t kReleaseEvery = 16 << 20;  // hand finished input back every 16 MiB

// pandas' default NA tokens (pandas._libs.parsers.STR_NA_VALUES).
constexpr std::array<std::string_view, 19> kDefaultNa = {
    "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN",
    "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null"};

inline unsigned char byte(char c) { return static_cast<unsigned char>(c); }

// ---------------------------------------------------------------------------------------------
// Tokenizer: the record starting at p → fields (pandas' C tokenizer rules, skip_blank_lines=True).

struct Field {
  const char* begin;  // raw bytes, including the quotes of a quoted field
  const char* end;
  bool quoted;        // began with the quote character
  bool escaped;       // quoted, and holds a doubled quote or text after the closing quote
};

enum class Record : std::uint8_t { data, blank, unterminated };

class Tokenizer {
 public:
  Tokenizer(const char* end, const CsvOptions& o)
      : end_(end), delimiter_(o.delimiter), quote_(o.quotechar), comment_(o.comment) {
    stops_.fill(false);
    stops_['\n'] = stops_['\r'] = stops_[byte(delimiter_)] = true;
    if (comment_ != '\0') stops_[byte(comment_)] = true;
  }

  // Splits the record at p into `fields`; returns where the next record starts. Lines that are
  // empty, whitespace-only or comment-only are Record::blank. On Record::unterminated the last
  // field is the open one (its begin is the opening quote).
  const char* next(const char* p, std::vector<Field>& fields, Record& kind) const {
    fields.clear();
    for (;;) {
      Field f{p, p, false, false};
      if (p < end_ && *p == quote_ && quote_ != '\0') {
        f.quoted = true;
        ++p;
        for (;;) {
          const void* q = std::memchr(p, quote_, static_cast<std::size_t>(end_ - p));
          if (q == nullptr) {
            f.end = end_;
            fields.push_back(f);
            kind = Record::unterminated;
            return end_;
          }
          p = static_cast<const char*>(q) + 1;
          if (p < end_ && *p == quote_) {  // "" inside quotes is one quote
            f.escaped = true;
            ++p;
            continue;
          }
          break;
        }
        if (p < end_ && !stops_[byte(*p)]) f.escaped = true;  // "ab"c is abc, as pandas reads it
      }
      p = field_end(p);
      f.end = p;
      fields.push_back(f);
      if (p == end_) break;
      const char c = *p++;
      if (c == delimiter_) continue;
      if (c == '\r') {
        if (p < end_ && *p == '\n') ++p;
      } else if (c != '\n') {
        p = skip_line(p);  // a comment runs to the end of the line
      }
      break;
    }
    kind = blank(fields) ? Record::blank : Record::data;
    return p;
  }

  // The field's text without its quotes (scratch holds it when quotes had to be undone).
  std::string_view content(const Field& f, std::string& scratch) const {
    if (!f.quoted) return {f.begin, static_cast<std::size_t>(f.end - f.begin)};
    if (!f.escaped) return {f.begin + 1, static_cast<std::size_t>(f.end - f.begin - 2)};
    scratch.clear();
    bool in_quotes = true;
    for (const char* p = f.begin + 1; p < f.end;) {
      const char c = *p++;
      if (in_quotes && c == quote_) {
        if (p < f.end && *p == quote_) {
          scratch += c;
          ++p;
        } else {
          in_quotes = false;
        }
      } else {
        scratch += c;
      }
    }
    return scratch;
  }

 private:
  // The first delimiter, line end or comment character at or after p (or end_).
  const char* field_end(const char* p) const {
#if defined(__AVX2__)
    // 32 bytes at a time: most fields end within the first load.
    const __m256i delimiter = _mm256_set1_epi8(delimiter_), newline = _mm256_set1_epi8('\n');
    const __m256i carriage = _mm256_set1_epi8('\r'), comment = _mm256_set1_epi8(comment_ ? comment_ : delimiter_);
    for (; end_ - p >= 32; p += 32) {
      const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
      const __m256i hit = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, delimiter), _mm256_cmpeq_epi8(v, newline)),
                                          _mm256_or_si256(_mm256_cmpeq_epi8(v, carriage), _mm256_cmpeq_epi8(v, comment)));
      if (const auto mask = static_cast<unsigned>(_mm256_movemask_epi8(hit))) return p + __builtin_ctz(mask);
    }
#endif
    while (p < end_ && !stops_[byte(*p)]) ++p;
    return p;
  }
  const char* skip_line(const char* p) const {
    while (p < end_ && *p != '\n' && *p != '\r') ++p;
    if (p < end_ && *p++ == '\r' && p < end_ && *p == '\n') ++p;
    return p;
  }
  static bool blank(const std::vector<Field>& fields) {
    if (fields.size() != 1 || fields[0].quoted) return false;
    return std::all_of(fields[0].begin, fields[0].end, [](char c) { return c == ' ' || c == '\t'; });
  }

  const char* end_;
  char delimiter_, quote_, comment_;
  std::array<bool, 256> stops_{};
};

// ---------------------------------------------------------------------------------------------
// Values.

class NaSet {
 public:
  explicit NaSet(const CsvOptions& o) {
    if (o.keep_default_na)
      for (auto t : kDefaultNa) add(t);
    for (const auto& t : o.na_values) add(t);
  }
  bool contains(std::string_view s) const {
    if (s.empty()) return empty_;
    if (s.size() >= by_length_.size() || !first_[byte(s[0])]) return false;
    for (const auto& t : by_length_[s.size()])
      if (t == s) return true;
    return false;
  }

 private:
  void add(std::string_view t) {
    if (t.empty()) {
      empty_ = true;
      return;
    }
    if (t.size() >= by_length_.size()) by_length_.resize(t.size() + 1);
    by_length_[t.size()].emplace_back(t);
    first_[byte(t[0])] = true;
  }
  bool empty_ = false;
  std::array<bool, 256> first_{};
  std::vector<std::vector<std::string>> by_length_;
};

// pandas reads " 1 " as 1: numbers may carry spaces around them.
inline void trim(const char*& b, const char*& e) {
  while (b < e && (*b == ' ' || *b == '\t')) ++b;
  while (e > b && (e[-1] == ' ' || e[-1] == '\t')) --e;
}

bool parse_int(std::string_view s, std::int64_t& out) {
  const char* b = s.data();
  const char* e = b + s.size();
  trim(b, e);
  if (b < e && *b == '+' && e - b > 1 && b[1] != '-') ++b;
  const auto [ptr, ec] = std::from_chars(b, e, out);
  return ec == std::errc() && ptr == e;
}

inline bool is_digit(char c) { return static_cast<unsigned char>(c - '0') < 10; }

constexpr std::array<std::uint64_t, 20> kPow10 = [] {
  std::array<std::uint64_t, 20> p{};
  p[0] = 1;
  for (std::size_t i = 1; i < p.size(); ++i) p[i] = p[i - 1] * 10;
  return p;
}();
constexpr std::array<double, 23> kPow10Double = [] {
  std::array<double, 23> p{};
  p[0] = 1;
  for (std::size_t i = 1; i < p.size(); ++i) p[i] = p[i - 1] * 10;  // exact up to 1e22
  return p;
}();

int bit_length(unsigned __int128 x) {
  const auto hi = static_cast<std::uint64_t>(x >> 64);
  return hi ? 128 - __builtin_clzll(hi) : (x ? 64 - __builtin_clzll(static_cast<std::uint64_t>(x)) : 0);
}

// Rounds q·2^scale to the nearest double (ties to even); `sticky` says whether bits below q
// were dropped. q must have at least 54 bits, and the result must be a normal double.
double round_to_double(unsigned __int128 q, bool sticky, int scale) {
  const int extra = bit_length(q) - 53;
  auto m = static_cast<std::uint64_t>(q >> extra);
  const unsigned __int128 rest = q & ((static_cast<unsigned __int128>(1) << extra) - 1);
  const unsigned __int128 half = static_cast<unsigned __int128>(1) << (extra - 1);
  if (rest > half || (rest == half && (sticky || (m & 1)))) ++m;
  int exponent = extra + scale + 52;  // value = m·2^(extra+scale), m in [2^52, 2^53]
  if (m >> 53) {
    m >>= 1;
    ++exponent;
  }
  const std::uint64_t bits = (static_cast<std::uint64_t>(exponent + 1023) << 52) | (m & ((std::uint64_t{1} << 52) - 1));
  return std::bit_cast<double>(bits);
}

// Division of a two-word number by 10^k with a precomputed reciprocal (Möller and Granlund,
// "Improved division by invariant integers", 2011, algorithm 4): two multiplications instead of
// a 128-bit division, which was a quarter of read_csv's time.
struct Reciprocal {
  std::uint64_t divisor;     // 10^k shifted left until its top bit is set
  std::uint64_t reciprocal;  // floor((2^128 - 1) / divisor) - 2^64
  int shift;
};
constexpr std::array<Reciprocal, 20> kReciprocals = [] {
  std::array<Reciprocal, 20> r{};
  for (std::size_t k = 1; k < r.size(); ++k) {
    const int shift = __builtin_clzll(kPow10[k]);
    const std::uint64_t d = kPow10[k] << shift;
    r[k] = {d, static_cast<std::uint64_t>(~static_cast<unsigned __int128>(0) / d - (static_cast<unsigned __int128>(1) << 64)), shift};
  }
  return r;
}();

// n / 10^k when the quotient fits in 64 bits; `exact` says whether the remainder is zero.
std::uint64_t divide_by_pow10(unsigned __int128 n, std::size_t k, bool& exact) {
  const Reciprocal& inv = kReciprocals[k];
  n <<= inv.shift;
  const auto u1 = static_cast<std::uint64_t>(n >> 64), u0 = static_cast<std::uint64_t>(n);
  const unsigned __int128 q = static_cast<unsigned __int128>(inv.reciprocal) * u1 + n;
  std::uint64_t q1 = static_cast<std::uint64_t>(q >> 64) + 1;
  std::uint64_t r = u0 - q1 * inv.divisor;
  if (r > static_cast<std::uint64_t>(q)) {
    --q1;
    r += inv.divisor;
  }
  if (r >= inv.divisor) {
    ++q1;
    r -= inv.divisor;
  }
  exact = r == 0;
  return q1;
}

// Decimal text w·10^exp10 with w < 10^19 and |exp10| <= 19 to the nearest double, exactly:
// Clinger's fast path (one IEEE operation on exact operands) when w <= 2^53 and 10^|exp10| is
// exact, else integer arithmetic that keeps every bit the rounding needs.
double decimal_to_double(std::uint64_t w, int exp10) {
  if (w <= (std::uint64_t{1} << 53)) {
    const double d = static_cast<double>(w);
    return exp10 < 0 ? d / kPow10Double[static_cast<std::size_t>(-exp10)] : d * kPow10Double[static_cast<std::size_t>(exp10)];
  }
  if (exp10 >= 0) {
    const unsigned __int128 product = static_cast<unsigned __int128>(w) * kPow10[static_cast<std::size_t>(exp10)];
    return round_to_double(product, false, 0);
  }
  // w / 10^-exp10: shift w left so the quotient has 55 or 56 bits; a nonzero remainder is sticky.
  const auto k = static_cast<std::size_t>(-exp10);
  const int shift = std::max(0, 55 + bit_length(kPow10[k]) - bit_length(w));
  bool exact = true;
  const std::uint64_t quotient = divide_by_pow10(static_cast<unsigned __int128>(w) << shift, k, exact);
  return round_to_double(quotient, !exact, -shift);
}

// Eight ASCII digits in a little-endian word → their value (the SWAR trick of fast_float).
inline bool eight_digits(std::uint64_t v) {
  return ((v + 0x4646464646464646) | (v - 0x3030303030303030)) & 0x8080808080808080 ? false : true;
}
inline std::uint64_t eight_digits_value(std::uint64_t v) {
  v -= 0x3030303030303030;
  v = v * 10 + (v >> 8);
  return (((v & 0x000000FF000000FF) * 0x000F424000000064) + (((v >> 16) & 0x000000FF000000FF) * 0x0000271000000001)) >> 32;
}

// Appends the digits at p to w (8 at a time where it can); false past 19 significant digits.
inline bool take_digits(const char*& p, const char* e, std::uint64_t& w, int& significant) {
  if constexpr (std::endian::native == std::endian::little) {
    for (std::uint64_t v; e - p >= 8 && (std::memcpy(&v, p, 8), eight_digits(v)); p += 8) {
      if ((significant += 8) > 19) return false;
      w = w * 100000000 + eight_digits_value(v);
    }
  }
  for (; p < e && is_digit(*p); ++p) {
    if (++significant > 19) return false;
    w = w * 10 + static_cast<std::uint64_t>(*p - '0');
  }
  return true;
}

// The usual number shapes (optional '-', up to 19 significant digits, a fraction, an exponent
// that keeps the result between 1e-19·w and 1e19·w); false sends the text to std::from_chars.
bool fast_double(const char* p, const char* e, double& out) {
  const bool negative = p < e && *p == '-';
  if (negative) ++p;
  std::uint64_t w = 0;
  int significant = 0, exp10 = 0;
  const char* digits = p;
  while (p < e && *p == '0') ++p;  // leading zeros are not significant
  if (!take_digits(p, e, w, significant)) return false;
  std::ptrdiff_t count = p - digits;
  if (p < e && *p == '.') {
    const char* fraction = ++p;
    if (w == 0)
      while (p < e && *p == '0') ++p;  // nor are zeros before the first nonzero digit
    if (!take_digits(p, e, w, significant)) return false;
    exp10 = -static_cast<int>(p - fraction);
    count += p - fraction;
  }
  if (count == 0) return false;
  if (p < e && (*p == 'e' || *p == 'E')) {
    ++p;
    const bool minus = p < e && *p == '-';
    if (p < e && (*p == '-' || *p == '+')) ++p;
    if (p == e || e - p > 4) return false;
    int x = 0;
    for (; p < e && is_digit(*p); ++p) x = x * 10 + (*p - '0');
    exp10 += minus ? -x : x;
  }
  if (p != e || exp10 < -19 || exp10 > 19) return false;
  const double magnitude = w == 0 ? 0.0 : decimal_to_double(w, exp10);
  out = negative ? -magnitude : magnitude;
  return true;
}

// Decimal and exponent forms, inf and infinity (any case, optional sign), as pandas' xstrtod.
// NaN spellings are not numbers here: the ones pandas knows are NA tokens, the others strings.
// Correctly rounded: fast_double for the common shapes, std::from_chars for the rest.
bool parse_double(std::string_view s, double& out) {
  const char* b = s.data();
  const char* e = b + s.size();
  trim(b, e);
  if (b < e && *b == '+' && e - b > 1 && b[1] != '-') ++b;
  if (fast_double(b, e, out)) return true;
  const auto [ptr, ec] = std::from_chars(b, e, out);
  if (ptr != e || b == e) return false;
  if (ec == std::errc()) return !std::isnan(out);
  if (ec != std::errc::result_out_of_range) return false;
  // Too large or too small for a double: ±inf or ±0, as strtod gives.
  const char* x = std::find_if(b, e, [](char c) { return c == 'e' || c == 'E'; });
  const bool tiny = x + 1 < e && x[1] == '-';
  out = std::copysign(tiny ? 0.0 : std::numeric_limits<double>::infinity(), *b == '-' ? -1.0 : 1.0);
  return true;
}

bool parse_bool(std::string_view s, std::uint8_t& out) {
  if (s == "True" || s == "true" || s == "TRUE") {
    out = 1;
    return true;
  }
  if (s == "False" || s == "false" || s == "FALSE") {
    out = 0;
    return true;
  }
  return false;
}

// Message text for a value: quoted, cut to 40 bytes, control bytes escaped.
std::string shown(std::string_view s) {
  std::string out = "'";
  for (std::size_t i = 0; i < s.size() && i < 40; ++i) {
    const unsigned char c = byte(s[i]);
    if (c < 0x20 || c == 0x7f) out += fmt::format("\\x{:02x}", c);
    else out += s[i];
  }
  out += s.size() > 40 ? "'..." : "'";
  return out;
}

// ---------------------------------------------------------------------------------------------
// Columns.

// Inferred types in promotion order; a column whose values disagree (int and bool, number and
// text) becomes string. unknown: every value so far was missing.
// NOTE: missing values never promote. pandas turns an int column with a missing value into float64
// (NaN) and a bool one into object, because numpy has no missing integers; axon's Series carry a
// validity mask, so the column stays int64/bool and the missing rows are masked.
enum class Kind : std::uint8_t { unknown, int64, float64, boolean, string };

Kind join(Kind a, Kind b) {
  if (a == Kind::unknown || a == b) return b;
  if (b == Kind::unknown) return a;
  if ((a == Kind::int64 && b == Kind::float64) || (a == Kind::float64 && b == Kind::int64)) return Kind::float64;
  return Kind::string;
}

std::string_view expected_value(Kind k) {
  switch (k) {
    case Kind::int64: return "an integer (dtype int64)";
    case Kind::float64: return "a number (dtype float64)";
    case Kind::boolean: return "True or False (dtype bool)";
    default: return "text";
  }
}

struct ColumnSpec {
  std::string name;
  std::size_t field = 0;        // position in the record
  std::optional<Kind> forced;   // from options.dtype
  bool category = false;
};

// One column's values from one chunk. Missing values hold a placeholder (NaN, 0, false, "").
struct ColumnPart {
  Kind kind = Kind::unknown;
  std::vector<std::int64_t> ints;
  std::vector<double> doubles;
  std::vector<std::uint8_t> bools;
  std::vector<std::string> strings;
  std::vector<std::uint8_t> valid;  // empty while nothing is missing
  // Rows of an int64 part read from "-0": 0 as an integer, -0.0 if the column becomes float64
  // (found by csv_fuzz: a chunk of "-0" joined to a float chunk must give what one parse gives).
  std::vector<std::int64_t> negative_zeros;
};

struct Problem {
  const char* at;          // where in the input
  std::size_t column = 0;  // 1-based field number, 0 when none applies
  std::string message;
};

struct Context {
  Context(std::string_view text_, std::string_view source_, const CsvOptions& o, ReleaseFn release_)
      : text(text_), source(source_), tokenizer(text_.data() + text_.size(), o), na(o), delimiter(o.delimiter),
        release(std::move(release_)) {}

  std::string_view text;
  std::string_view source;
  Tokenizer tokenizer;
  NaSet na;
  char delimiter = ',';
  std::size_t fields_per_record = 0;
  std::vector<std::string> names;   // every column of the file
  std::vector<ColumnSpec> columns;  // the ones kept (usecols), in file order
  std::int64_t row_limit = std::numeric_limits<std::int64_t>::max();
  ReleaseFn release;

  std::string where(const char* at, std::size_t column) const {
    std::int64_t line = 1;
    const char* end = text.data() + text.size();
    for (const char* p = text.data(); p < at && p < end; ++p)
      if (*p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n'))) ++line;
    return column ? fmt::format("{}:{}:{}", source, line, column) : fmt::format("{}:{}", source, line);
  }
  [[noreturn]] void fail(const Problem& p) const { throw ValueError(fmt::format("{}: {}", where(p.at, p.column), p.message)); }
  std::string column_label(std::size_t index) const {  // 0-based field index
    return index < names.size() ? fmt::format("column '{}'", names[index]) : fmt::format("field {}", index + 1);
  }
  Problem unterminated(const std::vector<Field>& fields) const {
    const std::size_t i = fields.size() - 1;
    return {fields[i].begin, i + 1,
            fmt::format("{}: a quoted field never closes: expected a closing {}, found the end of the input",
                        column_label(i), shown(std::string_view(&fields[i].begin[0], 1)))};
  }
  Problem ragged(const std::vector<Field>& fields) const {
    const std::size_t n = fields.size(), want = fields_per_record;
    if (n > want)
      return {fields[want].begin, want + 1,
              fmt::format("expected {} fields, found {} (a value that contains {} must be quoted)", want, n,
                          shown(std::string_view(&delimiter, 1)))};
    return {fields.back().end, n + 1,
            fmt::format("expected {} fields, found {}: the row ends before {}", want, n, column_label(n))};
  }
};

// Reads the first `rows` data records from `begin` again and returns column `field` as text
// (used when a column turns out to hold strings after some values were parsed as numbers).
std::vector<std::string> reparse_strings(const Context& ctx, const char* begin, std::size_t field, std::int64_t rows,
                                         const std::vector<std::uint8_t>& valid, std::size_t capacity) {
  std::vector<std::string> out;
  out.reserve(std::max(capacity, static_cast<std::size_t>(rows)));
  std::vector<Field> fields;
  std::string scratch;
  Record kind;
  for (const char* p = begin; static_cast<std::int64_t>(out.size()) < rows;) {
    p = ctx.tokenizer.next(p, fields, kind);
    if (kind == Record::blank) continue;
    const std::size_t i = out.size();
    if (!valid.empty() && !valid[i]) out.emplace_back();
    else out.emplace_back(ctx.tokenizer.content(fields[field], scratch));
  }
  return out;
}

void set_kind(ColumnPart& part, Kind kind, std::int64_t rows, std::size_t capacity) {
  const auto n = static_cast<std::size_t>(rows);
  capacity = std::max(capacity, n + 1);
  part.kind = kind;
  switch (kind) {
    case Kind::int64: part.ints.reserve(capacity), part.ints.assign(n, 0); break;
    case Kind::float64: part.doubles.reserve(capacity), part.doubles.assign(n, NAN); break;
    case Kind::boolean: part.bools.reserve(capacity), part.bools.assign(n, 0); break;
    case Kind::string: part.strings.reserve(capacity), part.strings.assign(n, std::string()); break;
    case Kind::unknown: break;
  }
}

void ints_to_doubles(ColumnPart& part, std::size_t capacity) {
  // Exact: a decimal integer parsed as a double and the int64 rounded to a double are the same
  // nearest double, so converting equals re-parsing the text (but for the sign of "-0").
  part.doubles.reserve(std::max(capacity, part.ints.size() + 1));
  part.doubles.assign(part.ints.begin(), part.ints.end());
  if (!part.valid.empty())
    for (std::size_t i = 0; i < part.valid.size() && i < part.doubles.size(); ++i)
      if (!part.valid[i]) part.doubles[i] = NAN;
  for (const std::int64_t row : part.negative_zeros) part.doubles[static_cast<std::size_t>(row)] = -0.0;
  std::vector<std::int64_t>().swap(part.ints);
  std::vector<std::int64_t>().swap(part.negative_zeros);
  part.kind = Kind::float64;
}

struct Chunk {
  const char* begin = nullptr;
  const char* stop = nullptr;  // parse the records that start before this
  const char* next = nullptr;  // set by the parse: where the first record at or after `stop` starts
  std::size_t capacity = 0;    // expected rows, to reserve the column vectors once
  std::int64_t rows = 0;
  std::vector<ColumnPart> parts;
  std::optional<Problem> problem;
  std::exception_ptr exception;
};

// Column k of the chunk turned out to hold text: its values so far are read again as strings.
void to_strings(const Context& ctx, const Chunk& chunk, ColumnPart& part, std::size_t k) {
  part.strings = reparse_strings(ctx, chunk.begin, ctx.columns[k].field, chunk.rows, part.valid, chunk.capacity);
  std::vector<std::int64_t>().swap(part.ints);
  std::vector<std::int64_t>().swap(part.negative_zeros);
  std::vector<double>().swap(part.doubles);
  std::vector<std::uint8_t>().swap(part.bools);
  part.kind = Kind::string;
}

class ChunkParser {
 public:
  ChunkParser(const Context& ctx, Chunk& chunk) : ctx_(ctx), chunk_(chunk) {
    chunk_.parts.assign(ctx_.columns.size(), ColumnPart{});
    for (std::size_t k = 0; k < ctx_.columns.size(); ++k)
      if (ctx_.columns[k].forced) set_kind(chunk_.parts[k], *ctx_.columns[k].forced, 0, chunk_.capacity);
  }

  void run() {
    std::vector<Field> fields;
    fields.reserve(ctx_.fields_per_record + 1);
    const char* p = chunk_.begin;
    const char* released = p;
    Record kind;
    while (p < chunk_.stop && chunk_.rows < ctx_.row_limit) {
      const char* record = p;
      p = ctx_.tokenizer.next(p, fields, kind);
      if (kind == Record::blank) continue;
      if (kind == Record::unterminated) return stop(ctx_.unterminated(fields), p);
      if (fields.size() != ctx_.fields_per_record) return stop(ctx_.ragged(fields), p);
      for (std::size_t k = 0; k < ctx_.columns.size(); ++k)
        if (!add(k, fields[ctx_.columns[k].field])) return stop(std::move(problem_), p);
      ++chunk_.rows;
      if (ctx_.release && record - released >= kReleaseEvery) {
        ctx_.release(released, record);
        released = record;
      }
    }
    chunk_.next = p;
  }

 private:
  void stop(Problem problem, const char* p) {
    chunk_.problem = std::move(problem);
    chunk_.next = p;
  }

  // Appends one field to column k; false (with problem_ set) when it does not parse as a forced dtype.
  bool add(std::size_t k, const Field& field) {
    ColumnPart& part = chunk_.parts[k];
    const std::string_view s = ctx_.tokenizer.content(field, scratch_);
    if (ctx_.na.contains(s)) {
      add_missing(part);
      return true;
    }
    if (!part.valid.empty()) part.valid.push_back(1);
    switch (part.kind) {
      case Kind::float64: {
        double v;
        if (!parse_double(s, v)) break;
        part.doubles.push_back(v);
        return true;
      }
      case Kind::int64: {
        std::int64_t v;
        if (parse_int(s, v)) {
          if (v == 0 && s.find('-') != std::string_view::npos) part.negative_zeros.push_back(chunk_.rows);
          part.ints.push_back(v);
          return true;
        }
        double d;
        if (ctx_.columns[k].forced || !parse_double(s, d)) break;
        ints_to_doubles(part, chunk_.capacity);
        part.doubles.push_back(d);
        return true;
      }
      case Kind::boolean: {
        std::uint8_t v;
        if (!parse_bool(s, v)) break;
        part.bools.push_back(v);
        return true;
      }
      case Kind::string: part.strings.emplace_back(s); return true;
      case Kind::unknown: first_value(part, s); return true;
    }
    if (ctx_.columns[k].forced) {
      problem_ = {field.begin, ctx_.columns[k].field + 1,
                  fmt::format("column '{}': expected {} as options.dtype asks, found {}", ctx_.columns[k].name,
                              expected_value(part.kind), shown(s))};
      return false;
    }
    // The column holds text after all: its earlier values are read again as strings.
    to_strings(ctx_, chunk_, part, k);
    part.strings.emplace_back(s);
    return true;
  }

  void first_value(ColumnPart& part, std::string_view s) {
    std::int64_t i;
    double d;
    std::uint8_t b;
    if (parse_int(s, i)) {
      set_kind(part, Kind::int64, chunk_.rows, chunk_.capacity);
      if (i == 0 && s.find('-') != std::string_view::npos) part.negative_zeros.push_back(chunk_.rows);
      part.ints.push_back(i);
    } else if (parse_double(s, d)) {
      set_kind(part, Kind::float64, chunk_.rows, chunk_.capacity);
      part.doubles.push_back(d);
    } else if (parse_bool(s, b)) {
      set_kind(part, Kind::boolean, chunk_.rows, chunk_.capacity);
      part.bools.push_back(b);
    } else {
      set_kind(part, Kind::string, chunk_.rows, chunk_.capacity);
      part.strings.emplace_back(s);
    }
  }

  void add_missing(ColumnPart& part) {
    if (part.valid.empty()) {
      part.valid.reserve(std::max(chunk_.capacity, static_cast<std::size_t>(chunk_.rows) + 1));
      part.valid.assign(static_cast<std::size_t>(chunk_.rows), 1);
    }
    part.valid.push_back(0);
    switch (part.kind) {
      case Kind::int64: part.ints.push_back(0); break;
      case Kind::float64: part.doubles.push_back(NAN); break;
      case Kind::boolean: part.bools.push_back(0); break;
      case Kind::string: part.strings.emplace_back(); break;
      case Kind::unknown: break;
    }
  }

  const Context& ctx_;
  Chunk& chunk_;
  std::string scratch_;
  Problem problem_{};
};

void run_chunk(const Context& ctx, Chunk& chunk) {
  try {
    ChunkParser(ctx, chunk).run();
  } catch (...) {
    chunk.exception = std::current_exception();
  }
}

// ---------------------------------------------------------------------------------------------
// Joining the chunks of one column.

void convert(const Context& ctx, const Chunk& chunk, ColumnPart& part, std::size_t k, Kind kind) {
  if (part.kind == kind) return;
  if (part.kind == Kind::unknown) {
    set_kind(part, kind, chunk.rows, chunk.capacity);
  } else if (part.kind == Kind::int64 && kind == Kind::float64) {
    ints_to_doubles(part, chunk.capacity);
  } else {
    to_strings(ctx, chunk, part, k);
  }
}

template <typename T>
void append(std::vector<T>& to, std::vector<T>& from) {
  if (to.empty()) to.swap(from);
  else to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  std::vector<T>().swap(from);
}

Series categorical(std::string name, std::vector<std::string> values, std::vector<std::uint8_t> valid) {
  // Categories sorted as pandas sorts them: by value when every one is a number, else as text.
  std::vector<std::string> cats;
  std::unordered_map<std::string_view, std::int32_t> seen;
  for (std::size_t i = 0; i < values.size(); ++i)
    if ((valid.empty() || valid[i]) && seen.emplace(values[i], 0).second) cats.push_back(values[i]);
  std::vector<double> numbers(cats.size());
  bool numeric = true;
  for (std::size_t i = 0; i < cats.size() && numeric; ++i) numeric = parse_double(cats[i], numbers[i]);
  std::vector<std::size_t> order(cats.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return numeric ? numbers[a] < numbers[b] : cats[a] < cats[b];
  });
  auto sorted = std::make_shared<std::vector<std::string>>();
  sorted->reserve(cats.size());
  for (std::size_t i : order) sorted->push_back(cats[i]);
  seen.clear();
  for (std::size_t i = 0; i < sorted->size(); ++i) seen[(*sorted)[i]] = static_cast<std::int32_t>(i);
  Categorical c;
  c.codes.resize(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) c.codes[i] = valid.empty() || valid[i] ? seen.at(values[i]) : -1;
  c.categories = std::move(sorted);
  return Series(std::move(name), std::move(c), std::move(valid));
}

Series merge_column(const Context& ctx, std::vector<Chunk>& chunks, std::size_t k) {
  Kind kind = Kind::unknown;
  std::int64_t rows = 0;
  bool missing = false;
  for (const Chunk& c : chunks) {
    kind = join(kind, c.parts[k].kind);
    rows += c.rows;
    missing = missing || !c.parts[k].valid.empty();
  }
  // All missing: float64 NaN as pandas gives; no rows at all: object (string), as pandas gives.
  if (kind == Kind::unknown) kind = rows > 0 ? Kind::float64 : Kind::string;
  ColumnPart& out = chunks[0].parts[k];
  convert(ctx, chunks[0], out, k, kind);
  if (missing && out.valid.empty()) out.valid.assign(static_cast<std::size_t>(chunks[0].rows), 1);
  for (std::size_t c = 1; c < chunks.size(); ++c) {
    ColumnPart& part = chunks[c].parts[k];
    convert(ctx, chunks[c], part, k, kind);
    if (missing) {
      if (part.valid.empty()) out.valid.insert(out.valid.end(), static_cast<std::size_t>(chunks[c].rows), 1);
      else out.valid.insert(out.valid.end(), part.valid.begin(), part.valid.end());
    }
    append(out.ints, part.ints);
    append(out.doubles, part.doubles);
    append(out.bools, part.bools);
    append(out.strings, part.strings);
    std::vector<std::uint8_t>().swap(part.valid);
  }
  const ColumnSpec& spec = ctx.columns[k];
  switch (kind) {
    case Kind::int64: return Series(spec.name, std::move(out.ints), std::move(out.valid));
    case Kind::float64: return Series(spec.name, std::move(out.doubles), std::move(out.valid));
    case Kind::boolean: return Series(spec.name, std::move(out.bools), std::move(out.valid));
    default: break;
  }
  if (spec.category) return categorical(spec.name, std::move(out.strings), std::move(out.valid));
  return Series(spec.name, std::move(out.strings), std::move(out.valid));
}

// ---------------------------------------------------------------------------------------------
// The header, the columns kept, and the chunks.

void check_options(const CsvOptions& o, std::string_view source) {
  auto bad = [](char c) { return c == '\n' || c == '\r'; };
  check(!bad(o.delimiter) && o.delimiter != '\0', "read_csv({}): delimiter {} cannot separate fields", source,
        shown(std::string_view(&o.delimiter, 1)));
  check(!bad(o.quotechar) && o.quotechar != o.delimiter,
        "read_csv({}): quotechar {} must differ from the delimiter and from line ends", source,
        shown(std::string_view(&o.quotechar, 1)));
  check(!bad(o.comment) && (o.comment == '\0' || (o.comment != o.delimiter && o.comment != o.quotechar)),
        "read_csv({}): comment {} must differ from the delimiter, the quotechar and line ends", source,
        shown(std::string_view(&o.comment, 1)));
  check(o.skiprows >= 0, "read_csv({}): skiprows must be >= 0, got {}", source, o.skiprows);
  check(!o.nrows || *o.nrows >= 0, "read_csv({}): nrows must be >= 0, got {}", source, o.nrows.value_or(0));
}

Kind kind_of(ColumnType t) {
  switch (t) {
    case ColumnType::int64: return Kind::int64;
    case ColumnType::float64: return Kind::float64;
    case ColumnType::boolean: return Kind::boolean;
    default: return Kind::string;
  }
}

// Reads the header (or the first data row when there is none) and decides the columns. Returns
// where the data starts.
const char* read_header(Context& ctx, const CsvOptions& o, const char* p, const char* end) {
  std::vector<Field> fields;
  Record kind = Record::blank;
  for (std::int64_t i = 0; i < o.skiprows && p < end; ++i) {
    p = ctx.tokenizer.next(p, fields, kind);
    if (kind == Record::unterminated) ctx.fail(ctx.unterminated(fields));
  }
  const char* first = p;
  kind = Record::blank;
  while (p < end) {
    first = p;
    p = ctx.tokenizer.next(p, fields, kind);
    if (kind == Record::unterminated) ctx.fail(ctx.unterminated(fields));
    if (kind == Record::data) break;
  }
  if (kind != Record::data) {
    const std::string skipped = o.skiprows ? fmt::format(" after skipping {} lines", o.skiprows) : "";
    throw ValueError(fmt::format("{}: no columns to parse: expected {}{}, found {}", ctx.source,
                                 o.header ? "a header row" : "a first row", skipped,
                                 ctx.text.empty() ? "an empty input" : "only blank or comment lines"));
  }
  ctx.fields_per_record = fields.size();
  std::string scratch;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    std::string name = o.header ? std::string(ctx.tokenizer.content(fields[i], scratch)) : std::to_string(i);
    ctx.names.push_back(name.empty() ? fmt::format("Unnamed: {}", i) : std::move(name));  // pandas' name
  }
  if (!o.names.empty()) {
    check(o.names.size() == fields.size(), "{}: options.names has {} names, but the {} row has {} fields",
          ctx.where(first, 0), o.names.size(), o.header ? "header" : "first", fields.size());
    ctx.names = o.names;
  }
  std::map<std::string_view, std::size_t> position;
  for (std::size_t i = 0; i < ctx.names.size(); ++i) {
    const auto [it, fresh] = position.emplace(ctx.names[i], i);
    if (fresh) continue;
    const std::string what = fmt::format("duplicate column name '{}' (columns {} and {}); pandas would rename the "
                                         "second '{}.1': make the names unique",
                                         ctx.names[i], it->second + 1, i + 1, ctx.names[i]);
    if (!o.names.empty()) throw ValueError(fmt::format("{}: options.names: {}", ctx.source, what));
    ctx.fail({fields[i].begin, i + 1, what});
  }
  auto column_list = [&] { return fmt::format("{}", fmt::join(ctx.names, ", ")); };
  for (const auto& [name, type] : o.dtype)
    check(position.count(name), "{}: options.dtype names column '{}', which is not in the file. Columns: {}",
          ctx.source, name, column_list());
  for (const auto& name : o.usecols)
    check(position.count(name), "{}: options.usecols names column '{}', which is not in the file. Columns: {}",
          ctx.source, name, column_list());
  for (std::size_t i = 0; i < ctx.names.size(); ++i) {
    if (!o.usecols.empty() && std::find(o.usecols.begin(), o.usecols.end(), ctx.names[i]) == o.usecols.end()) continue;
    ColumnSpec spec{ctx.names[i], i, std::nullopt, false};
    if (const auto it = o.dtype.find(ctx.names[i]); it != o.dtype.end()) {
      spec.forced = kind_of(it->second);
      spec.category = it->second == ColumnType::category;
    }
    ctx.columns.push_back(std::move(spec));
  }
  return o.header ? p : first;
}

// Rows expected in `bytes` of data, from the line length of a sample; only reserves memory.
struct RowEstimate {
  double bytes_per_row = 1;
  std::size_t operator()(std::size_t bytes) const {
    const double rows = static_cast<double>(bytes) / bytes_per_row * 1.15 + 64;
    return std::min(static_cast<std::size_t>(rows), bytes + 1);
  }
};

RowEstimate estimate_rows(const char* begin, const char* end) {
  const std::size_t sample = std::min<std::size_t>(static_cast<std::size_t>(end - begin), 1 << 16);
  const auto lines = std::count(begin, begin + sample, '\n');
  return {lines > 0 ? static_cast<double>(sample) / static_cast<double>(lines) : static_cast<double>(sample + 1)};
}

// Cuts [begin, end) into n chunks at line starts. A cut may land inside a quoted field that spans
// lines; the check after the parallel parse finds that and redoes the chunk.
std::vector<Chunk> plan_chunks(const char* begin, const char* end, int n, const RowEstimate& estimate) {
  const auto size = static_cast<std::size_t>(end - begin);
  auto line_start = [&](const char* p) {
    while (p < end && !(p[-1] == '\n' || (p[-1] == '\r' && *p != '\n'))) ++p;
    return p;
  };
  std::vector<const char*> cuts{begin};
  for (int k = 1; k < n; ++k)
    cuts.push_back(std::max(cuts.back(), line_start(begin + size * static_cast<std::size_t>(k) / static_cast<std::size_t>(n))));
  cuts.push_back(end);
  std::vector<Chunk> chunks(static_cast<std::size_t>(n));
  for (std::size_t k = 0; k < chunks.size(); ++k) {
    chunks[k].begin = cuts[k];
    chunks[k].stop = cuts[k + 1];
    // The first chunk reserves room for every row: the others are appended to it in place.
    chunks[k].capacity = estimate(k == 0 ? size : static_cast<std::size_t>(cuts[k + 1] - cuts[k]));
  }
  return chunks;
}

}  // namespace

DataFrame parse(std::string_view text, const CsvOptions& options, std::string_view source, const ReleaseFn& release,
                Split split) {
  check_options(options, source);
  const char* end = text.data() + text.size();
  const char* p = text.data();
  if (text.size() >= 3 && std::memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;  // UTF-8 byte order mark
  Context ctx(text, source, options, release);
  const char* data = read_header(ctx, options, p, end);

  const auto wanted = static_cast<std::size_t>(std::max(1, split.threads > 0 ? split.threads : get_num_threads()));
  const std::size_t affordable = static_cast<std::size_t>(end - data) / std::max<std::size_t>(1, split.min_chunk_bytes);
  int threads = static_cast<int>(std::clamp<std::size_t>(affordable, 1, wanted));
  if (options.nrows) {
    ctx.row_limit = *options.nrows;
    threads = 1;  // stop at nrows without parsing (or failing on) what lies beyond
  }
  const RowEstimate estimate = estimate_rows(data, end);
  std::vector<Chunk> chunks = plan_chunks(data, end, threads, estimate);
  if (options.nrows) chunks[0].capacity = std::min(chunks[0].capacity, static_cast<std::size_t>(*options.nrows));

#pragma omp parallel for num_threads(threads) schedule(static, 1)
  for (int k = 0; k < threads; ++k) run_chunk(ctx, chunks[static_cast<std::size_t>(k)]);

  for (std::size_t k = 0; k < chunks.size(); ++k) {
    if (k > 0 && chunks[k].begin != chunks[k - 1].next) {
      // The cut fell inside a quoted field: parse this chunk again from where the record really starts.
      Chunk redo;
      redo.begin = chunks[k - 1].next;
      redo.stop = std::max(chunks[k].stop, redo.begin);
      redo.capacity = chunks[k].capacity;
      chunks[k] = std::move(redo);
      run_chunk(ctx, chunks[k]);
    }
    if (chunks[k].exception) std::rethrow_exception(chunks[k].exception);
    if (chunks[k].problem) ctx.fail(*chunks[k].problem);
  }

  std::vector<Series> columns(ctx.columns.size());
  std::exception_ptr failure;
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1)
  for (std::size_t k = 0; k < columns.size(); ++k) {
    try {
      columns[k] = merge_column(ctx, chunks, k);
    } catch (...) {
#pragma omp critical(axon_csv_merge)
      failure = std::current_exception();
    }
  }
  if (failure) std::rethrow_exception(failure);
  return DataFrame(std::move(columns));
}

}  // namespace axon::frame::csv_detail
