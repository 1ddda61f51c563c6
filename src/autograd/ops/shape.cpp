// Shape and indexing ops with their gradients.
#include "axon/autograd/ops/shape.hpp"

#include "axon/autograd/node.hpp"
#include "axon/autograd/ops/elementwise.hpp"
#include "axon/core/backend.hpp"
#include "axon/core/creation.hpp"

#include <algorithm>
#include <numeric>

namespace axon {

using autograd::Grads;
using autograd::record;

namespace {
Tensor empty_like_shape(const Tensor& like, Shape shape, Dtype dtype) {
  return Tensor::empty(std::move(shape), {.dtype = dtype, .device = like.device()});
}
}  // namespace

Tensor reshape(const Tensor& x, Shape shape) {
  std::int64_t known = 1;
  int infer = -1;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == -1) {
      check<ShapeError>(infer < 0, "reshape: only one extent can be -1, got {}", shape_text(shape));
      infer = static_cast<int>(i);
    } else {
      known *= shape[i];
    }
  }
  if (infer >= 0) {
    check<ShapeError>(known > 0 && x.numel() % known == 0, "reshape: cannot reshape a tensor of shape {} into {}",
                      shape_text(x.shape()), shape_text(shape));
    shape[static_cast<std::size_t>(infer)] = x.numel() / known;
  }
  if (shape == x.shape()) return x;
  return record("reshape", x.view_as_shape(std::move(shape)), {x},
                [from = x.shape()](const Tensor& gy) { return Grads{reshape(gy, from)}; });
}

Tensor flatten(const Tensor& x, int start_axis) {
  if (x.ndim() == 0) return reshape(x, {1});
  const int a = normalize_axis(start_axis, x.ndim(), "flatten");
  Shape s(x.shape().begin(), x.shape().begin() + a);
  s.push_back(-1);
  return reshape(x, s);
}

Tensor broadcast_to(const Tensor& x, const Shape& shape) {
  check<ShapeError>(broadcast_shapes(x.shape(), shape, "broadcast_to") == shape,
                    "broadcast_to: cannot broadcast shape {} to {}", shape_text(x.shape()), shape_text(shape));
  if (x.shape() == shape) return x;
  Tensor out = empty_like_shape(x, shape, x.dtype());
  backend(x.device()).where(ones({}, {.dtype = Dtype::uint8}), x, x, out);
  // The engine sums the gradient back over the broadcast axes.
  return record("broadcast_to", out, {x}, [](const Tensor& gy) { return Grads{gy}; });
}

Tensor squeeze(const Tensor& x) {
  Shape s;
  for (auto d : x.shape())
    if (d != 1) s.push_back(d);
  return reshape(x, s);
}

Tensor squeeze(const Tensor& x, int axis) {
  const int a = normalize_axis(axis, x.ndim(), "squeeze");
  check<ShapeError>(x.shape(a) == 1, "squeeze: axis {} of shape {} has extent {}, not 1", axis, shape_text(x.shape()),
                    x.shape(a));
  Shape s = x.shape();
  s.erase(s.begin() + a);
  return reshape(x, s);
}

Tensor unsqueeze(const Tensor& x, int axis) {
  const int a = normalize_axis(axis < 0 ? axis + x.ndim() + 1 : axis, x.ndim() + 1, "unsqueeze");
  Shape s = x.shape();
  s.insert(s.begin() + a, 1);
  return reshape(x, s);
}

// d permute(x, dims) = permute(gy, inverse(dims))
Tensor permute(const Tensor& x, std::vector<int> dims) {
  check<ShapeError>(static_cast<int>(dims.size()) == x.ndim(), "permute: {} axes given for a tensor of shape {}",
                    dims.size(), shape_text(x.shape()));
  std::vector<int> inverse(dims.size(), -1);
  Shape out_shape(dims.size());
  for (std::size_t i = 0; i < dims.size(); ++i) {
    dims[i] = normalize_axis(dims[i], x.ndim(), "permute");
    check<ShapeError>(inverse[static_cast<std::size_t>(dims[i])] < 0, "permute: axis {} appears twice", dims[i]);
    inverse[static_cast<std::size_t>(dims[i])] = static_cast<int>(i);
    out_shape[i] = x.shape(dims[i]);
  }
  Tensor out = empty_like_shape(x, out_shape, x.dtype());
  backend(x.device()).permute(x, dims, out);
  return record("permute", out, {x}, [inverse](const Tensor& gy) { return Grads{permute(gy, inverse)}; });
}

Tensor transpose(const Tensor& x) {
  std::vector<int> dims(static_cast<std::size_t>(x.ndim()));
  std::iota(dims.rbegin(), dims.rend(), 0);
  return permute(x, dims);
}

Tensor transpose(const Tensor& x, int axis0, int axis1) {
  std::vector<int> dims(static_cast<std::size_t>(x.ndim()));
  std::iota(dims.begin(), dims.end(), 0);
  std::swap(dims[static_cast<std::size_t>(normalize_axis(axis0, x.ndim(), "transpose"))],
            dims[static_cast<std::size_t>(normalize_axis(axis1, x.ndim(), "transpose"))]);
  return permute(x, dims);
}

// d concat = the pieces of gy (narrow along the axis).
Tensor concat(const std::vector<Tensor>& tensors, int axis) {
  check(!tensors.empty(), "concat: need at least one tensor");
  const Tensor& first = tensors[0];
  const int a = normalize_axis(axis, first.ndim(), "concat");
  Shape shape = first.shape();
  shape[static_cast<std::size_t>(a)] = 0;
  for (std::size_t i = 0; i < tensors.size(); ++i) {
    const Tensor& t = tensors[i];
    check<ShapeError>(t.ndim() == first.ndim(), "concat: tensor {} has {} dimensions, tensor 0 has {}", i, t.ndim(),
                      first.ndim());
    check(t.dtype() == first.dtype(), "concat: tensor {} is {}, tensor 0 is {}", i, dtype_name(t.dtype()),
          dtype_name(first.dtype()));
    for (int d = 0; d < t.ndim(); ++d)
      check<ShapeError>(d == a || t.shape(d) == first.shape(d),
                        "concat: shapes {} (tensor 0) and {} (tensor {}) differ outside axis {}", shape_text(first.shape()),
                        shape_text(t.shape()), i, a);
    shape[static_cast<std::size_t>(a)] += t.shape(a);
  }
  Tensor out = empty_like_shape(first, shape, first.dtype());
  std::vector<std::int64_t> sizes;
  std::int64_t start = 0;
  for (const Tensor& t : tensors) {
    backend(out.device()).copy_slab(t, out, a, start, true);
    sizes.push_back(t.shape(a));
    start += t.shape(a);
  }
  if (!autograd::needs_grad(tensors)) return out;
  return autograd::attach("concat", out, tensors, [sizes, a](const Tensor& gy) { return split(gy, sizes, a); });
}

Tensor stack(const std::vector<Tensor>& tensors, int axis) {
  check(!tensors.empty(), "stack: need at least one tensor");
  std::vector<Tensor> expanded;
  expanded.reserve(tensors.size());
  for (std::size_t i = 0; i < tensors.size(); ++i) {
    check<ShapeError>(tensors[i].shape() == tensors[0].shape(), "stack: tensor {} has shape {}, tensor 0 has {}", i,
                      shape_text(tensors[i].shape()), shape_text(tensors[0].shape()));
    expanded.push_back(unsqueeze(tensors[i], axis));
  }
  return concat(expanded, axis < 0 ? axis : axis);
}

// d narrow = gy placed into zeros at [start, start + length).
Tensor narrow(const Tensor& x, int axis, std::int64_t start, std::int64_t length) {
  const int a = normalize_axis(axis, x.ndim(), "narrow");
  check<IndexError>(start >= 0 && length >= 0 && start + length <= x.shape(a),
                    "narrow: range [{}, {}) is outside axis {} of shape {}", start, start + length, axis,
                    shape_text(x.shape()));
  Tensor out;
  if (a == 0) {
    out = x.rows(start, start + length);
  } else {
    Shape s = x.shape();
    s[static_cast<std::size_t>(a)] = length;
    out = empty_like_shape(x, s, x.dtype());
    backend(x.device()).copy_slab(out, x, a, start, false);
  }
  return record("narrow", out, {x}, [shape = x.shape(), a, start](const Tensor& gy) {
    Tensor gx = zeros(shape, {.dtype = gy.dtype(), .device = gy.device()});
    backend(gy.device()).copy_slab(gy, gx, a, start, true);
    return Grads{gx};
  });
}

Tensor slice(const Tensor& x, std::int64_t start, std::int64_t stop) {
  check<ShapeError>(x.ndim() >= 1, "slice: a 0-d tensor has no rows");
  check<IndexError>(0 <= start && start <= stop && stop <= x.shape(0), "slice: rows [{}, {}) are outside [0, {}]",
                    start, stop, x.shape(0));
  return narrow(x, 0, start, stop - start);
}

std::vector<Tensor> split(const Tensor& x, const std::vector<std::int64_t>& sizes, int axis) {
  const int a = normalize_axis(axis, x.ndim(), "split");
  const std::int64_t total = std::accumulate(sizes.begin(), sizes.end(), std::int64_t{0});
  check<ShapeError>(total == x.shape(a), "split: sizes add up to {} but axis {} of shape {} has {}", total, axis,
                    shape_text(x.shape()), x.shape(a));
  std::vector<Tensor> out;
  std::int64_t start = 0;
  for (auto n : sizes) {
    out.push_back(narrow(x, a, start, n));
    start += n;
  }
  return out;
}

std::vector<Tensor> split(const Tensor& x, std::int64_t sections, int axis) {
  check(sections > 0, "split: sections must be positive, got {}", sections);
  const std::int64_t n = x.shape(axis);
  check<ShapeError>(n % sections == 0, "split: axis {} of extent {} does not divide into {} equal sections", axis, n,
                    sections);
  return split(x, std::vector<std::int64_t>(static_cast<std::size_t>(sections), n / sections), axis);
}

namespace {
void check_index_tensor(const Tensor& index, const char* op) {
  check(index.dtype() == Dtype::int64, "{}: index must be int64, got {}", op, dtype_name(index.dtype()));
}
}  // namespace

// d index_select = index_add of gy into zeros.
Tensor index_select(const Tensor& x, int axis, const Tensor& index) {
  check_index_tensor(index, "index_select");
  check<ShapeError>(index.ndim() <= 1, "index_select: index must be 1-D, got shape {}", shape_text(index.shape()));
  const int a = normalize_axis(axis, x.ndim(), "index_select");
  Shape s = x.shape();
  s[static_cast<std::size_t>(a)] = index.numel();
  Tensor out = empty_like_shape(x, s, x.dtype());
  backend(x.device()).index_select(x, a, index, out);
  return record("index_select", out, {x}, [shape = x.shape(), a, index](const Tensor& gy) {
    Tensor gx = zeros(shape, {.dtype = gy.dtype(), .device = gy.device()});
    backend(gy.device()).index_add(gx, a, index, gy);
    return Grads{gx};
  });
}

namespace {
void check_gather_shapes(const Tensor& x, int a, const Tensor& index, const char* op) {
  check<ShapeError>(index.ndim() == x.ndim(), "{}: index has {} dimensions, input has {}", op, index.ndim(), x.ndim());
  for (int d = 0; d < x.ndim(); ++d)
    check<ShapeError>(d == a || index.shape(d) == x.shape(d),
                      "{}: index shape {} must match input shape {} outside axis {}", op, shape_text(index.shape()),
                      shape_text(x.shape()), a);
}
}  // namespace

// d gather = scatter_add of gy into zeros at the same positions.
Tensor gather(const Tensor& x, int axis, const Tensor& index) {
  check_index_tensor(index, "gather");
  const int a = normalize_axis(axis, x.ndim(), "gather");
  check_gather_shapes(x, a, index, "gather");
  Tensor out = empty_like_shape(x, index.shape(), x.dtype());
  backend(x.device()).gather(x, a, index, out);
  return record("gather", out, {x}, [shape = x.shape(), a, index](const Tensor& gy) {
    Tensor gx = zeros(shape, {.dtype = gy.dtype(), .device = gy.device()});
    backend(gy.device()).scatter_add(gx, a, index, gy);
    return Grads{gx};
  });
}

// d scatter_add(x, src) = (gy, gather(gy, index))
Tensor scatter_add(const Tensor& x, int axis, const Tensor& index, const Tensor& src) {
  check_index_tensor(index, "scatter_add");
  const int a = normalize_axis(axis, x.ndim(), "scatter_add");
  check_gather_shapes(x, a, index, "scatter_add");
  check<ShapeError>(src.shape() == index.shape(), "scatter_add: src shape {} must equal index shape {}",
                    shape_text(src.shape()), shape_text(index.shape()));
  check(src.dtype() == x.dtype(), "scatter_add: src is {}, input is {}", dtype_name(src.dtype()), dtype_name(x.dtype()));
  Tensor out = x.clone();
  backend(x.device()).scatter_add(out, a, index, src);
  return record("scatter_add", out, {x, src}, [a, index](const Tensor& gy) {
    Tensor gsrc = Tensor::empty(index.shape(), {.dtype = gy.dtype(), .device = gy.device()});
    backend(gy.device()).gather(gy, a, index, gsrc);
    return Grads{gy, gsrc};
  });
}

Tensor one_hot(const Tensor& labels, std::int64_t num_classes, Dtype dtype) {
  check(labels.dtype() == Dtype::int64, "one_hot: labels must be int64, got {}", dtype_name(labels.dtype()));
  check(num_classes > 0, "one_hot: num_classes must be positive, got {}", num_classes);
  Shape s = labels.shape();
  s.push_back(num_classes);
  Tensor out = zeros(s, {.dtype = dtype, .device = labels.device()});
  const std::int64_t* l = labels.data<std::int64_t>();
  visit_dtype(dtype, [&]<typename T>() {
    T* o = out.data<T>();
    for (std::int64_t i = 0, n = labels.numel(); i < n; ++i) {
      check<IndexError>(l[i] >= 0 && l[i] < num_classes, "one_hot: label {} at position {} is outside [0, {})", l[i], i,
                        num_classes);
      o[i * num_classes + l[i]] = T(1);
    }
  });
  return out;
}

Tensor astype(const Tensor& x, Dtype dtype) {
  if (x.dtype() == dtype) return x;
  Tensor out = empty_like_shape(x, x.shape(), dtype);
  backend(x.device()).cast(x, out);
  if (!is_floating(dtype)) return out;
  return record("astype", out, {x}, [from = x.dtype()](const Tensor& gy) { return Grads{astype(gy, from)}; });
}

}  // namespace axon
