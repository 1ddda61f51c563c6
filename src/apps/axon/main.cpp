// The axon command-line tool.
#include "axon/version.hpp"
#include "tour.hpp"

#include "axon/core/backend.hpp"
#include "axon/core/error.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>

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

  CLI11_PARSE(app, argc, argv);
  try {
    if (threads > 0) axon::set_num_threads(threads);
    if (*tour) {
      const auto start = std::chrono::steady_clock::now();
      fmt::print("axon {} tour ({} threads)\n", axon::kVersion, axon::get_num_threads());
      axon::tour::sgd_and_logistic(tour_options);
      axon::tour::neural_networks(tour_options);
      const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
      fmt::print("\ntour finished in {:.1f} s\n", took.count());
      return 0;
    }
    fmt::print("{}", app.help());
    return 0;
  } catch (const axon::Error& e) {
    fmt::print(stderr, "axon: error: {}\n", e.what());
    return 1;
  }
}
