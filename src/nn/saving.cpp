#include "axon/nn/saving.hpp"

#include "axon/autograd/grad_mode.hpp"
#include "axon/autograd/ops/elementwise.hpp"
#include "axon/core/archive.hpp"
#include "axon/core/creation.hpp"
#include "axon/nn.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <map>

namespace axon::nn {

using nlohmann::json;

// ---------------------------------------------------------------------------------------------
// The table of layer classes (explicit, one entry per class; see STYLE.md A3).
namespace {
Regularizer regularizer_from(const json& c, const char* key) {
  if (!c.contains(key)) return {};
  return {.l1 = c[key].value("l1", 0.0), .l2 = c[key].value("l2", 0.0)};
}

using LayerFactory = std::function<std::shared_ptr<Layer>(const json&)>;
const std::map<std::string, LayerFactory>& layer_table() {
  static const std::map<std::string, LayerFactory> table = {
      {"Dense",
       [](const json& c) -> std::shared_ptr<Layer> {
         return Dense(c.at("units").get<std::int64_t>(), c.at("activation").get<std::string>(),
                      {.use_bias = c.value("use_bias", true),
                       .kernel_initializer = c.value("kernel_initializer", std::string("glorot_uniform")),
                       .bias_initializer = c.value("bias_initializer", std::string("zeros")),
                       .kernel_regularizer = regularizer_from(c, "kernel_regularizer"),
                       .bias_regularizer = regularizer_from(c, "bias_regularizer"),
                       .name = c.at("name").get<std::string>()});
       }},
      {"Dropout", [](const json& c) -> std::shared_ptr<Layer> { return Dropout(c.at("rate").get<double>(), c.at("name")); }},
      {"Flatten", [](const json& c) -> std::shared_ptr<Layer> { return Flatten({}, c.at("name")); }},
      {"Reshape",
       [](const json& c) -> std::shared_ptr<Layer> { return Reshape(c.at("target_shape").get<Shape>(), c.at("name")); }},
      {"Activation",
       [](const json& c) -> std::shared_ptr<Layer> { return Activation(c.at("activation"), c.at("name")); }},
      {"BatchNormalization",
       [](const json& c) -> std::shared_ptr<Layer> {
         return BatchNormalization({.axis = c.value("axis", -1), .momentum = c.value("momentum", 0.99),
                                    .epsilon = c.value("epsilon", 1e-3), .center = c.value("center", true),
                                    .scale = c.value("scale", true), .name = c.at("name")});
       }},
      {"LayerNormalization",
       [](const json& c) -> std::shared_ptr<Layer> { return LayerNormalization(c.value("epsilon", 1e-3), c.at("name")); }},
      {"Add", [](const json& c) -> std::shared_ptr<Layer> { return Add(c.at("name")); }},
      {"Multiply", [](const json& c) -> std::shared_ptr<Layer> { return Multiply(c.at("name")); }},
      {"Concatenate",
       [](const json& c) -> std::shared_ptr<Layer> { return Concatenate(c.value("axis", -1), c.at("name")); }},
  };
  return table;
}
}  // namespace

std::vector<std::string> known_layer_classes() {
  std::vector<std::string> names;
  for (const auto& [name, factory] : layer_table()) names.push_back(name);
  return names;
}

std::shared_ptr<Layer> layer_from_config(const std::string& class_name, const json& config) {
  const auto it = layer_table().find(class_name);
  check(it != layer_table().end(), "load_model: unknown layer class '{}'. Known: {}.", class_name,
        fmt::join(known_layer_classes(), ", "));
  auto layer = it->second(config);
  if (!config.value("trainable", true)) layer->set_trainable(false);
  return layer;
}

// ---------------------------------------------------------------------------------------------
// The container: header JSON plus raw tensors plus checksum.
namespace {
struct Blob {
  json entries = json::array();
  ArchiveWriter writer;
  void add(const std::string& name, const Tensor& t) { entries.push_back(writer.add(name, t)); }
};

json architecture(const Model& model) {
  json layers = json::array();
  for (const auto& layer : model.layers())
    layers.push_back({{"class_name", layer->class_name()}, {"config", layer->get_config()}});
  if (const auto* seq = dynamic_cast<const Sequential*>(&model)) {
    check(seq->input_shape().has_value(), "save: Sequential '{}' has not been built", model.name());
    return {{"class_name", "Sequential"}, {"name", model.name()}, {"input_shape", *seq->input_shape()}, {"layers", layers}};
  }
  // Functional: nodes by index (inputs first), each a layer applied to earlier nodes.
  std::map<const GraphNode*, int> id;
  json inputs = json::array(), nodes = json::array(), outputs = json::array();
  for (const auto& in : model.inputs()) {
    id[in.node.get()] = static_cast<int>(id.size());
    inputs.push_back({{"name", in.node->input_name}, {"shape", in.shape}});
  }
  for (const GraphNode* node : model.nodes()) {
    json ins = json::array();
    for (const auto& in : node->inputs) ins.push_back(id.at(in.node.get()));
    id[node] = static_cast<int>(id.size());
    nodes.push_back({{"layer", node->layer->name()}, {"inputs", ins}});
  }
  for (const auto& out : model.outputs()) outputs.push_back(id.at(out.node.get()));
  return {{"class_name", "Functional"}, {"name", model.name()}, {"layers", layers}, {"inputs", inputs},
          {"nodes", nodes}, {"outputs", outputs}};
}

std::unique_ptr<Model> rebuild(const json& arch) {
  std::map<std::string, std::shared_ptr<Layer>> by_name;
  std::vector<std::shared_ptr<Layer>> ordered;
  for (const auto& l : arch.at("layers")) {
    auto layer = layer_from_config(l.at("class_name"), l.at("config"));
    by_name[layer->name()] = layer;
    ordered.push_back(layer);
  }
  if (arch.at("class_name") == "Sequential") {
    auto model = std::make_unique<Sequential>(ordered, arch.at("name").get<std::string>());
    model->build(arch.at("input_shape").get<Shape>());
    return model;
  }
  std::vector<SymbolicTensor> tensors, inputs, outputs;
  for (const auto& in : arch.at("inputs")) tensors.push_back(Input(in.at("shape").get<Shape>(), in.at("name")));
  inputs = tensors;
  for (const auto& n : arch.at("nodes")) {
    std::vector<SymbolicTensor> args;
    for (int i : n.at("inputs")) args.push_back(tensors.at(static_cast<std::size_t>(i)));
    tensors.push_back((*by_name.at(n.at("layer")))(args));
  }
  for (int i : arch.at("outputs")) outputs.push_back(tensors.at(static_cast<std::size_t>(i)));
  return std::make_unique<Model>(inputs, outputs, arch.at("name").get<std::string>());
}

void add_weights(const Model& model, Blob& blob) {
  for (const auto& layer : model.layers())
    for (const auto& w : layer->weights()) blob.add(w.name, w.value);
}

void assign_weights(Model& model, const ArchiveReader& file) {
  const std::filesystem::path& path = file.path();
  std::map<std::string, const json*> stored;
  for (const auto& e : file.header().at("weights")) stored[e.at("name")] = &e;
  NoGradGuard no_grad;
  std::size_t used = 0;
  for (const auto& layer : model.layers())
    for (auto& w : layer->weights()) {
      const auto it = stored.find(w.name);
      check<IoError>(it != stored.end(), "load: {} has no weight '{}' (layer '{}'): the file holds another architecture",
                     path.string(), w.name, layer->name());
      const Tensor t = file.tensor(*it->second);
      check<ShapeError>(t.shape() == w.value.shape(), "load: {}: weight '{}' has shape {} in the file but {} in layer '{}'",
                        path.string(), w.name, shape_text(t.shape()), shape_text(w.value.shape()), layer->name());
      Tensor target = w.value;
      copy_(target, t);
      ++used;
    }
  check<IoError>(used == stored.size(), "load: {} holds {} weights but the model has {}", path.string(), stored.size(), used);
}

std::unique_ptr<optim::Optimizer> optimizer_from(const json& o) {
  const std::string name = o.at("name");
  const json& c = o.at("config");
  auto lr = c.value("learning_rate", 0.001);
  const optim::GradientOptions g{.clipvalue = c.value("clipvalue", 0.0),
                                 .clipnorm = c.value("clipnorm", 0.0),
                                 .global_clipnorm = c.value("global_clipnorm", 0.0),
                                 .accumulate_steps = static_cast<int>(c.value("accumulate_steps", 1.0))};
  if (name == "sgd")
    return optim::SGD({.learning_rate = lr, .momentum = c.value("momentum", 0.0), .nesterov = c.value("nesterov", 0.0) != 0,
                       .weight_decay = c.value("weight_decay", 0.0), .gradients = g});
  if (name == "adam" || name == "adamw") {
    optim::AdamOptions a{.learning_rate = lr, .beta_1 = c.value("beta_1", 0.9), .beta_2 = c.value("beta_2", 0.999),
                         .epsilon = c.value("epsilon", 1e-7), .amsgrad = c.value("amsgrad", 0.0) != 0,
                         .weight_decay = c.value("weight_decay", 0.0), .gradients = g};
    return name == "adam" ? optim::Adam(a) : optim::AdamW(a);
  }
  if (name == "rmsprop")
    return optim::RMSprop({.learning_rate = lr, .rho = c.value("rho", 0.9), .momentum = c.value("momentum", 0.0),
                           .epsilon = c.value("epsilon", 1e-7), .centered = c.value("centered", 0.0) != 0,
                           .gradients = g});
  if (name == "adagrad")
    return optim::Adagrad({.learning_rate = lr, .initial_accumulator_value = c.value("initial_accumulator_value", 0.1),
                           .epsilon = c.value("epsilon", 1e-7), .gradients = g});
  return optim::get(name);
}
}  // namespace

void save_model(Model& model, const std::filesystem::path& path) {
  Blob blob;
  add_weights(model, blob);
  json header = {{"format", "axon-model"}, {"version", 1}, {"model", architecture(model)}};
  header["weights"] = blob.entries;
  if (const optim::Optimizer* opt = model.optimizer()) {
    json config(opt->config());
    json entries = json::array();
    std::size_t i = 0;
    for (const Tensor& t : opt->state()) blob.add(fmt::format("optimizer/{}", i++), t);
    for (std::size_t k = header["weights"].size(); k < blob.entries.size(); ++k) entries.push_back(blob.entries[k]);
    header["optimizer"] = {{"name", opt->name()}, {"config", config}, {"state", entries}};
    header["compile"] = {{"loss", model.loss_names()},
                         {"metrics", model.metric_names()},
                         {"loss_weights", model.loss_weights()}};
  }
  blob.writer.write(path, header);
}

void Model::save(const std::filesystem::path& path) { save_model(*this, path); }

std::unique_ptr<Model> load_model(const std::filesystem::path& path) {
  const ArchiveReader file(path);
  check<IoError>(file.header().value("format", std::string()) == "axon-model", "load_model: {} holds no model (format '{}')",
                 path.string(), file.header().value("format", std::string()));
  std::unique_ptr<Model> model;
  try {
    model = rebuild(file.header().at("model"));
  } catch (const json::exception& e) {
    throw IoError(fmt::format("load_model: {}: bad architecture ({})", path.string(), e.what()));
  }
  assign_weights(*model, file);
  if (file.header().contains("optimizer")) {
    const json& o = file.header()["optimizer"];
    const json& c = file.header().at("compile");
    CompileOptions options{.metrics = c.at("metrics").get<std::vector<std::string>>()};
    if (c.at("loss").is_string()) options.loss = {c.at("loss").get<std::string>()};  // files from before multi-output
    else options.loss = c.at("loss").get<std::vector<std::string>>();
    if (c.contains("loss_weights")) options.loss_weights = c.at("loss_weights").get<std::vector<double>>();
    model->compile(optimizer_from(o), std::move(options));
    std::vector<Tensor> state;
    for (const auto& e : o.at("state")) state.push_back(file.tensor(e));
    model->optimizer()->load_state(state);
  }
  return model;
}

void save_weights(const Model& model, const std::filesystem::path& path) {
  Blob blob;
  add_weights(model, blob);
  json header = {{"format", "axon-weights"}, {"version", 1}, {"weights", blob.entries}};
  blob.writer.write(path, header);
}

void load_weights(Model& model, const std::filesystem::path& path) { assign_weights(model, ArchiveReader(path)); }

}  // namespace axon::nn
