// RMSprop against Keras 3's formula (ε inside the square root), in numpy.
#include "golden_problem.hpp"

namespace axon::optim {
namespace {

using testing::expect_trajectory;

TEST(RMSprop, MatchesKeras) {
  expect_trajectory(*RMSprop({.learning_rate = 0.01, .rho = 0.9, .epsilon = 1e-3}), "rmsprop");
  expect_trajectory(*RMSprop({.learning_rate = 0.01, .rho = 0.9, .momentum = 0.5, .epsilon = 1e-3}), "rmsprop_momentum");
  expect_trajectory(*RMSprop({.learning_rate = 0.01, .rho = 0.9, .epsilon = 1e-3, .centered = true}), "rmsprop_centered");
  expect_trajectory(*RMSprop({.learning_rate = 0.01, .rho = 0.9, .momentum = 0.5, .epsilon = 1e-3, .centered = true}),
                    "rmsprop_centered_momentum");
}

TEST(RMSprop, Float32) {
  expect_trajectory(*RMSprop({.learning_rate = 0.01, .rho = 0.9, .momentum = 0.5, .epsilon = 1e-3, .centered = true}),
                    "rmsprop_centered_momentum", float32);
}

// Keras creates the momentum and average_gradient variables only when they are used.
TEST(RMSprop, StateHasOnlyTheVariablesInUse) {
  auto state_size = [](RMSpropOptions o) {
    testing::Problem problem;
    auto optimizer = RMSprop(o);
    problem.step(*optimizer);
    return optimizer->state().size();
  };
  EXPECT_EQ(state_size({}), 2u);
  EXPECT_EQ(state_size({.momentum = 0.5}), 3u);
  EXPECT_EQ(state_size({.centered = true}), 3u);
  EXPECT_EQ(state_size({.momentum = 0.5, .centered = true}), 4u);
}

TEST(RMSprop, KerasDefaultsAndErrors) {
  const auto c = RMSprop()->config();
  EXPECT_EQ(c.at("learning_rate"), 0.001);
  EXPECT_EQ(c.at("rho"), 0.9);
  EXPECT_EQ(c.at("momentum"), 0.0);
  EXPECT_EQ(c.at("epsilon"), 1e-7);
  EXPECT_EQ(c.at("centered"), 0.0);
  EXPECT_THROW(RMSprop({.rho = 1.0}), ValueError);
}

}  // namespace
}  // namespace axon::optim
