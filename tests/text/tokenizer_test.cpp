#include "axon/text/tokenizer.hpp"

#include <gtest/gtest.h>

namespace axon::text {
namespace {

// Expected lists are what sklearn's CountVectorizer().build_analyzer() gives for the same text.
TEST(Tokenize, LikeScikitLearnsDefaultPattern) {
  EXPECT_EQ(tokenize("Hello, World! It's a 2nd test_case."),
            (std::vector<std::string>{"hello", "world", "it", "2nd", "test_case"}));
  EXPECT_EQ(tokenize("  "), std::vector<std::string>{});
  EXPECT_EQ(tokenize("café au lait", {.lowercase = false}), (std::vector<std::string>{"café", "au", "lait"}));
  EXPECT_EQ(tokenize("a bb", {.min_length = 1}), (std::vector<std::string>{"a", "bb"}));
}

}  // namespace
}  // namespace axon::text
