// Model files: one file holding the architecture (layer configs and graph), the weights, the
// compile settings and the optimizer state, so that training resumes where it stopped.
//
// Layout: "AXONMDL1" | u64 header length | JSON header | raw little-endian tensor data | u64
// FNV-1a checksum of everything before it. Written to a temporary name and renamed, so a crash
// leaves the old file or the new one, never half of one. Read as untrusted: lengths, offsets,
// shapes and the checksum are checked, and a bad file is an IoError naming the path and the fault.
#pragma once

#include "axon/nn/model.hpp"

#include <filesystem>
#include <memory>

namespace axon::nn {

void save_model(Model& model, const std::filesystem::path& path);
/// Rebuilds the model (Sequential or functional) with its weights, and recompiles it with its
/// optimizer state when it was compiled.
std::unique_ptr<Model> load_model(const std::filesystem::path& path);

/// Weights only, in layer order; loading checks every name and shape against the model and says
/// which layer differs.
void save_weights(const Model& model, const std::filesystem::path& path);
void load_weights(Model& model, const std::filesystem::path& path);

/// Recreates a layer from its class name and get_config() (the explicit table of layer classes).
std::shared_ptr<Layer> layer_from_config(const std::string& class_name, const nlohmann::json& config);
/// Every class name layer_from_config knows.
std::vector<std::string> known_layer_classes();

}  // namespace axon::nn
