// Adam and AdamW against Keras 3's formulas (ε outside the bias correction), in numpy.
#include "golden_problem.hpp"

namespace axon::optim {
namespace {

using testing::expect_trajectory;

constexpr AdamOptions kAdam{.learning_rate = 0.1, .beta_1 = 0.9, .beta_2 = 0.999, .epsilon = 1e-3};

TEST(Adam, MatchesKeras) {
  expect_trajectory(*Adam(kAdam), "adam");
  AdamOptions amsgrad = kAdam;
  amsgrad.beta_1 = 0.8;
  amsgrad.beta_2 = 0.99;
  amsgrad.amsgrad = true;
  expect_trajectory(*Adam(amsgrad), "adam_amsgrad");
}

TEST(AdamW, MatchesKeras) {
  AdamOptions o = kAdam;
  o.weight_decay = 0.1;
  expect_trajectory(*AdamW(o), "adamw");
  // Keras's BaseOptimizer decays Adam's parameters the same way when weight_decay is set.
  expect_trajectory(*Adam(o), "adamw");
}

TEST(Adam, Float32) {
  expect_trajectory(*Adam(kAdam), "adam", float32);
  AdamOptions o = kAdam;
  o.weight_decay = 0.1;
  expect_trajectory(*AdamW(o), "adamw", float32);
}

TEST(Adam, KerasDefaultsAndConfig) {
  const auto adam = Adam()->config();
  EXPECT_EQ(adam.at("learning_rate"), 0.001);
  EXPECT_EQ(adam.at("beta_1"), 0.9);
  EXPECT_EQ(adam.at("beta_2"), 0.999);
  EXPECT_EQ(adam.at("epsilon"), 1e-7);
  EXPECT_EQ(adam.at("amsgrad"), 0.0);
  EXPECT_EQ(adam.at("weight_decay"), 0.0);
  EXPECT_EQ(AdamW()->config().at("weight_decay"), 0.004);
  EXPECT_EQ(AdamW()->name(), "adamw");
  EXPECT_THROW(Adam({.beta_1 = 1.0}), ValueError);
}

TEST(Adam, StateHoldsMomentumVelocityAndWithAmsgradTheMaximum) {
  testing::Problem problem;
  auto adam = Adam();
  problem.step(*adam);
  EXPECT_EQ(adam->state().size(), 3u);
  auto amsgrad = Adam({.amsgrad = true});
  problem.step(*amsgrad);
  const auto state = amsgrad->state();
  ASSERT_EQ(state.size(), 4u);
  EXPECT_EQ(state[0].item<std::int64_t>(), 1);
  EXPECT_TENSOR_NEAR(state[3], state[2], 0, 0);  // after one step v̂ = max(0, v) = v
}

}  // namespace
}  // namespace axon::optim
