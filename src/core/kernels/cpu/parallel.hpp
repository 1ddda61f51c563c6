// How the CPU kernels split work over OpenMP threads.
#pragma once

#include <omp.h>

#include <cstdint>

namespace axon::kernels {

// Runs body(begin, end) over [0, n): one contiguous range per thread when `parallel`, else a single
// call. Entering an OpenMP region costs about a microsecond even for one thread, far more than a
// small loop, so the serial case must not enter one. The split depends only on n and the thread
// count, so results are reproducible.
template <typename F>
void for_range(std::int64_t n, bool parallel, F&& body) {
  if (!parallel || n < 2) {
    body(std::int64_t{0}, n);
    return;
  }
#pragma omp parallel
  {
    const std::int64_t t = omp_get_thread_num(), nt = omp_get_num_threads();
    body(n * t / nt, n * (t + 1) / nt);
  }
}

}  // namespace axon::kernels
