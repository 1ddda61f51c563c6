#include "axon/text/tokenizer.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>

namespace axon::text {
namespace {

#include "unicode_tables.inc"

// Decodes the code point starting at s[i] and returns its length in bytes (1 for an invalid
// sequence, whose byte is returned as the code point 0xDC00 + byte: not a word char by the table,
// so is_word treats it specially).
struct Decoded {
  char32_t c;
  std::size_t len;
  bool valid;
};

inline Decoded decode(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1, true};
  const std::size_t n = s.size();
  const auto cont = [&](std::size_t k) { return i + k < n && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80; };
  const auto at = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F); };
  if (b0 >= 0xC2 && b0 < 0xE0 && cont(1)) return {(char32_t(b0 & 0x1F) << 6) | at(1), 2, true};
  if (b0 >= 0xE0 && b0 < 0xF0 && cont(1) && cont(2)) {
    const char32_t c = (char32_t(b0 & 0x0F) << 12) | (at(1) << 6) | at(2);
    if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) return {c, 3, true};
  }
  if (b0 >= 0xF0 && b0 < 0xF5 && cont(1) && cont(2) && cont(3)) {
    const char32_t c = (char32_t(b0 & 0x07) << 18) | (at(1) << 12) | (at(2) << 6) | at(3);
    if (c >= 0x10000 && c <= 0x10FFFF) return {c, 4, true};
  }
  return {b0, 1, false};
}

inline void encode(char32_t c, std::string& out) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

inline bool is_ascii_word(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

char32_t lower_of(char32_t c) {
  // The last run starting at or before c.
  const auto* end = std::end(kLowerRuns);
  const auto* it = std::upper_bound(std::begin(kLowerRuns), end, c,
                                    [](char32_t v, const LowerRun& r) { return v < r.first; });
  if (it == std::begin(kLowerRuns)) return c;
  const LowerRun& r = *(it - 1);
  if (c > r.last) return c;
  if (r.step != 0 && (c - r.first) % r.step != 0) return c;
  return static_cast<char32_t>(static_cast<std::int64_t>(c) + r.delta);
}

}  // namespace

bool is_word_char(char32_t c) {
  if (c < 0x80) return is_ascii_word(static_cast<unsigned char>(c));
  const auto* it = std::upper_bound(std::begin(kWordBoundaries), std::end(kWordBoundaries), c);
  return (it - std::begin(kWordBoundaries)) % 2 == 1;
}

void lowercase_into(std::string_view document, std::string& out) {
  out.clear();
  out.reserve(document.size());
  std::size_t i = 0;
  const std::size_t n = document.size();
  while (i < n) {
    const auto b = static_cast<unsigned char>(document[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b));
      ++i;
      continue;
    }
    const Decoded d = decode(document, i);
    if (!d.valid) {
      out.push_back(document[i]);
    } else if (d.c == 0x130) {  // 'İ'.lower() == 'i' + U+0307 COMBINING DOT ABOVE
      out.push_back('i');
      encode(0x307, out);
    } else {
      encode(lower_of(d.c), out);
    }
    i += d.len;
  }
}

void token_views(std::string_view document, std::size_t min_length, std::vector<std::string_view>& out) {
  std::size_t i = 0;
  const std::size_t n = document.size();
  const auto word_at = [&](std::size_t k, std::size_t& len) {
    const auto b = static_cast<unsigned char>(document[k]);
    if (b < 0x80) {
      len = 1;
      return is_ascii_word(b);
    }
    const Decoded d = decode(document, k);
    len = d.len;
    return !d.valid || is_word_char(d.c);
  };
  while (i < n) {
    std::size_t len = 1;
    while (i < n && !word_at(i, len)) i += len;
    const std::size_t start = i;
    std::size_t chars = 0;
    while (i < n && word_at(i, len)) {
      i += len;
      ++chars;
    }
    if (chars >= min_length && chars > 0) out.push_back(document.substr(start, i - start));
  }
}

std::vector<std::string> tokenize(std::string_view document, TokenizeOptions options) {
  std::string lowered;
  if (options.lowercase) {
    lowercase_into(document, lowered);
    document = lowered;
  }
  std::vector<std::string_view> views;
  token_views(document, options.min_length, views);
  return {views.begin(), views.end()};
}

}  // namespace axon::text
