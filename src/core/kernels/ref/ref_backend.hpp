// The reference backend: plain loops over every element, accumulating in double where it sums.
// It is the definition of what each kernel means; the fast backend is tested against it.
#pragma once

#include "axon/core/backend.hpp"

namespace axon::kernels {

class RefBackend : public Backend {
 public:
  const char* name() const override { return "ref"; }
  void gemm(const Gemm& g, const Tensor& a, const Tensor& b, Tensor& c) const override;
  void unary(UnaryOp op, UnaryParams p, const Tensor& x, Tensor& out) const override;
  void unary_backward(UnaryOp op, UnaryParams p, const Tensor& gy, const Tensor& x, const Tensor& y,
                      Tensor& gx) const override;
  void binary(BinaryOp op, const Tensor& a, const Tensor& b, Tensor& out) const override;
  void axpy(double alpha, const Tensor& x, Tensor& y) const override;
  void adam_step(const AdamStep& s, const Tensor& g, Tensor& p, Tensor& m, Tensor& v) const override;
  void reduce(ReduceOp op, const Tensor& x, int axis, Tensor& out) const override;
  void softmax(const Tensor& x, int axis, bool log, Tensor& out) const override;
  void permute(const Tensor& x, std::span<const int> dims, Tensor& out) const override;
  void cast(const Tensor& x, Tensor& out) const override;
  void fill(Tensor& out, double value) const override;
  void copy_slab(const Tensor& piece, const Tensor& whole, int axis, std::int64_t start, bool into_whole) const override;
  void index_select(const Tensor& x, int axis, const Tensor& index, Tensor& out) const override;
  void index_add(Tensor& out, int axis, const Tensor& index, const Tensor& src) const override;
  void gather(const Tensor& x, int axis, const Tensor& index, Tensor& out) const override;
  void scatter_add(Tensor& out, int axis, const Tensor& index, const Tensor& src) const override;
  void where(const Tensor& cond, const Tensor& a, const Tensor& b, Tensor& out) const override;
};

/// Checks that an int64 index lies in [0, n), naming the op.
void check_index(std::int64_t i, std::int64_t n, const char* op);

}  // namespace axon::kernels
