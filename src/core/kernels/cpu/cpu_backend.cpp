// The fast CPU backend: OpenBLAS for GEMM, contiguous and coalesced loops that the compiler
// vectorizes, and OpenMP above measured sizes. Everything it does not override comes from ref.
#include "../elementwise_math.hpp"
#include "../ref/ref_backend.hpp"
#include "narrow_gemm.hpp"
#include "parallel.hpp"

#include <cblas.h>
#include <omp.h>
#include <xmmintrin.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

namespace axon::kernels {
namespace {

// Parallel thresholds (elements), from bench/micro: below these one thread is faster than waking
// the pool. Memory-bound ops need far more work per element to pay for a second thread.
constexpr std::int64_t kParallelCheap = 1 << 16;      // add, mul, copy
constexpr std::int64_t kParallelExpensive = 1 << 12;  // exp, tanh, erf

constexpr bool is_expensive(UnaryOp op) {
  return op != UnaryOp::neg && op != UnaryOp::abs && op != UnaryOp::relu && op != UnaryOp::square &&
         op != UnaryOp::sign && op != UnaryOp::leaky_relu && op != UnaryOp::clip;
}

// Collapses a broadcast into (outer shape, inner extent, inner strides): adjacent output axes merge
// when both inputs step through them the same way. Most calls end as one flat loop, or as rows
// plus one broadcast vector.
struct BroadcastPlan {
  Shape shape;            // coalesced output shape
  Shape sa, sb;           // coalesced input strides
};
BroadcastPlan plan_broadcast(const Shape& out, Shape sa, Shape sb) {
  BroadcastPlan p;
  for (std::size_t d = 0; d < out.size(); ++d) {
    if (out[d] == 1) continue;
    if (!p.shape.empty() && p.sa.back() == sa[d] * out[d] && p.sb.back() == sb[d] * out[d]) {
      p.shape.back() *= out[d];
      p.sa.back() = sa[d];
      p.sb.back() = sb[d];
    } else {
      p.shape.push_back(out[d]);
      p.sa.push_back(sa[d]);
      p.sb.push_back(sb[d]);
    }
  }
  if (p.shape.empty()) p = {{1}, {0}, {0}};
  return p;
}

// Softmax of one row of n (see CpuBackend::softmax).
template <typename T>
void softmax_row(const T* row, T* orow, std::int64_t n, bool log) {
  T m = -std::numeric_limits<T>::infinity();
  for (std::int64_t i = 0; i < n; ++i) m = std::max(m, row[i]);
  for (std::int64_t i = 0; i < n; ++i) orow[i] = exp_of(row[i] - m);
  double total = 0;
  for (std::int64_t i = 0; i < n; ++i) total += static_cast<double>(orow[i]);
  if (log) {
    const T shift = m + static_cast<T>(std::log(total));
#pragma omp simd
    for (std::int64_t i = 0; i < n; ++i) orow[i] = row[i] - shift;
  } else {
    const T inv = static_cast<T>(1.0 / total);
#pragma omp simd
    for (std::int64_t i = 0; i < n; ++i) orow[i] *= inv;
  }
}

// The same for kRowGroup rows of n ≤ kShortRow at once: transposed into t[i][r], each step runs
// across the rows (vectorized), in the same order per row as softmax_row.
constexpr std::int64_t kRowGroup = 8, kShortRow = 32;
template <typename T>
void softmax_row_group(const T* rows, T* out, std::int64_t n, bool log) {
  constexpr std::int64_t G = kRowGroup;
  T t[kShortRow][G], m[G];
  double total[G];
  for (std::int64_t r = 0; r < G; ++r)
    for (std::int64_t i = 0; i < n; ++i) t[i][r] = rows[r * n + i];
  for (std::int64_t r = 0; r < G; ++r) m[r] = -std::numeric_limits<T>::infinity(), total[r] = 0;
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t r = 0; r < G; ++r) m[r] = std::max(m[r], t[i][r]);
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t r = 0; r < G; ++r) t[i][r] = exp_of(t[i][r] - m[r]);
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t r = 0; r < G; ++r) total[r] += static_cast<double>(t[i][r]);
  for (std::int64_t r = 0; r < G; ++r) {
    const T* row = rows + r * n;
    T* orow = out + r * n;
    if (log) {
      const T shift = m[r] + static_cast<T>(std::log(total[r]));
      for (std::int64_t i = 0; i < n; ++i) orow[i] = row[i] - shift;
    } else {
      const T inv = static_cast<T>(1.0 / total[r]);
      for (std::int64_t i = 0; i < n; ++i) orow[i] = t[i][r] * inv;
    }
  }
}

class CpuBackend final : public RefBackend {
 public:
  const char* name() const override { return "cpu"; }

  void gemm(const Gemm& g, const Tensor& a, const Tensor& b, Tensor& c) const override {
    const std::int64_t lda = g.trans_a ? g.m : g.k, ldb = g.trans_b ? g.k : g.n;
    // Few output columns (a classifier head and its weight gradient): our narrow kernels.
    const bool narrow = g.batch == 1 && g.n <= kNarrowGemmMaxN && g.m >= 4 && g.k >= 16 && !(g.trans_a && g.trans_b);
    if (narrow) {
      return visit_floating(c.dtype(), "gemm", [&]<typename T>() {
        const auto alpha = static_cast<T>(g.alpha), beta = static_cast<T>(g.beta);
        if (g.trans_a)
          gemm_narrow_tn<T>(g.m, g.n, g.k, alpha, a.data<T>(), lda, b.data<T>(), ldb, beta, c.data<T>());
        else
          gemm_narrow_nn<T>(g.trans_b, g.m, g.n, g.k, alpha, a.data<T>(), lda, b.data<T>(), ldb, beta, c.data<T>());
      });
    }
    const auto ta = g.trans_a ? CblasTrans : CblasNoTrans;
    const auto tb = g.trans_b ? CblasTrans : CblasNoTrans;
    const auto m = static_cast<blasint>(g.m), n = static_cast<blasint>(g.n), k = static_cast<blasint>(g.k);
    for (std::int64_t batch = 0; batch < g.batch; ++batch) {
      if (c.dtype() == Dtype::float32) {
        cblas_sgemm(CblasRowMajor, ta, tb, m, n, k, static_cast<float>(g.alpha), a.data<float>() + batch * g.a_batch_stride,
                    static_cast<blasint>(lda), b.data<float>() + batch * g.b_batch_stride, static_cast<blasint>(ldb),
                    static_cast<float>(g.beta), c.data<float>() + batch * g.m * g.n, n);
      } else {
        cblas_dgemm(CblasRowMajor, ta, tb, m, n, k, g.alpha, a.data<double>() + batch * g.a_batch_stride,
                    static_cast<blasint>(lda), b.data<double>() + batch * g.b_batch_stride, static_cast<blasint>(ldb),
                    g.beta, c.data<double>() + batch * g.m * g.n, n);
      }
    }
  }

  void unary(UnaryOp op, UnaryParams p, const Tensor& x, Tensor& out) const override {
    const std::int64_t n = x.numel();
    const bool parallel = n >= (is_expensive(op) ? kParallelExpensive : kParallelCheap);
    visit_floating(x.dtype(), "unary", [&]<typename T>() {
      visit_unary(op, [&]<UnaryOp Op>() {
        const T* in = x.data<T>();
        T* o = out.data<T>();
        for_range(n, parallel, [&](std::int64_t begin, std::int64_t end) {
          for (std::int64_t i = begin; i < end; ++i) o[i] = Unary<Op>::fwd(in[i], p);
        });
      });
    });
  }

  void unary_backward(UnaryOp op, UnaryParams p, const Tensor& gy, const Tensor& x, const Tensor& y,
                      Tensor& gx) const override {
    const std::int64_t n = gy.numel();
    const bool parallel = n >= (is_expensive(op) ? kParallelExpensive : kParallelCheap);
    visit_floating(gy.dtype(), "unary_backward", [&]<typename T>() {
      visit_unary(op, [&]<UnaryOp Op>() {
        const T* g = gy.data<T>();
        const T* xs = x.defined() ? x.data<T>() : g;  // unread when undefined (see elementwise_math.hpp)
        const T* ys = y.defined() ? y.data<T>() : g;
        T* o = gx.data<T>();
        for_range(n, parallel, [&](std::int64_t begin, std::int64_t end) {
          for (std::int64_t i = begin; i < end; ++i) o[i] = Unary<Op>::grad(g[i], xs[i], ys[i], p);
        });
      });
    });
  }

  void binary(BinaryOp op, const Tensor& a, const Tensor& b, Tensor& out) const override {
    // Same shapes, or a one-element side: one flat loop, and no broadcast bookkeeping (which costs
    // more than the arithmetic for small tensors; see bench/compare/op_overhead).
    const std::int64_t total = out.numel();
    const bool flat_a = a.numel() == total, flat_b = b.numel() == total;
    // (A side with out's element count can only differ from out's shape by extent-1 axes, so it is
    // laid out in the same order.)
    if ((flat_a || a.numel() == 1) && (flat_b || b.numel() == 1)) {
      return binary_flat(op, a, b, out, flat_a ? 1 : 0, flat_b ? 1 : 0);
    }
    const BroadcastPlan plan =
        plan_broadcast(out.shape(), broadcast_strides(a.shape(), out.shape()), broadcast_strides(b.shape(), out.shape()));
    const std::int64_t inner = plan.shape.back();
    const std::int64_t ia = plan.sa.back(), ib = plan.sb.back();
    const std::int64_t rows = total / std::max<std::int64_t>(inner, 1);
    const bool parallel = total >= kParallelCheap;
    visit_dtype(a.dtype(), [&]<typename T>() {
      visit_binary(op, [&]<BinaryOp Op>() {
        using R = decltype(Binary<Op>::template apply<T>(T(), T()));
        const T* pa = a.data<T>();
        const T* pb = b.data<T>();
        R* o = out.data<R>();
        // The inner loop is specialized on its strides so that the common cases vectorize.
        auto run_row = [&](const T* ra, const T* rb, R* ro) {
          if (ia == 1 && ib == 1) {
#pragma omp simd
            for (std::int64_t i = 0; i < inner; ++i) ro[i] = Binary<Op>::apply(ra[i], rb[i]);
          } else if (ia == 1 && ib == 0) {
            const T s = rb[0];
#pragma omp simd
            for (std::int64_t i = 0; i < inner; ++i) ro[i] = Binary<Op>::apply(ra[i], s);
          } else if (ia == 0 && ib == 1) {
            const T s = ra[0];
#pragma omp simd
            for (std::int64_t i = 0; i < inner; ++i) ro[i] = Binary<Op>::apply(s, rb[i]);
          } else {
            for (std::int64_t i = 0; i < inner; ++i) ro[i] = Binary<Op>::apply(ra[i * ia], rb[i * ib]);
          }
        };
        const std::size_t outer_dims = plan.shape.size() - 1;
        for_range(rows, parallel, [&](std::int64_t begin, std::int64_t end) {
          for (std::int64_t r = begin; r < end; ++r) {
            std::int64_t rem = r, oa = 0, ob = 0;
            for (std::size_t d = outer_dims; d-- > 0;) {
              const std::int64_t idx = rem % plan.shape[d];
              rem /= plan.shape[d];
              oa += idx * plan.sa[d];
              ob += idx * plan.sb[d];
            }
            run_row(pa + oa, pb + ob, o + r * inner);
          }
        });
      });
    });
  }

  // out[i] = a[i·ia] ∘ b[i·ib] with ia, ib ∈ {0, 1}.
  static void binary_flat(BinaryOp op, const Tensor& a, const Tensor& b, Tensor& out, int ia, int ib) {
    const std::int64_t n = out.numel();
    const bool parallel = n >= kParallelCheap;
    visit_dtype(a.dtype(), [&]<typename T>() {
      visit_binary(op, [&]<BinaryOp Op>() {
        using R = decltype(Binary<Op>::template apply<T>(T(), T()));
        const T* pa = a.data<T>();
        const T* pb = b.data<T>();
        R* o = out.data<R>();
        for_range(n, parallel, [&](std::int64_t begin, std::int64_t end) {
          if (ia == 1 && ib == 1) {
            for (std::int64_t i = begin; i < end; ++i) o[i] = Binary<Op>::apply(pa[i], pb[i]);
          } else if (ia == 1) {
            const T s = pb[0];
            for (std::int64_t i = begin; i < end; ++i) o[i] = Binary<Op>::apply(pa[i], s);
          } else {
            const T s = pa[0];
            for (std::int64_t i = begin; i < end; ++i) o[i] = Binary<Op>::apply(s, pb[i]);
          }
        });
      });
    });
  }

  void axpy(double alpha, const Tensor& x, Tensor& y) const override {
    const std::int64_t n = y.numel();
    visit_floating(y.dtype(), "axpy", [&]<typename T>() {
      const T* in = x.data<T>();
      T* o = y.data<T>();
      const T a = static_cast<T>(alpha);
      for_range(n, n >= kParallelCheap, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t i = begin; i < end; ++i) o[i] += a * in[i];
      });
    });
  }

  void adam_step(const AdamStep& s, const Tensor& g, Tensor& p, Tensor& m, Tensor& v) const override {
    const std::int64_t n = p.numel();
    visit_floating(p.dtype(), "adam_step", [&]<typename T>() {
      const T* gr = g.data<T>();
      T *pa = p.data<T>(), *ma = m.data<T>(), *va = v.data<T>();
      const T b1 = static_cast<T>(s.beta_1), c1 = static_cast<T>(1 - s.beta_1), b2 = static_cast<T>(s.beta_2),
              c2 = static_cast<T>(1 - s.beta_2), eps = static_cast<T>(s.epsilon), alpha = static_cast<T>(s.alpha);
      for_range(n, n >= kParallelExpensive, [&](std::int64_t begin, std::int64_t end) {
#pragma omp simd
        for (std::int64_t i = begin; i < end; ++i) {
          const T mi = b1 * ma[i] + c1 * gr[i];
          const T vi = b2 * va[i] + c2 * gr[i] * gr[i];
          ma[i] = mi;
          va[i] = vi;
          pa[i] -= alpha * mi / (std::sqrt(vi) + eps);
        }
      });
    });
  }

  // max/min/argmax/argmin along the last axis (a batch's predicted classes): each row scanned once,
  // with ref's rules (the first of equal values; a NaN wins, the first NaN).
  static void extremum_rows(ReduceOp op, const Tensor& x, const AxisSplit& s, Tensor& out) {
    const bool arg = op == ReduceOp::argmax || op == ReduceOp::argmin;
    const bool wants_max = op == ReduceOp::max || op == ReduceOp::argmax;
    visit_floating(x.dtype(), "reduce", [&]<typename T>() {
      const T* in = x.data<T>();
      std::int64_t* positions = arg ? out.data<std::int64_t>() : nullptr;
      T* values = arg ? nullptr : out.data<T>();
      for_range(s.outer, x.numel() >= kParallelCheap && s.outer > 1, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t b = begin; b < end; ++b) {
          const T* row = in + b * s.n;
          std::int64_t best = 0;
          T cur = row[0];
          for (std::int64_t i = 1; i < s.n && cur == cur; ++i) {
            const T v = row[i];
            if (v != v || (wants_max ? v > cur : v < cur)) best = i, cur = v;
          }
          if (arg) positions[b] = best;
          else values[b] = cur;
        }
      });
    });
  }

  void reduce(ReduceOp op, const Tensor& x, int axis, Tensor& out) const override {
    const AxisSplit s = split_at_axis(x.shape(), axis);
    if (op != ReduceOp::sum && s.inner == 1 && is_floating(x.dtype())) return extremum_rows(op, x, s, out);
    if (op != ReduceOp::sum || !is_floating(x.dtype())) return RefBackend::reduce(op, x, axis, out);
    const bool parallel = x.numel() >= kParallelCheap && s.outer > 1;
    visit_floating(x.dtype(), "sum", [&]<typename T>() {
      const T* in = x.data<T>();
      T* o = out.data<T>();
      if (s.inner == 1) {
        for_range(s.outer, parallel, [&](std::int64_t begin, std::int64_t end) {
          for (std::int64_t b = begin; b < end; ++b) {
            const T* row = in + b * s.n;
            double acc = 0;
#pragma omp simd reduction(+ : acc)
            for (std::int64_t i = 0; i < s.n; ++i) acc += static_cast<double>(row[i]);
            o[b] = static_cast<T>(acc);
          }
        });
        return;
      }
      // Column sums: add whole rows of `inner` at a time (contiguous, vectorized).
      for_range(s.outer, parallel, [&](std::int64_t begin, std::int64_t end) {
        std::vector<double> acc(static_cast<std::size_t>(s.inner));
        for (std::int64_t b = begin; b < end; ++b) {
          std::fill(acc.begin(), acc.end(), 0.0);
          for (std::int64_t i = 0; i < s.n; ++i) {
            const T* row = in + (b * s.n + i) * s.inner;
            double* a = acc.data();
#pragma omp simd
            for (std::int64_t j = 0; j < s.inner; ++j) a[j] += static_cast<double>(row[j]);
          }
          for (std::int64_t j = 0; j < s.inner; ++j) o[b * s.inner + j] = static_cast<T>(acc[static_cast<std::size_t>(j)]);
        }
      });
    });
  }

  // A batch's rows gathered from a dataset (fit's shuffled batches): the rows lie anywhere in a
  // large array and the copy waits on memory, so both threads copy. (Prefetching the rows a few
  // ahead was measured no faster.)
  void index_select(const Tensor& x, int axis, const Tensor& index, Tensor& out) const override {
    const AxisSplit s = split_at_axis(x.shape(), axis);
    const std::int64_t* idx = index.data<std::int64_t>();
    const std::int64_t m = index.numel();
    for (std::int64_t i = 0; i < m; ++i) check_index(idx[i], s.n, "index_select");
    const auto chunk = static_cast<std::int64_t>(s.inner * itemsize(x.dtype()));
    const auto* in = static_cast<const char*>(x.raw_data());
    auto* o = static_cast<char*>(out.raw_data());
    const std::int64_t rows = s.outer * m;
    for_range(rows, rows * chunk >= (std::int64_t{1} << 18), [&](std::int64_t r0, std::int64_t r1) {
      for (std::int64_t r = r0; r < r1; ++r)
        std::memcpy(o + r * chunk, in + ((r / m) * s.n + idx[r % m]) * chunk, static_cast<std::size_t>(chunk));
    });
  }

  // Along the last axis. Every row is shifted by its max, exponentiated, summed in double in the
  // row's order, then scaled (or, for log_softmax, its log-sum-exp subtracted from the input).
  // Short rows (a classifier's 10 classes) go 8 at a time through a transposed scratch block, so
  // that each of those steps is one vectorized loop across the 8 rows; longer rows loop along
  // themselves. Both paths do the same arithmetic in the same order, bit for bit.
  void softmax(const Tensor& x, int axis, bool log, Tensor& out) const override {
    const AxisSplit s = split_at_axis(x.shape(), axis);
    if (s.inner != 1) return RefBackend::softmax(x, axis, log, out);
    const bool parallel = x.numel() >= kParallelExpensive && s.outer > 1;
    visit_floating(x.dtype(), "softmax", [&]<typename T>() {
      const T* in = x.data<T>();
      T* o = out.data<T>();
      for_range(s.outer, parallel, [&](std::int64_t begin, std::int64_t end) {
        std::int64_t b = begin;
        if (s.n <= kShortRow)
          for (; b + kRowGroup <= end; b += kRowGroup) softmax_row_group<T>(in + b * s.n, o + b * s.n, s.n, log);
        for (; b < end; ++b) softmax_row<T>(in + b * s.n, o + b * s.n, s.n, log);
      });
    });
  }


};

}  // namespace

const Backend& make_cpu_backend() {
  static const CpuBackend instance;
  return instance;
}

}  // namespace axon::kernels

namespace axon {

const Backend& reference_backend() {
  static const kernels::RefBackend instance;
  return instance;
}
const Backend& cpu_backend() { return kernels::make_cpu_backend(); }
const Backend& backend(Device device) {
  check(device == Device::cpu, "backend: no kernels for device {} in this build", device_name(device));
  return cpu_backend();
}

void set_num_threads(int n) {
  check(n >= 1, "set_num_threads: expected at least 1 thread, got {}", n);
  omp_set_num_threads(n);
  openblas_set_num_threads(n);
}
int get_num_threads() { return omp_get_max_threads(); }

namespace {
constexpr unsigned kFlushBits = 0x8040;  // MXCSR: FTZ (bit 15) and DAZ (bit 6)
void set_mxcsr_everywhere(unsigned bits, bool on) {
  auto apply = [&] { _mm_setcsr(on ? (_mm_getcsr() | bits) : (_mm_getcsr() & ~bits)); };
  apply();
#pragma omp parallel
  apply();
}
}  // namespace

FlushDenormalsGuard::FlushDenormalsGuard() : previous_(_mm_getcsr() & kFlushBits) {
  set_mxcsr_everywhere(kFlushBits, true);
}
FlushDenormalsGuard::~FlushDenormalsGuard() {
  set_mxcsr_everywhere(kFlushBits & ~previous_, false);
}

}  // namespace axon
