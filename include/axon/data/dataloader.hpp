// Mini-batches over in-memory tensors, as torch.utils.data.DataLoader over a TensorDataset (with
// Keras's batch_size, shuffle and seed).
#pragma once

#include "axon/core/tensor.hpp"

#include <cstdint>
#include <functional>
#include <iterator>
#include <vector>

namespace axon::data {

/// DataLoader's options (PyTorch's names; `seed` as Keras's).
struct DataLoaderOptions {
  std::int64_t batch_size = 32;
  bool shuffle = false;    ///< a new order each epoch, from Generator(seed + epoch)
  bool drop_last = false;  ///< leave out the last batch when it is smaller than batch_size
  std::uint64_t seed = 0;
  /// Applied to every batch before it is yielded (augmentation, casting, normalising); its
  /// result may have any number of tensors.
  std::function<std::vector<Tensor>(std::vector<Tensor>)> transform{};
};

/// Iterates over one or more tensors that share their first axis (samples), in batches.
///
/// Without shuffling, each batch holds views of the tensors' rows (Tensor::rows, no copy). With
/// shuffling, every pass over the loader (every begin()) is a new epoch with its own order, the
/// permutation of Generator(seed + epoch), and a batch holds gathered copies; the same seed gives
/// the same batches, epoch by epoch.
///
///   data::DataLoader loader({images, labels}, {.batch_size = 64, .shuffle = true, .seed = 42});
///   for (int epoch = 0; epoch < 5; ++epoch)
///     for (const auto& batch : loader) {
///       const Tensor& x = batch[0];  // [64, 28, 28] (the last batch may be smaller)
///       const Tensor& y = batch[1];  // [64]
///     }
class DataLoader {
 public:
  using Batch = std::vector<Tensor>;
  using Options = DataLoaderOptions;

  /// The tensors must be non-empty in number, at least 1-D, with equal first axes (ShapeError
  /// naming both shapes otherwise); batch_size must be >= 1 (ValueError).
  explicit DataLoader(std::vector<Tensor> tensors, Options options = {});

  /// Batches per epoch: ceil(n / batch_size), or floor with drop_last.
  std::int64_t size() const;
  /// Samples (the shared first axis).
  std::int64_t num_samples() const { return num_samples_; }
  const Options& options() const { return options_; }
  /// The epoch the next begin() starts: 0 at first, one more after each begin().
  std::int64_t epoch() const { return epoch_; }
  /// Resumes at an epoch, so the next pass uses Generator(seed + epoch) (as Model::fit's initial_epoch).
  void set_epoch(std::int64_t epoch) { epoch_ = epoch; }
  /// Batch `i` of an epoch's order (`order` undefined: the tensors' own order), transform applied.
  Batch batch(std::int64_t i, const Tensor& order = Tensor()) const;

  class Iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = Batch;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = Batch;

    Iterator() = default;
    Batch operator*() const { return loader_->batch(index_, order_); }
    Iterator& operator++() { ++index_; return *this; }
    void operator++(int) { ++index_; }
    bool operator==(const Iterator& other) const { return index_ == other.index_; }

   private:
    friend class DataLoader;
    Iterator(const DataLoader* loader, Tensor order, std::int64_t index)
        : loader_(loader), order_(std::move(order)), index_(index) {}
    const DataLoader* loader_ = nullptr;
    Tensor order_;  // int64 permutation of this epoch; undefined without shuffle
    std::int64_t index_ = 0;
  };

  /// Starts an epoch: draws its order when shuffling, and advances epoch().
  Iterator begin();
  Iterator end() const { return Iterator(this, Tensor(), size()); }

 private:
  std::vector<Tensor> tensors_;
  Options options_;
  std::int64_t num_samples_ = 0;
  std::int64_t epoch_ = 0;
};

}  // namespace axon::data
