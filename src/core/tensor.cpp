#include "axon/core/tensor.hpp"

#include <fmt/format.h>
#include <sys/mman.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <new>
#include <ostream>

namespace axon {

// Blocks of kAlignedFrom bytes or more are 64-byte (cache line) aligned for SIMD loads and BLAS;
// smaller ones come from plain malloc (16-byte aligned): glibc's memalign path is several times
// slower and fragments the heap, which dominated the cost of small ops (bench/compare/op_overhead).
// Blocks of kHugeFrom bytes or more (a dataset, a large layer) are aligned to 2 MB and offered to the
// kernel's transparent huge pages: rows read in random order (fit's shuffled batches) then miss
// the TLB once per 2 MB instead of once per 4 KB page (gathering a Fashion-MNIST epoch measured
// 20% faster). Where huge pages are off, madvise changes nothing.
namespace {
constexpr std::size_t kAlignedFrom = 4096;
constexpr std::size_t kHugeFrom = std::size_t{16} << 20;
constexpr std::size_t kHugePage = std::size_t{2} << 20;
std::align_val_t alignment(std::size_t nbytes) {
  return std::align_val_t{nbytes >= kHugeFrom ? kHugePage : 64};
}
}  // namespace

Storage::Storage(std::size_t nbytes, Device device) : nbytes_(nbytes), device_(device) {
  check(device == Device::cpu, "Storage: device {} is not available in this build", device_name(device));
  if (nbytes == 0) return;
  if (nbytes < kAlignedFrom) {
    data_ = ::operator new(nbytes);
    return;
  }
  data_ = ::operator new(nbytes, alignment(nbytes));
  if (nbytes >= kHugeFrom) ::madvise(data_, nbytes / kHugePage * kHugePage, MADV_HUGEPAGE);
}

Storage::~Storage() {
  if (!data_) return;
  if (nbytes_ >= kAlignedFrom) ::operator delete(data_, alignment(nbytes_));
  else ::operator delete(data_);
}

Tensor Tensor::empty(Shape shape, TensorOptions options) {
  for (auto d : shape) check<ShapeError>(d >= 0, "empty: negative extent in shape {}", shape_text(shape));
  auto impl = std::make_shared<TensorImpl>();
  const auto n = static_cast<std::size_t>(shape_numel(shape));
  impl->storage = std::make_shared<Storage>(n * itemsize(options.dtype), options.device);
  impl->shape = std::move(shape);
  impl->dtype = options.dtype;
  Tensor t(std::move(impl));
  if (options.requires_grad) t.requires_grad_(true);
  return t;
}

void Tensor::throw_dtype_mismatch(Dtype asked) const {
  throw ValueError(fmt::format("Tensor::data: tensor is {}, asked for {}", dtype_name(dtype()), dtype_name(asked)));
}

std::int64_t Tensor::shape(int axis) const {
  return impl_->shape[static_cast<std::size_t>(normalize_axis(axis, ndim(), "Tensor::shape"))];
}

template <typename T>
T Tensor::item() const {
  check(numel() == 1, "item: only one-element tensors can be converted to a scalar, got shape {}",
        shape_text(shape()));
  return visit_dtype(dtype(), [&]<typename S>() { return static_cast<T>(*static_cast<const S*>(raw_data())); });
}

template <typename T>
std::vector<T> Tensor::to_vector() const {
  std::vector<T> out(static_cast<std::size_t>(numel()));
  visit_dtype(dtype(), [&]<typename S>() {
    const S* p = static_cast<const S*>(raw_data());
    std::transform(p, p + out.size(), out.begin(), [](S v) { return static_cast<T>(v); });
  });
  return out;
}

#define AXON_INSTANTIATE(T) template T Tensor::item<T>() const; template std::vector<T> Tensor::to_vector<T>() const;
AXON_INSTANTIATE(float)
AXON_INSTANTIATE(double)
AXON_INSTANTIATE(std::int64_t)
AXON_INSTANTIATE(std::uint8_t)
AXON_INSTANTIATE(int)
#undef AXON_INSTANTIATE

Tensor Tensor::clone() const {
  Tensor out = empty(shape(), {.dtype = dtype(), .device = device()});
  if (nbytes() > 0) std::memcpy(out.raw_data(), raw_data(), nbytes());
  return out;
}

Tensor Tensor::detach() const {
  auto impl = std::make_shared<TensorImpl>();
  impl->storage = impl_->storage;
  impl->offset = impl_->offset;
  impl->shape = impl_->shape;
  impl->dtype = impl_->dtype;
  return Tensor(std::move(impl));
}

Tensor Tensor::view_as_shape(Shape new_shape) const {
  check<ShapeError>(shape_numel(new_shape) == numel(), "reshape: cannot view a tensor of shape {} ({} elements) as {}",
                    shape_text(shape()), numel(), shape_text(new_shape));
  Tensor t = detach();
  t.impl_->shape = std::move(new_shape);
  return t;
}

Tensor Tensor::rows(std::int64_t start, std::int64_t stop) const {
  check<ShapeError>(ndim() >= 1, "rows: a 0-d tensor has no rows");
  const std::int64_t n = shape()[0];
  check<IndexError>(0 <= start && start <= stop && stop <= n, "rows: range [{}, {}) is outside [0, {}]", start, stop, n);
  Tensor t = detach();
  t.impl_->shape[0] = stop - start;
  t.impl_->offset += start * (n == 0 ? 0 : numel() / n);
  return t;
}

// Gradient bookkeeping lives here with the flags it sets; the backward pass is the autograd floor's.
Tensor& Tensor::requires_grad_(bool value) {
  check(!value || is_floating(dtype()), "requires_grad_: only floating point tensors can require gradients, got {}",
        dtype_name(dtype()));
  check(value || is_leaf(), "requires_grad_: cannot turn off requires_grad of a non-leaf tensor; use detach()");
  impl_->requires_grad = value;
  return *this;
}

Tensor Tensor::grad() const {
  check(requires_grad(),
        "grad: this tensor does not require grad, so it has no gradient. Call requires_grad_() on it before the "
        "forward pass.");
  return impl_->grad ? Tensor(impl_->grad) : Tensor();
}

void Tensor::set_grad(const Tensor& g) {
  check<ShapeError>(!g.defined() || g.shape() == shape(), "set_grad: gradient shape {} does not match tensor shape {}",
                    g.defined() ? shape_str(g.shape()) : std::string("undefined"), shape_text(shape()));
  impl_->grad = g.defined() ? g.impl_ptr() : nullptr;
}

void Tensor::zero_grad() { impl_->grad.reset(); }
void Tensor::retain_grad() {
  check(requires_grad(), "retain_grad: this tensor does not require grad");
  impl_->retains_grad = true;
}

// ---------------------------------------------------------------------------------------------
// Printing, in PyTorch's numpy-like layout: nested brackets, aligned columns, 4 decimals for floats
// (or scientific when magnitudes differ by more than 1e3), the middle elided above 1000 elements.
namespace {

struct Printer {
  const Tensor& t;
  std::vector<double> values;  // row-major copy as double
  bool floating = false;
  bool integral_floats = false;
  bool scientific = false;
  bool summarize = false;
  std::size_t width = 0;
  static constexpr std::int64_t kEdge = 3;

  std::string format_value(double v) const {
    if (!floating) return fmt::format("{}", static_cast<long long>(v));
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    if (scientific) return fmt::format("{:.4e}", v);
    if (integral_floats) return fmt::format("{:.0f}.", v);
    return fmt::format("{:.4f}", v);
  }

  void element_range(std::int64_t extent, std::vector<std::int64_t>& idx) const {
    idx.clear();
    if (summarize && extent > 2 * kEdge) {
      for (std::int64_t i = 0; i < kEdge; ++i) idx.push_back(i);
      idx.push_back(-1);  // the ellipsis
      for (std::int64_t i = extent - kEdge; i < extent; ++i) idx.push_back(i);
    } else {
      for (std::int64_t i = 0; i < extent; ++i) idx.push_back(i);
    }
  }

  void print(std::string& out, int dim, std::int64_t base, std::size_t indent) const {
    const auto& shape = t.shape();
    const std::int64_t stride = shape_numel(std::span(shape).subspan(static_cast<std::size_t>(dim) + 1));
    std::vector<std::int64_t> idx;
    element_range(shape[static_cast<std::size_t>(dim)], idx);
    out += '[';
    const bool last = dim + 1 == t.ndim();
    for (std::size_t j = 0; j < idx.size(); ++j) {
      if (j > 0) {
        out += ',';
        if (last) {
          out += ' ';
        } else {
          out.append(static_cast<std::size_t>(t.ndim() - dim - 1), '\n');
          out.append(indent + 1, ' ');
        }
      }
      if (idx[j] < 0) {
        out += "...";
        continue;
      }
      if (last) {
        std::string s = format_value(values[static_cast<std::size_t>(base + idx[j])]);
        out.append(width - std::min(width, s.size()), ' ');
        out += s;
      } else {
        print(out, dim + 1, base + idx[j] * stride, indent + 1);
      }
    }
    out += ']';
  }
};

}  // namespace

std::string to_string(const Tensor& t) {
  if (!t.defined()) return "tensor(undefined)";
  Printer p{t, t.to_vector<double>()};
  p.floating = is_floating(t.dtype());
  p.summarize = t.numel() > 1000;
  double max_abs = 0, min_abs = INFINITY;
  bool all_integral = true;
  for (double v : p.values) {
    if (!std::isfinite(v)) continue;
    max_abs = std::max(max_abs, std::abs(v));
    if (v != 0) min_abs = std::min(min_abs, std::abs(v));
    all_integral = all_integral && v == std::nearbyint(v);
  }
  p.integral_floats = p.floating && all_integral && max_abs < 1e8;
  p.scientific = p.floating && !p.integral_floats && max_abs > 0 &&
                 (max_abs >= 1e8 || min_abs < 1e-4 || max_abs / min_abs > 1e3);
  for (double v : p.values) p.width = std::max(p.width, p.format_value(v).size());

  std::string out = "tensor(";
  if (t.ndim() == 0) {
    out += p.format_value(p.values.at(0));
  } else {
    p.print(out, 0, 0, 7);
  }
  const bool default_dtype = t.dtype() == Dtype::float32 || t.dtype() == Dtype::int64;
  if (!default_dtype || t.numel() == 0) out += fmt::format(", dtype={}", dtype_name(t.dtype()));
  if (t.numel() == 0 && t.ndim() != 1) out += fmt::format(", shape={}", shape_text(t.shape()));
  out += ')';
  return out;
}

std::ostream& operator<<(std::ostream& os, const Tensor& t) { return os << to_string(t); }

}  // namespace axon
