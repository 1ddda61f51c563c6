// sklearn's neighbours results (tests/golden/knn.json, made by tools/golden/make_knn_golden.py).
#pragma once

#include "support/testing.hpp"

#include <nlohmann/json.hpp>

#include <fstream>

namespace axon::ml::knn_golden {

inline const nlohmann::json& json() {
  static const nlohmann::json j = [] {
    std::ifstream in(axon::testing::source_path("tests/golden/knn.json"));
    return nlohmann::json::parse(in);
  }();
  return j;
}

}  // namespace axon::ml::knn_golden
