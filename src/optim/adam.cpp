// Adam (Kingma & Ba 2015) as Keras computes it: with t the step count,
//   m = β1·m + (1 − β1)·g;  v = β2·v + (1 − β2)·g²
//   p −= lr·sqrt(1 − β2^t)/(1 − β1^t) · m / (sqrt(v) + ε)
// (ε outside the bias correction; PyTorch adds ε to sqrt(v̂) instead — the two differ by
// ε·sqrt(1 − β2^t) in the denominator). AMSGrad keeps the running maximum of v. AdamW first decays
// p −= lr·wd·p (decoupled weight decay, Loshchilov & Hutter), as Keras.
#include "axon/autograd/ops/elementwise.hpp"
#include "axon/optim/optimizer.hpp"

#include <cmath>

namespace axon::optim {
namespace {

class AdamOptimizer final : public Optimizer {
 public:
  AdamOptimizer(AdamOptions o, bool decoupled) : Optimizer(o.learning_rate, o.gradients), o_(o), decoupled_(decoupled) {
    check(o.beta_1 >= 0 && o.beta_1 < 1 && o.beta_2 >= 0 && o.beta_2 < 1, "{}: beta_1 and beta_2 must be in [0, 1)",
          name());
  }
  std::string name() const override { return decoupled_ ? "adamw" : "adam"; }
  std::map<std::string, double> config() const override {
    return {{"learning_rate", learning_rate()}, {"beta_1", o_.beta_1},       {"beta_2", o_.beta_2},
            {"epsilon", o_.epsilon},            {"amsgrad", o_.amsgrad ? 1.0 : 0.0}, {"weight_decay", o_.weight_decay}};
  }

 protected:
  std::size_t slot_kinds() const override { return o_.amsgrad ? 3 : 2; }
  void update(std::size_t i, Tensor& p, const Tensor& g, double lr) override {
    if (decoupled_ && o_.weight_decay > 0) mul_(p, 1.0 - lr * o_.weight_decay);
    const auto t = static_cast<double>(iterations());
    Tensor& m = slot(0, i, p);
    Tensor& v = slot(1, i, p);
    mul_(m, o_.beta_1);
    add_(m, g, 1 - o_.beta_1);
    mul_(v, o_.beta_2);
    add_(v, square(g), 1 - o_.beta_2);
    Tensor denominator_source = v;
    if (o_.amsgrad) {
      Tensor& v_max = slot(2, i, p);
      copy_(v_max, maximum(v_max, v));
      denominator_source = v_max;
    }
    const double step = lr * std::sqrt(1 - std::pow(o_.beta_2, t)) / (1 - std::pow(o_.beta_1, t));
    add_(p, m / (sqrt(denominator_source) + o_.epsilon), -step);
  }

 private:
  AdamOptions o_;
  bool decoupled_;
};

}  // namespace

std::unique_ptr<Optimizer> Adam(AdamOptions options) { return std::make_unique<AdamOptimizer>(options, false); }
std::unique_ptr<Optimizer> AdamW(AdamOptions options) { return std::make_unique<AdamOptimizer>(options, true); }

}  // namespace axon::optim
