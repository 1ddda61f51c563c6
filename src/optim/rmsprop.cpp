// RMSprop as Keras: v = ρ·v + (1 − ρ)·g²; centered: μ = ρ·μ + (1 − ρ)·g and v − μ² in place of v;
// Δ = lr·g / sqrt(v + ε); with momentum, b = momentum·b + Δ and p −= b, else p −= Δ.
#include "axon/autograd/ops/elementwise.hpp"
#include "axon/optim/optimizer.hpp"

namespace axon::optim {
namespace {

class RmsProp final : public Optimizer {
 public:
  explicit RmsProp(RMSpropOptions o) : Optimizer(o.learning_rate, o.gradients), o_(o) {
    check(o.rho >= 0 && o.rho < 1, "RMSprop: rho must be in [0, 1), got {}", o.rho);
  }
  std::string name() const override { return "rmsprop"; }
  std::map<std::string, double> config() const override {
    return {{"learning_rate", learning_rate()}, {"rho", o_.rho}, {"momentum", o_.momentum}, {"epsilon", o_.epsilon},
            {"centered", o_.centered ? 1.0 : 0.0}};
  }

 protected:
  std::size_t slot_kinds() const override { return 3; }
  void update(std::size_t i, Tensor& p, const Tensor& g, double lr) override {
    Tensor& v = slot(0, i, p);
    mul_(v, o_.rho);
    add_(v, square(g), 1 - o_.rho);
    Tensor denominator = v;
    Tensor& mean_g = slot(1, i, p);
    if (o_.centered) {
      mul_(mean_g, o_.rho);
      add_(mean_g, g, 1 - o_.rho);
      denominator = v - square(mean_g);
    }
    const Tensor increment = g * lr / sqrt(denominator + o_.epsilon);
    Tensor& velocity = slot(2, i, p);
    if (o_.momentum > 0) {
      mul_(velocity, o_.momentum);
      add_(velocity, increment);
      add_(p, velocity, -1.0);
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
