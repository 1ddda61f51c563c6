// Differentiable shape and indexing ops. Reshapes and first-axis slices share storage; transposes
// and permutes copy (storage is always contiguous).
#pragma once

#include "axon/core/tensor.hpp"

#include <vector>

namespace axon {

/// One extent may be -1 (inferred).
Tensor reshape(const Tensor& x, Shape shape);
/// Flattens axes start_axis.. into one (numpy's flatten when start_axis is 0).
Tensor flatten(const Tensor& x, int start_axis = 0);
/// x repeated along broadcast axes to `shape` (numpy.broadcast_to, but a copy).
Tensor broadcast_to(const Tensor& x, const Shape& shape);
/// Removes all extent-1 axes, or just `axis` (which must have extent 1).
Tensor squeeze(const Tensor& x);
Tensor squeeze(const Tensor& x, int axis);
Tensor unsqueeze(const Tensor& x, int axis);
/// Reverses the axes (a matrix's transpose).
Tensor transpose(const Tensor& x);
/// Swaps two axes.
Tensor transpose(const Tensor& x, int axis0, int axis1);
/// Output axis i is input axis dims[i].
Tensor permute(const Tensor& x, std::vector<int> dims);

Tensor concat(const std::vector<Tensor>& tensors, int axis = 0);
Tensor stack(const std::vector<Tensor>& tensors, int axis = 0);
/// Pieces of the given sizes along `axis` (sizes must add up to the extent).
std::vector<Tensor> split(const Tensor& x, const std::vector<std::int64_t>& sizes, int axis = 0);
/// `sections` equal pieces (numpy.split); the extent must divide evenly.
std::vector<Tensor> split(const Tensor& x, std::int64_t sections, int axis = 0);

/// Rows [start, stop) of the first axis, as a view that shares storage.
Tensor slice(const Tensor& x, std::int64_t start, std::int64_t stop);
/// Elements [start, start + length) along any axis (a copy unless axis is 0).
Tensor narrow(const Tensor& x, int axis, std::int64_t start, std::int64_t length);

/// The slices of x at the int64 positions `index` (1-D) along `axis` (numpy.take).
Tensor index_select(const Tensor& x, int axis, const Tensor& index);
/// torch.gather: index has x's shape except along `axis`; out[i][j] = x[i][index[i][j]] (axis 1).
Tensor gather(const Tensor& x, int axis, const Tensor& index);
/// torch.scatter_add: a copy of x with src added at index along `axis`.
Tensor scatter_add(const Tensor& x, int axis, const Tensor& index, const Tensor& src);

/// int64 labels [n] to a [n, num_classes] tensor of 0/1 (float32 unless told).
Tensor one_hot(const Tensor& labels, std::int64_t num_classes, Dtype dtype = Dtype::float32);
/// A copy in another dtype (differentiable between float dtypes).
Tensor astype(const Tensor& x, Dtype dtype);

}  // namespace axon
