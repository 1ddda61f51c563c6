// Optimizers: Keras's names and defaults, PyTorch's update rules where Keras matches them.
// An optimizer updates parameters in place from their .grad(), under NoGradGuard.
#pragma once

#include "axon/core/tensor.hpp"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace axon::optim {

/// Learning rate as a function of the step count (0-based), or a constant.
using Schedule = std::function<double(std::int64_t step)>;

/// Gradient transformations applied before the update (Keras's clipvalue, clipnorm,
/// global_clipnorm), and gradient accumulation over k calls of step().
struct GradientOptions {
  double clipvalue = 0;        ///< clip each element to [-v, v] (0 = off)
  double clipnorm = 0;         ///< rescale each parameter's gradient to norm ≤ v (0 = off)
  double global_clipnorm = 0;  ///< rescale all gradients together to global norm ≤ v (0 = off)
  int accumulate_steps = 1;    ///< apply the mean of k consecutive gradients every k-th step()
};

class Optimizer {
 public:
  Optimizer(double learning_rate, GradientOptions gradient_options);
  virtual ~Optimizer() = default;
  virtual std::string name() const = 0;  ///< "adam"

  /// One update of `params` from their gradients (parameters without a gradient are skipped).
  /// With accumulate_steps = k, gradients are summed over k calls and applied on the k-th.
  void step(const std::vector<Tensor>& params);

  double learning_rate() const;  ///< the current rate (the schedule's value at this step)
  void set_learning_rate(double lr);  ///< replaces the schedule with a constant
  void set_schedule(Schedule schedule);
  std::int64_t iterations() const { return iterations_; }

  /// The iteration count (a 0-d int64 tensor) then every per-parameter state tensor (moments,
  /// velocities) kind by kind, for saving and resuming exactly.
  std::vector<Tensor> state() const;
  /// Restores what state() gave; the count and shapes are checked at the next step.
  void load_state(const std::vector<Tensor>& state);
  /// Hyperparameters as name → value (for configs and model files).
  virtual std::map<std::string, double> config() const = 0;

 protected:
  /// Updates one parameter (index i in the params list) from its processed gradient g.
  virtual void update(std::size_t i, Tensor& param, const Tensor& g, double lr) = 0;
  /// State tensor `kind` (0 ≤ kind < slot_kinds) of parameter i, created filled with `initial`
  /// in the parameter's shape and dtype on first use.
  Tensor& slot(std::size_t kind, std::size_t i, const Tensor& param, double initial = 0.0);
  /// How many state tensors each parameter has (momentum: 1, Adam: 2 or 3).
  virtual std::size_t slot_kinds() const = 0;

 private:
  std::vector<std::vector<Tensor>> slots_;
  double base_learning_rate_;
  Schedule schedule_;
  GradientOptions gradient_options_;
  std::int64_t iterations_ = 0;
  int accumulated_ = 0;
  std::vector<Tensor> accumulators_;
};

/// Keras/PyTorch SGD: v = momentum·v − lr·g; p += v (nesterov: p += momentum·v − lr·g).
/// weight_decay adds wd·p to the gradient (L2, as torch.optim.SGD).
struct SGDOptions {
  double learning_rate = 0.01;
  double momentum = 0.0;
  bool nesterov = false;
  double weight_decay = 0.0;
  GradientOptions gradients = {};
};
/// Adam (Kingma & Ba) with Keras's defaults: lr 1e-3, beta_1 0.9, beta_2 0.999, epsilon 1e-7.
struct AdamOptions {
  double learning_rate = 0.001;
  double beta_1 = 0.9;
  double beta_2 = 0.999;
  double epsilon = 1e-7;
  bool amsgrad = false;
  double weight_decay = 0.0;  ///< AdamW: decoupled decay p −= lr·wd·p (used by AdamW only)
  GradientOptions gradients = {};
};
/// RMSprop, Keras defaults: lr 1e-3, rho 0.9, momentum 0, epsilon 1e-7, centered false.
struct RMSpropOptions {
  double learning_rate = 0.001;
  double rho = 0.9;
  double momentum = 0.0;
  double epsilon = 1e-7;
  bool centered = false;
  GradientOptions gradients = {};
};
/// Adagrad, Keras defaults: lr 1e-3, initial_accumulator_value 0.1, epsilon 1e-7.
struct AdagradOptions {
  double learning_rate = 0.001;
  double initial_accumulator_value = 0.1;
  double epsilon = 1e-7;
  GradientOptions gradients = {};
};

std::unique_ptr<Optimizer> SGD(SGDOptions options = {});
std::unique_ptr<Optimizer> Adam(AdamOptions options = {});
/// Adam with decoupled weight decay (Keras AdamW default weight_decay 0.004).
std::unique_ptr<Optimizer> AdamW(AdamOptions options = {.weight_decay = 0.004});
std::unique_ptr<Optimizer> RMSprop(RMSpropOptions options = {});
std::unique_ptr<Optimizer> Adagrad(AdagradOptions options = {});

/// By Keras name ("sgd", "adam", "adamw", "rmsprop", "adagrad") with default settings; an unknown
/// name is a ValueError listing the known ones.
std::unique_ptr<Optimizer> get(const std::string& name);

// Learning-rate schedules (Keras names).
/// lr · factor^floor(step / step_size) — PyTorch's StepLR.
Schedule step_decay(double initial_learning_rate, std::int64_t step_size, double factor);
/// lr · decay_rate^(step / decay_steps), floored to whole periods when staircase.
Schedule exponential_decay(double initial_learning_rate, std::int64_t decay_steps, double decay_rate, bool staircase = false);
/// Cosine from lr down to alpha·lr over decay_steps, then alpha·lr.
Schedule cosine_decay(double initial_learning_rate, std::int64_t decay_steps, double alpha = 0.0);
/// Linear warm-up from 0 over warmup_steps, then `after` (shifted by warmup_steps).
Schedule warmup(std::int64_t warmup_steps, double target_learning_rate, Schedule after = {});

}  // namespace axon::optim
