// The axon command-line tool.
#include "axon/version.hpp"
#include "tour.hpp"

#include "axon/core/backend.hpp"
#include "axon/core/error.hpp"
#include "axon/data/datasets.hpp"
#include "axon/frame/csv.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>

namespace {

// "10: T-shirt/top, Trouser, Pullover, ..." — the count, then the first few names.
std::string classes_text(const std::vector<std::string>& classes) {
  if (classes.empty()) return "-";
  constexpr std::size_t kShown = 3;
  const std::vector<std::string> first(classes.begin(), classes.begin() + std::min(kShown, classes.size()));
  return fmt::format("{}: {}{}", classes.size(), fmt::join(first, ", "), classes.size() > kShown ? ", ..." : "");
}

// `axon datasets`: every dataset, whether it is installed, its shape and classes, and where from.
int list_datasets() {
  const auto all = axon::data::list_datasets();
  fmt::print("{:<14} {:<8} {:<16} {:<42} {:<22} {}\n", "name", "status", "shape", "classes", "package", "path");
  int missing = 0;
  for (const auto& d : all) {
    const std::string status = !d.found ? "missing" : d.error.empty() ? "found" : "error";
    missing += !d.found;
    fmt::print("{:<14} {:<8} {:<16} {:<42} {:<22} {}\n", d.name, status, d.found ? axon::shape_str(d.shape) : "-",
               classes_text(d.classes), d.package, d.path.string());
    if (!d.error.empty()) fmt::print("  {}\n", d.error);
  }
  if (missing > 0)
    fmt::print("\n{} of {} datasets missing: scripts/setup installs their Debian packages (or set AXON_DATA)\n",
               missing, all.size());
  return 0;
}

// `axon describe FILE.csv`: pandas' df.dtypes and df.describe().
int describe_csv(const std::string& path, char delimiter) {
  const auto df = axon::frame::read_csv(path, {.delimiter = delimiter});
  const auto [rows, columns] = df.shape();
  fmt::print("{}: {} rows x {} columns\n\n", path, rows, columns);
  const auto names = df.columns();
  const auto dtypes = df.dtypes();
  std::size_t width = 0;
  for (const auto& name : names) width = std::max(width, name.size());
  for (std::size_t i = 0; i < names.size(); ++i)
    fmt::print("{:<{}}  {}\n", names[i], width, axon::frame::column_type_name(dtypes[i]));
  fmt::print("\n{}\n", df.describe().to_string());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"axon: machine learning in C++, from a table to a variational autoencoder"};
  app.set_version_flag("--version", std::string("axon ") + axon::kVersion);
  app.require_subcommand(0, 1);

  axon::tour::TourOptions tour_options;
  int threads = 0;
  app.add_option("--threads", threads, "threads for OpenMP loops and BLAS (default: all cores)");
  CLI::App* tour = app.add_subcommand("tour", "run the course's ideas on axon and print one report");
  tour->add_flag("--full", tour_options.full, "longer runs: more epochs and whole datasets");
  tour->add_flag("--smoke", tour_options.smoke, "tiny runs that only check that every section works (for tests)");
  tour->add_option("--seed", tour_options.seed, "random seed");

  CLI::App* datasets = app.add_subcommand("datasets", "list the datasets axon loads: found or missing, shape, "
                                                      "classes, Debian package, path");
  std::string csv_path;
  char delimiter = ',';
  CLI::App* describe = app.add_subcommand("describe", "print the dtypes and describe() of a CSV file (pandas)");
  describe->add_option("file", csv_path, "the CSV file")->required();
  describe->add_option("--delimiter", delimiter, "field separator (default ',')");

  CLI11_PARSE(app, argc, argv);
  try {
    if (threads > 0) axon::set_num_threads(threads);
    if (*tour) {
      const auto start = std::chrono::steady_clock::now();
      fmt::print("axon {} tour ({} threads)\n", axon::kVersion, axon::get_num_threads());
      axon::tour::sgd_and_logistic(tour_options);
      axon::tour::tables_and_datasets(tour_options);
      axon::tour::regression_and_classification(tour_options);
      axon::tour::trees_and_ensembles(tour_options);
      axon::tour::neural_networks(tour_options);
      const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
      fmt::print("\ntour finished in {:.1f} s\n", took.count());
      return 0;
    }
    if (*datasets) return list_datasets();
    if (*describe) return describe_csv(csv_path, delimiter);
    fmt::print("{}", app.help());
    return 0;
  } catch (const axon::Error& e) {
    fmt::print(stderr, "axon: error: {}\n", e.what());
    return 1;
  }
}
