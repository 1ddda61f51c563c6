// The problem of tools/golden/make_optim_golden.py, shared by the optimizer tests: minimize
// mean((A·w − b)²) over w ∈ R³ from w0, and compare w after each step with tests/golden/optim.json.
#pragma once

#include "axon/autograd.hpp"
#include "axon/core/creation.hpp"
#include "axon/optim/optimizer.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <string>
#include <vector>

namespace axon::optim::testing {

inline const nlohmann::json& golden() {
  static const nlohmann::json j = [] {
    std::ifstream in(axon::testing::source_path("tests/golden/optim.json"));
    return nlohmann::json::parse(in);
  }();
  return j;
}

struct Problem {
  Tensor A, b, w;

  explicit Problem(Dtype dtype = float64) {
    std::vector<double> flat;
    for (const auto& row : golden()["A"])
      for (double v : row) flat.push_back(v);
    A = astype(from_vector(flat, {4, 3}), dtype);
    b = astype(from_vector(golden()["b"].get<std::vector<double>>(), {4, 1}), dtype);
    w = astype(from_vector(golden()["w0"].get<std::vector<double>>(), {3, 1}), dtype).requires_grad_();
  }
  /// One backward pass and optimizer step; returns w afterwards.
  std::vector<double> step(Optimizer& optimizer) {
    w.zero_grad();
    mean(square(matmul(A, w) - b)).backward();
    optimizer.step({w});
    return astype(w.detach(), float64).to_vector<double>();
  }
  std::vector<std::vector<double>> run(Optimizer& optimizer, int steps) {
    std::vector<std::vector<double>> out;
    for (int s = 0; s < steps; ++s) out.push_back(step(optimizer));
    return out;
  }
};

/// Five steps from w0 match the golden case within rtol (relative, plus the same absolute).
/// float64 runs use 1e-12: the same formulas in another order of operations differ by a few ulp
/// per step. float32 runs use 1e-5 against the float64 reference (a few float32 ulp per step).
inline void expect_trajectory(Optimizer& optimizer, const std::string& name, Dtype dtype = float64) {
  ASSERT_TRUE(golden()["cases"].contains(name)) << name;
  const double rtol = dtype == float64 ? 1e-12 : 1e-5;
  Problem problem(dtype);
  const auto got = problem.run(optimizer, 5);
  const auto& want = golden()["cases"][name]["trajectory"];
  for (std::size_t s = 0; s < got.size(); ++s)
    for (std::size_t k = 0; k < 3; ++k) {
      const double expected = want[s][k].get<double>();
      EXPECT_NEAR(got[s][k], expected, rtol * (1 + std::abs(expected)))
          << name << " (" << dtype_name(dtype) << ") step " << s + 1 << " w[" << k << "]";
    }
}

}  // namespace axon::optim::testing
