// Adagrad as Keras: a = a + g² (a starts at initial_accumulator_value); p −= lr·g / sqrt(a + ε).
#include "axon/autograd/ops/elementwise.hpp"
#include "axon/optim/optimizer.hpp"

namespace axon::optim {
namespace {

class AdaGrad final : public Optimizer {
 public:
  explicit AdaGrad(AdagradOptions o) : Optimizer(o.learning_rate, o.gradients), o_(o) {}
  std::string name() const override { return "adagrad"; }
  std::map<std::string, double> config() const override {
    return {{"learning_rate", learning_rate()},
            {"initial_accumulator_value", o_.initial_accumulator_value},
            {"epsilon", o_.epsilon}};
  }

 protected:
  std::size_t slot_kinds() const override { return 1; }
  void update(std::size_t i, Tensor& p, const Tensor& g, double lr) override {
    Tensor& a = slot(0, i, p, o_.initial_accumulator_value);
    add_(a, square(g));
    add_(p, g / sqrt(a + o_.epsilon), -lr);
  }

 private:
  AdagradOptions o_;
};

}  // namespace

std::unique_ptr<Optimizer> Adagrad(AdagradOptions options) { return std::make_unique<AdaGrad>(options); }

}  // namespace axon::optim
