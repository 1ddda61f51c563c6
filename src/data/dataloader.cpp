#include "axon/data/dataloader.hpp"

#include "axon/core/backend.hpp"
#include "axon/core/creation.hpp"
#include "axon/core/generator.hpp"

#include <algorithm>

namespace axon::data {

DataLoader::DataLoader(std::vector<Tensor> tensors, Options options)
    : tensors_(std::move(tensors)), options_(std::move(options)) {
  check(!tensors_.empty(), "DataLoader: expected at least one tensor, got none");
  check(options_.batch_size >= 1, "DataLoader: batch_size must be >= 1, got {}", options_.batch_size);
  for (std::size_t i = 0; i < tensors_.size(); ++i) {
    check(tensors_[i].defined(), "DataLoader: tensor {} is undefined", i);
    check<ShapeError>(tensors_[i].ndim() >= 1, "DataLoader: tensor {} is 0-d; expected a first axis of samples", i);
    check<ShapeError>(tensors_[i].shape(0) == tensors_[0].shape(0),
                      "DataLoader: tensors must share their first axis: tensor 0 has {} samples (shape {}), tensor {} "
                      "has {} (shape {})",
                      tensors_[0].shape(0), shape_text(tensors_[0].shape()), i, tensors_[i].shape(0),
                      shape_text(tensors_[i].shape()));
  }
  num_samples_ = tensors_[0].shape(0);
}

std::int64_t DataLoader::size() const {
  const std::int64_t b = options_.batch_size;
  return options_.drop_last ? num_samples_ / b : (num_samples_ + b - 1) / b;
}

DataLoader::Batch DataLoader::batch(std::int64_t i, const Tensor& order) const {
  check<IndexError>(i >= 0 && i < size(), "DataLoader: batch {} out of range for {} batches", i, size());
  const std::int64_t start = i * options_.batch_size;
  const std::int64_t stop = std::min(num_samples_, start + options_.batch_size);
  Batch out;
  out.reserve(tensors_.size());
  if (!order.defined()) {
    for (const Tensor& t : tensors_) out.push_back(t.rows(start, stop));  // views, no copy
  } else {
    const Tensor index = order.rows(start, stop);
    for (const Tensor& t : tensors_) {
      Shape shape = t.shape();
      shape[0] = stop - start;
      Tensor gathered = Tensor::empty(shape, {.dtype = t.dtype(), .device = t.device()});
      backend(t.device()).index_select(t, 0, index, gathered);  // one memcpy per row
      out.push_back(std::move(gathered));
    }
  }
  if (options_.transform) out = options_.transform(std::move(out));
  return out;
}

DataLoader::Iterator DataLoader::begin() {
  Tensor order;
  if (options_.shuffle) {
    Generator gen(options_.seed + static_cast<std::uint64_t>(epoch_));
    order = permutation(num_samples_, gen);
  }
  ++epoch_;
  return Iterator(this, std::move(order), 0);
}

}  // namespace axon::data
