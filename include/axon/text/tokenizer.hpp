// Splitting documents into tokens the way scikit-learn's vectorizers do by default.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace axon::text {

struct TokenizeOptions {
  bool lowercase = true;        ///< ASCII lowercase before splitting (non-ASCII bytes kept as they are)
  std::size_t min_length = 2;   ///< scikit-learn's default token_pattern r"(?u)\b\w\w+\b": 2 or more
};

/// Maximal runs of word characters (ASCII letters, digits, '_', and every byte of a multi-byte
/// UTF-8 character, which scikit-learn's Unicode \w treats as letters for the letters of the
/// alphabets a fortune file holds) of at least min_length bytes, in order.
std::vector<std::string> tokenize(std::string_view document, TokenizeOptions options = {});

}  // namespace axon::text
