// Models: the functional Model(inputs, outputs) and Sequential share one graph implementation (a
// Sequential is a chain-shaped graph). compile, fit, evaluate, predict and summary as in Keras.
#pragma once

#include "axon/nn/callbacks.hpp"
#include "axon/nn/layer.hpp"
#include "axon/nn/losses.hpp"
#include "axon/optim/optimizer.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace axon::nn {

namespace layers { class Dense; }

/// Held-out data for fit: one input and one target, or (multi-input/output models) one tensor per
/// model input and per model output.
struct ValidationData {
  ValidationData(Tensor x, Tensor y) : x{std::move(x)}, y{std::move(y)} {}
  ValidationData(std::vector<Tensor> x, std::vector<Tensor> y) : x(std::move(x)), y(std::move(y)) {}
  std::vector<Tensor> x, y;
};

/// compile()'s settings for any model: one loss per output (a single loss applies to every output),
/// metrics applied to every output, and the weights of the outputs' losses in the total (Keras's
/// loss_weights; default 1 each).
struct CompileOptions {
  std::vector<std::string> loss;
  std::vector<std::string> metrics = {};
  std::vector<double> loss_weights = {};
};

struct FitOptions {
  int epochs = 1;
  std::int64_t batch_size = 32;
  std::optional<ValidationData> validation_data = {};
  double validation_split = 0.0;  ///< the last fraction of the data held out (before shuffling), as Keras
  bool shuffle = true;
  int verbose = 1;  ///< 0 silent, 1 progress bar, 2 one line per epoch
  std::vector<CallbackRef> callbacks = {};
  int initial_epoch = 0;
  std::uint64_t seed = 0;  ///< shuffling order: Generator(seed + epoch)
  /// Weights of the training loss per class label (int64 labels for sparse losses, the argmax of
  /// one-hot rows, 0/1 for binary targets); classes not listed weigh 1. As Keras's class_weight.
  std::map<std::int64_t, double> class_weight = {};
  /// One weight per training sample [n], multiplied into the loss (Σ wᵢ·lossᵢ / batch size, as
  /// Keras); combined with class_weight by multiplication. Metrics stay unweighted (Keras's
  /// `metrics`, not `weighted_metrics`).
  Tensor sample_weight = {};
};

struct EvaluateOptions {
  std::int64_t batch_size = 32;
  int verbose = 0;
};

class Model {
 public:
  /// The functional API: Model(inputs, outputs). Every output must depend on the inputs only.
  Model(std::vector<SymbolicTensor> inputs, std::vector<SymbolicTensor> outputs, std::string name = "");
  Model(const SymbolicTensor& input, const SymbolicTensor& output, std::string name = "");
  virtual ~Model() = default;
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;
  Model(Model&&) = default;

  const std::string& name() const { return name_; }

  /// compile("adam", "categorical_crossentropy", {"accuracy"}).
  void compile(const std::string& optimizer, const std::string& loss, const std::vector<std::string>& metrics = {});
  void compile(std::unique_ptr<optim::Optimizer> optimizer, const std::string& loss,
               const std::vector<std::string>& metrics = {});
  /// Several outputs: compile("adam", {.loss = {"mse", "binary_crossentropy"}, .loss_weights = {1, 0.2}}).
  /// With more than one output the logs name each output's loss and metrics after its layer:
  /// "dense_3_loss", "dense_3_accuracy" (Keras's names).
  void compile(const std::string& optimizer, CompileOptions options);
  void compile(std::unique_ptr<optim::Optimizer> optimizer, CompileOptions options);

  History fit(const Tensor& x, const Tensor& y, FitOptions options = {});
  /// Multi-input/output models: one tensor per input and per output, in the model's order.
  History fit(const std::vector<Tensor>& x, const std::vector<Tensor>& y, FitOptions options = {});
  /// Loss and metrics on (x, y), in inference mode.
  Logs evaluate(const Tensor& x, const Tensor& y, EvaluateOptions options = {});
  Logs evaluate(const std::vector<Tensor>& x, const std::vector<Tensor>& y, EvaluateOptions options = {});
  /// Outputs for x in batches, in inference mode, recording no graph.
  Tensor predict(const Tensor& x, std::int64_t batch_size = 32);
  std::vector<Tensor> predict(const std::vector<Tensor>& x, std::int64_t batch_size = 32);
  /// One gradient step on one batch; returns its loss and metrics.
  Logs train_on_batch(const Tensor& x, const Tensor& y);
  Logs train_on_batch(const std::vector<Tensor>& x, const std::vector<Tensor>& y);
  /// The forward pass on a batch (inputs in order); differentiable when grad mode is on.
  std::vector<Tensor> call(const std::vector<Tensor>& inputs, bool training);
  Tensor operator()(const Tensor& x, bool training = false) { return call({x}, training).at(0); }

  /// Keras's summary table: layer (type), output shape, parameters; totals.
  std::string summary_string() const;
  void summary() const;

  /// model.save(path): architecture, weights, compile settings and optimizer state (saving.hpp).
  void save(const std::filesystem::path& path);

  std::shared_ptr<Layer> get_layer(const std::string& name) const;
  const std::vector<SymbolicTensor>& inputs() const { return inputs_; }
  const std::vector<SymbolicTensor>& outputs() const { return outputs_; }
  /// The layer applications in evaluation order (Input nodes excluded).
  const std::vector<GraphNode*>& nodes() const { return order_; }
  /// Names given to compile(), for model files: the loss of output 0, every output's loss, the
  /// metrics, the loss weights.
  const std::string& loss_name() const;
  std::vector<std::string> loss_names() const;
  const std::vector<std::string>& metric_names() const { return metric_names_; }
  const std::vector<double>& loss_weights() const;
  /// Distinct layers in graph order.
  std::vector<std::shared_ptr<Layer>> layers() const;
  std::vector<Tensor> trainable_weights() const;
  std::int64_t count_params() const;
  optim::Optimizer* optimizer() const { return optimizer_.get(); }

  /// Set by callbacks (EarlyStopping, TerminateOnNaN) to end fit after the current batch/epoch.
  bool stop_training = false;

 protected:
  /// For Sequential: a model whose graph is made later.
  explicit Model(std::string name);
  void set_graph(std::vector<SymbolicTensor> inputs, std::vector<SymbolicTensor> outputs);
  /// Builds the graph from the first batch's shape if the model has none yet (Sequential).
  virtual void ensure_graph(const Tensor& /*x*/) {}
  bool has_graph() const { return !outputs_.empty(); }

 private:
  struct Compiled {
    std::vector<Loss> losses;                  ///< one per output
    std::vector<double> loss_weights;          ///< one per output
    std::vector<std::vector<Metric>> metrics;  ///< per output
  };
  /// The forward pass; with logits_of (the output Dense layer), output 0 is its pre-activation.
  std::vector<Tensor> run_graph(const std::vector<Tensor>& inputs, bool training, const layers::Dense* logits_of);
  /// Forward (and with train, backward and an optimizer step) on one batch; updates the metrics'
  /// states and returns the batch's total loss, then each output's loss when there are several.
  std::vector<double> run_batch(const std::vector<Tensor>& x, const std::vector<Tensor>& y, bool train,
                                const Tensor& sample_weight = Tensor());
  void reset_metrics();
  /// The losses given (running means) and the metrics' results since their last reset.
  Logs metric_logs(const std::vector<double>& losses) const;
  /// "loss" for the total; "<output layer>_<what>" per output when there are several.
  std::string output_key(std::size_t output, const std::string& what) const;
  void check_io(const std::vector<Tensor>& x, const std::vector<Tensor>& y, const char* method) const;
  const Compiled& compiled() const;

  std::string name_;
  std::vector<SymbolicTensor> inputs_, outputs_;
  std::vector<GraphNode*> order_;  // topological order of the nodes that feed the outputs
  std::unique_ptr<optim::Optimizer> optimizer_;
  std::optional<Compiled> compiled_;
  std::vector<std::string> metric_names_;
};

/// A linear stack of layers: Sequential model; model.add(nn::Dense(10, "softmax")).
class Sequential : public Model {
 public:
  explicit Sequential(std::vector<std::shared_ptr<Layer>> layers = {}, std::string name = "");
  void add(std::shared_ptr<Layer> layer);
  /// Removes the last layer (Keras pop).
  void pop();
  /// Builds the graph for per-sample inputs of this shape (Keras model.build((None, ...))).
  void build(const Shape& input_shape);
  const std::vector<std::shared_ptr<Layer>>& stack() const { return stack_; }
  const std::optional<Shape>& input_shape() const { return input_shape_; }

 protected:
  void ensure_graph(const Tensor& x) override;

 private:
  void rebuild();
  std::vector<std::shared_ptr<Layer>> stack_;
  std::optional<Shape> input_shape_;
};

}  // namespace axon::nn
