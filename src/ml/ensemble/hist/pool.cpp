#include "pool.hpp"

#include <immintrin.h>

namespace axon::ml::hist_detail {

namespace {
constexpr int kSpin = 300;  // pause instructions before sleeping (a few microseconds)

template <class Pred>
void spin_then_wait(const std::atomic<std::uint32_t>& a, Pred done) {
  for (int i = 0; i < kSpin; ++i) {
    if (done()) return;
    _mm_pause();
  }
  for (std::uint32_t v; !done();) {
    v = a.load(std::memory_order_acquire);
    if (done()) return;
    a.wait(v, std::memory_order_acquire);
  }
}
}  // namespace

Pool::Pool(int threads) {
  for (int t = 1; t < threads; ++t) workers_.emplace_back([this] { worker(); });
}

Pool::~Pool() {
  stop_ = true;
  generation_.fetch_add(1, std::memory_order_release);
  generation_.notify_all();
  for (auto& w : workers_) w.join();
}

void Pool::work() {
  for (std::int64_t i; (i = next_.fetch_add(1, std::memory_order_relaxed)) < n_;) (*fn_)(i);
}

void Pool::worker() {
  std::uint32_t seen = 0;
  for (;;) {
    spin_then_wait(generation_, [&] { return generation_.load(std::memory_order_acquire) != seen; });
    seen = generation_.load(std::memory_order_acquire);
    if (stop_) return;
    work();
    if (pending_.fetch_sub(1, std::memory_order_acq_rel) == 1) pending_.notify_one();
  }
}

void Pool::for_each(std::int64_t n, const std::function<void(std::int64_t)>& fn) {
  if (workers_.empty() || n <= 1) {
    for (std::int64_t i = 0; i < n; ++i) fn(i);
    return;
  }
  fn_ = &fn;
  n_ = n;
  next_.store(0, std::memory_order_relaxed);
  pending_.store(static_cast<int>(workers_.size()), std::memory_order_relaxed);
  generation_.fetch_add(1, std::memory_order_release);
  generation_.notify_all();
  work();
  for (int i = 0; i < kSpin && pending_.load(std::memory_order_acquire) != 0; ++i) _mm_pause();
  for (int v; (v = pending_.load(std::memory_order_acquire)) != 0;) pending_.wait(v, std::memory_order_acquire);
}

}  // namespace axon::ml::hist_detail
