// Dense: y = activation(x·kernel + bias), Keras's densely connected layer.
#pragma once

#include "axon/nn/activations.hpp"
#include "axon/nn/layer.hpp"
#include "axon/nn/regularizers.hpp"

namespace axon::nn {

struct DenseOptions {
  bool use_bias = true;
  std::string kernel_initializer = "glorot_uniform";
  std::string bias_initializer = "zeros";
  Regularizer kernel_regularizer = {};  ///< biases are not penalized unless asked
  Regularizer bias_regularizer = {};
  std::optional<Shape> input_shape = {};  ///< Keras's input_shape= for the first layer of a Sequential
  std::string name = {};
};

namespace layers {
/// Input [batch, ..., in] → output [batch, ..., units]; kernel [in, units], bias [units].
class Dense : public Layer {
 public:
  Dense(std::int64_t units, std::string activation, DenseOptions options);
  void build(const std::vector<Shape>& input_shapes) override;
  Tensor call(const Tensor& x, bool training) override;
  /// x·kernel + bias before the activation: the logits a softmax/sigmoid output is computed from
  /// (Model fuses them with a cross-entropy loss).
  Tensor logits(const Tensor& x) const;
  Shape compute_output_shape(const std::vector<Shape>& input_shapes) const override;
  nlohmann::json get_config() const override;
  Tensor regularization_loss() const override;

  std::int64_t units() const { return units_; }
  const std::string& activation() const { return activation_name_; }
  const Tensor& kernel() const { return kernel_; }
  const Tensor& bias() const { return bias_; }

 private:
  std::int64_t units_;
  std::string activation_name_;
  ActivationFn activation_;
  DenseOptions options_;
  Tensor kernel_, bias_;
};
}  // namespace layers

/// nn::Dense(64, "relu"), nn::Dense(10, "softmax", {.kernel_regularizer = nn::L2(1e-4)}).
LayerHandle<layers::Dense> Dense(std::int64_t units, std::string activation = "linear", DenseOptions options = {});

}  // namespace axon::nn
