// The Optimizer base: state, gradient processing (accumulation, clipping), the learning rate and
// its schedules, and get(name). Keras 3's BaseOptimizer is the reference for each rule
// (keras/optimizers/base_optimizer.py).
#include "axon/optim/optimizer.hpp"

#include "axon/autograd/grad_mode.hpp"
#include "axon/autograd/ops/elementwise.hpp"
#include "axon/autograd/ops/reduce.hpp"
#include "axon/core/creation.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <array>
#include <cassert>
#include <cmath>
#include <limits>
#include <numbers>

namespace axon::optim {

Optimizer::Optimizer(double learning_rate, GradientOptions gradient_options)
    : base_learning_rate_(learning_rate), gradient_options_(gradient_options) {
  const GradientOptions& o = gradient_options;
  check(learning_rate >= 0, "optimizer: learning_rate must be non-negative, got {}", learning_rate);
  check(o.accumulate_steps >= 1, "optimizer: accumulate_steps must be at least 1 (1 = no accumulation), got {}",
        o.accumulate_steps);
  check(o.clipvalue >= 0 && o.clipnorm >= 0 && o.global_clipnorm >= 0,
        "optimizer: clipvalue, clipnorm and global_clipnorm must be non-negative (0 = off), got clipvalue={}, "
        "clipnorm={}, global_clipnorm={}", o.clipvalue, o.clipnorm, o.global_clipnorm);
  // Keras: "Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set."
  check((o.clipvalue > 0) + (o.clipnorm > 0) + (o.global_clipnorm > 0) <= 1,
        "optimizer: only one of clipvalue, clipnorm and global_clipnorm can be set, got clipvalue={}, clipnorm={}, "
        "global_clipnorm={}", o.clipvalue, o.clipnorm, o.global_clipnorm);
}

double Optimizer::learning_rate() const { return schedule_ ? schedule_(iterations_) : base_learning_rate_; }

void Optimizer::set_learning_rate(double lr) {
  check(lr >= 0, "optimizer: learning_rate must be non-negative, got {}", lr);
  base_learning_rate_ = lr;
  schedule_ = nullptr;
}

void Optimizer::set_schedule(Schedule schedule) { schedule_ = std::move(schedule); }

std::map<std::string, double> Optimizer::base_config() const {
  const GradientOptions& o = gradient_options_;
  return {{"learning_rate", learning_rate()},
          {"clipvalue", o.clipvalue},
          {"clipnorm", o.clipnorm},
          {"global_clipnorm", o.global_clipnorm},
          {"accumulate_steps", static_cast<double>(o.accumulate_steps)}};
}

Tensor& Optimizer::slot(std::size_t kind, std::size_t i) {
  assert(built_ && kind < slots_.size() && i < slots_[kind].size());
  return slots_[kind][i];
}

// Creates every state tensor on the first call (Keras's build(var_list)); afterwards checks that
// the parameters are those the state was made (or loaded) for.
void Optimizer::build(const std::vector<Tensor>& params) {
  const bool accumulating = gradient_options_.accumulate_steps > 1;
  if (!built_) {
    const std::vector<SlotSpec> specs = slot_specs();
    slots_.assign(specs.size(), {});
    for (std::size_t k = 0; k < specs.size(); ++k)
      for (const Tensor& p : params) slots_[k].push_back(full(p.shape(), specs[k].initial, {.dtype = p.dtype()}));
    accumulators_.clear();
    if (accumulating)
      for (const Tensor& p : params) accumulators_.push_back(zeros_like(p));
    built_ = !params.empty();
    return;
  }
  if (slots_.empty() && !accumulating) return;  // plain SGD keeps no state to mismatch
  const std::size_t n = accumulating ? accumulators_.size() : slots_[0].size();
  check(params.size() == n,
        "{}: step() got {} parameters but the optimizer's state is for {}. Pass the same parameters in the same "
        "order on every step, or use a new optimizer for a different set.", name(), params.size(), n);
  auto check_one = [&](const Tensor& t, std::size_t kind, std::size_t i) {
    if (t.shape() == params[i].shape() && t.dtype() == params[i].dtype()) [[likely]] return;
    const std::string what = kind < slots_.size() ? slot_specs()[kind].name : "gradient_accumulator";
    throw ShapeError(fmt::format("{}: the state '{}' of parameter {} is {} {} but the parameter is {} {}. Was the "
                                 "state loaded from another model, or the parameters passed in another order?",
                                 name(), what, i, dtype_name(t.dtype()), shape_text(t.shape()),
                                 dtype_name(params[i].dtype()), shape_text(params[i].shape())));
  };
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t k = 0; k < slots_.size(); ++k) check_one(slots_[k][i], k, i);
    if (accumulating) check_one(accumulators_[i], slots_.size(), i);
  }
}

std::vector<Tensor> Optimizer::take_gradients(const std::vector<Tensor>& params) {
  std::vector<Tensor> grads(params.size());  // undefined where a parameter has no gradient
  for (std::size_t i = 0; i < params.size(); ++i)
    if (params[i].requires_grad()) grads[i] = params[i].grad();
  const int k = gradient_options_.accumulate_steps;
  if (k == 1) return grads;
  // Keras: accumulate on calls 1..k−1; on the k-th use (g + Σ earlier)/k for the parameters that
  // have a gradient then, and reset every accumulator.
  for (std::size_t i = 0; i < params.size(); ++i)
    if (grads[i].defined()) add_(accumulators_[i], grads[i]);
  if (++accumulated_ < k) return {};
  accumulated_ = 0;
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (grads[i].defined()) grads[i] = accumulators_[i] / static_cast<double>(k);
    fill_(accumulators_[i], 0.0);
  }
  return grads;
}

// Keras's _clip_gradients: at most one of the three is set (checked in the constructor).
void Optimizer::clip_gradients(std::vector<Tensor>& grads) const {
  const GradientOptions& o = gradient_options_;
  auto squared_norm = [](const Tensor& g) { return sum(square(g)).item(); };
  if (o.clipvalue > 0) {
    for (auto& g : grads)
      if (g.defined()) g = clip(g, -o.clipvalue, o.clipvalue);
  } else if (o.clipnorm > 0) {
    for (auto& g : grads) {
      if (!g.defined()) continue;
      const double norm = std::sqrt(squared_norm(g));
      if (norm > o.clipnorm) g = g * (o.clipnorm / norm);
    }
  } else if (o.global_clipnorm > 0) {
    double total = 0;
    for (const auto& g : grads)
      if (g.defined()) total += squared_norm(g);
    const double norm = std::sqrt(total);
    if (norm > o.global_clipnorm)
      for (auto& g : grads)
        if (g.defined()) g = g * (o.global_clipnorm / norm);
  }
}

void Optimizer::step(const std::vector<Tensor>& params) {
  NoGradGuard no_grad;
  build(params);
  std::vector<Tensor> grads = take_gradients(params);
  if (grads.empty()) return;  // still accumulating
  clip_gradients(grads);
  const double lr = learning_rate();  // the schedule sees the count of updates before this one
  ++iterations_;
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (!grads[i].defined()) continue;
    Tensor p = params[i];
    update(i, p, grads[i], lr);
  }
}

std::vector<Tensor> Optimizer::state() const {
  auto count = [](std::int64_t c) { return scalar_tensor(static_cast<double>(c), {.dtype = Dtype::int64}); };
  std::vector<Tensor> out{count(iterations_)};
  for (const auto& row : slots_)
    for (const auto& t : row) out.push_back(t.clone());
  if (gradient_options_.accumulate_steps > 1) {
    out.push_back(count(accumulated_));
    for (const auto& t : accumulators_) out.push_back(t.clone());
  }
  return out;
}

void Optimizer::load_state(const std::vector<Tensor>& state) {
  const std::vector<SlotSpec> specs = slot_specs();
  const bool accumulating = gradient_options_.accumulate_steps > 1;
  std::vector<std::string> names;  // what each parameter has, in order
  for (const auto& s : specs) names.push_back(fmt::format("'{}'", s.name));
  if (accumulating) names.emplace_back("'gradient_accumulator'");
  const std::size_t per_parameter = names.size();
  const std::size_t counts = accumulating ? 2 : 1;
  const std::string layout =
      fmt::format("the iteration count{}, then per parameter: {}", accumulating ? " (and the accumulated count)" : "",
                  names.empty() ? std::string("nothing") : fmt::format("{}", fmt::join(names, ", ")));
  check(state.size() >= counts && (per_parameter == 0 ? state.size() == counts
                                                      : (state.size() - counts) % per_parameter == 0),
        "{}: load_state got {} tensors, which does not fit this optimizer's layout ({}). Was the state saved by "
        "another optimizer or with other options?", name(), state.size(), layout);
  const std::size_t n = per_parameter == 0 ? 0 : (state.size() - counts) / per_parameter;
  const std::size_t count_at = 1 + n * specs.size();  // the accumulated count sits after the slots
  auto read_count = [&](std::size_t at, const char* what, std::int64_t max) {
    const Tensor& t = state[at];
    check(t.dtype() == Dtype::int64 && t.ndim() == 0, "{}: load_state expects {} as a 0-d int64 tensor at index {}, got {} {}",
          name(), what, at, dtype_name(t.dtype()), shape_text(t.shape()));
    const auto value = t.item<std::int64_t>();
    check(value >= 0 && value <= max, "{}: load_state: {} is {}, expected 0 to {}", name(), what, value, max);
    return value;
  };
  const std::int64_t iterations = read_count(0, "the iteration count", std::numeric_limits<std::int64_t>::max());
  const int accumulated = accumulating ? static_cast<int>(read_count(count_at, "the accumulated count",
                                                                     gradient_options_.accumulate_steps - 1))
                                       : 0;
  // index(j, i): where the j-th per-parameter tensor of parameter i sits in `state`.
  auto index = [&](std::size_t j, std::size_t i) { return j < specs.size() ? 1 + j * n + i : count_at + 1 + i; };
  const bool had_state = built_ && (!specs.empty() || accumulating);
  const std::size_t own = !had_state ? 0 : accumulating ? accumulators_.size() : slots_[0].size();
  check(!had_state || n == own, "{}: load_state got state for {} parameters but this optimizer holds state for {}",
        name(), n, own);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < per_parameter; ++j) {
      const Tensor& t = state[index(j, i)];
      const Tensor& reference = had_state ? (j < specs.size() ? slots_[j][i] : accumulators_[i]) : state[index(0, i)];
      check(is_floating(t.dtype()), "{}: load_state: {} of parameter {} (index {}) is {}, expected float32 or float64",
            name(), names[j], i, index(j, i), dtype_name(t.dtype()));
      check<ShapeError>(t.shape() == reference.shape() && t.dtype() == reference.dtype(),
                        "{}: load_state: {} of parameter {} (index {}) is {} {} but {} is {} {}", name(), names[j], i,
                        index(j, i), dtype_name(t.dtype()), shape_text(t.shape()),
                        had_state ? "this optimizer's" : fmt::format("its {}", names[0]),
                        dtype_name(reference.dtype()), shape_text(reference.shape()));
    }
  iterations_ = iterations;
  accumulated_ = accumulated;
  slots_.assign(specs.size(), {});
  accumulators_.clear();
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t k = 0; k < specs.size(); ++k) slots_[k].push_back(state[index(k, i)].clone());
    if (accumulating) accumulators_.push_back(state[index(specs.size(), i)].clone());
  }
  // With n = 0 (state saved before any step) the next step creates the state; otherwise it checks
  // the loaded tensors against the parameters.
  built_ = n > 0;
}

namespace {
struct Entry {
  const char* name;        // Keras's string identifier
  const char* class_name;  // Keras's class, also accepted (keras.optimizers.get("Adam") works)
  std::unique_ptr<Optimizer> (*make)();
};
const std::array<Entry, 5> kOptimizers = {{
    {"adagrad", "Adagrad", [] { return Adagrad(); }},
    {"adam", "Adam", [] { return Adam(); }},
    {"adamw", "AdamW", [] { return AdamW(); }},
    {"rmsprop", "RMSprop", [] { return RMSprop(); }},
    {"sgd", "SGD", [] { return SGD(); }},
}};
}  // namespace

std::unique_ptr<Optimizer> get(const std::string& name) {
  std::vector<std::string> known;
  for (const Entry& e : kOptimizers) {
    if (name == e.name || name == e.class_name) return e.make();
    known.emplace_back(e.name);
  }
  throw ValueError(fmt::format("Unknown optimizer '{}'. Known: {}.", name, fmt::join(known, ", ")));
}

// Schedules take the 0-based count of updates done so far, as Keras's LearningRateSchedule(step).

Schedule step_decay(double initial_learning_rate, std::int64_t step_size, double factor) {
  check(step_size > 0, "step_decay: step_size must be positive, got {}", step_size);
  return [=](std::int64_t step) { return initial_learning_rate * std::pow(factor, static_cast<double>(step / step_size)); };
}

// keras.optimizers.schedules.ExponentialDecay.
Schedule exponential_decay(double initial_learning_rate, std::int64_t decay_steps, double decay_rate, bool staircase) {
  check(decay_steps > 0, "exponential_decay: decay_steps must be positive, got {}", decay_steps);
  return [=](std::int64_t step) {
    double p = static_cast<double>(step) / static_cast<double>(decay_steps);
    if (staircase) p = std::floor(p);
    return initial_learning_rate * std::pow(decay_rate, p);
  };
}

// keras.optimizers.schedules.CosineDecay without its warm-up (compose with warmup() for that).
Schedule cosine_decay(double initial_learning_rate, std::int64_t decay_steps, double alpha) {
  check(decay_steps > 0, "cosine_decay: decay_steps must be positive, got {}", decay_steps);
  return [=](std::int64_t step) {
    const double p = static_cast<double>(std::min(step, decay_steps)) / static_cast<double>(decay_steps);
    const double cosine = 0.5 * (1 + std::cos(std::numbers::pi * p));
    return initial_learning_rate * ((1 - alpha) * cosine + alpha);
  };
}

// Keras's CosineDecay warm-up from initial_learning_rate = 0: target · step / warmup_steps.
Schedule warmup(std::int64_t warmup_steps, double target_learning_rate, Schedule after) {
  check(warmup_steps > 0, "warmup: warmup_steps must be positive, got {}", warmup_steps);
  return [=](std::int64_t step) {
    if (step < warmup_steps) return target_learning_rate * static_cast<double>(step) / static_cast<double>(warmup_steps);
    return after ? after(step - warmup_steps) : target_learning_rate;
  };
}

}  // namespace axon::optim
