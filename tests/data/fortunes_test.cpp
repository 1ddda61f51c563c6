// The fortune texts against Python's reading of the same files (tests/golden/datasets.json), and
// the splitting rules on a small folder of our own.
#include "axon/core/error.hpp"
#include "axon/data/datasets.hpp"
#include "data/data_test_util.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>

namespace axon::data {
namespace {

constexpr const char* kFortunes = "/usr/share/games/fortunes";

TEST(Fortunes, SameTextsAsPython) {
  AXON_SKIP_WITHOUT(kFortunes, "fortunes");
  const auto& g = test_util::datasets_golden()["fortunes"];
  const Fortunes f = load_fortunes();
  ASSERT_EQ(f.texts.size(), f.topics.size());
  EXPECT_EQ(static_cast<std::int64_t>(f.texts.size()), g["count"].get<std::int64_t>());
  std::map<std::string, std::int64_t> per_topic;
  std::map<std::string, std::string> first, last;
  for (std::size_t i = 0; i < f.texts.size(); ++i) {
    if (!per_topic[f.topics[i]]++) first[f.topics[i]] = f.texts[i];
    last[f.topics[i]] = f.texts[i];
  }
  EXPECT_EQ(per_topic, (g["per_topic"].get<std::map<std::string, std::int64_t>>()));
  for (const auto& [topic, text] : g["first_text"].items()) EXPECT_EQ(first[topic], text.get<std::string>()) << topic;
  for (const auto& [topic, text] : g["last_text"].items()) EXPECT_EQ(last[topic], text.get<std::string>()) << topic;
  const auto topics = f.topic_names();
  EXPECT_GT(topics.size(), 10u);
  EXPECT_TRUE(std::is_sorted(topics.begin(), topics.end()));
  EXPECT_EQ(first["fortunes"], "A day for firm decisions!!!!!  Or is it?");
}

TEST(Fortunes, SplitsOnPercentLinesAndSkipsIndexesAndLinks) {
  test_util::TempDir root("fortunes");
  const auto dir = root.path() / "fortunes";
  std::filesystem::create_directories(dir / "off");
  std::ofstream(dir / "zen") << "%\nfirst\n  line two\n%\n%\nsecond\r\n%\r\nthird, no newline";
  std::ofstream(dir / "art") << "only one\n";
  std::ofstream(dir / "art.dat") << "binary index";
  std::ofstream(dir / "off" / "rude") << "not read\n%\n";
  std::filesystem::create_symlink(dir / "zen", dir / "zen.u8");
  std::filesystem::create_symlink(dir / "art", dir / "link");
  test_util::ScopedEnv env("AXON_DATA", root.path().string());
  const Fortunes f = load_fortunes();
  EXPECT_EQ(f.texts, (std::vector<std::string>{"only one", "first\n  line two", "second", "third, no newline"}));
  EXPECT_EQ(f.topics, (std::vector<std::string>{"art", "zen", "zen", "zen"}));
  EXPECT_EQ(f.topic_names(), (std::vector<std::string>{"art", "zen"}));
}

TEST(Fortunes, MissingFolderNamesThePackage) {
  test_util::TempDir empty("fortunes");
  test_util::ScopedEnv env("AXON_DATA", empty.path().string());
  try {
    load_fortunes();
    FAIL() << "no error";
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find("'fortunes'"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find((empty.path() / "fortunes").string()), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace axon::data
