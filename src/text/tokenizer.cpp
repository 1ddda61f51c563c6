#include "axon/text/tokenizer.hpp"

namespace axon::text {
namespace {

bool is_word_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

}  // namespace

std::vector<std::string> tokenize(std::string_view document, TokenizeOptions options) {
  std::vector<std::string> tokens;
  std::size_t i = 0;
  const std::size_t n = document.size();
  while (i < n) {
    while (i < n && !is_word_byte(static_cast<unsigned char>(document[i]))) ++i;
    const std::size_t start = i;
    std::size_t chars = 0;  // UTF-8 characters, not bytes, count toward min_length
    while (i < n && is_word_byte(static_cast<unsigned char>(document[i]))) {
      if ((static_cast<unsigned char>(document[i]) & 0xC0) != 0x80) ++chars;
      ++i;
    }
    if (i > start && chars >= options.min_length) {
      std::string t(document.substr(start, i - start));
      if (options.lowercase)
        for (char& c : t)
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      tokens.push_back(std::move(t));
    }
  }
  return tokens;
}

}  // namespace axon::text
