// scikit-learn's trees and forests (tests/golden/tree.json, made by tools/golden/make_tree_golden.py).
#pragma once

#include "support/testing.hpp"

#include <nlohmann/json.hpp>

#include <fstream>

namespace axon::ml::tree_golden {

inline const nlohmann::json& json() {
  static const nlohmann::json j = [] {
    std::ifstream in(axon::testing::source_path("tests/golden/tree.json"));
    return nlohmann::json::parse(in);
  }();
  return j;
}

}  // namespace axon::ml::tree_golden
