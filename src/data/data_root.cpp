#include "axon/data/data_root.hpp"

#include "axon/core/error.hpp"

#include <cstdlib>

namespace axon::data {

std::filesystem::path dataset_path(std::string_view name, const std::filesystem::path& system_path) {
  if (const char* root = std::getenv("AXON_DATA"); root && *root) return std::filesystem::path(root) / name;
  return system_path;
}

void require_dataset(const std::filesystem::path& path, std::string_view dataset, std::string_view package) {
  std::error_code ec;
  check<IoError>(std::filesystem::exists(path, ec),
                 "{}: not found at {} (install the Debian package '{}' with scripts/setup, or point AXON_DATA at a "
                 "folder holding it)",
                 dataset, path.string(), package);
}

}  // namespace axon::data
