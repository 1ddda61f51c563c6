// sklearn.utils.resample (sampling rows with or without replacement, optionally stratified) and the
// bootstrap distribution of a statistic with its percentile interval.
#pragma once

#include "axon/ml/data.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace axon::ml {

struct ResampleOptions {
  bool replace = true;                       ///< with replacement (a bootstrap sample)
  std::optional<std::int64_t> n_samples;     ///< default: as many as the input
  std::uint64_t random_state = 0;            ///< axon's generator: the same seed, the same rows (not numpy's draws)
  Tensor stratify;                           ///< labels: each class keeps its share of the rows
};

/// The row indices resample() takes from n rows. With stratify, each class gets its share of
/// n_samples (largest remainders for the rounding, as sklearn's _approximate_mode), drawn within
/// the class, and the result is shuffled. Without replacement n_samples may not exceed n.
std::vector<std::int64_t> resample_indices(std::int64_t n, const ResampleOptions& options = {});
/// X[resample_indices(...)] (any Data kind).
Data resample(const Data& X, const ResampleOptions& options = {});
/// The same rows of X and y.
std::pair<Data, Tensor> resample(const Data& X, const Tensor& y, const ResampleOptions& options = {});

struct BootstrapResult {
  std::vector<double> distribution;  ///< the statistic on each resample, in draw order
  double estimate = 0;               ///< the statistic on the original data
  double mean = 0;
  double standard_error = 0;         ///< std of the distribution (ddof = 1)
  double low = 0, high = 0;          ///< percentile interval (numpy's linear percentiles)
};

/// Draws n_resamples bootstrap samples of the rows of (X, y) (Generator(seed)), evaluates
/// `statistic` on each, and returns the distribution with its percentile interval at
/// confidence_level:
///   auto slope = [](const Tensor& X, const Tensor& y) {
///     return ml::LinearRegression().fit(X, y).coef().item<double>(); };
///   auto b = ml::bootstrap(slope, X, y, 1000, 42);   // b.low, b.high
BootstrapResult bootstrap(const std::function<double(const Tensor& X, const Tensor& y)>& statistic, const Tensor& X,
                          const Tensor& y, std::int64_t n_resamples = 1000, std::uint64_t seed = 0,
                          double confidence_level = 0.95);

}  // namespace axon::ml
