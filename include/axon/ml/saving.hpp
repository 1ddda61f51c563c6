// Saving a fitted estimator to one file and loading it back (scikit-learn users write
// joblib.dump(clf, path) / joblib.load(path)): the class name, the hyperparameters and what fit
// learned, in axon's model-file format (core/archive.hpp: JSON header + raw tensors + checksum,
// written atomically). A reloaded estimator predicts exactly what the saved one did.
//
//   ml::save(forest, "forest.axon");
//   auto clf = ml::load("forest.axon");                                  // std::unique_ptr<Estimator>
//   auto rf = ml::load_as<ml::RandomForestClassifier>("forest.axon");    // or the concrete type
#pragma once

#include "axon/core/error.hpp"
#include "axon/ml/estimator.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

namespace axon::ml {

void save(const Estimator& estimator, const std::filesystem::path& path);
/// IoError for a missing, truncated or corrupt file or one holding no estimator; ValueError for a
/// class this program does not know (the message lists the known ones).
std::unique_ptr<Estimator> load(const std::filesystem::path& path);

/// load(), checked to be of class T (ValueError naming both classes otherwise).
template <class T>
std::unique_ptr<T> load_as(const std::filesystem::path& path) {
  std::unique_ptr<Estimator> e = load(path);
  auto* t = dynamic_cast<T*>(e.get());
  if (t == nullptr) {
    std::string wanted = "Pipeline";
    if constexpr (std::is_default_constructible_v<T>) wanted = T().name();
    throw ValueError(fmt::format("load: {} holds a {}, not a {}", path.string(), e->name(), wanted));
  }
  e.release();
  return std::unique_ptr<T>(t);
}

/// Makes class `name` loadable (the ml estimators are known already; a user's own estimator
/// class, or another floor's, registers itself with a factory of an unfitted default instance).
void register_estimator(const std::string& name, std::function<std::unique_ptr<Estimator>()> factory);
/// The loadable class names, sorted.
std::vector<std::string> known_estimators();

}  // namespace axon::ml
