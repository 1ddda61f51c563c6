// Adagrad (Duchi, Hazan & Singer 2011) as Keras 3 (keras/optimizers/adagrad.py):
//   a = a + g²  (a starts at initial_accumulator_value, 0.1);  p −= lr·g / sqrt(a + ε)
// NOTE: PyTorch starts a at 0 by default and divides by sqrt(a) + ε (ε outside the root); with
// initial_accumulator_value = 0.1 and ε = 0 the two agree.
#include "axon/autograd/ops/elementwise.hpp"
#include "axon/optim/optimizer.hpp"

namespace axon::optim {
namespace {

class AdaGrad final : public Optimizer {
 public:
  explicit AdaGrad(AdagradOptions o) : Optimizer(o.learning_rate, o.gradients), o_(o) {
    check(o.initial_accumulator_value >= 0 && o.epsilon >= 0,
          "Adagrad: initial_accumulator_value and epsilon must be non-negative, got {} and {}",
          o.initial_accumulator_value, o.epsilon);
  }
  std::string name() const override { return "adagrad"; }
  std::map<std::string, double> config() const override {
    auto c = base_config();
    c.insert({{"initial_accumulator_value", o_.initial_accumulator_value}, {"epsilon", o_.epsilon}});
    return c;
  }

 protected:
  std::vector<SlotSpec> slot_specs() const override { return {{"accumulator", o_.initial_accumulator_value}}; }
  void update(std::size_t i, Tensor& p, const Tensor& g, double lr) override {
    Tensor& a = slot(0, i);
    add_(a, square(g));
    add_(p, g / sqrt(a + o_.epsilon), -lr);
  }

 private:
  AdagradOptions o_;
};

}  // namespace

std::unique_ptr<Optimizer> Adagrad(AdagradOptions options) { return std::make_unique<AdaGrad>(options); }

}  // namespace axon::optim
