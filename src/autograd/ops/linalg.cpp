// matmul: one GEMM forward, two GEMMs backward, transposes expressed as flags.
#include "axon/autograd/ops/linalg.hpp"

#include "axon/autograd/node.hpp"
#include "axon/autograd/ops/shape.hpp"
#include "axon/core/backend.hpp"

namespace axon {

namespace {

// op(a)·op(b) without autograd.
Tensor matmul_kernel(const Tensor& a, const Tensor& b, MatmulOptions o) {
  check(a.dtype() == b.dtype() && is_floating(a.dtype()),
        "matmul: expected two float32 or two float64 tensors, got {} and {}", dtype_name(a.dtype()),
        dtype_name(b.dtype()));
  check<ShapeError>(a.ndim() >= 2 && b.ndim() >= 2, "matmul: expected tensors with at least 2 dimensions, got {} and {}",
                    shape_text(a.shape()), shape_text(b.shape()));
  const std::int64_t m = o.trans_a ? a.shape(-1) : a.shape(-2);
  const std::int64_t k = o.trans_a ? a.shape(-2) : a.shape(-1);
  const std::int64_t kb = o.trans_b ? b.shape(-1) : b.shape(-2);
  const std::int64_t n = o.trans_b ? b.shape(-2) : b.shape(-1);
  check<ShapeError>(k == kb, "matmul: cannot multiply {}{} by {}{} ({} != {})", shape_text(a.shape()),
                    o.trans_a ? "ᵀ" : "", shape_text(b.shape()), o.trans_b ? "ᵀ" : "", k, kb);
  Backend::Gemm g{.trans_a = o.trans_a, .trans_b = o.trans_b, .m = m, .n = n, .k = k};
  Shape out_shape;
  if (b.ndim() == 2 && a.ndim() > 2 && !o.trans_a) {
    // [..., m, k]·[k, n]: all rows of a form one [rows, k] matrix.
    g.m = a.numel() / k;
    out_shape = Shape(a.shape().begin(), a.shape().end() - 1);
  } else if (a.ndim() > 2 || b.ndim() > 2) {
    check<ShapeError>(a.ndim() == b.ndim() && std::equal(a.shape().begin(), a.shape().end() - 2, b.shape().begin()),
                      "matmul: batch axes of {} and {} differ (batched matmul needs equal batch axes, or a 2-D right "
                      "side)",
                      shape_text(a.shape()), shape_text(b.shape()));
    g.batch = shape_numel(std::span(a.shape()).first(a.shape().size() - 2));
    g.a_batch_stride = m * k;
    g.b_batch_stride = k * n;
    out_shape = Shape(a.shape().begin(), a.shape().end() - 2);
    out_shape.push_back(m);
  } else {
    out_shape = {m};
  }
  out_shape.push_back(n);
  Tensor c = Tensor::empty(out_shape, {.dtype = a.dtype(), .device = a.device()});
  if (c.numel() > 0) backend(a.device()).gemm(g, a, b, c);
  return c;
}

}  // namespace

// For C = op(A)·op(B):
//   A·B:    dA = gy·Bᵀ      dB = Aᵀ·gy
//   Aᵀ·B:   dA = B·gyᵀ      dB = A·gy
//   A·Bᵀ:   dA = gy·B       dB = gyᵀ·A
//   Aᵀ·Bᵀ:  dA = Bᵀ·gyᵀ     dB = gyᵀ·Aᵀ
// Each is one GEMM with flags. When B is 2-D and shared by a batch of A's, dB sums over the batch,
// which the flattened [rows, k] view does inside the same GEMM.
Tensor matmul(const Tensor& a, const Tensor& b, MatmulOptions o) {
  Tensor c = matmul_kernel(a, b, o);
  // Only the gradients an input asks for are computed: for a first layer, x·W, the GEMM for dx
  // would be a third of the backward pass, spent on data that needs no gradient.
  return autograd::record("matmul", c, {a, b}, [a = a.detach(), b = b.detach(), o, need_a = a.requires_grad(),
                                                need_b = b.requires_grad()](const Tensor& gy) {
    const bool shared_b = b.ndim() == 2 && a.ndim() > 2;
    const Tensor a2 = shared_b ? a.view_as_shape({a.numel() / a.shape(-1), a.shape(-1)}) : a;
    const Tensor g2 = shared_b ? gy.view_as_shape({gy.numel() / gy.shape(-1), gy.shape(-1)}) : gy;
    Tensor ga, gb;
    if (!o.trans_a && !o.trans_b) {
      if (need_a) ga = matmul_kernel(gy, b, {.trans_b = true});
      if (need_b) gb = matmul_kernel(a2, g2, {.trans_a = true});
    } else if (o.trans_a && !o.trans_b) {
      if (need_a) ga = matmul_kernel(b, gy, {.trans_b = true});
      if (need_b) gb = matmul_kernel(a, gy, {});
    } else if (!o.trans_a && o.trans_b) {
      if (need_a) ga = matmul_kernel(gy, b, {});
      if (need_b) gb = matmul_kernel(g2, a2, {.trans_a = true});
    } else {
      if (need_a) ga = matmul_kernel(b, gy, {.trans_a = true, .trans_b = true});
      if (need_b) gb = matmul_kernel(gy, a, {.trans_a = true, .trans_b = true});
    }
    return autograd::Grads{ga, gb};
  });
}

}  // namespace axon
