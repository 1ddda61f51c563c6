// The one seam between ops and devices: every primitive kernel, listed once.
//
// Ops (the autograd floor) allocate outputs and call these; layers and estimators never touch a raw
// device pointer. Two CPU backends implement it: `ref` (plain loops, the documentation of what each
// kernel means) and `cpu` (OpenBLAS, OpenMP, contiguous fast paths), which a parametrized test
// checks against `ref`. A CUDA backend would be a third implementation.
#pragma once

#include "axon/core/tensor.hpp"

#include <span>

namespace axon {

/// Elementwise functions of one tensor. Parameters a, b as noted.
enum class UnaryOp {
  neg, exp, log, log1p, sqrt, abs, sign, square, reciprocal,
  relu, sigmoid, tanh, softplus, gelu,  // gelu: exact, x·Φ(x)
  elu,         // a = alpha
  leaky_relu,  // a = negative slope
  pow,         // a = exponent
  clip,        // a = min, b = max
};
inline constexpr int kUnaryOpCount = 18;

/// Elementwise functions of two broadcast tensors. Comparisons write uint8 (0 or 1).
enum class BinaryOp { add, sub, mul, div, pow, maximum, minimum, eq, ne, lt, le, gt, ge };
inline constexpr int kBinaryOpCount = 13;
inline bool is_comparison(BinaryOp op) { return op >= BinaryOp::eq; }

/// Reductions over one axis. argmax/argmin write int64 (first index on ties, as numpy).
enum class ReduceOp { sum, max, min, argmax, argmin };

struct UnaryParams {
  double a = 0.0;
  double b = 0.0;
};

class Backend {
 public:
  virtual ~Backend() = default;
  virtual const char* name() const = 0;

  /// c = alpha·op(a)·op(b) + beta·c for row-major 2-D matrices (float32/float64, one dtype).
  /// op(a) is [m, k], op(b) is [k, n], c is [m, n]; `batch` consecutive matrices are multiplied
  /// when batch > 1 (a_batch_stride 0 means `a` is shared by all, likewise b).
  struct Gemm {
    bool trans_a = false, trans_b = false;
    std::int64_t m = 0, n = 0, k = 0, batch = 1;
    std::int64_t a_batch_stride = 0, b_batch_stride = 0;
    double alpha = 1.0, beta = 0.0;
  };
  virtual void gemm(const Gemm& g, const Tensor& a, const Tensor& b, Tensor& c) const = 0;

  /// out = f(x); out has x's shape and dtype and may be x itself.
  virtual void unary(UnaryOp op, UnaryParams p, const Tensor& x, Tensor& out) const = 0;
  /// gx = gy · f'(x) for the op's derivative, given x and y = f(x) (either may be undefined when the
  /// derivative does not read it; see kernels/unary_math.hpp).
  virtual void unary_backward(UnaryOp op, UnaryParams p, const Tensor& gy, const Tensor& x,
                              const Tensor& y, Tensor& gx) const = 0;
  /// out = a ∘ b with numpy broadcasting; a and b share a dtype; out has the broadcast shape and
  /// that dtype (uint8 for comparisons). out may be a or b when shapes allow.
  virtual void binary(BinaryOp op, const Tensor& a, const Tensor& b, Tensor& out) const = 0;
  /// y += alpha·x for tensors of one shape and dtype (optimizer updates, gradient accumulation).
  virtual void axpy(double alpha, const Tensor& x, Tensor& y) const = 0;
  /// One Adam update in a single pass over parameter p, its gradient g and moments m, v (one shape
  /// and dtype): m = β1·m + (1 − β1)·g;  v = β2·v + (1 − β2)·g²;  p −= alpha·m / (√v + ε), with
  /// alpha the bias-corrected rate (src/optim/adam.cpp gives the formula and its sources).
  struct AdamStep {
    double beta_1 = 0.9, beta_2 = 0.999, epsilon = 1e-7, alpha = 1e-3;
  };
  virtual void adam_step(const AdamStep& s, const Tensor& g, Tensor& p, Tensor& m, Tensor& v) const = 0;
  /// x viewed as [outer, n, inner] reduced over n into out [outer, inner].
  virtual void reduce(ReduceOp op, const Tensor& x, int axis, Tensor& out) const = 0;
  /// Softmax or log-softmax along `axis`, numerically stable (max subtracted); out is not x.
  virtual void softmax(const Tensor& x, int axis, bool log, Tensor& out) const = 0;

  /// out[i0..] = x[i_perm(0)..]: out's axis j is x's axis dims[j].
  virtual void permute(const Tensor& x, std::span<const int> dims, Tensor& out) const = 0;
  /// Converts element types.
  virtual void cast(const Tensor& x, Tensor& out) const = 0;
  virtual void fill(Tensor& out, double value) const = 0;
  /// Copies `piece` into `whole` at offset `start` along `axis` when into_whole, else the slab of
  /// `whole` at `start` into `piece` (concat and narrow use it both ways).
  virtual void copy_slab(const Tensor& piece, const Tensor& whole, int axis, std::int64_t start, bool into_whole) const = 0;
  /// out = x.take(index, axis): out's extent along axis is index.numel().
  virtual void index_select(const Tensor& x, int axis, const Tensor& index, Tensor& out) const = 0;
  /// out.index_select(axis, index) += src (the adjoint of index_select).
  virtual void index_add(Tensor& out, int axis, const Tensor& index, const Tensor& src) const = 0;
  /// torch.gather: out[i][j] = x[i][index[i][j]] for axis 1 (index has out's shape).
  virtual void gather(const Tensor& x, int axis, const Tensor& index, Tensor& out) const = 0;
  /// torch.scatter_add_: out[i][index[i][j]] += src[i][j] for axis 1.
  virtual void scatter_add(Tensor& out, int axis, const Tensor& index, const Tensor& src) const = 0;
  /// out = cond ? a : b, all broadcast to out's shape; cond is uint8.
  virtual void where(const Tensor& cond, const Tensor& a, const Tensor& b, Tensor& out) const = 0;
};

/// The backend that runs kernels for `device` (the fast one for cpu).
const Backend& backend(Device device);
/// The plain-loop reference backend, for tests and debugging.
const Backend& reference_backend();
/// The optimized CPU backend.
const Backend& cpu_backend();

/// Threads used by OpenMP loops and OpenBLAS (default: all cores).
void set_num_threads(int n);
int get_num_threads();

/// Flushes subnormal floats to zero (FTZ and DAZ) on the calling thread and the OpenMP threads for
/// its lifetime, then restores the previous mode. Training uses it, as TensorFlow does on CPU: late
/// in training, tiny gradients and Adam moments turn subnormal and slowed a Fashion-MNIST MLP epoch
/// by 60 % (bench/RESULTS.md). Values below 1e-38 (float32) become 0.
class FlushDenormalsGuard {
 public:
  FlushDenormalsGuard();
  ~FlushDenormalsGuard();
  FlushDenormalsGuard(const FlushDenormalsGuard&) = delete;
  FlushDenormalsGuard& operator=(const FlushDenormalsGuard&) = delete;
 private:
  unsigned previous_;
};

}  // namespace axon
