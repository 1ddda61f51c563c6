// The Optimizer base: gradient processing (clipping, accumulation), schedules, and get(name).
#include "axon/optim/optimizer.hpp"

#include "axon/autograd/grad_mode.hpp"
#include "axon/autograd/ops/elementwise.hpp"
#include "axon/autograd/ops/reduce.hpp"
#include "axon/core/creation.hpp"

#include <fmt/format.h>

#include <cmath>
#include <numbers>

namespace axon::optim {

Optimizer::Optimizer(double learning_rate, GradientOptions gradient_options)
    : base_learning_rate_(learning_rate), gradient_options_(gradient_options) {
  check(learning_rate >= 0, "optimizer: learning_rate must be non-negative, got {}", learning_rate);
  check(gradient_options.accumulate_steps >= 1, "optimizer: accumulate_steps must be at least 1, got {}",
        gradient_options.accumulate_steps);
  check(gradient_options.clipvalue >= 0 && gradient_options.clipnorm >= 0 && gradient_options.global_clipnorm >= 0,
        "optimizer: clipvalue, clipnorm and global_clipnorm must be non-negative");
}

double Optimizer::learning_rate() const { return schedule_ ? schedule_(iterations_) : base_learning_rate_; }

void Optimizer::set_learning_rate(double lr) {
  check(lr >= 0, "optimizer: learning_rate must be non-negative, got {}", lr);
  base_learning_rate_ = lr;
  schedule_ = nullptr;
}

void Optimizer::set_schedule(Schedule schedule) { schedule_ = std::move(schedule); }

void Optimizer::step(const std::vector<Tensor>& params) {
  NoGradGuard no_grad;
  const GradientOptions& o = gradient_options_;
  std::vector<Tensor> grads(params.size());
  for (std::size_t i = 0; i < params.size(); ++i)
    if (params[i].requires_grad()) grads[i] = params[i].grad();

  // Accumulation: sum k gradients, apply their mean on the k-th call.
  if (o.accumulate_steps > 1) {
    if (accumulators_.size() != params.size()) accumulators_.assign(params.size(), Tensor());
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (!grads[i].defined()) continue;
      if (!accumulators_[i].defined()) accumulators_[i] = zeros_like(grads[i]);
      add_(accumulators_[i], grads[i]);
    }
    if (++accumulated_ < o.accumulate_steps) return;
    accumulated_ = 0;
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (!accumulators_[i].defined()) continue;
      grads[i] = accumulators_[i] / static_cast<double>(o.accumulate_steps);
      fill_(accumulators_[i], 0.0);
    }
  }

  // Clipping, in Keras's order: by value, by each norm, by the global norm.
  for (auto& g : grads) {
    if (!g.defined()) continue;
    if (o.clipvalue > 0) g = clip(g, -o.clipvalue, o.clipvalue);
    if (o.clipnorm > 0) {
      const double norm = std::sqrt(sum(square(g)).item());
      if (norm > o.clipnorm) g = g * (o.clipnorm / norm);
    }
  }
  if (o.global_clipnorm > 0) {
    double total = 0;
    for (const auto& g : grads)
      if (g.defined()) total += sum(square(g)).item();
    const double norm = std::sqrt(total);
    if (norm > o.global_clipnorm)
      for (auto& g : grads)
        if (g.defined()) g = g * (o.global_clipnorm / norm);
  }

  const double lr = learning_rate();
  ++iterations_;
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (!grads[i].defined()) continue;
    Tensor p = params[i];
    update(i, p, grads[i], lr);
  }
}

Tensor& Optimizer::slot(std::size_t kind, std::size_t i, const Tensor& param, double initial) {
  if (slots_.size() <= kind) slots_.resize(slot_kinds());
  auto& row = slots_[kind];
  if (row.size() <= i) row.resize(i + 1);
  if (!row[i].defined()) row[i] = full(param.shape(), initial, {.dtype = param.dtype()});
  check<ShapeError>(row[i].shape() == param.shape(), "{}: state for parameter {} has shape {} but the parameter has {}",
                    name(), i, shape_text(row[i].shape()), shape_text(param.shape()));
  return row[i];
}

std::vector<Tensor> Optimizer::state() const {
  std::vector<Tensor> out{scalar_tensor(static_cast<double>(iterations_), {.dtype = Dtype::int64})};
  for (const auto& row : slots_)
    for (const auto& t : row) {
      check(t.defined(), "{}: a parameter has no state yet; state() is complete after one step over all parameters",
            name());
      out.push_back(t.clone());
    }
  return out;
}

void Optimizer::load_state(const std::vector<Tensor>& state) {
  check(!state.empty() && state[0].dtype() == Dtype::int64 && state[0].numel() == 1,
        "{}: load_state expects the iteration count first", name());
  const std::size_t kinds = slot_kinds();
  check((state.size() - 1) % std::max<std::size_t>(kinds, 1) == 0 && (kinds > 0 || state.size() == 1),
        "{}: load_state got {} state tensors, not a multiple of {} per parameter", name(), state.size() - 1, kinds);
  iterations_ = state[0].item<std::int64_t>();
  slots_.assign(kinds, {});
  const std::size_t n = kinds == 0 ? 0 : (state.size() - 1) / kinds;
  for (std::size_t k = 0; k < kinds; ++k)
    for (std::size_t i = 0; i < n; ++i) slots_[k].push_back(state[1 + k * n + i].clone());
}

std::unique_ptr<Optimizer> get(const std::string& name) {
  if (name == "sgd") return SGD();
  if (name == "adam") return Adam();
  if (name == "adamw") return AdamW();
  if (name == "rmsprop") return RMSprop();
  if (name == "adagrad") return Adagrad();
  throw ValueError(fmt::format("Unknown optimizer '{}'. Known: adagrad, adam, adamw, rmsprop, sgd.", name));
}

Schedule step_decay(double initial_learning_rate, std::int64_t step_size, double factor) {
  check(step_size > 0, "step_decay: step_size must be positive, got {}", step_size);
  return [=](std::int64_t step) { return initial_learning_rate * std::pow(factor, static_cast<double>(step / step_size)); };
}

Schedule exponential_decay(double initial_learning_rate, std::int64_t decay_steps, double decay_rate, bool staircase) {
  check(decay_steps > 0, "exponential_decay: decay_steps must be positive, got {}", decay_steps);
  return [=](std::int64_t step) {
    double p = static_cast<double>(step) / static_cast<double>(decay_steps);
    if (staircase) p = std::floor(p);
    return initial_learning_rate * std::pow(decay_rate, p);
  };
}

Schedule cosine_decay(double initial_learning_rate, std::int64_t decay_steps, double alpha) {
  check(decay_steps > 0, "cosine_decay: decay_steps must be positive, got {}", decay_steps);
  return [=](std::int64_t step) {
    const double p = std::min(static_cast<double>(step), static_cast<double>(decay_steps)) / static_cast<double>(decay_steps);
    const double cosine = 0.5 * (1 + std::cos(std::numbers::pi * p));
    return initial_learning_rate * ((1 - alpha) * cosine + alpha);
  };
}

Schedule warmup(std::int64_t warmup_steps, double target_learning_rate, Schedule after) {
  check(warmup_steps > 0, "warmup: warmup_steps must be positive, got {}", warmup_steps);
  return [=](std::int64_t step) {
    if (step < warmup_steps) return target_learning_rate * static_cast<double>(step + 1) / static_cast<double>(warmup_steps);
    return after ? after(step - warmup_steps) : target_learning_rate;
  };
}

}  // namespace axon::optim
