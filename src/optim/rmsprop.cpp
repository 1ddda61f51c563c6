// RMSprop (Hinton's lecture 6e; centered: Graves 2013, arXiv:1308.0850) as Keras 3
// (keras/optimizers/rmsprop.py):
//   v = ρ·v + (1 − ρ)·g²
//   centered: μ = ρ·μ + (1 − ρ)·g, and v − μ² replaces v below
//   Δ = lr·g / sqrt(v + ε)
//   momentum > 0: b = momentum·b + Δ; p −= b.  Otherwise p −= Δ.
// NOTE: PyTorch's RMSprop divides by sqrt(v) + ε (ε outside the root); the rules agree only for
// ε = 0. Keras's ρ is PyTorch's alpha.
#include "axon/autograd/ops/elementwise.hpp"
#include "axon/optim/optimizer.hpp"

namespace axon::optim {
namespace {

class RmsProp final : public Optimizer {
 public:
  explicit RmsProp(RMSpropOptions o) : Optimizer(o.learning_rate, o.gradients), o_(o) {
    check(o.rho >= 0 && o.rho < 1, "RMSprop: rho must be in [0, 1), got {}", o.rho);
    check(o.momentum >= 0 && o.epsilon >= 0, "RMSprop: momentum and epsilon must be non-negative, got {} and {}",
          o.momentum, o.epsilon);
  }
  std::string name() const override { return "rmsprop"; }
  std::map<std::string, double> config() const override {
    auto c = base_config();
    c.insert({{"rho", o_.rho}, {"momentum", o_.momentum}, {"epsilon", o_.epsilon}, {"centered", o_.centered ? 1.0 : 0.0}});
    return c;
  }

 protected:
  // Keras's order: velocity, then momentum (if momentum > 0), then average_gradient (if centered).
  std::vector<SlotSpec> slot_specs() const override {
    std::vector<SlotSpec> specs{{"velocity"}};
    if (o_.momentum > 0) specs.push_back({"momentum"});
    if (o_.centered) specs.push_back({"average_gradient"});
    return specs;
  }
  void update(std::size_t i, Tensor& p, const Tensor& g, double lr) override {
    Tensor& v = slot(0, i);
    mul_(v, o_.rho);
    add_(v, square(g), 1 - o_.rho);
    Tensor denominator = v;
    if (o_.centered) {
      Tensor& average_gradient = slot(o_.momentum > 0 ? 2 : 1, i);
      mul_(average_gradient, o_.rho);
      add_(average_gradient, g, 1 - o_.rho);
      denominator = v - square(average_gradient);
    }
    const Tensor increment = g * lr / sqrt(denominator + o_.epsilon);
    if (o_.momentum > 0) {
      Tensor& momentum = slot(1, i);
      mul_(momentum, o_.momentum);
      add_(momentum, increment);
      add_(p, momentum, -1.0);
    } else {
      add_(p, increment, -1.0);
    }
  }

 private:
  RMSpropOptions o_;
};

}  // namespace

std::unique_ptr<Optimizer> RMSprop(RMSpropOptions options) { return std::make_unique<RmsProp>(options); }

}  // namespace axon::optim
