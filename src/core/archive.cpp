#include "axon/core/archive.hpp"

#include "axon/core/error.hpp"

#include <fmt/format.h>

#include <cstring>
#include <fstream>
#include <unistd.h>

namespace axon {
namespace {

constexpr char kMagic[8] = {'A', 'X', 'O', 'N', 'M', 'D', 'L', '1'};

std::uint64_t fnv1a(const char* data, std::size_t n, std::uint64_t h = 0xcbf29ce484222325ULL) {
  for (std::size_t i = 0; i < n; ++i) {
    h ^= static_cast<unsigned char>(data[i]);
    h *= 0x100000001b3ULL;
  }
  return h;
}

}  // namespace

nlohmann::json ArchiveWriter::add(const std::string& name, const Tensor& t) {
  const Tensor& c = t;
  nlohmann::json entry = {{"name", name}, {"dtype", dtype_name(c.dtype())}, {"shape", c.shape()},
                          {"offset", bytes_.size()}, {"nbytes", c.nbytes()}};
  if (c.nbytes() > 0) bytes_.append(static_cast<const char*>(c.raw_data()), c.nbytes());
  return entry;
}

void ArchiveWriter::write(const std::filesystem::path& path, const nlohmann::json& header) const {
  std::string body(kMagic, sizeof kMagic);
  const std::string text = header.dump();
  const std::uint64_t length = text.size();
  body.append(reinterpret_cast<const char*>(&length), sizeof length);
  body += text;
  body += bytes_;
  const std::uint64_t checksum = fnv1a(body.data(), body.size());
  body.append(reinterpret_cast<const char*>(&checksum), sizeof checksum);
  const std::filesystem::path temp = path.string() + fmt::format(".tmp.{}", ::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    check<IoError>(out.good(), "save: cannot open {} for writing", temp.string());
    out.write(body.data(), static_cast<std::streamsize>(body.size()));
    out.flush();
    if (!out.good()) {
      std::filesystem::remove(temp);
      throw IoError(fmt::format("save: writing {} failed", temp.string()));
    }
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::filesystem::remove(temp);
    throw IoError(fmt::format("save: cannot rename {} to {}: {}", temp.string(), path.string(), ec.message()));
  }
}

ArchiveReader::ArchiveReader(const std::filesystem::path& path) : path_(path) {
  std::ifstream in(path, std::ios::binary);
  check<IoError>(in.good(), "load: cannot open {}", path.string());
  const std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::size_t fixed = sizeof kMagic + 2 * sizeof(std::uint64_t);
  check<IoError>(body.size() >= fixed, "load: {} is {} bytes, too short to be an axon model file", path.string(), body.size());
  check<IoError>(std::memcmp(body.data(), kMagic, sizeof kMagic) == 0,
                 "load: {} is not an axon model file (bytes 0-7 should read AXONMDL1)", path.string());
  std::uint64_t stored = 0, length = 0;
  std::memcpy(&stored, body.data() + body.size() - sizeof stored, sizeof stored);
  check<IoError>(fnv1a(body.data(), body.size() - sizeof stored) == stored,
                 "load: {} is corrupt or truncated (checksum mismatch over {} bytes)", path.string(), body.size());
  std::memcpy(&length, body.data() + sizeof kMagic, sizeof length);
  check<IoError>(length <= body.size() - fixed, "load: {}: header length {} exceeds the file", path.string(), length);
  try {
    header_ = nlohmann::json::parse(body.substr(sizeof kMagic + sizeof length, length));
  } catch (const nlohmann::json::exception& e) {
    throw IoError(fmt::format("load: {}: bad header JSON ({})", path.string(), e.what()));
  }
  data_ = body.substr(sizeof kMagic + sizeof length + length, body.size() - fixed - length);
}

Tensor ArchiveReader::tensor(const nlohmann::json& entry) const {
  try {
    const Shape shape = entry.at("shape").get<Shape>();
    const std::string dtype = entry.at("dtype");
    bool known = false;
    Dtype d = Dtype::float32;
    for (Dtype candidate : {Dtype::float32, Dtype::float64, Dtype::int64, Dtype::uint8})
      if (dtype_name(candidate) == dtype) {
        d = candidate;
        known = true;
      }
    check<IoError>(known, "load: {}: tensor '{}' has an unknown dtype '{}'", path_.string(), entry.value("name", std::string("?")),
                   dtype);
    for (std::int64_t s : shape) check<IoError>(s >= 0, "load: {}: tensor '{}' has a negative dimension", path_.string(),
                                                 entry.value("name", std::string("?")));
    Tensor t = Tensor::empty(shape, {.dtype = d});
    const auto offset = entry.at("offset").get<std::size_t>(), nbytes = entry.at("nbytes").get<std::size_t>();
    check<IoError>(nbytes == t.nbytes() && offset <= data_.size() && nbytes <= data_.size() - offset,
                   "load: {}: tensor '{}' ({} bytes at {}) does not fit its shape or the file", path_.string(),
                   entry.value("name", std::string("?")), nbytes, offset);
    if (nbytes > 0) std::memcpy(t.raw_data(), data_.data() + offset, nbytes);
    return t;
  } catch (const nlohmann::json::exception& e) {
    throw IoError(fmt::format("load: {}: bad tensor entry ({})", path_.string(), e.what()));
  }
}

}  // namespace axon
