#include "axon/ml/saving.hpp"

#include "axon/core/archive.hpp"
#include "axon/ml/ensemble/adaboost_classifier.hpp"
#include "axon/ml/ensemble/bagging_classifier.hpp"
#include "axon/ml/ensemble/bagging_regressor.hpp"
#include "axon/ml/ensemble/extra_trees_classifier.hpp"
#include "axon/ml/ensemble/extra_trees_regressor.hpp"
#include "axon/ml/ensemble/gradient_boosting_classifier.hpp"
#include "axon/ml/ensemble/gradient_boosting_regressor.hpp"
#include "axon/ml/ensemble/hist_gradient_boosting_classifier.hpp"
#include "axon/ml/ensemble/hist_gradient_boosting_regressor.hpp"
#include "axon/ml/ensemble/random_forest_classifier.hpp"
#include "axon/ml/ensemble/random_forest_regressor.hpp"
#include "axon/ml/linear_model/elastic_net.hpp"
#include "axon/ml/linear_model/lasso.hpp"
#include "axon/ml/linear_model/linear_regression.hpp"
#include "axon/ml/linear_model/logistic_regression.hpp"
#include "axon/ml/linear_model/ridge.hpp"
#include "axon/ml/pipeline.hpp"
#include "axon/ml/preprocessing/min_max_scaler.hpp"
#include "axon/ml/preprocessing/standard_scaler.hpp"
#include "axon/ml/tree/decision_tree_classifier.hpp"
#include "axon/ml/tree/decision_tree_regressor.hpp"
#include "axon/ml/tree/extra_tree_classifier.hpp"
#include "axon/ml/tree/extra_tree_regressor.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>
#include <map>
#include <mutex>

namespace axon::ml {

using nlohmann::json;

// ---------------------------------------------------------------------------------------------
// StateDict.

namespace {
template <class Map>
const typename Map::mapped_type& find(const Map& m, const std::string& key, std::string_view kind) {
  const auto it = m.find(key);
  check<IoError>(it != m.end(), "load: the saved state has no {} '{}' (a file from another version or class?)", kind, key);
  return it->second;
}
}  // namespace

void StateDict::set(const std::string& key, const Estimator& estimator) { estimators_[key] = record_of(estimator); }
const Tensor& StateDict::tensor(const std::string& key) const { return find(tensors_, key, "tensor"); }
const Param& StateDict::value(const std::string& key) const { return find(values_, key, "value"); }
std::unique_ptr<Estimator> StateDict::estimator(const std::string& key) const {
  return estimator_from(find(estimators_, key, "estimator"));
}

double StateDict::number(const std::string& key) const {
  const Param& p = value(key);
  if (const auto* i = std::get_if<std::int64_t>(&p)) return static_cast<double>(*i);
  const auto* d = std::get_if<double>(&p);
  check<IoError>(d != nullptr, "load: saved value '{}' is {}, not a number", key, to_string(p));
  return *d;
}
std::int64_t StateDict::integer(const std::string& key) const {
  const auto* i = std::get_if<std::int64_t>(&value(key));
  check<IoError>(i != nullptr, "load: saved value '{}' is {}, not an integer", key, to_string(value(key)));
  return *i;
}
bool StateDict::flag(const std::string& key) const {
  const auto* b = std::get_if<bool>(&value(key));
  check<IoError>(b != nullptr, "load: saved value '{}' is {}, not a bool", key, to_string(value(key)));
  return *b;
}
std::string StateDict::text(const std::string& key) const {
  const auto* s = std::get_if<std::string>(&value(key));
  check<IoError>(s != nullptr, "load: saved value '{}' is {}, not a string", key, to_string(value(key)));
  return *s;
}

// ---------------------------------------------------------------------------------------------
// The classes ml::load knows (explicit, one line each).

namespace {

/// Makes an unfitted default instance; ml::load then sets its nested estimators, hyperparameters
/// and state.
using Factory = std::function<std::unique_ptr<Estimator>()>;

template <class T>
Factory plain() {
  return [] { return std::make_unique<T>(); };
}

std::map<std::string, Factory>& registry() {
  static std::map<std::string, Factory> table = {
      {"AdaBoostClassifier", plain<AdaBoostClassifier>()},
      {"BaggingClassifier", plain<BaggingClassifier>()},
      {"BaggingRegressor", plain<BaggingRegressor>()},
      {"DecisionTreeClassifier", plain<DecisionTreeClassifier>()},
      {"DecisionTreeRegressor", plain<DecisionTreeRegressor>()},
      {"ElasticNet", plain<ElasticNet>()},
      {"ExtraTreeClassifier", plain<ExtraTreeClassifier>()},
      {"ExtraTreeRegressor", plain<ExtraTreeRegressor>()},
      {"ExtraTreesClassifier", plain<ExtraTreesClassifier>()},
      {"ExtraTreesRegressor", plain<ExtraTreesRegressor>()},
      {"Lasso", plain<Lasso>()},
      {"GradientBoostingClassifier", plain<GradientBoostingClassifier>()},
      {"GradientBoostingRegressor", plain<GradientBoostingRegressor>()},
      {"HistGradientBoostingClassifier", plain<HistGradientBoostingClassifier>()},
      {"HistGradientBoostingRegressor", plain<HistGradientBoostingRegressor>()},
      {"LinearRegression", plain<LinearRegression>()},
      {"LogisticRegression", plain<LogisticRegression>()},
      {"MinMaxScaler", plain<MinMaxScaler>()},
      {"Pipeline", nullptr},  // built from its saved steps (Pipeline::from_state)
      {"RandomForestClassifier", plain<RandomForestClassifier>()},
      {"RandomForestRegressor", plain<RandomForestRegressor>()},
      {"Ridge", plain<Ridge>()},
      {"StandardScaler", plain<StandardScaler>()},
  };
  return table;
}
std::mutex registry_mutex;

}  // namespace

void register_estimator(const std::string& name, std::function<std::unique_ptr<Estimator>()> factory) {
  check(name != "Pipeline" && factory != nullptr, "register_estimator: '{}' needs a factory (and Pipeline is built in)", name);
  const std::lock_guard lock(registry_mutex);
  registry()[name] = std::move(factory);
}

std::vector<std::string> known_estimators() {
  const std::lock_guard lock(registry_mutex);
  std::vector<std::string> names;
  for (const auto& [name, f] : registry()) names.push_back(name);
  return names;
}

EstimatorRecord record_of(const Estimator& estimator) {
  EstimatorRecord r{estimator.name(), estimator.get_params(false), nullptr, estimator.fitted(), nullptr};
  // Nested estimators as templates (class, hyperparameters, their own nested ones); what a fitted
  // meta-estimator learned, its fitted members included, is in its state.
  const auto children = const_cast<Estimator&>(estimator).children();
  if (!children.empty()) {
    auto nested = std::make_shared<StateDict>();
    for (const auto& [name, child] : children) {
      EstimatorRecord c = record_of(*child->clone());
      nested->set_record(name, std::move(c));
    }
    r.children = std::move(nested);
  }
  if (r.fitted) {
    auto state = std::make_shared<StateDict>();
    estimator.save_state(*state);
    r.state = std::move(state);
  }
  return r;
}

std::unique_ptr<Estimator> estimator_from(const EstimatorRecord& record) {
  Factory f;
  bool known = false;
  {
    const std::lock_guard lock(registry_mutex);
    const auto it = registry().find(record.class_name);
    if (it != registry().end()) {
      f = it->second;
      known = true;
    }
  }
  if (!known)
    throw ValueError(fmt::format("load: unknown estimator class '{}'; this program can load: {}", record.class_name,
                                 fmt::join(known_estimators(), ", ")));
  check<IoError>(!record.fitted || record.state, "load: fitted {} without its state", record.class_name);
  if (record.class_name == "Pipeline") {
    check(record.fitted, "load: an unfitted Pipeline cannot be rebuilt (save it fitted)");
    return Pipeline::from_state(*record.state);
  }
  // A default instance made into the saved one: nested estimators, hyperparameters, state.
  std::unique_ptr<Estimator> e = f();
  if (record.children)
    for (const auto& [name, child] : record.children->estimators()) e->set_child(name, estimator_from(child));
  e->set_params(record.params);
  if (record.fitted) e->load_state(*record.state);
  return e;
}

// ---------------------------------------------------------------------------------------------
// The file: records and states as JSON, tensors as archive entries named by their path.

namespace {

json param_json(const Param& p) {
  return std::visit(
      [](const auto& v) -> json {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) return nullptr;
        else if constexpr (std::is_same_v<T, double>) {
          if (std::isfinite(v)) return v;
          return json{{"float", std::isnan(v) ? "nan" : (v > 0 ? "inf" : "-inf")}};
        } else if constexpr (std::is_same_v<T, std::vector<double>>) {
          json a = json::array();
          for (double d : v) a.push_back(d);
          return json{{"list", a}};
        } else {
          return v;
        }
      },
      p);
}

Param param_from(const json& j) {
  if (j.is_null()) return Param{};
  if (j.is_boolean()) return j.get<bool>();
  if (j.is_number_integer()) return j.get<std::int64_t>();
  if (j.is_number()) return j.get<double>();
  if (j.is_string()) return j.get<std::string>();
  if (j.is_object() && j.contains("float")) {
    const std::string s = j.at("float");
    return s == "nan" ? std::nan("") : (s == "inf" ? INFINITY : -INFINITY);
  }
  if (j.is_object() && j.contains("list")) return j.at("list").get<std::vector<double>>();
  throw IoError(fmt::format("load: bad saved value {}", j.dump()));
}

json params_json(const Params& params) {
  json o = json::object();
  for (const auto& [k, v] : params) o[k] = param_json(v);
  return o;
}

json state_json(const StateDict& s, const std::string& path, ArchiveWriter& w);

json record_json(const EstimatorRecord& r, const std::string& path, ArchiveWriter& w) {
  json o = {{"class", r.class_name}, {"params", params_json(r.params)}, {"fitted", r.fitted}};
  if (r.children) o["children"] = state_json(*r.children, path + "children/", w);
  if (r.fitted) o["state"] = state_json(*r.state, path, w);
  return o;
}

json state_json(const StateDict& s, const std::string& path, ArchiveWriter& w) {
  json tensors = json::object(), values = json::object(), estimators = json::object();
  for (const auto& [k, t] : s.tensors()) tensors[k] = w.add(path + k, t);
  for (const auto& [k, v] : s.values()) values[k] = param_json(v);
  for (const auto& [k, r] : s.estimators()) estimators[k] = record_json(r, path + k + "/", w);
  return {{"tensors", tensors}, {"values", values}, {"estimators", estimators}};
}

std::shared_ptr<StateDict> state_from(const json& j, const ArchiveReader& file);

EstimatorRecord record_from(const json& j, const ArchiveReader& file) {
  EstimatorRecord r;
  r.class_name = j.at("class").get<std::string>();
  for (const auto& [k, v] : j.at("params").items()) r.params[k] = param_from(v);
  r.fitted = j.at("fitted").get<bool>();
  if (j.contains("children")) r.children = state_from(j.at("children"), file);
  if (r.fitted) r.state = state_from(j.at("state"), file);
  return r;
}

std::shared_ptr<StateDict> state_from(const json& j, const ArchiveReader& file) {
  auto s = std::make_shared<StateDict>();
  for (const auto& [k, e] : j.at("tensors").items()) s->set(k, file.tensor(e));
  for (const auto& [k, v] : j.at("values").items()) s->set(k, param_from(v));
  for (const auto& [k, r] : j.at("estimators").items()) s->set_record(k, record_from(r, file));
  return s;
}

}  // namespace

void save(const Estimator& estimator, const std::filesystem::path& path) {
  ArchiveWriter w;
  const json header = {{"format", "axon-estimator"}, {"version", 1}, {"estimator", record_json(record_of(estimator), "", w)}};
  w.write(path, header);
}

std::unique_ptr<Estimator> load(const std::filesystem::path& path) {
  const ArchiveReader file(path);
  const std::string format = file.header().value("format", std::string());
  check<IoError>(format == "axon-estimator", "load: {} holds no estimator (format '{}'; nn models load with nn::load_model)",
                 path.string(), format);
  EstimatorRecord record;
  try {
    record = record_from(file.header().at("estimator"), file);
  } catch (const json::exception& e) {
    throw IoError(fmt::format("load: {}: bad estimator header ({})", path.string(), e.what()));
  }
  return estimator_from(record);
}

}  // namespace axon::ml
