// A small persistent thread pool for the histogram grower: one fit runs thousands of short
// parallel steps (one per split), and OpenMP's spinning barriers make them crawl when the machine
// has other work (2 threads on 2 busy cores: a 150,000 × 50 fit took 64 s instead of 8). Workers
// spin a few microseconds, then sleep on a futex (std::atomic::wait). Work items are handed out
// one at a time; what each item computes does not depend on which thread runs it, so results do
// not depend on the thread count. Private to the ml floor.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <thread>
#include <vector>

namespace axon::ml::hist_detail {

class Pool {
 public:
  explicit Pool(int threads);
  ~Pool();
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;
  int size() const { return static_cast<int>(workers_.size()) + 1; }
  /// Runs fn(i) for every i in [0, n) on the pool's threads (the caller's included) and returns
  /// when all are done. fn must not throw.
  void for_each(std::int64_t n, const std::function<void(std::int64_t)>& fn);

 private:
  void work();
  void worker();

  std::vector<std::thread> workers_;
  std::atomic<std::uint32_t> generation_{0};
  std::atomic<int> pending_{0};
  std::atomic<std::int64_t> next_{0};
  std::int64_t n_ = 0;
  const std::function<void(std::int64_t)>* fn_ = nullptr;
  bool stop_ = false;
};

}  // namespace axon::ml::hist_detail
