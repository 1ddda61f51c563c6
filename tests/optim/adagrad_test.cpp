// Adagrad against Keras 3's formula (accumulator from 0.1, ε inside the square root), in numpy.
#include "golden_problem.hpp"

namespace axon::optim {
namespace {

using testing::expect_trajectory;

TEST(Adagrad, MatchesKeras) {
  expect_trajectory(*Adagrad({.learning_rate = 0.1, .initial_accumulator_value = 0.1, .epsilon = 1e-3}), "adagrad");
}

TEST(Adagrad, Float32) {
  expect_trajectory(*Adagrad({.learning_rate = 0.1, .initial_accumulator_value = 0.1, .epsilon = 1e-3}), "adagrad",
                    float32);
}

TEST(Adagrad, AccumulatorStartsAtTheInitialValue) {
  Tensor p = zeros({2}, {.dtype = float64, .requires_grad = true});
  p.set_grad(from_vector(std::vector<double>{1.0, -2.0}));
  auto adagrad = Adagrad({.learning_rate = 1.0, .initial_accumulator_value = 0.5, .epsilon = 0.0});
  adagrad->step({p});
  const auto state = adagrad->state();
  ASSERT_EQ(state.size(), 2u);
  EXPECT_TENSOR_NEAR(state[1], {1.5, 4.5}, 0, 0);  // 0.5 + g²
  EXPECT_TENSOR_NEAR(p, {-1 / std::sqrt(1.5), 2 / std::sqrt(4.5)}, 1e-15, 0);
}

TEST(Adagrad, KerasDefaults) {
  const auto c = Adagrad()->config();
  EXPECT_EQ(c.at("learning_rate"), 0.001);
  EXPECT_EQ(c.at("initial_accumulator_value"), 0.1);
  EXPECT_EQ(c.at("epsilon"), 1e-7);
}

}  // namespace
}  // namespace axon::optim
