// scikit-learn's bundled datasets (sklearn/datasets/_base.py, version 1.2), read from Debian's
// python3-sklearn: the same files, feature names and scaling, checked against scikit-learn by
// tests/golden/datasets.json.
#include "axon/core/error.hpp"
#include "axon/data/data_root.hpp"
#include "axon/data/datasets.hpp"
#include "axon/data/gzip.hpp"
#include "axon/frame/csv.hpp"
#include "dataset_files.hpp"

#include <charconv>
#include <cmath>
#include <fstream>

namespace axon::data {
namespace detail {

std::filesystem::path sklearn_file(std::string_view file) {
  return dataset_path("sklearn", "/usr/lib/python3/dist-packages/sklearn/datasets/data") / file;
}

std::int64_t count_lines(std::string_view text) {
  std::int64_t n = 0;
  for (char c : text) n += c == '\n';
  return n + (!text.empty() && text.back() != '\n');
}

SklearnCsvHeader read_sklearn_csv_header(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::string line;
  check<IoError>(static_cast<bool>(std::getline(in, line)), "{}: cannot read the first line", path.string());
  if (!line.empty() && line.back() == '\r') line.pop_back();
  std::vector<std::string> fields;
  for (std::size_t start = 0;;) {
    const std::size_t comma = line.find(',', start);
    fields.push_back(line.substr(start, comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  SklearnCsvHeader h;
  const auto parse = [&](const std::string& s, std::int64_t& out) {
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size() && out >= 0;
  };
  check<IoError>(fields.size() >= 2 && parse(fields[0], h.n_samples) && parse(fields[1], h.n_features),
                 "{}: line 1: expected scikit-learn's header 'n_samples,n_features,class names...', found '{}'",
                 path.string(), line);
  h.target_names.assign(fields.begin() + 2, fields.end());
  return h;
}

}  // namespace detail

namespace {

std::vector<std::string> with_target(std::vector<std::string> names) {
  names.push_back("target");
  return names;
}

// The Bunch from a frame holding the features and an int64 "target" column.
Bunch classification_bunch(const frame::DataFrame& df, std::vector<std::string> feature_names,
                           std::vector<std::string> target_names, const std::filesystem::path& path) {
  Bunch b;
  b.data = df.to_tensor(feature_names, Dtype::float64);
  const frame::Series& target = df["target"];
  check<IoError>(target.dtype() == frame::ColumnType::int64 && !target.has_na(),
                 "{}: the last column holds the class; expected integers, found {}", path.string(),
                 column_type_name(target.dtype()));
  const auto n_classes = static_cast<std::int64_t>(target_names.size());
  const auto& labels = target.ints();
  for (std::size_t i = 0; i < labels.size(); ++i)
    check<IoError>(labels[i] >= 0 && labels[i] < n_classes, "{}: data row {}: class {} is not in 0..{}", path.string(),
                   i + 1, labels[i], n_classes - 1);
  b.target = target.to_tensor(Dtype::int64);
  // as_frame=True: float64 features (integer columns such as wine's magnesium included), then target.
  b.frame = frame::DataFrame::from_tensor(b.data, feature_names).assign(target);
  b.feature_names = std::move(feature_names);
  b.target_names = std::move(target_names);
  b.filename = path;
  return b;
}

// iris.csv, wine_data.csv, breast_cancer.csv: "n_samples,n_features,class names..." then rows of
// features and the class index (sklearn's load_csv_data).
Bunch load_sklearn_csv(std::string_view dataset, std::string_view file, std::vector<std::string> feature_names) {
  const auto path = detail::sklearn_file(file);
  require_dataset(path, dataset, detail::kSklearnPackage);
  const auto header = detail::read_sklearn_csv_header(path);
  check<IoError>(header.n_features == static_cast<std::int64_t>(feature_names.size()),
                 "{}: line 1: expected {} features for {}, the header says {}", path.string(), feature_names.size(),
                 dataset, header.n_features);
  const auto df = frame::read_csv(path, {.header = false, .names = with_target(feature_names), .skiprows = 1});
  check<IoError>(df.rows() == header.n_samples, "{}: the header announces {} rows, the file has {}", path.string(),
                 header.n_samples, df.rows());
  return classification_bunch(df, std::move(feature_names), header.target_names, path);
}

std::string read_gzip_text(const std::filesystem::path& path, std::string_view dataset) {
  require_dataset(path, dataset, detail::kSklearnPackage);
  return read_maybe_gzip(path);
}

}  // namespace

Bunch load_iris() {
  return load_sklearn_csv("iris", "iris.csv",
                          {"sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"});
}

Bunch load_wine() {
  return load_sklearn_csv("wine", "wine_data.csv",
                          {"alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols",
                           "flavanoids", "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue",
                           "od280/od315_of_diluted_wines", "proline"});
}

Bunch load_breast_cancer() {
  std::vector<std::string> names;
  for (const char* group : {"mean", "", "worst"})
    for (const char* measure : {"radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity",
                                "concave points", "symmetry", "fractal dimension"})
      names.push_back(*group ? fmt::format("{} {}", group, measure) : fmt::format("{} error", measure));
  return load_sklearn_csv("breast_cancer", "breast_cancer.csv", std::move(names));
}

Bunch load_digits() {
  const auto path = detail::sklearn_file("digits.csv.gz");
  std::vector<std::string> names;
  for (int row = 0; row < 8; ++row)
    for (int col = 0; col < 8; ++col) names.push_back(fmt::format("pixel_{}_{}", row, col));
  const auto df = frame::read_csv_string(read_gzip_text(path, "digits"), {.header = false, .names = with_target(names)},
                                         path.string());
  std::vector<std::string> classes;
  for (int c = 0; c < 10; ++c) classes.push_back(std::to_string(c));
  return classification_bunch(df, std::move(names), std::move(classes), path);
}

Bunch load_diabetes(DiabetesOptions options) {
  const auto data_path = detail::sklearn_file("diabetes_data_raw.csv.gz");
  const auto target_path = detail::sklearn_file("diabetes_target.csv.gz");
  std::vector<std::string> names = {"age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"};
  // numpy.loadtxt's files: one space between values, no header.
  const auto features = frame::read_csv_string(read_gzip_text(data_path, "diabetes"),
                                               {.delimiter = ' ', .header = false, .names = names}, data_path.string());
  const auto target = frame::read_csv_string(read_gzip_text(target_path, "diabetes"),
                                             {.header = false, .names = {"target"}}, target_path.string());
  check<IoError>(features.rows() == target.rows(), "{}: {} targets for the {} rows of {}", target_path.string(),
                 target.rows(), features.rows(), data_path.string());
  Bunch b;
  b.data = features.to_tensor(names, Dtype::float64);
  b.target = target.to_tensor({"target"}, Dtype::float64).view_as_shape({target.rows()});
  if (options.scaled) {
    // sklearn: X = preprocessing.scale(X) (centre, divide by the population std), then X /= sqrt(n):
    // each column ends with mean 0 and L2 norm 1. Same operations in the same order.
    const std::int64_t n = b.data.shape(0), p = b.data.shape(1);
    double* x = b.data.data<double>();
    const double sqrt_n = std::sqrt(static_cast<double>(n));
    for (std::int64_t j = 0; j < p; ++j) {
      double mean = 0.0, ss = 0.0;
      for (std::int64_t i = 0; i < n; ++i) mean += x[i * p + j];
      mean /= static_cast<double>(n);
      for (std::int64_t i = 0; i < n; ++i) ss += (x[i * p + j] - mean) * (x[i * p + j] - mean);
      const double std = std::sqrt(ss / static_cast<double>(n));
      const double scale = std == 0.0 ? 1.0 : std;  // sklearn's _handle_zeros_in_scale
      for (std::int64_t i = 0; i < n; ++i) x[i * p + j] = (x[i * p + j] - mean) / scale / sqrt_n;
    }
  }
  b.frame = frame::DataFrame::from_tensor(b.data, names)
                .assign(frame::Series::from_doubles("target", b.target.to_vector<double>()));
  b.feature_names = std::move(names);
  b.filename = data_path;
  return b;
}

}  // namespace axon::data
