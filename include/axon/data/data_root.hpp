// Where datasets are read from: the Debian packages' folders, or the AXON_DATA override.
#pragma once

#include <filesystem>
#include <string_view>

namespace axon::data {

/// The folder to read a dataset from. When the AXON_DATA environment variable is set, it is
/// $AXON_DATA/<name>; otherwise `system_path` (where the Debian package installs it).
std::filesystem::path dataset_path(std::string_view name, const std::filesystem::path& system_path);

/// Throws IoError when `path` does not exist, naming the path and the Debian package that provides it.
void require_dataset(const std::filesystem::path& path, std::string_view dataset, std::string_view package);

}  // namespace axon::data
