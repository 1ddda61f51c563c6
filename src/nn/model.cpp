#include "axon/nn/model.hpp"

#include "axon/autograd/grad_mode.hpp"
#include "axon/autograd/ops/elementwise.hpp"
#include "axon/autograd/ops/reduce.hpp"
#include "axon/autograd/ops/shape.hpp"
#include "axon/core/backend.hpp"
#include "axon/core/creation.hpp"
#include "axon/nn/activations.hpp"
#include "axon/nn/layers/dense.hpp"
#include "progress_bar.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_set>

namespace axon::nn {

Model::Model(std::string name) : name_(name.empty() ? unique_name("model") : std::move(name)) {}

Model::Model(std::vector<SymbolicTensor> inputs, std::vector<SymbolicTensor> outputs, std::string name)
    : Model(name.empty() ? unique_name("functional") : std::move(name)) {
  set_graph(std::move(inputs), std::move(outputs));
}

Model::Model(const SymbolicTensor& input, const SymbolicTensor& output, std::string name)
    : Model(std::vector<SymbolicTensor>{input}, std::vector<SymbolicTensor>{output}, std::move(name)) {}

void Model::set_graph(std::vector<SymbolicTensor> inputs, std::vector<SymbolicTensor> outputs) {
  check(!inputs.empty() && !outputs.empty(), "Model '{}': needs at least one input and one output", name_);
  std::unordered_set<GraphNode*> given;
  for (const auto& in : inputs) {
    check(in.node && !in.node->layer, "Model '{}': every input must come from nn::Input()", name_);
    given.insert(in.node.get());
  }
  // Depth-first postorder from the outputs: each node after the nodes it reads.
  order_.clear();
  std::unordered_set<GraphNode*> seen;
  std::vector<std::pair<GraphNode*, std::size_t>> stack;
  for (const auto& out : outputs) {
    if (!seen.insert(out.node.get()).second) continue;
    stack.emplace_back(out.node.get(), 0);
    while (!stack.empty()) {
      auto& [node, next] = stack.back();
      if (next < node->inputs.size()) {
        GraphNode* child = node->inputs[next++].node.get();
        if (seen.insert(child).second) stack.emplace_back(child, 0);
        continue;
      }
      if (node->layer) order_.push_back(node);
      else check(given.count(node), "Model '{}': an output depends on input '{}', which is not among the model's inputs",
                 name_, node->input_name);
      stack.pop_back();
    }
  }
  inputs_ = std::move(inputs);
  outputs_ = std::move(outputs);
}

std::vector<Tensor> Model::call(const std::vector<Tensor>& inputs, bool training) {
  return run_graph(inputs, training, nullptr);
}

std::vector<Tensor> Model::run_graph(const std::vector<Tensor>& inputs, bool training, const layers::Dense* logits_of) {
  if (!has_graph() && !inputs.empty()) ensure_graph(inputs[0]);
  check(has_graph(), "Model '{}' has no layers yet", name_);
  check(inputs.size() == inputs_.size(), "Model '{}': expected {} input(s), got {}", name_, inputs_.size(), inputs.size());
  std::unordered_map<const GraphNode*, Tensor> values;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const Shape& want = inputs_[i].shape;
    const Tensor& x = inputs[i];
    check<ShapeError>(x.ndim() == static_cast<int>(want.size()) + 1 && std::equal(want.begin(), want.end(), x.shape().begin() + 1),
                      "Model '{}': input '{}' expects batches of shape [batch, {}], got {}", name_,
                      inputs_[i].node->input_name, fmt::join(want, ", "), shape_text(x.shape()));
    values[inputs_[i].node.get()] = x;
  }
  for (GraphNode* node : order_) {
    std::vector<Tensor> ins;
    ins.reserve(node->inputs.size());
    for (const auto& in : node->inputs) ins.push_back(values.at(in.node.get()));
    const bool as_logits = logits_of != nullptr && node == outputs_[0].node.get();
    values[node] = as_logits ? logits_of->logits(ins.at(0)) : node->layer->forward(ins, training);
  }
  std::vector<Tensor> outs;
  for (const auto& out : outputs_) outs.push_back(values.at(out.node.get()));
  return outs;
}

void Model::compile(const std::string& optimizer, const std::string& loss, const std::vector<std::string>& metrics) {
  compile(optim::get(optimizer), CompileOptions{.loss = {loss}, .metrics = metrics});
}

void Model::compile(std::unique_ptr<optim::Optimizer> optimizer, const std::string& loss,
                    const std::vector<std::string>& metrics) {
  compile(std::move(optimizer), CompileOptions{.loss = {loss}, .metrics = metrics});
}

void Model::compile(const std::string& optimizer, CompileOptions options) {
  compile(optim::get(optimizer), std::move(options));
}

void Model::compile(std::unique_ptr<optim::Optimizer> optimizer, CompileOptions options) {
  check(optimizer != nullptr, "Model '{}': compile needs an optimizer", name_);
  check(!options.loss.empty(), "Model '{}': compile needs a loss", name_);
  const std::size_t outputs = std::max<std::size_t>(outputs_.size(), 1);
  check(options.loss.size() == 1 || options.loss.size() == outputs,
        "Model '{}': compile got {} losses for {} outputs (give one, or one per output)", name_, options.loss.size(),
        outputs);
  check(options.loss_weights.empty() || options.loss_weights.size() == outputs,
        "Model '{}': compile got {} loss_weights for {} outputs", name_, options.loss_weights.size(), outputs);
  Compiled c;
  for (std::size_t k = 0; k < outputs; ++k) {
    c.losses.push_back(get_loss(options.loss[options.loss.size() == 1 ? 0 : k]));
    c.loss_weights.push_back(options.loss_weights.empty() ? 1.0 : options.loss_weights[k]);
    std::vector<Metric> per_output;
    for (const auto& m : options.metrics) per_output.push_back(get_metric(m, c.losses.back().name));
    c.metrics.push_back(std::move(per_output));
  }
  optimizer_ = std::move(optimizer);
  compiled_ = std::move(c);
  metric_names_ = options.metrics;
}

const std::string& Model::loss_name() const { return compiled().losses.at(0).name; }

std::vector<std::string> Model::loss_names() const {
  std::vector<std::string> names;
  for (const Loss& l : compiled().losses) names.push_back(l.name);
  return names;
}

const std::vector<double>& Model::loss_weights() const { return compiled().loss_weights; }

const Model::Compiled& Model::compiled() const {
  check(compiled_.has_value(), "Model '{}' must be compiled before training or evaluating: call compile(optimizer, loss)",
        name_);
  return *compiled_;
}

namespace {
// The output layer, when it is a Dense whose softmax/sigmoid the loss can take over from logits.
const layers::Dense* fusable_output(const std::vector<SymbolicTensor>& outputs, const Loss& loss) {
  if (outputs.size() != 1 || !loss.from_logits) return nullptr;
  const auto* dense = dynamic_cast<const layers::Dense*>(outputs[0].node->layer.get());
  if (!dense) return nullptr;
  const bool binary = loss.name == "binary_crossentropy";
  return dense->activation() == (binary ? "sigmoid" : "softmax") ? dense : nullptr;
}
}  // namespace

std::string Model::output_key(std::size_t output, const std::string& what) const {
  if (outputs_.size() <= 1) return what;
  return outputs_[output].node->layer->name() + "_" + what;
}

void Model::check_io(const std::vector<Tensor>& x, const std::vector<Tensor>& y, const char* method) const {
  check(x.size() == inputs_.size(), "{}: model '{}' has {} input(s), got {} x tensor(s)", method, name_, inputs_.size(),
        x.size());
  check(y.size() == outputs_.size(), "{}: model '{}' has {} output(s), got {} y tensor(s)", method, name_,
        outputs_.size(), y.size());
  const std::int64_t n = x.at(0).shape(0);
  for (const auto* list : {&x, &y})
    for (const Tensor& t : *list)
      check<ShapeError>(t.ndim() >= 1 && t.shape(0) == n, "{}: every x and y must have {} samples (as x[0]), got shape {}",
                        method, n, shape_text(t.shape()));
}

std::vector<double> Model::run_batch(const std::vector<Tensor>& x, const std::vector<Tensor>& y, bool train,
                                     const Tensor& sample_weight) {
  const Compiled& c = compiled();
  std::optional<NoGradGuard> no_grad;
  if (!train) no_grad.emplace();
  // Forward; a softmax/sigmoid output is left as logits for a fused, stable cross-entropy.
  const layers::Dense* fused = fusable_output(outputs_, c.losses[0]);
  const std::vector<Tensor> predictions = run_graph(x, train, fused);
  std::vector<double> losses{0.0};
  Tensor total;
  for (std::size_t k = 0; k < predictions.size(); ++k) {
    const Loss& loss = c.losses[k];
    const Tensor value = fused ? loss.from_logits(y[k], predictions[k], sample_weight)
                               : loss.fn(y[k], predictions[k], sample_weight);
    if (predictions.size() > 1) losses.push_back(value.item());
    const Tensor weighted = c.loss_weights[k] == 1.0 ? value : value * c.loss_weights[k];
    total = total.defined() ? total + weighted : weighted;
  }
  for (GraphNode* node : order_)
    if (Tensor r = node->layer->regularization_loss(); r.defined()) total = total + astype(r, total.dtype());
  if (train) {
    total.backward();
    const std::vector<Tensor> params = trainable_weights();
    optimizer_->step(params);
    for (Tensor p : params) p.zero_grad();
  }
  losses[0] = total.item();
  NoGradGuard metrics_no_grad;
  for (std::size_t k = 0; k < predictions.size(); ++k) {
    if (c.metrics[k].empty()) continue;
    const Tensor p = fused ? get_activation(fused->activation())(predictions[k].detach()) : predictions[k].detach();
    for (const auto& m : c.metrics[k]) m.update(y[k], p);
  }
  return losses;
}

void Model::reset_metrics() {
  for (const auto& per_output : compiled().metrics)
    for (const auto& m : per_output) m.reset();
}

Logs Model::metric_logs(const std::vector<double>& losses) const {
  Logs logs{{"loss", losses.at(0)}};
  for (std::size_t k = 1; k < losses.size(); ++k) logs[output_key(k - 1, "loss")] = losses[k];
  const auto& metrics = compiled().metrics;
  for (std::size_t k = 0; k < metrics.size(); ++k)
    for (const auto& m : metrics[k]) logs[output_key(k, m.name)] = m.result();
  return logs;
}

Logs Model::train_on_batch(const Tensor& x, const Tensor& y) {
  return train_on_batch(std::vector<Tensor>{x}, std::vector<Tensor>{y});
}

Logs Model::train_on_batch(const std::vector<Tensor>& x, const std::vector<Tensor>& y) {
  if (!x.empty()) ensure_graph(x[0]);
  compiled();
  check_io(x, y, "train_on_batch");
  reset_metrics();
  return metric_logs(run_batch(x, y, true));
}

namespace {
// The running means of the batches' losses (total, then per output), weighted by batch size (the
// progress bar's loss, as Keras).
struct RunningLoss {
  std::vector<double> sums;
  double count = 0;
  void add(const std::vector<double>& losses, double n) {
    sums.resize(losses.size(), 0.0);
    for (std::size_t k = 0; k < losses.size(); ++k) sums[k] += losses[k] * n;
    count += n;
  }
  std::vector<double> means() const {
    std::vector<double> out = sums;
    if (out.empty()) out.push_back(0.0);
    for (double& v : out) v /= std::max(count, 1.0);
    return out;
  }
};

// Per-sample loss weights from class_weight (by the labels of output 0) and sample_weight
// (undefined when neither is given).
Tensor training_weights(const Tensor& y, const FitOptions& options) {
  if (options.class_weight.empty() && !options.sample_weight.defined()) return {};
  const std::int64_t n = y.shape(0);
  std::vector<double> w(static_cast<std::size_t>(n), 1.0);
  if (options.sample_weight.defined()) {
    check<ShapeError>(options.sample_weight.ndim() == 1 && options.sample_weight.shape(0) == n,
                      "fit: sample_weight must be [{}] (one weight per training sample), got {}", n,
                      shape_text(options.sample_weight.shape()));
    w = options.sample_weight.to_vector<double>();
  }
  if (!options.class_weight.empty()) {
    NoGradGuard no_grad;
    const Tensor labels = y.ndim() == 2 && y.shape(1) > 1 ? argmax(y, 1) : y;
    const std::vector<double> l = labels.to_vector<double>();
    check(static_cast<std::int64_t>(l.size()) == n, "fit: class_weight needs one label per sample; y has shape {}",
          shape_text(y.shape()));
    for (std::size_t i = 0; i < l.size(); ++i)
      if (const auto it = options.class_weight.find(static_cast<std::int64_t>(std::llround(l[i])));
          it != options.class_weight.end())
        w[i] *= it->second;
  }
  return from_vector(w, {n});
}

Tensor batch_rows(const Tensor& t, const Tensor& order, std::int64_t start, std::int64_t stop) {
  if (!order.defined()) return t.rows(start, stop);
  return index_select(t, 0, order.rows(start, stop));
}

std::vector<Tensor> batch_rows(const std::vector<Tensor>& ts, const Tensor& order, std::int64_t start, std::int64_t stop) {
  std::vector<Tensor> out;
  out.reserve(ts.size());
  for (const Tensor& t : ts) out.push_back(batch_rows(t, order, start, stop));
  return out;
}

std::vector<Tensor> row_range(const std::vector<Tensor>& ts, std::int64_t start, std::int64_t stop) {
  std::vector<Tensor> out;
  for (const Tensor& t : ts) out.push_back(t.rows(start, stop));
  return out;
}
}  // namespace

History Model::fit(const Tensor& x, const Tensor& y, FitOptions options) {
  return fit(std::vector<Tensor>{x}, std::vector<Tensor>{y}, std::move(options));
}

History Model::fit(const std::vector<Tensor>& x_all, const std::vector<Tensor>& y_all, FitOptions options) {
  check(!x_all.empty() && !y_all.empty(), "fit: x and y must not be empty");
  ensure_graph(x_all[0]);
  compiled();
  check_io(x_all, y_all, "fit");
  check(options.batch_size > 0 && options.epochs >= 0, "fit: batch_size must be positive and epochs non-negative");
  check(options.validation_split >= 0 && options.validation_split < 1, "fit: validation_split must be in [0, 1), got {}",
        options.validation_split);
  std::vector<Tensor> x = x_all, y = y_all;
  std::optional<ValidationData> validation = options.validation_data;
  const std::int64_t n_all = x_all[0].shape(0);
  if (options.validation_split > 0) {
    const auto n_val = static_cast<std::int64_t>(static_cast<double>(n_all) * options.validation_split);
    validation = ValidationData{row_range(x_all, n_all - n_val, n_all), row_range(y_all, n_all - n_val, n_all)};
    x = row_range(x_all, 0, n_all - n_val);
    y = row_range(y_all, 0, n_all - n_val);
  }
  const std::int64_t n = x[0].shape(0);
  const std::int64_t steps = (n + options.batch_size - 1) / options.batch_size;
  const Tensor weights = training_weights(y_all[0], options);
  const Tensor train_weights = weights.defined() ? weights.rows(0, n) : Tensor();
  const FlushDenormalsGuard flush_denormals;
  stop_training = false;
  History history;
  for (const auto& cb : options.callbacks) cb->set_model(this);
  for (const auto& cb : options.callbacks) cb->on_train_begin();
  for (int epoch = options.initial_epoch; epoch < options.epochs && !stop_training; ++epoch) {
    for (const auto& cb : options.callbacks) cb->on_epoch_begin(epoch);
    if (options.verbose) fmt::print("Epoch {}/{}\n", epoch + 1, options.epochs);
    Generator gen(options.seed + static_cast<std::uint64_t>(epoch));
    const Tensor order = options.shuffle ? permutation(n, gen) : Tensor();
    detail::ProgressBar bar(steps, options.verbose);
    RunningLoss running_loss;
    reset_metrics();
    for (std::int64_t step = 0; step < steps && !stop_training; ++step) {
      const std::int64_t start = step * options.batch_size, stop = std::min(n, start + options.batch_size);
      const Tensor batch_weights = train_weights.defined() ? batch_rows(train_weights, order, start, stop) : Tensor();
      running_loss.add(run_batch(batch_rows(x, order, start, stop), batch_rows(y, order, start, stop), true, batch_weights),
                       static_cast<double>(stop - start));
      const Logs running = metric_logs(running_loss.means());
      for (const auto& cb : options.callbacks) cb->on_train_batch_end(step, running);
      bar.update(step + 1, running);
    }
    Logs logs = metric_logs(running_loss.means());
    if (validation) {
      for (const auto& [k, v] : evaluate(validation->x, validation->y, {.batch_size = options.batch_size}))
        logs["val_" + k] = v;
    }
    bar.finish(logs);
    history.epoch.push_back(epoch);
    for (const auto& [k, v] : logs) history.history[k].push_back(v);
    for (const auto& cb : options.callbacks) cb->on_epoch_end(epoch, logs);
  }
  for (const auto& cb : options.callbacks) cb->on_train_end();
  return history;
}

Logs Model::evaluate(const Tensor& x, const Tensor& y, EvaluateOptions options) {
  return evaluate(std::vector<Tensor>{x}, std::vector<Tensor>{y}, options);
}

Logs Model::evaluate(const std::vector<Tensor>& x, const std::vector<Tensor>& y, EvaluateOptions options) {
  check(!x.empty(), "evaluate: x must not be empty");
  ensure_graph(x[0]);
  compiled();
  check_io(x, y, "evaluate");
  check(options.batch_size > 0, "evaluate: batch_size must be positive, got {}", options.batch_size);
  const std::int64_t n = x[0].shape(0);
  RunningLoss running_loss;
  reset_metrics();
  for (std::int64_t start = 0; start < n; start += options.batch_size) {
    const std::int64_t stop = std::min(n, start + options.batch_size);
    running_loss.add(run_batch(row_range(x, start, stop), row_range(y, start, stop), false),
                     static_cast<double>(stop - start));
  }
  return metric_logs(running_loss.means());
}

Tensor Model::predict(const Tensor& x, std::int64_t batch_size) {
  return predict(std::vector<Tensor>{x}, batch_size).at(0);
}

std::vector<Tensor> Model::predict(const std::vector<Tensor>& x, std::int64_t batch_size) {
  check(!x.empty() && x[0].ndim() >= 1 && x[0].shape(0) > 0, "predict: no samples given");
  ensure_graph(x[0]);
  check(batch_size > 0, "predict: batch_size must be positive, got {}", batch_size);
  NoGradGuard no_grad;
  const std::int64_t n = x[0].shape(0);
  std::vector<std::vector<Tensor>> pieces;
  for (std::int64_t start = 0; start < n; start += batch_size) {
    const std::vector<Tensor> outs = call(row_range(x, start, std::min(n, start + batch_size)), false);
    pieces.resize(outs.size());
    for (std::size_t k = 0; k < outs.size(); ++k) pieces[k].push_back(outs[k]);
  }
  std::vector<Tensor> result;
  for (auto& p : pieces) result.push_back(p.size() == 1 ? p[0] : concat(p, 0));
  return result;
}

std::vector<std::shared_ptr<Layer>> Model::layers() const {
  std::vector<std::shared_ptr<Layer>> out;
  std::set<const Layer*> seen;
  for (GraphNode* node : order_)
    if (seen.insert(node->layer.get()).second) out.push_back(node->layer);
  return out;
}

std::shared_ptr<Layer> Model::get_layer(const std::string& name) const {
  for (const auto& layer : layers())
    if (layer->name() == name) return layer;
  std::vector<std::string> names;
  for (const auto& layer : layers()) names.push_back(layer->name());
  throw ValueError(fmt::format("Model '{}': no layer named '{}'. Layers: {}", name_, name, fmt::join(names, ", ")));
}

std::vector<Tensor> Model::trainable_weights() const {
  std::vector<Tensor> out;
  for (const auto& layer : layers())
    for (const Tensor& w : layer->trainable_weights()) out.push_back(w);
  return out;
}

std::int64_t Model::count_params() const {
  std::int64_t n = 0;
  for (const auto& layer : layers()) n += layer->count_params();
  return n;
}

namespace {
std::string group_thousands(std::int64_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}
std::string batch_shape_text(const Shape& s) {
  std::string text = "(None";
  for (auto d : s) text += fmt::format(", {}", d);
  return text + ")";
}
}  // namespace

std::string Model::summary_string() const {
  check(has_graph(), "Model '{}' has not been built yet: give the first layer an input shape, or call build() or fit()",
        name_);
  const std::string rule(65, '_'), thick(65, '=');
  std::string out = fmt::format("Model: \"{}\"\n{}\n {:<28}{:<26}{:<10}\n{}\n", name_, rule, "Layer (type)", "Output Shape",
                                "Param #", thick);
  std::int64_t total = 0, trainable = 0;
  std::set<const Layer*> counted;
  auto row = [&](const std::string& label, const Shape& shape, std::int64_t params) {
    out += fmt::format(" {:<28}{:<26}{:<10}\n", label, batch_shape_text(shape), group_thousands(params));
  };
  if (!dynamic_cast<const Sequential*>(this))
    for (const auto& in : inputs_) row(in.node->input_name + " (InputLayer)", in.shape, 0);
  for (GraphNode* node : order_) {
    const Layer& layer = *node->layer;
    const bool first = counted.insert(&layer).second;
    row(layer.name() + " (" + layer.class_name() + ")", node->output_shape, first ? layer.count_params() : 0);
    if (!first) continue;
    for (const auto& w : layer.weights()) {
      total += w.value.numel();
      if (w.trainable && layer.trainable()) trainable += w.value.numel();
    }
  }
  out += fmt::format("{}\nTotal params: {}\nTrainable params: {}\nNon-trainable params: {}\n{}\n", thick,
                     group_thousands(total), group_thousands(trainable), group_thousands(total - trainable), rule);
  return out;
}

void Model::summary() const { fmt::print("{}", summary_string()); }

// ------------------------------------------------------------------------------------------------
Sequential::Sequential(std::vector<std::shared_ptr<Layer>> layers, std::string name)
    : Model(name.empty() ? unique_name("sequential") : std::move(name)) {
  for (auto& layer : layers) add(std::move(layer));
}

void Sequential::add(std::shared_ptr<Layer> layer) {
  check(layer != nullptr, "Sequential '{}': cannot add a null layer", this->name());
  check(layer->input_count() == 1, "Sequential '{}': layer '{}' takes several inputs; use the functional Model",
        this->name(), layer->name());
  if (stack_.empty() && layer->declared_input_shape()) input_shape_ = layer->declared_input_shape();
  stack_.push_back(std::move(layer));
  if (input_shape_) rebuild();
}

void Sequential::pop() {
  check(!stack_.empty(), "Sequential '{}': there is no layer to pop", name());
  stack_.pop_back();
  if (input_shape_ && !stack_.empty()) rebuild();
}

void Sequential::build(const Shape& input_shape) {
  input_shape_ = input_shape;
  rebuild();
}

void Sequential::ensure_graph(const Tensor& x) {
  if (has_graph()) return;
  check<ShapeError>(x.ndim() >= 2, "Sequential '{}': expected a batch [batch, ...], got shape {}", name(), shape_text(x.shape()));
  build(Shape(x.shape().begin() + 1, x.shape().end()));
}

void Sequential::rebuild() {
  check(!stack_.empty(), "Sequential '{}' has no layers", name());
  SymbolicTensor input = Input(*input_shape_);
  SymbolicTensor x = input;
  for (const auto& layer : stack_) x = (*layer)(x);
  set_graph({input}, {x});
}

}  // namespace axon::nn
