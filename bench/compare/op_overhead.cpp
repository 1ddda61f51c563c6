// Per-op overhead: a + b on two 8-element float32 tensors, the work so small that the time is the
// library's bookkeeping (dispatch, allocation, shape checks, graph recording).
//   plain      grad mode on, no input requires grad (the common inference case)
//   no_grad    a requires grad, inside NoGradGuard
//   grad       a requires grad, grad mode on: every op records a graph node
// Each case: a tight loop of --iters iterations (default 200,000), repeated --reps times (default 7);
// prints one line per case: "<case> <median ns/op> <min ns/op>". Peer: op_overhead.py.
#include "axon/axon.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <vector>

namespace {

// Keeps the result alive past the loop so the compiler cannot drop the op.
volatile float g_sink = 0.0f;

double time_ns_per_op(const axon::Tensor& a, const axon::Tensor& b, long iters) {
  axon::Tensor c;
  const auto start = std::chrono::steady_clock::now();
  for (long i = 0; i < iters; ++i) c = a + b;
  const auto stop = std::chrono::steady_clock::now();
  g_sink = c.data<float>()[0];
  return std::chrono::duration<double, std::nano>(stop - start).count() / static_cast<double>(iters);
}

void run_case(const char* name, int reps, const std::function<double()>& once) {
  once();  // warm-up: first allocations, page faults
  std::vector<double> ns;
  for (int r = 0; r < reps; ++r) ns.push_back(once());
  std::sort(ns.begin(), ns.end());
  std::printf("%s %.1f %.1f\n", name, ns[ns.size() / 2], ns.front());
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  long iters = 200000;
  int reps = 7;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--iters") == 0) iters = std::atol(argv[i + 1]);
    else if (std::strcmp(argv[i], "--reps") == 0) reps = std::atoi(argv[i + 1]);
  }
  axon::set_num_threads(1);
  axon::Generator gen(0);
  const axon::Tensor a = axon::uniform({8}, -1.0, 1.0, {}, gen);
  const axon::Tensor b = axon::uniform({8}, -1.0, 1.0, {}, gen);
  axon::Tensor ag = a.clone();
  ag.requires_grad_();

  run_case("plain", reps, [&] { return time_ns_per_op(a, b, iters); });
  run_case("no_grad", reps, [&] {
    axon::NoGradGuard no_grad;
    return time_ns_per_op(ag, b, iters);
  });
  run_case("grad", reps, [&] { return time_ns_per_op(ag, b, iters); });
  return 0;
}
