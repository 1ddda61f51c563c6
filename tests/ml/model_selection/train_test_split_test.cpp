// train_test_split: sizes by scikit-learn's ceil/floor rules, stratified per-class counts as
// StratifiedShuffleSplit (tests/golden/model_selection.json), determinism per seed, every kind of X.
#include "axon/ml/model_selection/train_test_split.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

namespace axon::ml {
namespace {

const nlohmann::json& golden() {
  static const nlohmann::json j =
      nlohmann::json::parse(std::ifstream(testing::source_path("tests/golden/model_selection.json")));
  return j;
}

SplitSize size_of(const nlohmann::json& j) {
  if (j.is_null()) return {};
  if (j.is_number_integer()) return j.get<std::int64_t>();
  return j.get<double>();
}

TEST(TrainTestSplit, SizesFollowSklearnsRules) {
  for (const auto& c : golden()["train_test_split_sizes"]) {
    const std::int64_t n = c["n"];
    const SplitIndices s = train_test_split_indices(n, {.test_size = size_of(c["test_size"]),
                                                        .train_size = size_of(c["train_size"]), .random_state = 0});
    EXPECT_EQ(static_cast<std::int64_t>(s.train.size()), c["n_train"].get<std::int64_t>()) << c.dump();
    EXPECT_EQ(static_cast<std::int64_t>(s.test.size()), c["n_test"].get<std::int64_t>()) << c.dump();
    std::vector<std::int64_t> all = s.train;
    all.insert(all.end(), s.test.begin(), s.test.end());
    std::sort(all.begin(), all.end());
    EXPECT_TRUE(std::adjacent_find(all.begin(), all.end()) == all.end());  // disjoint
  }
}

TEST(TrainTestSplit, DestructuresAndIsDeterministicPerSeed) {
  const Tensor X = arange(0.0, 40.0, 1.0, {.dtype = Dtype::float64}).view_as_shape({20, 2});
  const Tensor y = arange(0.0, 20.0, 1.0, {.dtype = Dtype::float64});
  auto [Xtrain, Xtest, ytrain, ytest] = train_test_split(X, y, {.test_size = 0.2, .random_state = 0});
  const Tensor xt = Xtrain, xs = Xtest;
  EXPECT_EQ(xt.shape(), (Shape{16, 2}));
  EXPECT_EQ(xs.shape(), (Shape{4, 2}));
  EXPECT_EQ(ytest.numel(), 4);
  // rows stay paired with their targets: X[i] = (2y, 2y + 1)
  const std::vector<double> xv = xs.to_vector<double>(), yv = ytest.to_vector<double>();
  for (std::size_t i = 0; i < yv.size(); ++i) EXPECT_EQ(xv[2 * i], 2 * yv[i]);
  const auto again = train_test_split(X, y, {.test_size = 0.2, .random_state = 0});
  EXPECT_EQ(again.y_test.to_vector<double>(), yv);
  const auto other = train_test_split(X, y, {.test_size = 0.2, .random_state = 1});
  EXPECT_NE(other.y_test.to_vector<double>(), yv);
  // shuffle = false: the first samples train, the last ones test
  const auto ordered = train_test_split(X, y, {.test_size = 0.25, .shuffle = false});
  EXPECT_EQ(ordered.y_test.to_vector<double>(), (std::vector<double>{15, 16, 17, 18, 19}));
}

TEST(TrainTestSplit, StratifiedCountsMatchSklearn) {
  for (const auto& c : golden()["stratified_split"]) {
    const std::vector<std::int64_t> labels = c["y"];
    const Tensor y = from_vector(labels);
    std::vector<std::int64_t> distinct = labels;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    auto counts = [&](const Tensor& part) {
      std::vector<std::int64_t> out(distinct.size(), 0);
      for (std::int64_t v : part.to_vector<std::int64_t>())
        ++out[std::lower_bound(distinct.begin(), distinct.end(), v) - distinct.begin()];
      return out;
    };
    for (std::uint64_t seed : {0, 1, 2}) {
      const auto s = train_test_split(zeros({y.numel(), 1}), y,
                                      {.test_size = c["test_size"].get<double>(), .random_state = seed, .stratify = y});
      EXPECT_EQ(counts(s.y_train), c["train_counts"].get<std::vector<std::int64_t>>());
      EXPECT_EQ(counts(s.y_test), c["test_counts"].get<std::vector<std::int64_t>>());
    }
  }
}

TEST(TrainTestSplit, SplitsTextsSparseAndFramesTheSameWay) {
  Texts docs;
  for (int i = 0; i < 10; ++i) docs.push_back("doc " + std::to_string(i));
  const Tensor y = arange(10);
  const auto t = train_test_split(docs, y, {.test_size = 3, .random_state = 5});
  ASSERT_EQ(t.X_test.texts().size(), 3u);
  const std::vector<std::int64_t> yt = t.y_test.to_vector<std::int64_t>();
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(t.X_test.texts()[i], "doc " + std::to_string(yt[i]));
  const Tensor dense = arange(0.0, 10.0, 1.0, {.dtype = Dtype::float64}).view_as_shape({10, 1});
  const auto s = train_test_split(SparseMatrix::from_dense(dense), y, {.test_size = 3, .random_state = 5});
  EXPECT_EQ(s.X_test.sparse().to_dense().to_vector<double>(), (std::vector<double>(yt.begin(), yt.end())));
  const auto f = train_test_split(frame::DataFrame::from_tensor(dense, {"x"}), y, {.test_size = 3, .random_state = 5});
  EXPECT_EQ(f.X_test.to_dense().to_vector<double>(), (std::vector<double>(yt.begin(), yt.end())));
}

TEST(TrainTestSplit, ErrorsAreSklearns) {
  const Tensor X = zeros({10, 1});
  const Tensor y = arange(10);
  EXPECT_THROW_MESSAGE(train_test_split(X, y, {.test_size = 1.5}), ValueError,
                       "test_size=1.5 should be either positive and smaller than the number of samples 10");
  EXPECT_THROW_MESSAGE(train_test_split(X, y, {.test_size = std::int64_t{10}}), ValueError, "test_size=10");
  EXPECT_THROW_MESSAGE(train_test_split(X, y, {.test_size = 0.6, .train_size = 0.6}), ValueError,
                       "The sum of test_size and train_size = 1.2");
  EXPECT_THROW_MESSAGE(train_test_split(X, y, {.test_size = 6, .train_size = 6}), ValueError,
                       "The sum of train_size and test_size = 12, should be smaller than the number of samples 10");
  EXPECT_EQ(train_test_split(X, y, {.test_size = 0.01}).y_test.numel(), 1);  // ceil(0.1)
  EXPECT_THROW_MESSAGE(train_test_split(X, y, {.train_size = 0.05}), ValueError,
                       "With n_samples=10, test_size=None and train_size=0.05, the resulting train set will be empty");
  EXPECT_THROW_MESSAGE(train_test_split(X, y, {.stratify = y}), ValueError, "The least populated class in y has only 1 member");
  EXPECT_THROW_MESSAGE(train_test_split(X, y, {.shuffle = false, .stratify = y}), ValueError,
                       "Stratified train/test split is not implemented for shuffle=False");
  EXPECT_THROW_MESSAGE(train_test_split(X, arange(4)), ShapeError, "X has 10 samples but y has 4");
}

}  // namespace
}  // namespace axon::ml
