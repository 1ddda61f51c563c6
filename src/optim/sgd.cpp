// SGD with momentum and Nesterov momentum, as Keras 3 (keras/optimizers/sgd.py):
//   v = m·v − lr·g;  p += v            (nesterov: p += m·v − lr·g, with the new v)
// PyTorch keeps buf = m·buf + g and does p −= lr·buf (nesterov: p −= lr·(g + m·buf)). With
// v = −lr·buf the two are the same while lr is constant; under a schedule they differ, because
// Keras's velocity carries the rates of earlier steps and PyTorch's buffer does not.
// weight_decay is PyTorch's L2 term g + wd·p (see SGDOptions).
#include "axon/autograd/ops/elementwise.hpp"
#include "axon/optim/optimizer.hpp"

namespace axon::optim {
namespace {

class Sgd final : public Optimizer {
 public:
  explicit Sgd(SGDOptions o) : Optimizer(o.learning_rate, o.gradients), o_(o) {
    check(o.momentum >= 0 && o.momentum <= 1, "SGD: momentum must be in [0, 1], got {}", o.momentum);
    check(o.weight_decay >= 0, "SGD: weight_decay must be non-negative, got {}", o.weight_decay);
  }
  std::string name() const override { return "sgd"; }
  std::map<std::string, double> config() const override {
    auto c = base_config();
    c.insert({{"momentum", o_.momentum}, {"nesterov", o_.nesterov ? 1.0 : 0.0}, {"weight_decay", o_.weight_decay}});
    return c;
  }

 protected:
  std::vector<SlotSpec> slot_specs() const override {
    if (o_.momentum > 0) return {{"momentum"}};
    return {};
  }
  void update(std::size_t i, Tensor& p, const Tensor& g_in, double lr) override {
    const Tensor g = o_.weight_decay > 0 ? g_in + p * o_.weight_decay : g_in;
    if (o_.momentum == 0) {
      add_(p, g, -lr);
      return;
    }
    Tensor& v = slot(0, i);
    mul_(v, o_.momentum);
    add_(v, g, -lr);
    if (o_.nesterov) {
      add_(p, v, o_.momentum);
      add_(p, g, -lr);
    } else {
      add_(p, v);
    }
  }

 private:
  SGDOptions o_;
};

}  // namespace

std::unique_ptr<Optimizer> SGD(SGDOptions options) { return std::make_unique<Sgd>(options); }

}  // namespace axon::optim
