// sklearn's _BinMapper for numerical features (binning.py, _binning.pyx), step for step: the
// thresholds are the midpoints of the distinct values when there are at most max_bins of them,
// else np.percentile(values, linspace(0, 100, max_bins + 1)[1:-1], method="midpoint"), clipped to
// 1e300; a value's bin is the first threshold ≥ it, NaN's bin is max_bins.
#include "hist.hpp"
#include "pool.hpp"
#include "../../numpy_random.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>

namespace axon::ml::hist_detail {

namespace {

constexpr double kAlmostInf = 1e300;
constexpr std::int64_t kSubsample = 200000;

// np.percentile(sorted, q * 100, method="midpoint") for q = linspace(0, 100, max_bins + 1)[1:-1] / 100.
std::vector<double> midpoint_percentiles(const std::vector<double>& sorted, int max_bins) {
  const auto n = static_cast<double>(sorted.size());
  const std::int64_t last = static_cast<std::int64_t>(sorted.size()) - 1;
  const double step = 100.0 / static_cast<double>(max_bins);  // linspace's step
  std::vector<double> out;
  out.reserve(static_cast<std::size_t>(max_bins - 1));
  for (int i = 1; i < max_bins; ++i) {
    const double q = (static_cast<double>(i) * step) / 100.0;
    const double vi = (n - 1.0) * q;
    const double virt = 0.5 * (std::floor(vi) + std::ceil(vi));
    std::int64_t prev = static_cast<std::int64_t>(std::floor(virt)), next = prev + 1;
    if (virt >= n - 1.0) prev = next = last;
    const double gamma = std::fmod(virt, 1.0) == 0.0 ? 0.0 : 0.5;
    const double a = sorted[static_cast<std::size_t>(prev)], b = sorted[static_cast<std::size_t>(next)];
    const double diff = b - a;
    out.push_back(gamma >= 0.5 ? b - diff * (1.0 - gamma) : a + diff * gamma);
  }
  return out;
}

// Sorts doubles (no NaN) ascending: an LSD radix sort on the order-preserving integer keys (8
// passes of 8 bits, skipping bytes that all keys share), several times faster than std::sort.
void radix_sort(std::vector<double>& v) {
  const std::size_t n = v.size();
  if (n < 512) {
    std::sort(v.begin(), v.end());
    return;
  }
  std::vector<std::uint64_t> a(n), b(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::uint64_t u;
    std::memcpy(&u, &v[i], 8);
    if (u == 0x8000000000000000ull) u = 0;  // -0.0 sorts with +0.0 (their order is free)
    a[i] = (u >> 63) ? ~u : (u | 0x8000000000000000ull);
  }
  std::uint32_t counts[8][256] = {};
  for (std::size_t i = 0; i < n; ++i)
    for (int k = 0; k < 8; ++k) ++counts[k][(a[i] >> (8 * k)) & 0xFF];
  for (int k = 0; k < 8; ++k) {
    std::uint32_t* c = counts[k];
    if (c[(a[0] >> (8 * k)) & 0xFF] == n) continue;  // every key has this byte
    std::uint32_t sum = 0;
    for (int j = 0; j < 256; ++j) {
      const std::uint32_t t = c[j];
      c[j] = sum;
      sum += t;
    }
    for (std::size_t i = 0; i < n; ++i) b[c[(a[i] >> (8 * k)) & 0xFF]++] = a[i];
    a.swap(b);
  }
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t k = a[i];
    const std::uint64_t u = (k >> 63) ? (k & 0x7FFFFFFFFFFFFFFFull) : ~k;
    std::memcpy(&v[i], &u, 8);
  }
}

}  // namespace

std::uint8_t BinMapper::bin(std::int64_t j, double x) const {
  if (std::isnan(x)) return static_cast<std::uint8_t>(missing_bin);
  const std::vector<double>& t = thresholds[static_cast<std::size_t>(j)];
  return static_cast<std::uint8_t>(std::lower_bound(t.begin(), t.end(), x) - t.begin());
}

BinMapper fit_bins(const double* X, const std::int64_t* given_rows, std::int64_t n, std::int64_t p, int max_bins,
                   std::uint32_t seed, Pool& pool) {
  std::vector<std::int64_t> rows;
  if (given_rows) rows.assign(given_rows, given_rows + n);
  if (n > kSubsample) {  // rng.choice(n, 200000, replace=False) = permutation(n)[:200000]
    tree_detail::NumpyRandomState rs(seed);
    std::vector<std::int64_t> perm(static_cast<std::size_t>(n));
    std::iota(perm.begin(), perm.end(), 0);
    for (std::int64_t i = n - 1; i >= 1; --i) std::swap(perm[i], perm[rs.randint(0, i + 1)]);
    std::vector<std::int64_t> sub(static_cast<std::size_t>(kSubsample));
    for (std::int64_t i = 0; i < kSubsample; ++i) sub[i] = rows.empty() ? perm[i] : rows[perm[i]];
    rows = std::move(sub);
  }
  const std::int64_t m = rows.empty() ? n : static_cast<std::int64_t>(rows.size());
  BinMapper b;
  b.missing_bin = static_cast<std::uint32_t>(max_bins);
  b.thresholds.resize(static_cast<std::size_t>(p));
  b.n_bins_non_missing.resize(static_cast<std::size_t>(p));
  // The columns, gathered by blocks of rows (row-major X read once, sequentially).
  std::vector<std::vector<double>> cols(static_cast<std::size_t>(p));
  for (auto& c : cols) c.reserve(static_cast<std::size_t>(m));
  constexpr std::int64_t kRows = 512;
  for (std::int64_t r0 = 0; r0 < m; r0 += kRows) {
    const std::int64_t r1 = std::min(m, r0 + kRows);
    for (std::int64_t j = 0; j < p; ++j) {
      std::vector<double>& c = cols[static_cast<std::size_t>(j)];
      for (std::int64_t r = r0; r < r1; ++r) {
        const double v = X[(rows.empty() ? r : rows[r]) * p + j];
        if (!std::isnan(v)) c.push_back(v);
      }
    }
  }
  pool.for_each(p, [&](std::int64_t j) {
    std::vector<double>& col = cols[static_cast<std::size_t>(j)];
    radix_sort(col);
    std::vector<double> distinct;
    for (double v : col) {
      if (distinct.empty() || v != distinct.back()) distinct.push_back(v);
      if (static_cast<int>(distinct.size()) > max_bins) break;
    }
    std::vector<double> t;
    if (static_cast<int>(distinct.size()) <= max_bins) {
      for (std::size_t i = 0; i + 1 < distinct.size(); ++i) t.push_back((distinct[i] + distinct[i + 1]) * 0.5);
    } else {
      t = midpoint_percentiles(col, max_bins);
    }
    for (double& v : t) v = std::min(v, kAlmostInf);
    b.n_bins_non_missing[j] = static_cast<std::uint32_t>(t.size() + 1);
    b.thresholds[j] = std::move(t);
    std::vector<double>().swap(col);
  });
  return b;
}

std::vector<std::uint8_t> transform_bins(const BinMapper& m, const double* X, const std::int64_t* rows, std::int64_t n,
                                         std::int64_t p, Pool& pool) {
  std::vector<std::uint8_t> out(static_cast<std::size_t>(n * p));
  // Each feature's thresholds padded to 256 with +inf: the search is then 8 fixed branch-free steps.
  std::vector<double> padded(static_cast<std::size_t>(p * 256), std::numeric_limits<double>::infinity());
  for (std::int64_t j = 0; j < p; ++j)
    std::copy(m.thresholds[j].begin(), m.thresholds[j].end(), padded.begin() + j * 256);
  constexpr std::int64_t kRows = 512;  // a block of rows stays in cache while its columns are binned
  pool.for_each((n + kRows - 1) / kRows, [&](std::int64_t blk) {
    const std::int64_t i0 = blk * kRows, i1 = std::min(n, i0 + kRows);
    for (std::int64_t j = 0; j < p; ++j) {
      const double* t = padded.data() + j * 256;
      std::uint8_t* o = out.data() + j * n;
      const auto missing = static_cast<std::uint8_t>(m.missing_bin);
      for (std::int64_t i = i0; i < i1; ++i) {
        const double x = X[(rows ? rows[i] : i) * p + j];
        // The number of thresholds below x = the first threshold with x <= t (sklearn's search).
        std::int64_t pos = 0;
        for (std::int64_t step = 128; step > 0; step >>= 1) pos = t[pos + step - 1] < x ? pos + step : pos;
        o[i] = std::isnan(x) ? missing : static_cast<std::uint8_t>(pos);
      }
    }
  });
  return out;
}

}  // namespace axon::ml::hist_detail
