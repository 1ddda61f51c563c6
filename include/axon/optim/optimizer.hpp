// Optimizers with Keras 3's names, defaults and update rules (src/optim/*.cpp state each formula and
// where PyTorch's differs). An optimizer updates parameters in place from their .grad(), under
// NoGradGuard.
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
/// global_clipnorm; as in Keras at most one of the three may be set), and gradient accumulation
/// over k calls of step() (Keras's gradient_accumulation_steps). With accumulation, clipping and
/// weight decay act on the mean gradient at the k-th call only, and iterations() counts updates,
/// not calls, so k steps on gradients g₁…g_k equal one step on their mean (as Keras ≥ 3.5,
/// keras-team/keras#19998).
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
  /// With accumulate_steps = k, gradients are summed over k calls and their mean is applied on the
  /// k-th (to the parameters that have a gradient at that call, as Keras). The first call creates
  /// the state of every parameter; later calls must pass the same parameters in the same order.
  void step(const std::vector<Tensor>& params);

  double learning_rate() const;  ///< the current rate (the schedule's value at this step)
  void set_learning_rate(double lr);  ///< replaces the schedule with a constant
  void set_schedule(Schedule schedule);
  std::int64_t iterations() const { return iterations_; }

  /// Everything needed to resume exactly, as copies: the iteration count (a 0-d int64 tensor),
  /// then the per-parameter state tensors kind by kind (Adam: every momentum, then every velocity);
  /// with accumulate_steps > 1 also the number of gradients accumulated so far (0-d int64) and one
  /// gradient accumulator per parameter. Before the first step: the count(s) only.
  std::vector<Tensor> state() const;
  /// Restores what state() gave (copies it). Checks the layout, and the shapes against this
  /// optimizer's own state if it has stepped; a fresh optimizer checks them against the parameters
  /// at the next step(). Errors name the tensor, e.g. "'velocity' of parameter 1".
  void load_state(const std::vector<Tensor>& state);
  /// Hyperparameters as name → value (for configs and model files), booleans as 0/1; includes
  /// learning_rate and the GradientOptions.
  virtual std::map<std::string, double> config() const = 0;

 protected:
  /// One per-parameter state tensor: Keras's variable name and the value it starts from.
  struct SlotSpec {
    std::string name;  ///< "momentum", "velocity", …
    double initial = 0.0;
  };
  /// The state tensors each parameter has, in state() order (SGD with momentum: {"momentum"}).
  virtual std::vector<SlotSpec> slot_specs() const = 0;
  /// Updates one parameter (index i in the params list) from its processed gradient g; lr is the
  /// learning rate of this step and iterations() already counts it (1 on the first update).
  virtual void update(std::size_t i, Tensor& param, const Tensor& g, double lr) = 0;
  /// State tensor `kind` (an index into slot_specs()) of parameter i, made by step() before the
  /// first update in the parameter's shape and dtype.
  Tensor& slot(std::size_t kind, std::size_t i);
  /// learning_rate and the GradientOptions, for the subclasses' config().
  std::map<std::string, double> base_config() const;

 private:
  void build(const std::vector<Tensor>& params);
  std::vector<Tensor> take_gradients(const std::vector<Tensor>& params);
  void clip_gradients(std::vector<Tensor>& grads) const;

  double base_learning_rate_;
  Schedule schedule_;
  GradientOptions gradient_options_;
  std::int64_t iterations_ = 0;
  bool built_ = false;                      ///< slots_ (and accumulators_) hold every parameter
  std::vector<std::vector<Tensor>> slots_;  ///< [kind][parameter]
  int accumulated_ = 0;                     ///< gradients summed into accumulators_ so far
  std::vector<Tensor> accumulators_;        ///< one per parameter when accumulate_steps > 1
};

/// Keras SGD: v = momentum·v − lr·g; p += v (nesterov: p += momentum·v − lr·g); for a constant lr
/// the same as torch.optim.SGD. weight_decay adds wd·p to the gradient (L2, as torch.optim.SGD;
/// NOTE: Keras's SGD(weight_decay) decays p −= lr·wd·p instead, which differs with momentum).
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
  double weight_decay = 0.0;  ///< decoupled decay p −= lr·wd·p before the step (Keras, for Adam too)
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

/// By Keras name ("sgd", "adam", "adamw", "rmsprop", "adagrad", or the class name "Adam", …) with
/// default settings; an unknown name is a ValueError listing the known ones.
std::unique_ptr<Optimizer> get(const std::string& name);

// Learning-rate schedules (Keras names).
/// lr · factor^floor(step / step_size) — PyTorch's StepLR.
Schedule step_decay(double initial_learning_rate, std::int64_t step_size, double factor);
/// lr · decay_rate^(step / decay_steps), floored to whole periods when staircase.
Schedule exponential_decay(double initial_learning_rate, std::int64_t decay_steps, double decay_rate, bool staircase = false);
/// Cosine from lr down to alpha·lr over decay_steps, then alpha·lr.
Schedule cosine_decay(double initial_learning_rate, std::int64_t decay_steps, double alpha = 0.0);
/// Linear warm-up target·step/warmup_steps (0 at step 0, as Keras's CosineDecay warm-up from 0),
/// then `after(step − warmup_steps)`, or the target when `after` is empty.
Schedule warmup(std::int64_t warmup_steps, double target_learning_rate, Schedule after = {});

}  // namespace axon::optim
