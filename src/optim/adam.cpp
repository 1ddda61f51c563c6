// Adam (Kingma & Ba 2015, arXiv:1412.6980) as Keras 3 computes it (keras/optimizers/adam.py), with
// t the count of updates including this one:
//   m = β1·m + (1 − β1)·g;  v = β2·v + (1 − β2)·g²      (Keras writes m += (g − m)·(1 − β1))
//   amsgrad: v̂ = max(v̂, v), used in place of v
//   α = lr·sqrt(1 − β2^t)/(1 − β1^t);  p −= α·m / (sqrt(v) + ε)
// NOTE: PyTorch divides by sqrt(v)/sqrt(1 − β2^t) + ε instead, i.e. its ε is Keras's ε times
// sqrt(1 − β2^t); the rules agree only for ε = 0. This is Keras's (ε outside the bias correction).
// Weight decay is decoupled and comes first, p −= lr·wd·p (Loshchilov & Hutter, arXiv:1711.05101),
// as Keras's BaseOptimizer applies it for Adam and AdamW alike (AdamW only changes the default);
// torch.optim.AdamW does the same, torch.optim.Adam's weight_decay is an L2 term instead.
#include "axon/autograd/ops/elementwise.hpp"
#include "axon/core/backend.hpp"
#include "axon/optim/optimizer.hpp"

#include <cmath>

namespace axon::optim {
namespace {

class AdamOptimizer final : public Optimizer {
 public:
  AdamOptimizer(AdamOptions o, bool decoupled) : Optimizer(o.learning_rate, o.gradients), o_(o), adamw_(decoupled) {
    check(o.beta_1 >= 0 && o.beta_1 < 1 && o.beta_2 >= 0 && o.beta_2 < 1,
          "{}: beta_1 and beta_2 must be in [0, 1), got beta_1={}, beta_2={}", name(), o.beta_1, o.beta_2);
    check(o.epsilon >= 0 && o.weight_decay >= 0, "{}: epsilon and weight_decay must be non-negative, got {} and {}",
          name(), o.epsilon, o.weight_decay);
  }
  std::string name() const override { return adamw_ ? "adamw" : "adam"; }
  std::map<std::string, double> config() const override {
    auto c = base_config();
    c.insert({{"beta_1", o_.beta_1},
              {"beta_2", o_.beta_2},
              {"epsilon", o_.epsilon},
              {"amsgrad", o_.amsgrad ? 1.0 : 0.0},
              {"weight_decay", o_.weight_decay}});
    return c;
  }

 protected:
  std::vector<SlotSpec> slot_specs() const override {
    if (o_.amsgrad) return {{"momentum"}, {"velocity"}, {"velocity_hat"}};
    return {{"momentum"}, {"velocity"}};
  }
  void update(std::size_t i, Tensor& p, const Tensor& g, double lr) override {
    if (o_.weight_decay > 0) mul_(p, 1.0 - lr * o_.weight_decay);
    const auto t = static_cast<double>(iterations());
    Tensor& m = slot(0, i);
    Tensor& v = slot(1, i);
    const double alpha = lr * std::sqrt(1 - std::pow(o_.beta_2, t)) / (1 - std::pow(o_.beta_1, t));
    if (!o_.amsgrad) {  // one fused pass over p, g, m, v (the same formulas as below)
      backend(p.device()).adam_step({.beta_1 = o_.beta_1, .beta_2 = o_.beta_2, .epsilon = o_.epsilon, .alpha = alpha},
                                    g, p, m, v);
      return;
    }
    mul_(m, o_.beta_1);
    add_(m, g, 1 - o_.beta_1);
    mul_(v, o_.beta_2);
    add_(v, square(g), 1 - o_.beta_2);
    Tensor& v_hat = slot(2, i);
    copy_(v_hat, maximum(v_hat, v));
    add_(p, m / (sqrt(v_hat) + o_.epsilon), -alpha);
  }

 private:
  AdamOptions o_;
  bool adamw_;
};

}  // namespace

std::unique_ptr<Optimizer> Adam(AdamOptions options) { return std::make_unique<AdamOptimizer>(options, false); }
std::unique_ptr<Optimizer> AdamW(AdamOptions options) { return std::make_unique<AdamOptimizer>(options, true); }

}  // namespace axon::optim
