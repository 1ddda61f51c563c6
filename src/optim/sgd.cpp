// SGD with momentum and Nesterov momentum, as Keras: v = m·v − lr·g; p += v, or with Nesterov
// p += m·v − lr·g. For a constant learning rate this is PyTorch's buf = m·buf + g; p −= lr·buf.
#include "axon/autograd/ops/elementwise.hpp"
#include "axon/optim/optimizer.hpp"

namespace axon::optim {
namespace {

class Sgd final : public Optimizer {
 public:
  explicit Sgd(SGDOptions o) : Optimizer(o.learning_rate, o.gradients), o_(o) {
    check(o.momentum >= 0 && o.momentum <= 1, "SGD: momentum must be in [0, 1], got {}", o.momentum);
  }
  std::string name() const override { return "sgd"; }
  std::map<std::string, double> config() const override {
    return {{"learning_rate", learning_rate()}, {"momentum", o_.momentum}, {"nesterov", o_.nesterov ? 1.0 : 0.0},
            {"weight_decay", o_.weight_decay}};
  }

 protected:
  std::size_t slot_kinds() const override { return o_.momentum > 0 ? 1 : 0; }
  void update(std::size_t i, Tensor& p, const Tensor& g_in, double lr) override {
    const Tensor g = o_.weight_decay > 0 ? g_in + p * o_.weight_decay : g_in;
    if (o_.momentum == 0) {
      add_(p, g, -lr);
      return;
    }
    Tensor& v = slot(0, i, p);
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
