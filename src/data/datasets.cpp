// list_datasets(): what is installed, where, and its shape and classes, read cheaply (headers and
// line counts; the small tables are simply loaded).
#include "axon/core/error.hpp"
#include "axon/data/datasets.hpp"
#include "axon/data/gzip.hpp"
#include "axon/data/idx.hpp"
#include "dataset_files.hpp"

#include <algorithm>
#include <functional>

namespace axon::data {
namespace {

// Fills shape and classes when the path exists; a file that cannot be read is reported, not thrown.
DatasetInfo describe(std::string name, std::filesystem::path path, std::string_view package,
                     const std::function<void(DatasetInfo&)>& inspect) {
  DatasetInfo info{.name = std::move(name), .path = std::move(path), .package = std::string(package)};
  std::error_code ec;
  info.found = std::filesystem::exists(info.path, ec);
  if (!info.found) return info;
  try {
    inspect(info);
  } catch (const Error& e) {
    info.error = e.what();
  }
  return info;
}

void from_sklearn_header(DatasetInfo& info) {
  const auto h = detail::read_sklearn_csv_header(info.path);
  info.shape = {h.n_samples, h.n_features};
  info.classes = h.target_names;
}

}  // namespace

std::vector<DatasetInfo> list_datasets() {
  std::vector<DatasetInfo> out;
  out.push_back(describe("fashion_mnist", fashion_mnist::folder(), detail::kFashionMnistPackage, [](DatasetInfo& info) {
    info.shape = read_idx_shape(info.path / "train-images-idx3-ubyte.gz");
    info.classes = fashion_mnist::class_names();
  }));
  out.push_back(describe("iris", detail::sklearn_file("iris.csv"), detail::kSklearnPackage, from_sklearn_header));
  out.push_back(describe("wine", detail::sklearn_file("wine_data.csv"), detail::kSklearnPackage, from_sklearn_header));
  out.push_back(describe("breast_cancer", detail::sklearn_file("breast_cancer.csv"), detail::kSklearnPackage,
                         from_sklearn_header));
  out.push_back(describe("diabetes", detail::sklearn_file("diabetes_data_raw.csv.gz"), detail::kSklearnPackage,
                         [](DatasetInfo& info) { info.shape = {detail::count_lines(read_maybe_gzip(info.path)), 10}; }));
  out.push_back(describe("digits", detail::sklearn_file("digits.csv.gz"), detail::kSklearnPackage, [](DatasetInfo& info) {
    info.shape = {detail::count_lines(read_maybe_gzip(info.path)), 64};
    for (int c = 0; c < 10; ++c) info.classes.push_back(std::to_string(c));
  }));
  out.push_back(describe("penguins", detail::penguins_file(), detail::kPenguinsPackage, [](DatasetInfo& info) {
    const auto df = load_penguins();
    info.shape = {df.rows(), static_cast<std::int64_t>(df.columns().size())};
    const auto species = df["species"].unique();
    for (std::int64_t i = 0; i < species.size(); ++i)
      if (!species.is_na(i)) info.classes.push_back(species.format_at(i));
    std::sort(info.classes.begin(), info.classes.end());
  }));
  out.push_back(describe("fortunes", detail::fortunes_folder(), detail::kFortunesPackage, [](DatasetInfo& info) {
    const auto fortunes = load_fortunes();
    info.shape = {static_cast<std::int64_t>(fortunes.texts.size())};
    info.classes = fortunes.topic_names();
  }));
  return out;
}

}  // namespace axon::data
