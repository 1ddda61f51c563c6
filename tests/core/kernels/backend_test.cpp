// Every kernel the fast CPU backend overrides, checked against the reference backend on random
// shapes (docs/ARCHITECTURE.md: "a plain reference kernel beside each fast one").
#include "axon/core/backend.hpp"
#include "axon/core/creation.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace axon {
namespace {

class BackendAgreement : public ::testing::TestWithParam<Dtype> {
 protected:
  Dtype dtype() const { return GetParam(); }
  // float32 kernels may sum in another order than the double-accumulating reference.
  double tol() const { return dtype() == float32 ? 1e-5 : 1e-12; }
  Tensor random(Shape s, double low = -2, double high = 2) { return uniform(std::move(s), low, high, {.dtype = dtype()}, gen_); }
  Generator gen_{11};
};

TEST_P(BackendAgreement, Gemm) {
  for (bool ta : {false, true})
    for (bool tb : {false, true}) {
      const std::int64_t m = 7, n = 5, k = 9, batch = 3;
      Backend::Gemm g{.trans_a = ta, .trans_b = tb, .m = m, .n = n, .k = k, .batch = batch,
                      .a_batch_stride = m * k, .b_batch_stride = k * n, .alpha = 1.5, .beta = 0.5};
      const Tensor a = random({batch, ta ? k : m, ta ? m : k});
      const Tensor b = random({batch, tb ? n : k, tb ? k : n});
      Tensor c_ref = random({batch, m, n});
      Tensor c_cpu = c_ref.clone();
      reference_backend().gemm(g, a, b, c_ref);
      cpu_backend().gemm(g, a, b, c_cpu);
      EXPECT_TENSOR_NEAR(c_cpu, c_ref, tol(), tol()) << "trans_a " << ta << " trans_b " << tb;
    }
}

// The narrow kernels (n ≤ 16 output columns, no batch): A·B, A·Bᵀ and Aᵀ·B, with row counts that
// are and are not multiples of their row groups and vector lanes, sums with and without a scalar
// tail, beta 0 and not, every column count from 1 to 16, sizes on both sides of the thread split.
TEST_P(BackendAgreement, GemmNarrow) {
  struct Case {
    bool ta, tb;
    std::int64_t m, k;
  };
  for (const Case& s : {Case{false, false, 128, 784}, Case{false, true, 37, 33}, Case{false, false, 5, 16},
                        Case{true, false, 784, 128}, Case{true, false, 37, 19}, Case{true, false, 4, 300},
                        Case{false, true, 300, 700}})
    for (std::int64_t n = 1; n <= 16; ++n)
      for (double beta : {0.0, 0.5}) {
        Backend::Gemm g{.trans_a = s.ta, .trans_b = s.tb, .m = s.m, .n = n, .k = s.k, .alpha = 0.75, .beta = beta};
        const Tensor a = random({s.ta ? s.k : s.m, s.ta ? s.m : s.k});
        const Tensor b = random({s.tb ? n : s.k, s.tb ? s.k : n});
        Tensor c_ref = random({s.m, n});
        Tensor c_cpu = c_ref.clone();
        reference_backend().gemm(g, a, b, c_ref);
        cpu_backend().gemm(g, a, b, c_cpu);
        const double t = dtype() == float32 ? 1e-4 : 1e-12;  // up to 784 float terms
        EXPECT_TENSOR_NEAR(c_cpu, c_ref, t, t) << "trans_a " << s.ta << " trans_b " << s.tb << " m " << s.m << " n " << n
                                               << " k " << s.k << " beta " << beta;
      }
}

// The same products with one thread and with two: bit for bit.
TEST_P(BackendAgreement, GemmNarrowIgnoresThreadCount) {
  const int before = get_num_threads();
  for (bool ta : {false, true}) {
    Backend::Gemm g{.trans_a = ta, .m = 301, .n = 10, .k = 515};
    const Tensor a = random({ta ? g.k : g.m, ta ? g.m : g.k});
    const Tensor b = random({g.k, g.n});
    Tensor one = Tensor::empty({g.m, g.n}, {.dtype = dtype()}), two = Tensor::empty({g.m, g.n}, {.dtype = dtype()});
    set_num_threads(1);
    cpu_backend().gemm(g, a, b, one);
    set_num_threads(2);
    cpu_backend().gemm(g, a, b, two);
    EXPECT_TENSOR_NEAR(one, two, 0, 0) << "trans_a " << ta;
  }
  set_num_threads(before);
}

// Gathering rows (fit's shuffled batches): along the first axis and an inner one, small and above
// the size where both threads copy; a bad index is refused before anything is copied.
TEST_P(BackendAgreement, IndexSelect) {
  for (auto [shape, axis] : {std::pair<Shape, int>{{2000, 100}, 0}, {{7, 9, 3}, 1}, {{3, 400, 300}, 1}}) {
    const Tensor x = random(shape);
    std::vector<std::int64_t> rows;
    for (std::int64_t i = 0; i < shape[axis]; i += 3) rows.push_back((i * 7919) % shape[axis]);
    const Tensor index = from_vector(rows, {static_cast<std::int64_t>(rows.size())});
    Shape out_shape = shape;
    out_shape[axis] = static_cast<std::int64_t>(rows.size());
    Tensor want = Tensor::empty(out_shape, {.dtype = dtype()}), got = Tensor::empty(out_shape, {.dtype = dtype()});
    reference_backend().index_select(x, axis, index, want);
    cpu_backend().index_select(x, axis, index, got);
    EXPECT_TENSOR_NEAR(got, want, 0, 0) << "ndim " << shape.size() << " axis " << axis;
  }
  const Tensor x = random({4, 2});
  Tensor out = Tensor::empty({1, 2}, {.dtype = dtype()});
  EXPECT_THROW(cpu_backend().index_select(x, 0, from_vector(std::vector<std::int64_t>{4}, {1}), out), IndexError);
}

TEST_P(BackendAgreement, UnaryAndItsDerivative) {
  for (int i = 0; i < kUnaryOpCount; ++i) {
    const auto op = static_cast<UnaryOp>(i);
    const bool positive = op == UnaryOp::log || op == UnaryOp::sqrt || op == UnaryOp::log1p ||
                          op == UnaryOp::reciprocal || op == UnaryOp::pow;
    // 70k elements: above the parallel thresholds, so the OpenMP path runs too.
    const Tensor x = positive ? random({70001}, 0.1, 3) : random({70001});
    const UnaryParams p{.a = op == UnaryOp::clip ? -0.5 : 0.3, .b = 0.5};
    Tensor y_ref = Tensor::empty(x.shape(), {.dtype = dtype()}), y_cpu = y_ref.clone();
    reference_backend().unary(op, p, x, y_ref);
    cpu_backend().unary(op, p, x, y_cpu);
    EXPECT_TENSOR_NEAR(y_cpu, y_ref, tol(), tol()) << "unary op " << i;
    const Tensor gy = random(x.shape());
    Tensor g_ref = y_ref.clone(), g_cpu = y_ref.clone();
    reference_backend().unary_backward(op, p, gy, x, y_ref, g_ref);
    cpu_backend().unary_backward(op, p, gy, x, y_ref, g_cpu);
    EXPECT_TENSOR_NEAR(g_cpu, g_ref, tol(), tol()) << "unary op backward " << i;
  }
}

TEST_P(BackendAgreement, BinaryWithBroadcasting) {
  const std::vector<std::pair<Shape, Shape>> cases = {
      {{5, 7}, {5, 7}}, {{5, 7}, {7}}, {{5, 7}, {5, 1}}, {{1, 7}, {5, 1}}, {{}, {4, 3}},
      {{2, 3, 4}, {3, 1}}, {{2, 1, 4}, {1, 3, 1}}, {{300, 300}, {300}}, {{70000}, {}}, {{2, 3}, {1}}};
  for (const auto& [sa, sb] : cases)
    for (int i = 0; i < kBinaryOpCount; ++i) {
      const auto op = static_cast<BinaryOp>(i);
      const Tensor a = op == BinaryOp::pow ? random(sa, 0.1, 2) : random(sa);
      const Tensor b = random(sb);
      const Shape out_shape = broadcast_shapes(a.shape(), b.shape(), "test");
      const Dtype out_dtype = is_comparison(op) ? uint8 : dtype();
      Tensor o_ref = Tensor::empty(out_shape, {.dtype = out_dtype}), o_cpu = Tensor::empty(out_shape, {.dtype = out_dtype});
      reference_backend().binary(op, a, b, o_ref);
      cpu_backend().binary(op, a, b, o_cpu);
      EXPECT_TENSOR_NEAR(o_cpu, o_ref, tol(), tol()) << "binary op " << i << " " << shape_str(sa) << " " << shape_str(sb);
    }
}

TEST_P(BackendAgreement, Axpy) {
  const Tensor x = random({70001});
  Tensor y_ref = random({70001}), y_cpu = y_ref.clone();
  reference_backend().axpy(-0.75, x, y_ref);
  cpu_backend().axpy(-0.75, x, y_cpu);
  EXPECT_TENSOR_NEAR(y_cpu, y_ref, tol(), tol());
}

TEST_P(BackendAgreement, AdamStep) {
  const Tensor g = random({70001});
  Tensor p_ref = random({70001}), m_ref = random({70001}), v_ref = random({70001}, 0, 1);
  Tensor p_cpu = p_ref.clone(), m_cpu = m_ref.clone(), v_cpu = v_ref.clone();
  const Backend::AdamStep step{.beta_1 = 0.9, .beta_2 = 0.999, .epsilon = 1e-7, .alpha = 3e-3};
  reference_backend().adam_step(step, g, p_ref, m_ref, v_ref);
  cpu_backend().adam_step(step, g, p_cpu, m_cpu, v_cpu);
  EXPECT_TENSOR_NEAR(m_cpu, m_ref, tol(), tol());
  EXPECT_TENSOR_NEAR(v_cpu, v_ref, tol(), tol());
  EXPECT_TENSOR_NEAR(p_cpu, p_ref, tol(), tol());
}

TEST_P(BackendAgreement, SumAlongEachAxis) {
  const Tensor x = random({6, 70, 300});
  for (int axis = 0; axis < 3; ++axis) {
    Shape s = x.shape();
    s[static_cast<std::size_t>(axis)] = 1;
    Tensor r = Tensor::empty(s, {.dtype = dtype()}), c = Tensor::empty(s, {.dtype = dtype()});
    reference_backend().reduce(ReduceOp::sum, x, axis, r);
    cpu_backend().reduce(ReduceOp::sum, x, axis, c);
    EXPECT_TENSOR_NEAR(c, r, tol(), tol()) << "axis " << axis;
  }
}

// max/min/argmax/argmin along the last axis, with ties (values on a coarse grid) and NaNs, on both
// sides of the parallel threshold: the same positions and values as ref.
TEST_P(BackendAgreement, ExtremaAlongTheLastAxis) {
  for (Shape shape : {Shape{128, 10}, Shape{700, 130}}) {
    std::vector<double> v = random(shape, -3, 3).to_vector<double>();
    for (double& e : v) e = std::round(e);
    for (std::size_t i = 7; i < v.size(); i += 97) v[i] = std::nan("");
    const Tensor x = dtype() == float32 ? from_vector(std::vector<float>(v.begin(), v.end()), shape) : from_vector(v, shape);
    for (ReduceOp op : {ReduceOp::max, ReduceOp::min, ReduceOp::argmax, ReduceOp::argmin}) {
      const bool arg = op == ReduceOp::argmax || op == ReduceOp::argmin;
      const TensorOptions o{.dtype = arg ? int64 : dtype()};
      Tensor r = Tensor::empty({shape[0], 1}, o), c = Tensor::empty({shape[0], 1}, o);
      reference_backend().reduce(op, x, 1, r);
      cpu_backend().reduce(op, x, 1, c);
      EXPECT_EQ(c.to_vector<double>().size(), r.to_vector<double>().size());
      const std::vector<double> cv = c.to_vector<double>(), rv = r.to_vector<double>();
      for (std::size_t i = 0; i < cv.size(); ++i)
        ASSERT_TRUE(cv[i] == rv[i] || (std::isnan(cv[i]) && std::isnan(rv[i])))
            << "op " << static_cast<int>(op) << " row " << i << ": " << cv[i] << " vs " << rv[i];
    }
  }
}

TEST_P(BackendAgreement, SoftmaxAndLogSoftmax) {
  for (Shape shape : {Shape{40, 130}, Shape{37, 10}, Shape{9, 32}, Shape{16, 1}}) {
    const Tensor x = random(shape, -30, 30);
    for (int axis : {0, 1})
      for (bool log : {false, true}) {
        Tensor r = Tensor::empty(x.shape(), {.dtype = dtype()}), c = r.clone();
        reference_backend().softmax(x, axis, log, r);
        cpu_backend().softmax(x, axis, log, c);
        EXPECT_TENSOR_NEAR(c, r, tol(), tol()) << "rows " << shape[0] << " axis " << axis << " log " << log;
      }
  }
}

// Short rows go 8 at a time through a transposed block, the rest one by one: the same bits either way
// (each row here alone, then within a batch of 37 rows of 10).
TEST_P(BackendAgreement, SoftmaxOfARowDoesNotDependOnItsBatch) {
  const Tensor x = random({37, 10}, -30, 30);
  for (bool log : {false, true}) {
    Tensor batch = Tensor::empty(x.shape(), {.dtype = dtype()});
    cpu_backend().softmax(x, 1, log, batch);
    for (std::int64_t r = 0; r < 37; ++r) {
      const Tensor row = x.rows(r, r + 1).clone();
      Tensor alone = Tensor::empty(row.shape(), {.dtype = dtype()});
      cpu_backend().softmax(row, 1, log, alone);
      EXPECT_TENSOR_NEAR(alone, batch.rows(r, r + 1), 0, 0) << "row " << r << " log " << log;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Cpu, BackendAgreement, ::testing::Values(float32, float64),
                         [](const auto& info) { return std::string(dtype_name(info.param)); });

TEST(Backend, DeviceDispatch) {
  EXPECT_STREQ(backend(Device::cpu).name(), "cpu");
  EXPECT_STREQ(reference_backend().name(), "ref");
  EXPECT_THROW(backend(Device::cuda), ValueError);
}

TEST(Backend, Threads) {
  const int before = get_num_threads();
  set_num_threads(1);
  EXPECT_EQ(get_num_threads(), 1);
  set_num_threads(before);
  EXPECT_THROW(set_num_threads(0), ValueError);
}

}  // namespace
}  // namespace axon
