// numpy's legacy RandomState draws that scikit-learn's ensembles make (src/ml/numpy_random.hpp,
// private to the ml floor), against numpy's own (tests/golden/boosting.json).
#include "../../src/ml/numpy_random.hpp"

#include "ml/ensemble/boosting_golden.hpp"

#include <gtest/gtest.h>

namespace axon::ml::tree_detail {
namespace {

using boosting_golden::json;

TEST(NumpyRandomState, RandomSampleIsNumpys) {
  NumpyRandomState rs(5);
  for (double want : json()["numpy_random"]["random_sample_seed5"].get<std::vector<double>>())
    EXPECT_EQ(rs.random_sample(), want);
}

TEST(NumpyRandomState, PermutationIsNumpys) {
  EXPECT_EQ(NumpyRandomState(3).permutation(10), json()["numpy_random"]["permutation_seed3_n10"].get<std::vector<std::int64_t>>());
  EXPECT_EQ(NumpyRandomState(0).permutation(300),
            json()["numpy_random"]["permutation_seed0_n300"].get<std::vector<std::int64_t>>());
  std::vector<std::int64_t> one{7};
  NumpyRandomState(1).shuffle(one);
  EXPECT_EQ(one, std::vector<std::int64_t>{7});
}

// Every method of sklearn.utils.random.sample_without_replacement's "auto": a permutation's head
// (0.01 < k/n < 0.99), tracking selection (k/n ≤ 0.01) and reservoir sampling (k/n ≥ 0.99, which
// draws nothing when k = n).
TEST(NumpyRandomState, SampleWithoutReplacementIsScikitLearns) {
  for (const auto& c : json()["numpy_random"]["sample_without_replacement"]) {
    const auto n = c["n"].get<std::int64_t>(), k = c["k"].get<std::int64_t>();
    SCOPED_TRACE(std::to_string(n) + " choose " + std::to_string(k));
    NumpyRandomState rs(c["seed"].get<std::uint32_t>());
    EXPECT_EQ(sample_without_replacement(n, k, rs), c["out"].get<std::vector<std::int64_t>>());
  }
  NumpyRandomState rs(0);
  EXPECT_THROW(sample_without_replacement(5, 6, rs), ValueError);
}

// _random_sample_mask (gradient boosting's subsample) draws n uniforms per call from one stream.
TEST(NumpyRandomState, RandomSampleMaskIsScikitLearns) {
  NumpyRandomState rs(3);
  for (const auto& want : json()["numpy_random"]["random_sample_mask_seed3"]) {
    const std::int64_t n = 20, in_bag = 16;
    std::vector<double> r(n);
    for (double& v : r) v = rs.random_sample();
    std::vector<std::int64_t> mask(n, 0);
    std::int64_t bagged = 0;
    for (std::int64_t i = 0; i < n; ++i)
      if (r[i] * static_cast<double>(n - i) < static_cast<double>(in_bag - bagged)) {
        mask[i] = 1;
        ++bagged;
      }
    EXPECT_EQ(mask, want.get<std::vector<std::int64_t>>());
    EXPECT_EQ(bagged, in_bag);
  }
}

}  // namespace
}  // namespace axon::ml::tree_detail
