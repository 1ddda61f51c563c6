// SGD against torch.optim.SGD (constant rate) and Keras's rule under a schedule.
#include "golden_problem.hpp"

namespace axon::optim {
namespace {

using testing::expect_trajectory;

TEST(SGD, MatchesTorch) {
  expect_trajectory(*SGD({.learning_rate = 0.05}), "sgd");
  expect_trajectory(*SGD({.learning_rate = 0.05, .momentum = 0.9}), "sgd_momentum");
  expect_trajectory(*SGD({.learning_rate = 0.05, .momentum = 0.9, .nesterov = true}), "sgd_nesterov");
  expect_trajectory(*SGD({.learning_rate = 0.05, .momentum = 0.9, .weight_decay = 0.1}), "sgd_momentum_weight_decay");
}

// Under a schedule Keras's velocity (v = m·v − lr·g) and PyTorch's buffer part; axon is Keras.
TEST(SGD, MomentumUnderAScheduleFollowsKeras) {
  auto momentum = SGD({.momentum = 0.9});
  momentum->set_schedule(exponential_decay(0.1, 2, 0.5));
  expect_trajectory(*momentum, "sgd_momentum_schedule");
  auto nesterov = SGD({.momentum = 0.9, .nesterov = true});
  nesterov->set_schedule(exponential_decay(0.1, 2, 0.5));
  expect_trajectory(*nesterov, "sgd_nesterov_schedule");
}

TEST(SGD, Float32) { expect_trajectory(*SGD({.learning_rate = 0.05, .momentum = 0.9}), "sgd_momentum", float32); }

TEST(SGD, StateIsOneMomentumPerParameterOnlyWithMomentum) {
  testing::Problem problem;
  auto plain = SGD();
  problem.step(*plain);
  EXPECT_EQ(plain->state().size(), 1u);  // the iteration count only
  auto momentum = SGD({.momentum = 0.5});
  problem.step(*momentum);
  ASSERT_EQ(momentum->state().size(), 2u);
  EXPECT_EQ(momentum->state()[1].shape(), (Shape{3, 1}));
}

TEST(SGD, ConfigAndErrors) {
  const auto c = SGD({.learning_rate = 0.1, .momentum = 0.9, .nesterov = true})->config();
  EXPECT_EQ(c.at("learning_rate"), 0.1);
  EXPECT_EQ(c.at("momentum"), 0.9);
  EXPECT_EQ(c.at("nesterov"), 1.0);
  EXPECT_EQ(c.at("weight_decay"), 0.0);
  EXPECT_THROW(SGD({.momentum = 1.5}), ValueError);
  EXPECT_THROW(SGD({.learning_rate = -1}), ValueError);
}

}  // namespace
}  // namespace axon::optim
