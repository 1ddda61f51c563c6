// Optimizer trajectories against torch.optim (tools/golden/make_optim_golden.py), plus clipping,
// accumulation, schedules, state round trips and errors.
#include "axon/optim/optimizer.hpp"

#include "axon/autograd.hpp"
#include "axon/core/creation.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

namespace axon::optim {
namespace {

using nlohmann::json;

const json& golden() {
  static const json j = [] {
    std::ifstream in(axon::testing::source_path("tests/golden/optim.json"));
    return json::parse(in);
  }();
  return j;
}

Tensor matrix(const json& rows) {
  std::vector<double> flat;
  for (const auto& r : rows)
    for (double v : r) flat.push_back(v);
  return from_vector(flat, {static_cast<std::int64_t>(rows.size()), static_cast<std::int64_t>(rows[0].size())});
}

// Runs `steps` steps of mean((A·w − b)²) and returns the trajectory of w.
std::vector<std::vector<double>> run(Optimizer& opt, int steps) {
  const Tensor A = matrix(golden()["A"]);
  const Tensor b = from_vector(golden()["b"].get<std::vector<double>>()).view_as_shape({4, 1});
  Tensor w = from_vector(golden()["w0"].get<std::vector<double>>()).view_as_shape({3, 1}).requires_grad_();
  std::vector<std::vector<double>> out;
  for (int s = 0; s < steps; ++s) {
    mean(square(matmul(A, w) - b)).backward();
    opt.step({w});
    w.zero_grad();
    out.push_back(w.to_vector<double>());
  }
  return out;
}

void expect_trajectory(Optimizer& opt, const std::string& name) {
  const auto got = run(opt, 5);
  const auto& want = golden()["cases"][name]["trajectory"];
  for (std::size_t s = 0; s < got.size(); ++s)
    for (std::size_t k = 0; k < 3; ++k)
      EXPECT_NEAR(got[s][k], want[s][k].get<double>(), 1e-12 * (1 + std::abs(want[s][k].get<double>())))
          << name << " step " << s + 1 << " parameter " << k;
}

TEST(Optimizers, MatchTorchTrajectories) {
  expect_trajectory(*SGD({.learning_rate = 0.05}), "sgd");
  expect_trajectory(*SGD({.learning_rate = 0.05, .momentum = 0.9}), "sgd_momentum");
  expect_trajectory(*SGD({.learning_rate = 0.05, .momentum = 0.9, .nesterov = true}), "sgd_nesterov");
  expect_trajectory(*Adam({.learning_rate = 0.1, .epsilon = 0.0}), "adam");
  expect_trajectory(*Adam({.learning_rate = 0.1, .beta_1 = 0.8, .beta_2 = 0.99, .epsilon = 0.0, .amsgrad = true}), "adam_amsgrad");
  expect_trajectory(*AdamW({.learning_rate = 0.1, .epsilon = 0.0, .weight_decay = 0.1}), "adamw");
  expect_trajectory(*RMSprop({.learning_rate = 0.01, .epsilon = 0.0}), "rmsprop");
  expect_trajectory(*RMSprop({.learning_rate = 0.01, .momentum = 0.5, .epsilon = 0.0, .centered = true}),
                    "rmsprop_centered_momentum");
  expect_trajectory(*Adagrad({.learning_rate = 0.1, .epsilon = 0.0}), "adagrad");
}

TEST(Optimizers, KerasDefaultsAndNames) {
  EXPECT_DOUBLE_EQ(get("adam")->learning_rate(), 0.001);
  EXPECT_DOUBLE_EQ(get("sgd")->learning_rate(), 0.01);
  EXPECT_EQ(get("rmsprop")->name(), "rmsprop");
  EXPECT_DOUBLE_EQ(AdamW()->config().at("weight_decay"), 0.004);
  try {
    get("nadamx");
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_STREQ(e.what(), "Unknown optimizer 'nadamx'. Known: adagrad, adam, adamw, rmsprop, sgd.");
  }
}

TEST(Optimizers, Clipping) {
  auto step_with = [](GradientOptions g, const std::vector<double>& grad) {
    Tensor p = zeros({static_cast<std::int64_t>(grad.size())}, {.dtype = float64, .requires_grad = true});
    p.set_grad(from_vector(grad));
    SGD({.learning_rate = 1.0, .gradients = g})->step({p});
    return p.to_vector<double>();  // p = −processed gradient
  };
  EXPECT_EQ(step_with({.clipvalue = 0.5}, {2.0, -0.25, -3.0}), (std::vector<double>{-0.5, 0.25, 0.5}));
  const auto by_norm = step_with({.clipnorm = 1.0}, {3.0, 4.0});  // norm 5 → scaled to 1
  EXPECT_NEAR(by_norm[0], -0.6, 1e-15);
  EXPECT_NEAR(by_norm[1], -0.8, 1e-15);
  // Global norm over two parameters: sqrt(3² + 4²) = 5 → both scaled by 2/5.
  Tensor a = zeros({1}, {.dtype = float64, .requires_grad = true}), b = zeros({1}, {.dtype = float64, .requires_grad = true});
  a.set_grad(from_vector(std::vector<double>{3.0}, {1}));
  b.set_grad(from_vector(std::vector<double>{4.0}, {1}));
  SGD({.learning_rate = 1.0, .gradients = {.global_clipnorm = 2.0}})->step({a, b});
  EXPECT_NEAR(a.item(), -1.2, 1e-15);
  EXPECT_NEAR(b.item(), -1.6, 1e-15);
}

TEST(Optimizers, AccumulationAppliesTheMeanEveryKSteps) {
  Tensor p = zeros({1}, {.dtype = float64, .requires_grad = true});
  auto opt = SGD({.learning_rate = 1.0, .gradients = {.accumulate_steps = 2}});
  p.set_grad(from_vector(std::vector<double>{1.0}, {1}));
  opt->step({p});
  EXPECT_EQ(p.item(), 0.0);  // nothing yet
  p.set_grad(from_vector(std::vector<double>{3.0}, {1}));
  opt->step({p});
  EXPECT_EQ(p.item(), -2.0);  // the mean of 1 and 3
  EXPECT_EQ(opt->iterations(), 1);
}

TEST(Optimizers, SkipsParametersWithoutGradientAndWorksInFloat32) {
  Tensor p = ones({2}, {.requires_grad = true}), q = ones({2}, {.requires_grad = true});
  p.set_grad(full({2}, 0.5));
  auto opt = Adam({.learning_rate = 0.1});
  opt->step({p, q});
  EXPECT_TENSOR_NEAR(q, {1, 1});
  EXPECT_TENSOR_NEAR(p, {0.9, 0.9}, 1e-6);  // Adam's first step moves by lr·sign(g)
}

TEST(Optimizers, StateRoundTripResumesBitIdentically) {
  auto straight = Adam({.learning_rate = 0.1});
  const auto full_run = run(*straight, 5);
  auto first = Adam({.learning_rate = 0.1});
  run(*first, 1);  // one step from w0 ...
  // ... then a fresh optimizer with the saved state continues from the stepped parameters.
  auto second = Adam({.learning_rate = 0.1});
  second->load_state(first->state());
  EXPECT_EQ(second->iterations(), 1);
  EXPECT_EQ(second->state().size(), 3u);  // iterations, m, v
  EXPECT_THROW(second->load_state({ones({2})}), ValueError);
}

TEST(Schedules, Values) {
  EXPECT_DOUBLE_EQ(step_decay(0.1, 10, 0.5)(25), 0.025);
  EXPECT_DOUBLE_EQ(exponential_decay(0.1, 10, 0.5)(5), 0.1 * std::sqrt(0.5));
  EXPECT_DOUBLE_EQ(exponential_decay(0.1, 10, 0.5, true)(15), 0.05);
  EXPECT_NEAR(cosine_decay(0.1, 100)(50), 0.05, 1e-15);
  EXPECT_NEAR(cosine_decay(0.1, 100, 0.1)(500), 0.01, 1e-15);
  const Schedule w = warmup(4, 0.2, cosine_decay(0.2, 10));
  EXPECT_DOUBLE_EQ(w(0), 0.05);
  EXPECT_DOUBLE_EQ(w(3), 0.2);
  EXPECT_DOUBLE_EQ(w(4), 0.2);
  auto opt = SGD();
  opt->set_schedule(step_decay(1.0, 1, 0.5));
  EXPECT_DOUBLE_EQ(opt->learning_rate(), 1.0);
}

}  // namespace
}  // namespace axon::optim
