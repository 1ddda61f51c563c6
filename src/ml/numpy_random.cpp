#include "numpy_random.hpp"

#include "axon/core/error.hpp"

#include <unordered_set>
#include <utility>

namespace axon::ml::tree_detail {

NumpyRandomState::NumpyRandomState(std::uint32_t seed) {
  mt_[0] = seed;
  for (std::uint32_t i = 1; i < 624; ++i) mt_[i] = 1812433253u * (mt_[i - 1] ^ (mt_[i - 1] >> 30)) + i;
  index_ = 624;
}

std::uint32_t NumpyRandomState::next_u32() {
  if (index_ >= 624) {
    for (int i = 0; i < 624; ++i) {
      const std::uint32_t y = (mt_[i] & 0x80000000u) | (mt_[(i + 1) % 624] & 0x7fffffffu);
      mt_[i] = mt_[(i + 397) % 624] ^ (y >> 1) ^ ((y & 1u) ? 0x9908b0dfu : 0u);
    }
    index_ = 0;
  }
  std::uint32_t y = mt_[index_++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680u;
  y ^= (y << 15) & 0xefc60000u;
  y ^= y >> 18;
  return y;
}

std::int64_t NumpyRandomState::randint(std::int64_t low, std::int64_t high) {
  const auto rng = static_cast<std::uint64_t>(high - low - 1);
  if (rng == 0) return low;
  std::uint32_t mask = static_cast<std::uint32_t>(rng);
  mask |= mask >> 1; mask |= mask >> 2; mask |= mask >> 4; mask |= mask >> 8; mask |= mask >> 16;
  for (;;) {
    const std::uint32_t v = next_u32() & mask;
    if (v <= rng) return low + static_cast<std::int64_t>(v);
  }
}

double NumpyRandomState::random_sample() {
  const std::uint32_t a = next_u32() >> 5, b = next_u32() >> 6;
  return (static_cast<double>(a) * 67108864.0 + static_cast<double>(b)) / 9007199254740992.0;
}

std::uint32_t NumpyRandomState::interval(std::uint32_t max) {
  if (max == 0) return 0;
  std::uint32_t mask = max;
  mask |= mask >> 1; mask |= mask >> 2; mask |= mask >> 4; mask |= mask >> 8; mask |= mask >> 16;
  for (;;) {
    const std::uint32_t v = next_u32() & mask;
    if (v <= max) return v;
  }
}

void NumpyRandomState::shuffle(std::vector<std::int64_t>& x) {
  for (std::size_t i = x.size(); i-- > 1;) {
    const std::uint32_t j = interval(static_cast<std::uint32_t>(i));
    std::swap(x[i], x[j]);
  }
}

std::vector<std::int64_t> NumpyRandomState::permutation(std::int64_t n) {
  std::vector<std::int64_t> x(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) x[static_cast<std::size_t>(i)] = i;
  shuffle(x);
  return x;
}

std::vector<std::int64_t> sample_without_replacement(std::int64_t n_population, std::int64_t n_samples,
                                                     NumpyRandomState& rs) {
  check(n_population >= 0 && n_samples >= 0 && n_samples <= n_population,
        "sample_without_replacement: need 0 <= n_samples <= n_population, got n_samples = {}, n_population = {}",
        n_samples, n_population);
  const double ratio = n_population != 0 ? static_cast<double>(n_samples) / static_cast<double>(n_population) : 1.0;
  if (ratio > 0.01 && ratio < 0.99) {
    std::vector<std::int64_t> p = rs.permutation(n_population);
    p.resize(static_cast<std::size_t>(n_samples));
    return p;
  }
  std::vector<std::int64_t> out(static_cast<std::size_t>(n_samples));
  if (ratio < 0.2) {  // tracking selection (Python's random.sample)
    std::unordered_set<std::int64_t> selected;
    for (std::int64_t i = 0; i < n_samples; ++i) {
      std::int64_t j = rs.randint(0, n_population);
      while (selected.count(j)) j = rs.randint(0, n_population);
      selected.insert(j);
      out[static_cast<std::size_t>(i)] = j;
    }
    return out;
  }
  // reservoir sampling
  for (std::int64_t i = 0; i < n_samples; ++i) out[static_cast<std::size_t>(i)] = i;
  for (std::int64_t i = n_samples; i < n_population; ++i) {
    const std::int64_t j = rs.randint(0, i + 1);
    if (j < n_samples) out[static_cast<std::size_t>(j)] = i;
  }
  return out;
}

double numpy_sum(const double* a, std::int64_t n) {
  if (n < 8) {
    double res = 0.0;
    for (std::int64_t i = 0; i < n; ++i) res += a[i];
    return res;
  }
  if (n <= 128) {
    double r[8];
    for (int j = 0; j < 8; ++j) r[j] = a[j];
    std::int64_t i = 8;
    for (; i < n - (n % 8); i += 8)
      for (int j = 0; j < 8; ++j) r[j] += a[i + j];
    double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i) res += a[i];
    return res;
  }
  std::int64_t n2 = n / 2;
  n2 -= n2 % 8;
  return numpy_sum(a, n2) + numpy_sum(a + n2, n - n2);
}

}  // namespace axon::ml::tree_detail
