// axon::Tensor: an n-dimensional array with a dtype and a device, shared by reference like
// torch::Tensor. Storage is row-major and contiguous from an offset, so a range of rows is a view.
#pragma once

#include "axon/core/device.hpp"
#include "axon/core/dtype.hpp"
#include "axon/core/error.hpp"
#include "axon/core/shape.hpp"

#include <cstddef>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace axon {

namespace autograd { struct Node; }

/// A block of device memory (64-byte aligned from 4 KiB up). Tensors share it through shared_ptr.
class Storage {
 public:
  Storage(std::size_t nbytes, Device device);
  ~Storage();
  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;
  void* data() const { return data_; }
  std::size_t nbytes() const { return nbytes_; }
  Device device() const { return device_; }
 private:
  void* data_ = nullptr;
  std::size_t nbytes_ = 0;
  Device device_ = Device::cpu;
};

/// What a Tensor handle points at: the data (storage, offset, shape, dtype) and, for autograd,
/// whether it wants a gradient, the gradient itself and the node that produced it.
struct TensorImpl {
  std::shared_ptr<Storage> storage;
  std::int64_t offset = 0;  // in elements
  Shape shape;
  Dtype dtype = Dtype::float32;
  bool requires_grad = false;
  bool retains_grad = false;
  std::shared_ptr<TensorImpl> grad;
  std::shared_ptr<autograd::Node> grad_fn;
};

struct TensorOptions {
  Dtype dtype = Dtype::float32;
  Device device = Device::cpu;
  bool requires_grad = false;
};

class Tensor {
 public:
  /// An undefined tensor (no storage); `defined()` is false.
  Tensor() = default;
  explicit Tensor(std::shared_ptr<TensorImpl> impl) : impl_(std::move(impl)) {}

  /// Uninitialized contiguous storage of the given shape.
  static Tensor empty(Shape shape, TensorOptions options = {});

  bool defined() const { return impl_ != nullptr; }
  const Shape& shape() const { return impl_->shape; }
  /// Extent along `axis` (negative counts from the end).
  std::int64_t shape(int axis) const;
  int ndim() const { return static_cast<int>(impl_->shape.size()); }
  std::int64_t numel() const { return shape_numel(impl_->shape); }
  Dtype dtype() const { return impl_->dtype; }
  Device device() const { return impl_->storage->device(); }
  std::int64_t offset() const { return impl_->offset; }

  /// Typed pointer to the first element; throws ValueError when T is not the tensor's dtype.
  template <typename T> T* data() const {
    if (dtype_of<T>() != dtype()) [[unlikely]] throw_dtype_mismatch(dtype_of<T>());
    return static_cast<T*>(raw_data());
  }
  void* raw_data() const {
    return static_cast<char*>(impl_->storage->data()) + impl_->offset * itemsize(impl_->dtype);
  }
  std::size_t nbytes() const { return static_cast<std::size_t>(numel()) * itemsize(dtype()); }

  /// The value of a one-element tensor, converted to T.
  template <typename T = double> T item() const;
  /// All elements in row-major order, converted to T.
  template <typename T> std::vector<T> to_vector() const;

  /// A deep copy that owns new storage (not part of the autograd graph's history).
  Tensor clone() const;
  /// A handle to the same data with no autograd history and requires_grad false.
  Tensor detach() const;
  /// Same storage, new handle and shape; numel must match. Used by reshape and views.
  Tensor view_as_shape(Shape shape) const;
  /// Rows [start, stop) of the first axis, sharing storage (no copy). Not differentiable; use
  /// axon::slice for the differentiable version.
  Tensor rows(std::int64_t start, std::int64_t stop) const;
  bool is_same(const Tensor& other) const { return impl_ == other.impl_; }
  bool shares_storage(const Tensor& other) const { return impl_->storage == other.impl_->storage; }

  // --- autograd (flags and gradient storage; backward() is defined in the autograd floor) ---
  bool requires_grad() const { return impl_ && impl_->requires_grad; }
  /// Marks a leaf tensor as wanting a gradient; only floating dtypes may.
  Tensor& requires_grad_(bool value = true);
  /// The accumulated gradient; throws ValueError when this tensor does not require grad.
  /// Undefined until a backward pass reached it.
  Tensor grad() const;
  void set_grad(const Tensor& g);
  /// Forgets the gradient (PyTorch's set_to_none).
  void zero_grad();
  /// Keep the gradient of a non-leaf tensor too.
  void retain_grad();
  bool is_leaf() const { return !impl_->grad_fn; }
  const std::shared_ptr<autograd::Node>& grad_fn() const { return impl_->grad_fn; }
  /// Backpropagates from this tensor; `gradient` is required unless the tensor has one element.
  void backward(const Tensor& gradient = Tensor(), bool retain_graph = false) const;

  TensorImpl* impl() const { return impl_.get(); }
  const std::shared_ptr<TensorImpl>& impl_ptr() const { return impl_; }

 private:
  [[noreturn]] void throw_dtype_mismatch(Dtype asked) const;
  std::shared_ptr<TensorImpl> impl_;
};

/// numpy-style text: "tensor([[1., 2.],\n        [3., 4.]], dtype=float32)".
std::string to_string(const Tensor& t);
std::ostream& operator<<(std::ostream& os, const Tensor& t);

}  // namespace axon

template <>
struct fmt::formatter<axon::Tensor> : fmt::formatter<std::string> {
  auto format(const axon::Tensor& t, fmt::format_context& ctx) const {
    return fmt::formatter<std::string>::format(axon::to_string(t), ctx);
  }
};
