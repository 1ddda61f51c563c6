// Layers in Keras's shape: configuration in the constructor, weights created in build() from the
// first input shape, math in call() composed of autograd ops (no backward to write).
#pragma once

#include "axon/core/generator.hpp"
#include "axon/core/tensor.hpp"

#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace axon::nn {

class Layer;
struct GraphNode;

/// A symbolic tensor of the functional API (Keras's KerasTensor): the output of a layer applied to
/// symbolic inputs. `shape` excludes the batch axis.
struct SymbolicTensor {
  std::shared_ptr<GraphNode> node;
  Shape shape;
};

/// One application of a layer in a graph: the layer, its symbolic inputs, its output shape.
struct GraphNode {
  std::shared_ptr<Layer> layer;  // null for an Input
  std::vector<SymbolicTensor> inputs;
  Shape output_shape;            // without the batch axis
  std::string input_name;        // for Input nodes
};

/// A named weight of a layer. `trainable` false for frozen weights and moving statistics.
struct Weight {
  std::string name;  ///< "dense/kernel"
  Tensor value;
  bool trainable = true;
};

class Layer : public std::enable_shared_from_this<Layer> {
 public:
  /// `name` empty: a unique Keras-style name from the class ("dense", "dense_1", ...).
  Layer(std::string class_name, std::string name);
  virtual ~Layer() = default;
  Layer(const Layer&) = delete;
  Layer& operator=(const Layer&) = delete;

  const std::string& name() const { return name_; }
  const std::string& class_name() const { return class_name_; }

  /// Creates the weights for inputs of these shapes (batch axis excluded). Called once, lazily.
  virtual void build(const std::vector<Shape>& input_shapes);
  /// The forward computation on a batch. Single-input layers override call(const Tensor&, bool).
  virtual Tensor call(const std::vector<Tensor>& inputs, bool training);
  virtual Tensor call(const Tensor& input, bool training);
  /// Output shape (batch axis excluded) for inputs of these shapes; throws ShapeError naming the
  /// layer when the shapes do not fit.
  virtual Shape compute_output_shape(const std::vector<Shape>& input_shapes) const = 0;
  /// The constructor's arguments as JSON (Keras get_config), for summaries and model files.
  virtual nlohmann::json get_config() const;

  /// Builds on first use, checks the input count, then call().
  Tensor forward(const std::vector<Tensor>& inputs, bool training);
  /// Applies the layer to symbolic tensors (functional API).
  SymbolicTensor operator()(const SymbolicTensor& input);
  SymbolicTensor operator()(const std::vector<SymbolicTensor>& inputs);

  bool built() const { return built_; }
  /// Freezing: a non-trainable layer's weights get no updates (Keras layer.trainable = False).
  bool trainable() const { return trainable_; }
  void set_trainable(bool trainable);
  std::vector<Weight>& weights() { return weights_; }
  const std::vector<Weight>& weights() const { return weights_; }
  /// Tensors an optimizer should update: the trainable weights of a trainable layer.
  std::vector<Tensor> trainable_weights() const;
  std::int64_t count_params() const;
  /// Penalties this layer adds to the loss (kernel regularizers), recomputed at each call.
  virtual Tensor regularization_loss() const { return Tensor(); }

  /// Number of inputs the layer takes (1 for most; 0 = any number ≥ 2, as Add/Concatenate).
  virtual int input_count() const { return 1; }

  /// Weight dtype (float32 by default, as Keras); set before the layer is built.
  Dtype dtype() const { return dtype_; }
  void set_dtype(Dtype dtype);
  /// The input shape given at construction (Keras's input_shape=), used by Sequential.
  const std::optional<Shape>& declared_input_shape() const { return declared_input_shape_; }

 protected:
  /// Creates a weight "<layer>/<name>" initialized by `initializer` (see initializers.hpp).
  Tensor add_weight(const std::string& name, Shape shape, const std::string& initializer, bool trainable = true);
  Tensor add_weight(const std::string& name, Tensor initial_value, bool trainable = true);
  /// Generator for initial weights: the process-wide one (seeded by axon::manual_seed).
  Generator& generator() const { return default_generator(); }

  std::optional<Shape> declared_input_shape_;

 private:
  std::string class_name_;
  std::string name_;
  bool built_ = false;
  bool trainable_ = true;
  Dtype dtype_ = Dtype::float32;
  std::vector<Weight> weights_;
};

/// A shared handle to a layer of type L: `nn::Dense(10)` makes one; it can be called on symbolic
/// tensors (functional API), added to a Sequential, and reached with ->.
template <typename L>
class LayerHandle {
 public:
  explicit LayerHandle(std::shared_ptr<L> layer) : layer_(std::move(layer)) {}
  L* operator->() const { return layer_.get(); }
  L& operator*() const { return *layer_; }
  const std::shared_ptr<L>& get() const { return layer_; }
  operator std::shared_ptr<Layer>() const { return layer_; }  // NOLINT: a handle is a layer
  SymbolicTensor operator()(const SymbolicTensor& x) const { return (*layer_)(x); }
  SymbolicTensor operator()(const std::vector<SymbolicTensor>& xs) const { return (*layer_)(xs); }
  /// Eager call on a batch (inference mode unless training).
  Tensor operator()(const Tensor& x, bool training = false) const { return layer_->forward({x}, training); }
 private:
  std::shared_ptr<L> layer_;
};

/// The functional API's entry point: a symbolic input of the given shape (batch axis excluded).
SymbolicTensor Input(Shape shape, std::string name = "");

/// Resets the per-class counters behind automatic layer names (Keras clear_session).
void clear_session();
/// "dense", then "dense_1", "dense_2", ... (Keras's automatic names).
std::string unique_name(const std::string& prefix);

}  // namespace axon::nn
