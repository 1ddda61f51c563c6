#include "ref_backend.hpp"

#include "../elementwise_math.hpp"

#include <cmath>
#include <cstring>
#include <limits>

namespace axon::kernels {

void check_index(std::int64_t i, std::int64_t n, const char* op) {
  check<IndexError>(i >= 0 && i < n, "{}: index {} is out of bounds for an axis of size {}", op, i, n);
}

namespace {
// Offset into a tensor of shape `in` broadcast to `out_shape`, for the flat output index i.
std::int64_t broadcast_offset(std::int64_t i, const Shape& out_shape, const Shape& in_strides) {
  std::int64_t offset = 0;
  for (std::size_t d = out_shape.size(); d-- > 0;) {
    offset += (i % out_shape[d]) * in_strides[d];
    i /= out_shape[d];
  }
  return offset;
}
}  // namespace

void RefBackend::gemm(const Gemm& g, const Tensor& a, const Tensor& b, Tensor& c) const {
  visit_floating(c.dtype(), "gemm", [&]<typename T>() {
    for (std::int64_t batch = 0; batch < g.batch; ++batch) {
      const T* A = a.data<T>() + batch * g.a_batch_stride;
      const T* B = b.data<T>() + batch * g.b_batch_stride;
      T* C = c.data<T>() + batch * g.m * g.n;
      for (std::int64_t i = 0; i < g.m; ++i)
        for (std::int64_t j = 0; j < g.n; ++j) {
          double acc = 0;
          for (std::int64_t p = 0; p < g.k; ++p) {
            const T av = g.trans_a ? A[p * g.m + i] : A[i * g.k + p];
            const T bv = g.trans_b ? B[j * g.k + p] : B[p * g.n + j];
            acc += static_cast<double>(av) * static_cast<double>(bv);
          }
          const double prior = g.beta == 0 ? 0.0 : g.beta * static_cast<double>(C[i * g.n + j]);
          C[i * g.n + j] = static_cast<T>(g.alpha * acc + prior);
        }
    }
  });
}

void RefBackend::unary(UnaryOp op, UnaryParams p, const Tensor& x, Tensor& out) const {
  visit_floating(x.dtype(), "unary", [&]<typename T>() {
    visit_unary(op, [&]<UnaryOp Op>() {
      const T* in = x.data<T>();
      T* o = out.data<T>();
      for (std::int64_t i = 0, n = x.numel(); i < n; ++i) o[i] = Unary<Op>::fwd(in[i], p);
    });
  });
}

void RefBackend::unary_backward(UnaryOp op, UnaryParams p, const Tensor& gy, const Tensor& x, const Tensor& y,
                                Tensor& gx) const {
  visit_floating(gy.dtype(), "unary_backward", [&]<typename T>() {
    visit_unary(op, [&]<UnaryOp Op>() {
      const T* g = gy.data<T>();
      const T* xs = x.defined() ? x.data<T>() : nullptr;
      const T* ys = y.defined() ? y.data<T>() : nullptr;
      T* o = gx.data<T>();
      for (std::int64_t i = 0, n = gy.numel(); i < n; ++i)
        o[i] = Unary<Op>::grad(g[i], xs ? xs[i] : T(0), ys ? ys[i] : T(0), p);
    });
  });
}

void RefBackend::binary(BinaryOp op, const Tensor& a, const Tensor& b, Tensor& out) const {
  const Shape sa = broadcast_strides(a.shape(), out.shape());
  const Shape sb = broadcast_strides(b.shape(), out.shape());
  visit_dtype(a.dtype(), [&]<typename T>() {
    visit_binary(op, [&]<BinaryOp Op>() {
      using R = decltype(Binary<Op>::template apply<T>(T(), T()));
      const T* pa = a.data<T>();
      const T* pb = b.data<T>();
      R* o = out.data<R>();
      for (std::int64_t i = 0, n = out.numel(); i < n; ++i)
        o[i] = Binary<Op>::apply(pa[broadcast_offset(i, out.shape(), sa)], pb[broadcast_offset(i, out.shape(), sb)]);
    });
  });
}

void RefBackend::axpy(double alpha, const Tensor& x, Tensor& y) const {
  visit_floating(y.dtype(), "axpy", [&]<typename T>() {
    const T* in = x.data<T>();
    T* o = y.data<T>();
    for (std::int64_t i = 0, n = y.numel(); i < n; ++i) o[i] = static_cast<T>(o[i] + alpha * in[i]);
  });
}

void RefBackend::adam_step(const AdamStep& s, const Tensor& g, Tensor& p, Tensor& m, Tensor& v) const {
  visit_floating(p.dtype(), "adam_step", [&]<typename T>() {
    const T* gr = g.data<T>();
    T *pa = p.data<T>(), *ma = m.data<T>(), *va = v.data<T>();
    for (std::int64_t i = 0, n = p.numel(); i < n; ++i) {
      ma[i] = static_cast<T>(s.beta_1 * ma[i] + (1 - s.beta_1) * gr[i]);
      va[i] = static_cast<T>(s.beta_2 * va[i] + (1 - s.beta_2) * gr[i] * gr[i]);
      pa[i] = static_cast<T>(pa[i] - s.alpha * ma[i] / (std::sqrt(static_cast<double>(va[i])) + s.epsilon));
    }
  });
}

void RefBackend::reduce(ReduceOp op, const Tensor& x, int axis, Tensor& out) const {
  const AxisSplit s = split_at_axis(x.shape(), axis);
  const bool arg = op == ReduceOp::argmax || op == ReduceOp::argmin;
  const bool wants_max = op == ReduceOp::max || op == ReduceOp::argmax;
  visit_dtype(x.dtype(), [&]<typename T>() {
    const T* in = x.data<T>();
    std::int64_t* positions = arg ? out.data<std::int64_t>() : nullptr;
    T* values = arg ? nullptr : out.data<T>();
    for (std::int64_t o = 0; o < s.outer; ++o)
      for (std::int64_t j = 0; j < s.inner; ++j) {
        const T* base = in + o * s.n * s.inner + j;
        const std::int64_t at = o * s.inner + j;
        if (op == ReduceOp::sum) {
          double acc = 0;
          for (std::int64_t i = 0; i < s.n; ++i) acc += static_cast<double>(base[i * s.inner]);
          values[at] = static_cast<T>(acc);
          continue;
        }
        std::int64_t best = 0;
        for (std::int64_t i = 1; i < s.n; ++i) {
          const T v = base[i * s.inner], cur = base[best * s.inner];
          if (cur != cur) break;  // NaN wins, as in numpy
          if (v != v || (wants_max ? v > cur : v < cur)) best = i;
        }
        if (arg) positions[at] = best;
        else values[at] = base[best * s.inner];
      }
  });
}

void RefBackend::softmax(const Tensor& x, int axis, bool log, Tensor& out) const {
  const AxisSplit s = split_at_axis(x.shape(), axis);
  visit_floating(x.dtype(), "softmax", [&]<typename T>() {
    const T* in = x.data<T>();
    T* o = out.data<T>();
    for (std::int64_t b = 0; b < s.outer; ++b)
      for (std::int64_t j = 0; j < s.inner; ++j) {
        const std::int64_t base = b * s.n * s.inner + j;
        double m = -std::numeric_limits<double>::infinity();
        for (std::int64_t i = 0; i < s.n; ++i) m = std::max(m, static_cast<double>(in[base + i * s.inner]));
        double total = 0;
        for (std::int64_t i = 0; i < s.n; ++i) total += std::exp(static_cast<double>(in[base + i * s.inner]) - m);
        for (std::int64_t i = 0; i < s.n; ++i) {
          const double z = static_cast<double>(in[base + i * s.inner]) - m;
          o[base + i * s.inner] = static_cast<T>(log ? z - std::log(total) : std::exp(z) / total);
        }
      }
  });
}

void RefBackend::permute(const Tensor& x, std::span<const int> dims, Tensor& out) const {
  const Shape in_strides = contiguous_strides(x.shape());
  const std::size_t itemsz = itemsize(x.dtype());
  const auto* in = static_cast<const char*>(x.raw_data());
  auto* o = static_cast<char*>(out.raw_data());
  for (std::int64_t i = 0, n = out.numel(); i < n; ++i) {
    std::int64_t rem = i, src = 0;
    for (std::size_t d = dims.size(); d-- > 0;) {
      const std::int64_t extent = out.shape()[d];
      src += (rem % extent) * in_strides[static_cast<std::size_t>(dims[d])];
      rem /= extent;
    }
    std::memcpy(o + i * itemsz, in + src * itemsz, itemsz);
  }
}

void RefBackend::cast(const Tensor& x, Tensor& out) const {
  visit_dtype(x.dtype(), [&]<typename S>() {
    visit_dtype(out.dtype(), [&]<typename D>() {
      const S* in = x.data<S>();
      D* o = out.data<D>();
      for (std::int64_t i = 0, n = x.numel(); i < n; ++i) o[i] = static_cast<D>(in[i]);
    });
  });
}

void RefBackend::fill(Tensor& out, double value) const {
  visit_dtype(out.dtype(), [&]<typename T>() { std::fill_n(out.data<T>(), out.numel(), static_cast<T>(value)); });
}

void RefBackend::copy_slab(const Tensor& piece, const Tensor& whole, int axis, std::int64_t start, bool into_whole) const {
  const AxisSplit sw = split_at_axis(whole.shape(), axis);
  const AxisSplit sp = split_at_axis(piece.shape(), axis);
  const std::size_t row = static_cast<std::size_t>(sp.n * sp.inner) * itemsize(whole.dtype());
  auto* w = static_cast<char*>(whole.raw_data());
  auto* p = static_cast<char*>(piece.raw_data());
  for (std::int64_t b = 0; b < sw.outer; ++b) {
    char* slab = w + static_cast<std::size_t>((b * sw.n + start) * sw.inner) * itemsize(whole.dtype());
    char* part = p + static_cast<std::size_t>(b) * row;
    if (into_whole) std::memcpy(slab, part, row); else std::memcpy(part, slab, row);
  }
}

void RefBackend::index_select(const Tensor& x, int axis, const Tensor& index, Tensor& out) const {
  const AxisSplit s = split_at_axis(x.shape(), axis);
  const std::int64_t* idx = index.data<std::int64_t>();
  const std::int64_t m = index.numel();
  const std::size_t chunk = static_cast<std::size_t>(s.inner) * itemsize(x.dtype());
  const auto* in = static_cast<const char*>(x.raw_data());
  auto* o = static_cast<char*>(out.raw_data());
  for (std::int64_t b = 0; b < s.outer; ++b)
    for (std::int64_t i = 0; i < m; ++i) {
      check_index(idx[i], s.n, "index_select");
      std::memcpy(o + (b * m + i) * chunk, in + (b * s.n + idx[i]) * chunk, chunk);
    }
}

void RefBackend::index_add(Tensor& out, int axis, const Tensor& index, const Tensor& src) const {
  const AxisSplit s = split_at_axis(out.shape(), axis);
  const std::int64_t* idx = index.data<std::int64_t>();
  const std::int64_t m = index.numel();
  visit_dtype(out.dtype(), [&]<typename T>() {
    T* o = out.data<T>();
    const T* in = src.data<T>();
    for (std::int64_t b = 0; b < s.outer; ++b)
      for (std::int64_t i = 0; i < m; ++i) {
        check_index(idx[i], s.n, "index_add");
        for (std::int64_t j = 0; j < s.inner; ++j) o[(b * s.n + idx[i]) * s.inner + j] += in[(b * m + i) * s.inner + j];
      }
  });
}

namespace {
// Walks every element of `index` (shape [outer, m, inner] around axis) and calls f(flat position
// in index, flat position in the target whose axis has extent n).
template <typename F>
void for_each_indexed(const Tensor& index, int axis, std::int64_t n, const char* op, F&& f) {
  const AxisSplit s = split_at_axis(index.shape(), axis);
  const std::int64_t* idx = index.data<std::int64_t>();
  for (std::int64_t b = 0; b < s.outer; ++b)
    for (std::int64_t i = 0; i < s.n; ++i)
      for (std::int64_t j = 0; j < s.inner; ++j) {
        const std::int64_t at = (b * s.n + i) * s.inner + j;
        check_index(idx[at], n, op);
        f(at, (b * n + idx[at]) * s.inner + j);
      }
}
}  // namespace

void RefBackend::gather(const Tensor& x, int axis, const Tensor& index, Tensor& out) const {
  visit_dtype(x.dtype(), [&]<typename T>() {
    const T* in = x.data<T>();
    T* o = out.data<T>();
    for_each_indexed(index, axis, x.shape()[static_cast<std::size_t>(axis)], "gather",
                     [&](std::int64_t at, std::int64_t from) { o[at] = in[from]; });
  });
}

void RefBackend::scatter_add(Tensor& out, int axis, const Tensor& index, const Tensor& src) const {
  visit_dtype(out.dtype(), [&]<typename T>() {
    const T* in = src.data<T>();
    T* o = out.data<T>();
    for_each_indexed(index, axis, out.shape()[static_cast<std::size_t>(axis)], "scatter_add",
                     [&](std::int64_t at, std::int64_t to) { o[to] += in[at]; });
  });
}

void RefBackend::where(const Tensor& cond, const Tensor& a, const Tensor& b, Tensor& out) const {
  const Shape sc = broadcast_strides(cond.shape(), out.shape());
  const Shape sa = broadcast_strides(a.shape(), out.shape());
  const Shape sb = broadcast_strides(b.shape(), out.shape());
  visit_dtype(out.dtype(), [&]<typename T>() {
    const std::uint8_t* c = cond.data<std::uint8_t>();
    const T* pa = a.data<T>();
    const T* pb = b.data<T>();
    T* o = out.data<T>();
    for (std::int64_t i = 0, n = out.numel(); i < n; ++i)
      o[i] = c[broadcast_offset(i, out.shape(), sc)] ? pa[broadcast_offset(i, out.shape(), sa)]
                                                      : pb[broadcast_offset(i, out.shape(), sb)];
  });
}

}  // namespace axon::kernels
