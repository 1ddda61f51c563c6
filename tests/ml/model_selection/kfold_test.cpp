// KFold and StratifiedKFold: without shuffle the folds equal scikit-learn 1.2's exactly
// (tests/golden/model_selection.json); with shuffle, the same sizes and a fixed draw per seed.
#include "axon/ml/model_selection/kfold.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>

namespace axon::ml {
namespace {

const nlohmann::json& golden() {
  static const nlohmann::json j =
      nlohmann::json::parse(std::ifstream(testing::source_path("tests/golden/model_selection.json")));
  return j;
}

std::vector<std::vector<std::int64_t>> tests_of(const std::vector<Split>& splits) {
  std::vector<std::vector<std::int64_t>> out;
  for (const auto& [train, test] : splits) out.push_back(test);
  return out;
}

void expect_partition(const std::vector<Split>& splits, std::int64_t n) {
  std::vector<int> tested(static_cast<std::size_t>(n), 0);
  for (const auto& [train, test] : splits) {
    EXPECT_EQ(static_cast<std::int64_t>(train.size() + test.size()), n);
    for (std::int64_t i : test) ++tested[i];
    EXPECT_TRUE(std::is_sorted(train.begin(), train.end()));
    EXPECT_TRUE(std::is_sorted(test.begin(), test.end()));
  }
  for (int t : tested) EXPECT_EQ(t, 1);  // every sample in exactly one test fold
}

TEST(StratifiedKFold, FoldsEqualSklearnsWithoutShuffle) {
  for (const auto& c : golden()["stratified_kfold"]) {
    const Tensor y = from_vector(c["y"].get<std::vector<std::int64_t>>());
    const Tensor X = zeros({y.numel(), 1});
    const std::vector<Split> s = StratifiedKFold({.n_splits = c["n_splits"]}).split(X, y);
    EXPECT_EQ(tests_of(s), (c["test_folds"].get<std::vector<std::vector<std::int64_t>>>())) << c["y"].dump();
    expect_partition(s, y.numel());
    // float labels fold the same way
    EXPECT_EQ(tests_of(StratifiedKFold({.n_splits = c["n_splits"]}).split(X, from_vector(y.to_vector<double>()))),
              tests_of(s));
  }
}

TEST(KFold, FoldsEqualSklearnsWithoutShuffle) {
  for (const auto& c : golden()["kfold"]) {
    const std::int64_t n = c["n"];
    const std::vector<Split> s = KFold({.n_splits = c["n_splits"]}).split(zeros({n, 2}));
    EXPECT_EQ(tests_of(s), (c["test_folds"].get<std::vector<std::vector<std::int64_t>>>()));
    expect_partition(s, n);
  }
}

TEST(KFold, ShuffleIsDeterministicPerSeedAndKeepsSizes) {
  const Tensor X = zeros({23, 1});
  const auto a = KFold({.n_splits = 5, .shuffle = true, .random_state = 3}).split(X);
  const auto b = KFold({.n_splits = 5, .shuffle = true, .random_state = 3}).split(X);
  const auto c = KFold({.n_splits = 5, .shuffle = true, .random_state = 4}).split(X);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  const auto plain = KFold({.n_splits = 5}).split(X);
  for (std::size_t f = 0; f < 5; ++f) EXPECT_EQ(a[f].second.size(), plain[f].second.size());
  expect_partition(a, 23);
}

TEST(StratifiedKFold, ShuffleKeepsEachFoldsClassCounts) {
  const auto& c = golden()["stratified_kfold"][4];
  const Tensor y = from_vector(c["y"].get<std::vector<std::int64_t>>());
  const Tensor X = zeros({y.numel(), 1});
  const std::vector<std::int64_t> labels = c["y"];
  auto class_counts = [&](const std::vector<Split>& s) {
    std::vector<std::map<std::int64_t, int>> out;
    for (const auto& [train, test] : s) {
      out.emplace_back();
      for (std::int64_t i : test) ++out.back()[labels[i]];
    }
    return out;
  };
  const auto shuffled = StratifiedKFold({.n_splits = 7, .shuffle = true, .random_state = 0}).split(X, y);
  EXPECT_EQ(class_counts(shuffled), class_counts(StratifiedKFold({.n_splits = 7}).split(X, y)));
  EXPECT_NE(tests_of(shuffled), tests_of(StratifiedKFold({.n_splits = 7}).split(X, y)));
  EXPECT_EQ(shuffled, StratifiedKFold({.n_splits = 7, .shuffle = true, .random_state = 0}).split(X, y));
  expect_partition(shuffled, y.numel());
}

TEST(KFold, ErrorsAreSklearns) {
  EXPECT_THROW_MESSAGE(KFold({.n_splits = 1}), ValueError, "n_splits=1");
  EXPECT_THROW_MESSAGE(KFold({.n_splits = 3, .random_state = 0}), ValueError,
                       "Setting a random_state has no effect since shuffle is False");
  EXPECT_THROW_MESSAGE(KFold({.n_splits = 5}).split(zeros({3, 1})), ValueError,
                       "Cannot have number of splits n_splits=5 greater than the number of samples: n_samples=3.");
  EXPECT_THROW_MESSAGE(StratifiedKFold({.n_splits = 3}).split(zeros({4, 1}), tensor({0, 0, 1, 1}, {.dtype = Dtype::int64})),
                       ValueError, "n_splits=3 cannot be greater than the number of members in each class.");
  EXPECT_THROW_MESSAGE(StratifiedKFold().split(zeros({4, 1}), tensor({0, 1}, {.dtype = Dtype::int64})), ShapeError,
                       "X has 4 samples but y has 2");
}

}  // namespace
}  // namespace axon::ml
