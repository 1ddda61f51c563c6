// The Optimizer base: get(name), clipping, accumulation, skipped parameters, state and resuming,
// schedules. Expected numbers are worked out by hand in the comments.
#include "golden_problem.hpp"

#include <functional>

namespace axon::optim {
namespace {


Tensor vec(const std::vector<double>& values) { return from_vector(values, {static_cast<std::int64_t>(values.size())}); }
Tensor parameter(std::size_t n) {
  return zeros({static_cast<std::int64_t>(n)}, {.dtype = float64, .requires_grad = true});
}
// One SGD(lr = 1) step from p = 0, so p becomes minus the processed gradient.
std::vector<double> processed(GradientOptions options, const std::vector<double>& gradient) {
  Tensor p = parameter(gradient.size());
  p.set_grad(vec(gradient));
  SGD({.learning_rate = 1.0, .gradients = options})->step({p});
  return (-p.detach()).to_vector<double>();
}
::testing::AssertionResult has(const std::string& text, const std::string& part) {
  if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "\"" << text << "\"\n does not contain\n\"" << part << "\"";
}
std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(Get, ByKerasNameOrClassName) {
  for (const char* name : {"sgd", "adam", "adamw", "rmsprop", "adagrad"}) EXPECT_EQ(get(name)->name(), name);
  EXPECT_EQ(get("Adam")->name(), "adam");
  EXPECT_EQ(get("RMSprop")->name(), "rmsprop");
  EXPECT_EQ(get("SGD")->config().at("learning_rate"), 0.01);
  EXPECT_EQ(error_of([] { get("nope"); }), "Unknown optimizer 'nope'. Known: adagrad, adam, adamw, rmsprop, sgd.");
  EXPECT_THROW(get("nope"), ValueError);
}

TEST(Clipping, ByValue) {
  EXPECT_EQ(processed({.clipvalue = 0.5}, {2.0, -0.25, -3.0}), (std::vector<double>{0.5, -0.25, -0.5}));
}

TEST(Clipping, ByNormPerParameter) {
  Tensor a = parameter(2), b = parameter(2);
  a.set_grad(vec({3.0, 4.0}));  // norm 5 > 1: scaled by 1/5
  b.set_grad(vec({0.3, 0.4}));  // norm 0.5 ≤ 1: unchanged
  SGD({.learning_rate = 1.0, .gradients = {.clipnorm = 1.0}})->step({a, b});
  EXPECT_TENSOR_NEAR(a, {-0.6, -0.8}, 1e-15, 0);
  EXPECT_TENSOR_NEAR(b, {-0.3, -0.4}, 0, 0);
}

TEST(Clipping, ByGlobalNorm) {
  Tensor a = parameter(1), b = parameter(2);
  a.set_grad(vec({3.0}));
  b.set_grad(vec({4.0, 0.0}));  // global norm sqrt(9 + 16) = 5 > 2: all scaled by 2/5
  SGD({.learning_rate = 1.0, .gradients = {.global_clipnorm = 2.0}})->step({a, b});
  EXPECT_TENSOR_NEAR(a, {-1.2}, 1e-15, 0);
  EXPECT_TENSOR_NEAR(b, {-1.6, 0.0}, 1e-15, 0);
  EXPECT_EQ(processed({.global_clipnorm = 10.0}, {3.0, 4.0}), (std::vector<double>{3.0, 4.0}));  // 5 ≤ 10
}

TEST(Clipping, OnlyOneKindAsKeras) {
  EXPECT_TRUE(has(error_of([] { SGD({.gradients = {.clipvalue = 1, .clipnorm = 2}}); }),
              "only one of clipvalue, clipnorm and global_clipnorm can be set, got clipvalue=1, clipnorm=2, "
                        "global_clipnorm=0"));
  EXPECT_THROW(SGD({.gradients = {.clipnorm = -1}}), ValueError);
}

TEST(Accumulation, TwoStepsEqualOneStepOnTheMeanGradient) {
  const Tensor g1 = vec({1.0, -2.0, 0.25}), g2 = vec({3.0, 0.5, -4.0});
  Tensor accumulated = parameter(3), direct = parameter(3);
  auto with_accumulation = Adam({.learning_rate = 0.1, .gradients = {.accumulate_steps = 2}});
  auto without = Adam({.learning_rate = 0.1});
  for (int round = 0; round < 3; ++round) {
    accumulated.set_grad(g1 * (round + 1.0));
    with_accumulation->step({accumulated});
    EXPECT_EQ(with_accumulation->iterations(), round);  // nothing applied on the first call
    accumulated.set_grad(g2);
    with_accumulation->step({accumulated});
    direct.set_grad((g1 * (round + 1.0) + g2) / 2.0);
    without->step({direct});
    EXPECT_EQ(accumulated.to_vector<double>(), direct.to_vector<double>()) << "round " << round;
  }
  EXPECT_EQ(with_accumulation->iterations(), 3);  // counts updates, so Adam's bias correction matches
}

TEST(Accumulation, ClipsTheMeanNotEachGradient) {
  Tensor p = parameter(1);
  auto sgd = SGD({.learning_rate = 1.0, .gradients = {.clipvalue = 1.0, .accumulate_steps = 2}});
  p.set_grad(vec({3.0}));
  sgd->step({p});
  p.set_grad(vec({-1.0}));
  sgd->step({p});
  EXPECT_EQ(p.item(), -1.0);  // clip((3 − 1)/2) = 1; clipping each first would give 0
}

TEST(Accumulation, ScheduleSeesUpdatesNotCalls) {
  Tensor p = parameter(1);
  auto sgd = SGD({.gradients = {.accumulate_steps = 2}});
  sgd->set_schedule(step_decay(1.0, 1, 0.5));  // 1, 0.5, 0.25, … per update
  for (int call = 0; call < 4; ++call) {
    p.set_grad(vec({1.0}));
    sgd->step({p});
  }
  EXPECT_EQ(p.item(), -1.5);  // two updates, at rates 1 and 0.5
  EXPECT_EQ(sgd->learning_rate(), 0.25);
}

TEST(Step, SkipsParametersWithoutGradientButKeepsTheirState) {
  Tensor p = parameter(2), q = parameter(2), frozen = zeros({2}, {.dtype = float64});
  p.set_grad(vec({1.0, 2.0}));
  auto sgd = SGD({.learning_rate = 0.1, .momentum = 0.9});
  sgd->step({p, q, frozen});
  EXPECT_TENSOR_NEAR(p, {-0.1, -0.2}, 1e-15, 0);
  EXPECT_TENSOR_NEAR(q, {0, 0}, 0, 0);
  EXPECT_TENSOR_NEAR(frozen, {0, 0}, 0, 0);
  const auto state = sgd->state();
  ASSERT_EQ(state.size(), 4u);  // the count and a momentum for each of the three parameters
  EXPECT_TENSOR_NEAR(state[2], {0, 0}, 0, 0);
  q.set_grad(vec({1.0, 1.0}));  // q gets a gradient later and is updated from then on
  sgd->step({p, q, frozen});
  EXPECT_TENSOR_NEAR(q, {-0.1, -0.1}, 1e-15, 0);
}

TEST(Step, StateIsInTheParametersDtype) {
  Tensor p = zeros({2, 3}, {.requires_grad = true});
  p.set_grad(full({2, 3}, 0.5));
  auto adam = Adam({.learning_rate = 0.1});
  adam->step({p});
  EXPECT_EQ(p.dtype(), float32);
  EXPECT_TENSOR_NEAR(p, std::vector<double>(6, -0.1), 1e-6, 0);  // Adam's first step is lr·sign(g) (ε aside)
  for (std::size_t k = 1; k < 3; ++k) EXPECT_EQ(adam->state()[k].dtype(), float32);
}

TEST(Step, RefusesOtherParametersThanItsState) {
  auto adam = Adam();
  Tensor p = parameter(3), q = parameter(2);
  p.set_grad(vec({1, 1, 1}));
  q.set_grad(vec({1, 1}));
  adam->step({p});
  EXPECT_TRUE(has(error_of([&] { adam->step({p, q}); }),
              "adam: step() got 2 parameters but the optimizer's state is for 1"));
  EXPECT_TRUE(has(error_of([&] { adam->step({q}); }),
              "adam: the state 'momentum' of parameter 0 is float64 [3] but the parameter is float64 [2]"));
}

// Training n steps straight equals training k steps, saving state(), and continuing with a new
// optimizer that load_state()s it: bit for bit.
void expect_resume_is_exact(const std::function<std::unique_ptr<Optimizer>()>& make, int before, int after) {
  testing::Problem straight, resumed;
  auto one = make();
  straight.run(*one, before + after);
  auto first = make();
  resumed.run(*first, before);
  const std::vector<Tensor> saved = first->state();
  testing::Problem elsewhere;  // a later use of the first optimizer must not change what was saved
  elsewhere.step(*first);
  auto second = make();
  second->load_state(saved);
  resumed.run(*second, after);
  EXPECT_EQ(resumed.w.to_vector<double>(), straight.w.to_vector<double>()) << second->name();
  EXPECT_EQ(second->iterations(), one->iterations());
}

TEST(State, ResumingIsBitIdentical) {
  expect_resume_is_exact([] { return SGD({.learning_rate = 0.05, .momentum = 0.9, .nesterov = true}); }, 2, 3);
  expect_resume_is_exact([] { return Adam({.learning_rate = 0.1, .amsgrad = true}); }, 2, 3);
  expect_resume_is_exact([] { return AdamW({.learning_rate = 0.1}); }, 3, 2);
  expect_resume_is_exact([] { return RMSprop({.momentum = 0.5, .centered = true}); }, 2, 3);
  expect_resume_is_exact([] { return Adagrad({.learning_rate = 0.1}); }, 1, 4);
  expect_resume_is_exact([] {  // the schedule continues from the restored count
    auto sgd = SGD({.momentum = 0.9});
    sgd->set_schedule(exponential_decay(0.1, 2, 0.5));
    return sgd;
  }, 2, 3);
  // Saved in the middle of an accumulation window: the accumulators travel with the state.
  expect_resume_is_exact([] { return Adam({.learning_rate = 0.1, .gradients = {.accumulate_steps = 2}}); }, 3, 4);
  expect_resume_is_exact([] { return Adam({.learning_rate = 0.1}); }, 0, 3);  // saved before any step
}

TEST(State, Layout) {
  testing::Problem problem;
  auto adam = Adam({.gradients = {.accumulate_steps = 3}});
  EXPECT_EQ(adam->state().size(), 2u);  // before any step: the two counts
  problem.step(*adam);
  const auto state = adam->state();
  ASSERT_EQ(state.size(), 5u);  // iterations, momentum, velocity, accumulated count, accumulator
  EXPECT_EQ(state[0].ndim(), 0);
  EXPECT_EQ(state[0].dtype(), Dtype::int64);
  EXPECT_EQ(state[0].item<std::int64_t>(), 0);
  EXPECT_EQ(state[3].item<std::int64_t>(), 1);
  EXPECT_EQ(state[4].shape(), (Shape{3, 1}));
}

TEST(State, LoadStateErrors) {
  auto adam = Adam();
  EXPECT_TRUE(has(error_of([&] { adam->load_state({ones({2})}); }),
              "adam: load_state expects the iteration count as a 0-d int64 tensor at index 0, got float32 [2]"));
  const Tensor count = scalar_tensor(1, {.dtype = Dtype::int64});
  EXPECT_TRUE(has(error_of([&] { RMSprop({.momentum = 0.5, .centered = true})->load_state({count, ones({3}), ones({3})}); }),
              "rmsprop: load_state got 3 tensors, which does not fit this optimizer's layout (the iteration "
                        "count, then per parameter: 'velocity', 'momentum', 'average_gradient')"));
  EXPECT_TRUE(has(error_of([&] { adam->load_state({count, ones({3}), ones({2})}); }),
              "adam: load_state: 'velocity' of parameter 0 (index 2) is float32 [2] but its 'momentum' is "
                        "float32 [3]"));
  EXPECT_TRUE(has(error_of([&] { adam->load_state({scalar_tensor(-1, {.dtype = Dtype::int64})}); }),
              "adam: load_state: the iteration count is -1"));
  // Loaded into a fresh optimizer, the shapes are checked against the parameters at the next step.
  Tensor p = parameter(2);
  p.set_grad(vec({1, 1}));
  adam->load_state({count, zeros({3}, {.dtype = float64}), zeros({3}, {.dtype = float64})});
  EXPECT_TRUE(has(error_of([&] { adam->step({p}); }),
              "adam: the state 'momentum' of parameter 0 is float64 [3] but the parameter is float64 [2]"));
  // An optimizer that has stepped checks the count and shapes against its own state.
  auto stepped = Adam();
  stepped->step({p});
  EXPECT_TRUE(has(error_of([&] { stepped->load_state({count, ones({2}), ones({2}), ones({2}), ones({2})}); }),
              "adam: load_state got state for 2 parameters but this optimizer holds state for 1"));
  EXPECT_TRUE(has(error_of([&] { stepped->load_state({count, ones({2}), ones({2})}); }),
              "adam: load_state: 'momentum' of parameter 0 (index 1) is float32 [2] but this optimizer's is "
                        "float64 [2]"));
}

TEST(LearningRate, ConstantScheduleAndSet) {
  auto sgd = SGD({.learning_rate = 0.1});
  EXPECT_EQ(sgd->learning_rate(), 0.1);
  sgd->set_schedule(step_decay(1.0, 1, 0.5));
  EXPECT_EQ(sgd->learning_rate(), 1.0);  // the schedule at step 0
  sgd->set_learning_rate(0.3);           // replaces the schedule
  EXPECT_EQ(sgd->learning_rate(), 0.3);
  EXPECT_EQ(sgd->config().at("learning_rate"), 0.3);
  EXPECT_THROW(sgd->set_learning_rate(-1), ValueError);
}

TEST(Schedules, Values) {
  EXPECT_EQ(step_decay(0.1, 10, 0.5)(9), 0.1);
  EXPECT_DOUBLE_EQ(step_decay(0.1, 10, 0.5)(25), 0.025);
  EXPECT_DOUBLE_EQ(exponential_decay(0.1, 10, 0.5)(5), 0.1 * std::sqrt(0.5));
  EXPECT_DOUBLE_EQ(exponential_decay(0.1, 10, 0.5, true)(15), 0.05);
  EXPECT_EQ(cosine_decay(0.1, 100)(0), 0.1);
  EXPECT_NEAR(cosine_decay(0.1, 100)(50), 0.05, 1e-15);
  EXPECT_NEAR(cosine_decay(0.1, 100, 0.1)(100), 0.01, 1e-15);
  EXPECT_NEAR(cosine_decay(0.1, 100, 0.1)(500), 0.01, 1e-15);  // stays at alpha·lr
  // Keras CosineDecay(0.0, decay_steps=10, warmup_target=0.2, warmup_steps=4): 0, 0.05, …, 0.2, then
  // cosine from 0.2; at step 9, 0.2·(1 + cos(π·5/10))/2 = 0.1.
  const Schedule w = warmup(4, 0.2, cosine_decay(0.2, 10));
  EXPECT_EQ(w(0), 0.0);
  EXPECT_DOUBLE_EQ(w(1), 0.05);
  EXPECT_DOUBLE_EQ(w(4), 0.2);
  EXPECT_NEAR(w(9), 0.1, 1e-15);
  EXPECT_EQ(warmup(2, 0.3)(7), 0.3);
  EXPECT_TRUE(has(error_of([] { exponential_decay(0.1, 0, 0.5); }), "decay_steps must be positive, got 0"));
}

}  // namespace
}  // namespace axon::optim
