// read_csv (and describe() on the result) on a large CSV, beside pandas (read_csv.py).
//   read_csv_bench [PATH] [--runs N] [--threads T] [--no-describe]
// PATH defaults to /tmp/axon_bench_1m.csv (bench/compare/make_csv.py writes it: 1,000,000 rows of
// 20 float64 columns and 1 string column, ~400 MB). Each run reads the file and describes the frame;
// prints, like read_csv.py:
//   read_csv <median seconds> <min seconds>
//   describe <median seconds> <min seconds>      (absent with --no-describe)
//   peak_rss_mb <peak resident set size of this process over all runs, MiB>
//   shape <rows> <columns>
//   threads <OpenMP threads used>
#include "axon/core/backend.hpp"
#include "axon/frame/csv.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void print_times(const char* name, std::vector<double> t) {
  std::sort(t.begin(), t.end());
  std::printf("%s %.4f %.4f\n", name, t[t.size() / 2], t.front());
}

}  // namespace

int main(int argc, char** argv) {
  std::string path = "/tmp/axon_bench_1m.csv";
  int runs = 5;
  bool describe = true;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) runs = std::atoi(argv[++i]);
    else if (std::strcmp(argv[i], "--threads") == 0 && i + 1 < argc) axon::set_num_threads(std::atoi(argv[++i]));
    else if (std::strcmp(argv[i], "--no-describe") == 0) describe = false;
    else path = argv[i];
  }
  std::vector<double> read_times, describe_times;
  std::pair<std::int64_t, std::int64_t> shape{};
  try {
    for (int r = 0; r < runs; ++r) {
      auto start = std::chrono::steady_clock::now();
      const axon::frame::DataFrame df = axon::frame::read_csv(path);
      read_times.push_back(seconds_since(start));
      shape = df.shape();
      if (describe) {
        start = std::chrono::steady_clock::now();
        const axon::frame::DataFrame summary = df.describe();
        describe_times.push_back(seconds_since(start));
        if (summary.shape().second != 20) std::fprintf(stderr, "describe: unexpected shape\n");
      }
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "read_csv_bench: %s\n", e.what());
    return 1;
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  print_times("read_csv", read_times);
  if (describe) print_times("describe", describe_times);
  std::printf("peak_rss_mb %.1f\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
  std::printf("shape %lld %lld\n", static_cast<long long>(shape.first), static_cast<long long>(shape.second));
  std::printf("threads %d\n", axon::get_num_threads());
  return 0;
}
