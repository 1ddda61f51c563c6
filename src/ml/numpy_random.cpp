#include "numpy_random.hpp"

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

}  // namespace axon::ml::tree_detail
