// axon's one file format for fitted things (nn models and weights, ml estimators): a JSON header
// that describes the content and names the tensors, followed by their raw bytes.
//
// Layout: "AXONMDL1" | u64 header length | JSON header | raw little-endian tensor data | u64
// FNV-1a checksum of everything before it. Written to a temporary name and renamed, so a crash
// leaves the old file or the new one, never half of one. Read as untrusted: lengths, offsets,
// shapes and the checksum are checked, and a bad file is an IoError naming the path and the fault.
//
//   ArchiveWriter w;
//   nlohmann::json header = {{"format", "axon-model"}, {"weights", {w.add("dense/kernel", kernel)}}};
//   w.write(path, header);
//   ArchiveReader r(path);
//   Tensor kernel = r.tensor(r.header()["weights"][0]);
#pragma once

#include "axon/core/tensor.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace axon {

class ArchiveWriter {
 public:
  /// Appends the tensor's bytes; returns its entry for the header (name, dtype, shape, offset, nbytes).
  nlohmann::json add(const std::string& name, const Tensor& t);
  /// Writes header and tensors to `path` atomically (temporary file, then rename).
  void write(const std::filesystem::path& path, const nlohmann::json& header) const;

 private:
  std::string bytes_;
};

class ArchiveReader {
 public:
  /// Reads and checks the whole file (magic, checksum, header JSON).
  explicit ArchiveReader(const std::filesystem::path& path);
  const nlohmann::json& header() const { return header_; }
  const std::filesystem::path& path() const { return path_; }
  /// The tensor an entry of the header describes, checked against the data.
  Tensor tensor(const nlohmann::json& entry) const;

 private:
  std::filesystem::path path_;
  nlohmann::json header_;
  std::string data_;
};

}  // namespace axon
