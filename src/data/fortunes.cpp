// fortune(6)'s texts by topic, from Debian's fortunes: plain files of texts separated by lines
// holding only '%' (the *.dat files beside them are strfile's indexes into the same texts).
#include "axon/core/error.hpp"
#include "axon/data/data_root.hpp"
#include "axon/data/datasets.hpp"
#include "axon/data/gzip.hpp"
#include "dataset_files.hpp"

#include <algorithm>
#include <set>

namespace axon::data {
namespace detail {

std::filesystem::path fortunes_folder() { return dataset_path("fortunes", "/usr/share/games/fortunes"); }

std::vector<std::filesystem::path> fortune_files(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    // Debian's *.u8 are links to the plain files, and off/ holds the offensive set: skip both.
    if (entry.is_symlink() || !entry.is_regular_file()) continue;
    const auto ext = entry.path().extension();
    if (ext == ".dat" || ext == ".u8") continue;
    files.push_back(entry.path());
  }
  check<IoError>(!ec, "fortunes: cannot list {} ({})", folder.string(), ec.message());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace detail

namespace {

// Appends the texts of one file: the lines between '%' lines, without the final newline; empty
// texts (before the first '%' or between two) are skipped.
void split_fortunes(std::string_view content, const std::string& topic, Fortunes& out) {
  std::string text;
  const auto flush = [&] {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    if (!text.empty()) {
      out.texts.push_back(std::move(text));
      out.topics.push_back(topic);
    }
    text.clear();
  };
  std::size_t start = 0;
  while (start < content.size()) {
    std::size_t end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    const std::string_view line = content.substr(start, end - start);
    if (line == "%" || line == "%\r") {
      flush();
    } else {
      text.append(line);
      text.push_back('\n');
    }
    start = end + 1;
  }
  flush();
}

}  // namespace

std::vector<std::string> Fortunes::topic_names() const {
  const std::set<std::string> distinct(topics.begin(), topics.end());
  return {distinct.begin(), distinct.end()};
}

Fortunes load_fortunes() {
  const auto folder = detail::fortunes_folder();
  require_dataset(folder, "fortunes", detail::kFortunesPackage);
  Fortunes out;
  for (const auto& file : detail::fortune_files(folder))
    split_fortunes(read_maybe_gzip(file), file.filename().string(), out);
  check<IoError>(!out.texts.empty(), "fortunes: no texts in {} (expected plain files of texts separated by '%' lines)",
                 folder.string());
  return out;
}

}  // namespace axon::data
