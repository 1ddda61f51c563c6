// The ops against an independent oracle: forward values and gradients computed by PyTorch in
// float64 (tests/golden/ops.json, made by tools/golden/make_ops_golden.py). Each case gives the
// inputs, an upstream gradient r, torch's output and torch's d sum(out * r) / d input for every
// floating input; here axon runs the same op on the same doubles and must agree.
#include "axon/autograd.hpp"
#include "axon/core/creation.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace axon {
namespace {

using json = nlohmann::json;
using Inputs = std::vector<Tensor>;
using OpFn = std::function<Tensor(const Inputs&, const json& attrs)>;

/// |axon − torch| ≤ atol + rtol·|torch|, elementwise.
struct Tol {
  double rtol = 1e-12;
  double atol = 0;
};

// Elementwise ops: 1e-12 relative. The atol is of the order of 1e-12 times the smallest nonzero
// reference (sigmoid(−30) ≈ 9.4e-14), so the saturated tails are still held to about 2e-12 relative;
// it only forgives a value like 1/cosh²(30) ≈ 4e-26 where torch's 1 − tanh² rounds to exactly 0.
constexpr Tol kElementwise{1e-12, 1e-25};
// Ops that add up several terms (broadcast gradients, matmul, reductions, softmax, losses): a sum of
// a few O(1) terms carries an absolute rounding error of a few 1e-16 whatever order it is summed in,
// which is a large relative error when the terms cancel. One case needs it today: the gradient of
// binary cross-entropy from logits at z = 30, t = 1 is (sigmoid(30) − 1)/n ≈ −6.39e-15, and both
// torch (−6.3863e-15) and axon (−6.3838e-15) compute sigmoid(30) − 1 in double, off by ~1e-18 from
// the exact −6.3928e-15. 1e-14 absolute covers such roundings and is still far below a real mistake.
constexpr Tol kAccumulating{1e-12, 1e-14};
// tanh's gradient gy·(1 − y²) where y ≈ ±1: 1 − y² carries an absolute rounding error of about
// 2⁻⁵³·|gy| however it is evaluated, and whether the compiler fuses it into an FMA (Release) or not
// (the Debug sanitizer build) moves results like 8.2e-11 in the 11th digit. The reference r is O(1).
constexpr Tol kSaturating{1e-12, 5e-16};

const json& golden() {
  static const json doc = [] {
    const std::string path = testing::source_path("tests/golden/ops.json");
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path + " (run tools/golden/make_ops_golden.py)");
    return json::parse(in);
  }();
  return doc;
}

Shape shape_of(const json& j) { return j.at("shape").get<Shape>(); }

/// A float64 (or int64, for class labels) tensor from {"shape", "data"[, "dtype"]}.
Tensor to_tensor(const json& j) {
  if (j.value("dtype", std::string("float64")) == "int64")
    return from_vector(j.at("data").get<std::vector<std::int64_t>>(), shape_of(j));
  return from_vector(j.at("data").get<std::vector<double>>(), shape_of(j));
}

std::vector<double> values_of(const json& j) { return j.at("data").get<std::vector<double>>(); }

bool flag(const json& attrs, const char* key) { return attrs.at(key).get<bool>(); }
double number(const json& attrs, const char* key) { return attrs.at(key).get<double>(); }
int axis(const json& attrs) { return attrs.at("axis").get<int>(); }

/// Every op the golden file uses, by its "op" name.
const std::map<std::string, OpFn>& ops() {
  static const std::map<std::string, OpFn> table = {
      // unary elementwise
      {"exp", [](const Inputs& in, const json&) { return exp(in[0]); }},
      {"log", [](const Inputs& in, const json&) { return log(in[0]); }},
      {"log1p", [](const Inputs& in, const json&) { return log1p(in[0]); }},
      {"sqrt", [](const Inputs& in, const json&) { return sqrt(in[0]); }},
      {"abs", [](const Inputs& in, const json&) { return abs(in[0]); }},
      {"sigmoid", [](const Inputs& in, const json&) { return sigmoid(in[0]); }},
      {"tanh", [](const Inputs& in, const json&) { return tanh(in[0]); }},
      {"relu", [](const Inputs& in, const json&) { return relu(in[0]); }},
      {"leaky_relu", [](const Inputs& in, const json& a) { return leaky_relu(in[0], number(a, "negative_slope")); }},
      {"elu", [](const Inputs& in, const json& a) { return elu(in[0], number(a, "alpha")); }},
      {"softplus", [](const Inputs& in, const json&) { return softplus(in[0]); }},
      {"gelu", [](const Inputs& in, const json&) { return gelu(in[0]); }},
      {"pow", [](const Inputs& in, const json& a) { return pow(in[0], number(a, "exponent")); }},
      {"clip", [](const Inputs& in, const json& a) { return clip(in[0], number(a, "min"), number(a, "max")); }},
      // binary, broadcasting
      {"add", [](const Inputs& in, const json&) { return add(in[0], in[1]); }},
      {"sub", [](const Inputs& in, const json&) { return sub(in[0], in[1]); }},
      {"mul", [](const Inputs& in, const json&) { return mul(in[0], in[1]); }},
      {"div", [](const Inputs& in, const json&) { return div(in[0], in[1]); }},
      {"matmul",
       [](const Inputs& in, const json& a) {
         return matmul(in[0], in[1], {.trans_a = flag(a, "trans_a"), .trans_b = flag(a, "trans_b")});
       }},
      // reductions along one axis, keepdims false
      {"sum", [](const Inputs& in, const json& a) { return sum(in[0], axis(a)); }},
      {"mean", [](const Inputs& in, const json& a) { return mean(in[0], axis(a)); }},
      {"var", [](const Inputs& in, const json& a) { return var(in[0], axis(a), /*ddof=*/0); }},
      {"std", [](const Inputs& in, const json& a) { return std(in[0], axis(a), /*ddof=*/0); }},
      {"max", [](const Inputs& in, const json& a) { return max(in[0], axis(a)); }},
      {"logsumexp", [](const Inputs& in, const json& a) { return logsumexp(in[0], axis(a)); }},
      {"softmax", [](const Inputs& in, const json& a) { return softmax(in[0], axis(a)); }},
      {"log_softmax", [](const Inputs& in, const json& a) { return log_softmax(in[0], axis(a)); }},
      // losses (y_true, y_pred)
      {"mean_squared_error", [](const Inputs& in, const json&) { return mean_squared_error(in[0], in[1]); }},
      {"mean_absolute_error", [](const Inputs& in, const json&) { return mean_absolute_error(in[0], in[1]); }},
      {"binary_crossentropy",
       [](const Inputs& in, const json& a) { return binary_crossentropy(in[0], in[1], flag(a, "from_logits")); }},
      {"categorical_crossentropy",
       [](const Inputs& in, const json& a) { return categorical_crossentropy(in[0], in[1], flag(a, "from_logits")); }},
      {"sparse_categorical_crossentropy",
       [](const Inputs& in, const json& a) {
         return sparse_categorical_crossentropy(in[0], in[1], flag(a, "from_logits"));
       }},
  };
  return table;
}

/// One case: forward against torch's output, then sum(out * r).backward() and every floating
/// input's gradient against torch's.
void check_case(const json& c, const OpFn& op, Tol fwd, Tol bwd) {
  SCOPED_TRACE("golden case " + c.at("name").get<std::string>());
  Inputs inputs;
  for (const json& j : c.at("inputs")) {
    Tensor t = to_tensor(j);
    if (t.dtype() == Dtype::float64) t.requires_grad_();
    inputs.push_back(t);
  }
  const Tensor out = op(inputs, c.at("attrs"));
  ASSERT_EQ(out.dtype(), Dtype::float64);
  ASSERT_EQ(out.shape(), shape_of(c.at("output")));
  EXPECT_TENSOR_NEAR(out, values_of(c.at("output")), fwd.atol, fwd.rtol) << "forward";

  const Tensor r = to_tensor(c.at("r"));
  sum(out * r).backward();
  const json& grads = c.at("grads");
  ASSERT_EQ(grads.size(), inputs.size());
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (grads[i].is_null()) continue;  // int64 labels
    SCOPED_TRACE("gradient of input " + std::to_string(i));
    const Tensor g = inputs[i].grad();
    ASSERT_TRUE(g.defined()) << "backward did not reach input " << i;
    ASSERT_EQ(g.shape(), shape_of(grads[i]));
    EXPECT_TENSOR_NEAR(g, values_of(grads[i]), bwd.atol, bwd.rtol);
  }
}

/// Runs every case of `op_name`; there must be at least one.
void check_op(const std::string& op_name, Tol fwd, Tol bwd) {
  const OpFn& op = ops().at(op_name);
  int n = 0;
  for (const json& c : golden().at("cases")) {
    if (c.at("op") != op_name) continue;
    check_case(c, op, fwd, bwd);
    ++n;
  }
  EXPECT_GT(n, 0) << "no golden case for " << op_name;
}

void check_op(const std::string& op_name, Tol tol) { check_op(op_name, tol, tol); }

TEST(Golden, FileCameFromTorchAndEveryCaseIsChecked) {
  const json& doc = golden();
  EXPECT_FALSE(doc.at("torch_version").get<std::string>().empty());
  EXPECT_EQ(doc.at("dtype"), "float64");
  ASSERT_GE(doc.at("cases").size(), 50u);
  for (const json& c : doc.at("cases"))
    EXPECT_TRUE(ops().contains(c.at("op").get<std::string>())) << "no test runs op " << c.at("op");
}

// --- unary elementwise ---
TEST(Golden, Exp) { check_op("exp", kElementwise); }
TEST(Golden, Log) { check_op("log", kElementwise); }
TEST(Golden, Log1p) { check_op("log1p", kElementwise); }
TEST(Golden, Sqrt) { check_op("sqrt", kElementwise); }
TEST(Golden, Abs) { check_op("abs", kElementwise); }  // gradient 0 at x = 0, as torch
TEST(Golden, Sigmoid) { check_op("sigmoid", kElementwise); }
TEST(Golden, Tanh) { check_op("tanh", kElementwise, kSaturating); }
TEST(Golden, Relu) { check_op("relu", kElementwise); }  // gradient 0 at x = 0, as torch
TEST(Golden, LeakyRelu) { check_op("leaky_relu", kElementwise); }
TEST(Golden, Elu) { check_op("elu", kElementwise); }
TEST(Golden, Softplus) { check_op("softplus", kElementwise); }
TEST(Golden, Gelu) { check_op("gelu", kElementwise); }
TEST(Golden, Pow) { check_op("pow", kElementwise); }
TEST(Golden, Clip) { check_op("clip", kElementwise); }  // the bounds themselves pass the gradient

// --- binary with broadcasting: the forward is one rounding per element; the gradient of a
// broadcast operand is a sum over the broadcast axis ---
TEST(Golden, Add) { check_op("add", kElementwise, kAccumulating); }
TEST(Golden, Sub) { check_op("sub", kElementwise, kAccumulating); }
TEST(Golden, Mul) { check_op("mul", kElementwise, kAccumulating); }
TEST(Golden, Div) { check_op("div", kElementwise, kAccumulating); }

// --- matmul, plain, transposed, batched ---
TEST(Golden, Matmul) { check_op("matmul", kAccumulating); }

// --- reductions along an axis ---
TEST(Golden, Sum) { check_op("sum", kAccumulating); }
TEST(Golden, Mean) { check_op("mean", kAccumulating); }
TEST(Golden, Var) { check_op("var", kAccumulating); }
TEST(Golden, Std) { check_op("std", kAccumulating); }
TEST(Golden, Max) { check_op("max", kAccumulating); }  // ties share the gradient (torch.amax)
TEST(Golden, Logsumexp) { check_op("logsumexp", kAccumulating); }
TEST(Golden, Softmax) { check_op("softmax", kAccumulating); }
TEST(Golden, LogSoftmax) { check_op("log_softmax", kAccumulating); }

// --- losses, Keras semantics (clipping to [1e-7, 1 − 1e-7] from probabilities, batch mean) ---
TEST(Golden, MeanSquaredError) { check_op("mean_squared_error", kAccumulating); }
TEST(Golden, MeanAbsoluteError) { check_op("mean_absolute_error", kAccumulating); }
TEST(Golden, BinaryCrossentropy) { check_op("binary_crossentropy", kAccumulating); }
TEST(Golden, CategoricalCrossentropy) { check_op("categorical_crossentropy", kAccumulating); }
TEST(Golden, SparseCategoricalCrossentropy) { check_op("sparse_categorical_crossentropy", kAccumulating); }

}  // namespace
}  // namespace axon
