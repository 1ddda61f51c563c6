// Random numbers: every random draw in axon goes through a Generator, so that the same seed and the
// same thread count give the same result.
#pragma once

#include <cstdint>

namespace axon {

/// xoshiro256** (Blackman & Vigna), seeded through splitmix64. Small, fast, and the same sequence
/// on every platform (no std:: distributions, whose output is implementation-defined).
class Generator {
 public:
  explicit Generator(std::uint64_t seed = 0x5eed) { manual_seed(seed); }
  void manual_seed(std::uint64_t seed);
  std::uint64_t seed() const { return seed_; }

  std::uint64_t next_u64();
  /// Uniform in [0, 1) with 53 random bits.
  double uniform();
  /// Standard normal (Box–Muller; the second value of each pair is kept for the next call).
  double normal();
  /// Uniform integer in [0, n), without modulo bias.
  std::uint64_t below(std::uint64_t n);

 private:
  std::uint64_t state_[4]{};
  std::uint64_t seed_ = 0;
  double spare_normal_ = 0.0;
  bool has_spare_ = false;
};

/// The process-wide generator used when none is passed.
Generator& default_generator();
/// Reseeds the default generator (torch.manual_seed).
void manual_seed(std::uint64_t seed);

}  // namespace axon
