// Internal to the data floor: where each dataset's files are and which Debian package installs
// them, shared by the loaders and list_datasets().
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace axon::data::detail {

inline constexpr std::string_view kSklearnPackage = "python3-sklearn";
inline constexpr std::string_view kPenguinsPackage = "r-cran-palmerpenguins";
inline constexpr std::string_view kFortunesPackage = "fortunes";
inline constexpr std::string_view kFashionMnistPackage = "dataset-fashion-mnist";

/// A file of scikit-learn's bundled data: $AXON_DATA/sklearn/<file>, else Debian's
/// /usr/lib/python3/dist-packages/sklearn/datasets/data/<file>.
std::filesystem::path sklearn_file(std::string_view file);
/// $AXON_DATA/palmerpenguins/penguins.csv, else /usr/lib/R/site-library/palmerpenguins/extdata/penguins.csv.
std::filesystem::path penguins_file();
/// $AXON_DATA/fortunes, else /usr/share/games/fortunes.
std::filesystem::path fortunes_folder();
/// The plain text files of a fortunes folder, sorted by name (no *.dat, *.u8, links, folders).
std::vector<std::filesystem::path> fortune_files(const std::filesystem::path& folder);

/// The first line of scikit-learn's iris/wine/breast cancer CSVs: "150,4,setosa,versicolor,virginica".
struct SklearnCsvHeader {
  std::int64_t n_samples = 0;
  std::int64_t n_features = 0;
  std::vector<std::string> target_names;
};
SklearnCsvHeader read_sklearn_csv_header(const std::filesystem::path& path);

/// Lines in a text (a last line without '\n' counts).
std::int64_t count_lines(std::string_view text);

}  // namespace axon::data::detail
