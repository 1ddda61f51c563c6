#include "axon/ml/resample.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/core/generator.hpp"
#include "axon/ml/estimator.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace axon::ml {
namespace {

void shuffle(std::vector<std::int64_t>& v, Generator& gen) {
  for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[gen.below(i)]);
}

// k of the given pool: with replacement k draws, else the first k of a shuffle.
void draw(const std::vector<std::int64_t>& pool, std::int64_t k, bool replace, Generator& gen,
          std::vector<std::int64_t>& out) {
  if (replace) {
    for (std::int64_t i = 0; i < k; ++i) out.push_back(pool[gen.below(pool.size())]);
  } else {
    std::vector<std::int64_t> p = pool;
    shuffle(p, gen);
    out.insert(out.end(), p.begin(), p.begin() + k);
  }
}

// numpy.percentile(v, q) with linear interpolation; v sorted.
double percentile(const std::vector<double>& v, double q) {
  const double pos = q / 100.0 * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(pos));
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (pos - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

}  // namespace

std::vector<std::int64_t> resample_indices(std::int64_t n, const ResampleOptions& o) {
  constexpr std::string_view who = "resample";
  const std::int64_t m = o.n_samples.value_or(n);
  check(n > 0, "{}: there are no rows to sample", who);
  check(m >= 0, "{}: n_samples must be >= 0, got {}", who, m);
  check(o.replace || m <= n, "{}: cannot take n_samples={} rows out of {} without replacement", who, m, n);
  Generator gen(o.random_state);
  std::vector<std::int64_t> out;
  out.reserve(static_cast<std::size_t>(m));
  if (!o.stratify.defined()) {
    std::vector<std::int64_t> all(static_cast<std::size_t>(n));
    std::iota(all.begin(), all.end(), 0);
    draw(all, m, o.replace, gen, out);
    return out;
  }
  check<ShapeError>(o.stratify.ndim() == 1 && o.stratify.numel() == n, "{}: stratify must hold one label per row ({}), got {}",
                    who, n, shape_text(o.stratify.shape()));
  const LabelCodes lc = encode_labels(o.stratify, who);
  const std::int64_t k = lc.n_classes();
  std::vector<std::vector<std::int64_t>> members(static_cast<std::size_t>(k));
  for (std::int64_t i = 0; i < n; ++i) members[lc.codes[i]].push_back(i);
  // Each class's share floor(m·count/n), the remaining rows to the largest remainders (ties: the
  // smaller class index).
  std::vector<std::int64_t> take(static_cast<std::size_t>(k));
  std::vector<std::pair<double, std::int64_t>> rem;
  std::int64_t given = 0;
  for (std::int64_t c = 0; c < k; ++c) {
    const double exact = static_cast<double>(m) * static_cast<double>(members[c].size()) / static_cast<double>(n);
    take[c] = static_cast<std::int64_t>(std::floor(exact));
    given += take[c];
    rem.emplace_back(-(exact - static_cast<double>(take[c])), c);
  }
  std::sort(rem.begin(), rem.end());
  for (std::int64_t i = 0; given < m; ++i, ++given) ++take[rem[static_cast<std::size_t>(i % k)].second];
  for (std::int64_t c = 0; c < k; ++c) draw(members[c], take[c], o.replace, gen, out);
  shuffle(out, gen);
  return out;
}

Data resample(const Data& X, const ResampleOptions& options) { return X.take(resample_indices(X.n_samples(), options)); }

std::pair<Data, Tensor> resample(const Data& X, const Tensor& y, const ResampleOptions& options) {
  check_y(X, y, "resample");
  const std::vector<std::int64_t> rows = resample_indices(X.n_samples(), options);
  return {X.take(rows), Data(y).take(rows).tensor()};
}

BootstrapResult bootstrap(const std::function<double(const Tensor& X, const Tensor& y)>& statistic, const Tensor& X,
                          const Tensor& y, std::int64_t n_resamples, std::uint64_t seed, double confidence_level) {
  check(n_resamples >= 2, "bootstrap: n_resamples must be >= 2, got {}", n_resamples);
  check(confidence_level > 0 && confidence_level < 1, "bootstrap: confidence_level must be in (0, 1), got {}",
        confidence_level);
  const Data data(X);
  check_y(data, y, "bootstrap");
  const std::int64_t n = X.shape(0);
  Generator gen(seed);
  BootstrapResult r;
  r.estimate = statistic(X, y);
  r.distribution.reserve(static_cast<std::size_t>(n_resamples));
  std::vector<std::int64_t> rows(static_cast<std::size_t>(n));
  for (std::int64_t b = 0; b < n_resamples; ++b) {
    for (auto& v : rows) v = static_cast<std::int64_t>(gen.below(static_cast<std::uint64_t>(n)));
    r.distribution.push_back(statistic(data.take(rows).tensor(), Data(y).take(rows).tensor()));
  }
  double s = 0;
  for (double v : r.distribution) s += v;
  r.mean = s / static_cast<double>(n_resamples);
  double ss = 0;
  for (double v : r.distribution) ss += (v - r.mean) * (v - r.mean);
  r.standard_error = std::sqrt(ss / static_cast<double>(n_resamples - 1));
  std::vector<double> sorted = r.distribution;
  std::sort(sorted.begin(), sorted.end());
  const double tail = (1.0 - confidence_level) / 2.0 * 100.0;
  r.low = percentile(sorted, tail);
  r.high = percentile(sorted, 100.0 - tail);
  return r;
}

}  // namespace axon::ml
