#include "forest.hpp"

#include "axon/core/creation.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

namespace axon::ml::forest_detail {

int resolve_jobs(const std::optional<std::int64_t>& n_jobs, std::string_view who) {
  if (!n_jobs) return 1;
  check(*n_jobs != 0, "{}: n_jobs must be None, -1 or a positive count, got 0", who);
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (*n_jobs < 0) return std::max(1, cores + 1 + static_cast<int>(*n_jobs));
  return static_cast<int>(*n_jobs);
}

void parallel_for(std::int64_t n, int threads, const std::function<void(std::int64_t)>& fn) {
  threads = static_cast<int>(std::min<std::int64_t>(threads, n));
  if (threads <= 1) {
    for (std::int64_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<std::int64_t> next{0};
  std::exception_ptr error;
  std::atomic<bool> failed{false};
  const auto work = [&] {
    for (std::int64_t i; !failed && (i = next++) < n;) {
      try {
        fn(i);
      } catch (...) {
        if (!failed.exchange(true)) error = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& th : pool) th.join();
  if (error) std::rethrow_exception(error);
}

std::int64_t bootstrap_size(const std::variant<std::monostate, std::int64_t, double>& max_samples, std::int64_t n,
                            std::string_view who) {
  if (const auto* i = std::get_if<std::int64_t>(&max_samples)) {
    check(*i >= 1 && *i <= n, "{}: max_samples must be in [1, n_samples = {}], got {}", who, n, *i);
    return *i;
  }
  if (const auto* f = std::get_if<double>(&max_samples)) {
    check(*f > 0.0 && *f <= 1.0, "{}: a float max_samples must be in (0, 1], got {}", who, *f);
    return std::max<std::int64_t>(1, static_cast<std::int64_t>(std::nearbyint(static_cast<double>(n) * *f)));
  }
  return n;
}

std::vector<double> bootstrap_counts(std::uint32_t seed, std::int64_t n, std::int64_t n_boot) {
  tree_detail::NumpyRandomState rs(seed);
  std::vector<double> counts(static_cast<std::size_t>(n), 0.0);
  for (std::int64_t i = 0; i < n_boot; ++i) counts[static_cast<std::size_t>(rs.randint(0, n))] += 1.0;
  return counts;
}

std::vector<double> leaf_outputs(const Tree& t, bool classifier) {
  std::vector<double> v = t.value;
  if (!classifier) return v;
  const std::int64_t k = t.n_classes;
  for (std::int64_t i = 0; i < t.node_count(); ++i) {
    double s = 0.0;
    for (std::int64_t c = 0; c < k; ++c) s += v[i * k + c];
    if (s == 0.0) s = 1.0;
    for (std::int64_t c = 0; c < k; ++c) v[i * k + c] /= s;
  }
  return v;
}

Forest grow_forest(const ColumnMajorX& X, const double* y, std::int64_t n_classes, const std::vector<double>& sample_weight,
                   const GrowRules& rules, std::int64_t n_estimators, bool bootstrap, std::int64_t n_boot,
                   std::uint32_t seed, int threads) {
  Forest f;
  tree_detail::NumpyRandomState rs(seed);
  for (std::int64_t t = 0; t < n_estimators; ++t) f.seeds.push_back(static_cast<std::uint32_t>(rs.randint(0, 0x7FFFFFFF)));
  f.trees.resize(static_cast<std::size_t>(n_estimators));
  f.leaf_values.resize(static_cast<std::size_t>(n_estimators));
  parallel_for(n_estimators, threads, [&](std::int64_t t) {
    const std::uint32_t s = f.seeds[static_cast<std::size_t>(t)];
    std::vector<double> w;
    if (bootstrap) {
      w = bootstrap_counts(s, X.n, n_boot);
      if (!sample_weight.empty())
        for (std::size_t i = 0; i < w.size(); ++i) w[i] *= sample_weight[i];
    } else {
      w = sample_weight;
    }
    f.trees[static_cast<std::size_t>(t)] =
        tree_detail::grow_tree(X, y, n_classes, w.empty() ? nullptr : w.data(), rules, tree_detail::splitter_seed(s));
    f.leaf_values[static_cast<std::size_t>(t)] = leaf_outputs(f.trees[static_cast<std::size_t>(t)], n_classes > 0);
  });
  return f;
}

void sum_leaf_values(const Forest& f, const float* rows, std::int64_t n, std::int64_t p, std::int64_t k, double* out,
                     int threads) {
  // Tasks of `chunk` rows, and inside a task one tree at a time over all its rows: the tree's deep
  // nodes stay in cache while its rows pass (going through every tree for each small block instead
  // pulls all the trees' nodes from memory again and again: 100 trees on the 200,000 × 50 bench
  // predicted in 1.9 CPU-s with chunks of 2,048 rows, 1.5 with 8,192, the same with 25,000).
  // Each row still sums the trees in order, so the result does not depend on the thread count.
  constexpr std::int64_t chunk = 8192, block = 256;
  const std::int64_t n_chunks = (n + chunk - 1) / chunk;
  parallel_for(n_chunks, threads, [&](std::int64_t c) {
    const std::int64_t c0 = c * chunk, c1 = std::min(n, c0 + chunk);
    std::fill(out + c0 * k, out + c1 * k, 0.0);
    std::int32_t leaves[block];
    for (std::size_t t = 0; t < f.trees.size(); ++t) {
      const double* values = f.leaf_values[t].data();
      for (std::int64_t r0 = c0; r0 < c1; r0 += block) {
        const std::int64_t r1 = std::min(c1, r0 + block);
        f.trees[t].apply_block(rows + r0 * p, r1 - r0, leaves);
        for (std::int64_t i = r0; i < r1; ++i) {
          const double* v = values + static_cast<std::int64_t>(leaves[i - r0]) * k;
          double* o = out + i * k;
          for (std::int64_t j = 0; j < k; ++j) o[j] += v[j];
        }
      }
    }
  });
}

void oob_sums(const Forest& f, const ColumnMajorX& X, std::int64_t n_boot, std::int64_t k, std::vector<double>& sums,
              std::vector<double>& counts, int threads) {
  const std::int64_t n = X.n, p = X.p;
  std::vector<float> rows(static_cast<std::size_t>(n * p));
  for (std::int64_t j = 0; j < p; ++j)
    for (std::int64_t i = 0; i < n; ++i) rows[i * p + j] = X.column(j)[i];
  // Each tree's out-of-bag leaves, in parallel; then summed in tree order (deterministic).
  std::vector<std::vector<std::int64_t>> leaves(f.trees.size());
  parallel_for(static_cast<std::int64_t>(f.trees.size()), threads, [&](std::int64_t t) {
    const std::vector<double> drawn = bootstrap_counts(f.seeds[static_cast<std::size_t>(t)], n, n_boot);
    auto& l = leaves[static_cast<std::size_t>(t)];
    l.assign(static_cast<std::size_t>(n), -1);
    for (std::int64_t i = 0; i < n; ++i)
      if (drawn[i] == 0.0) l[i] = f.trees[static_cast<std::size_t>(t)].apply_row(rows.data() + i * p);
  });
  sums.assign(static_cast<std::size_t>(n * k), 0.0);
  counts.assign(static_cast<std::size_t>(n), 0.0);
  for (std::size_t t = 0; t < f.trees.size(); ++t)
    for (std::int64_t i = 0; i < n; ++i) {
      const std::int64_t leaf = leaves[t][i];
      if (leaf < 0) continue;
      for (std::int64_t c = 0; c < k; ++c) sums[i * k + c] += f.leaf_values[t][leaf * k + c];
      counts[i] += 1.0;
    }
}

Tensor forest_apply(const Forest& f, const Data& X, std::int64_t n_features, std::string_view who) {
  const std::vector<float> rows = tree_detail::predict_rows(X, n_features, who);
  const std::int64_t n = static_cast<std::int64_t>(rows.size()) / std::max<std::int64_t>(n_features, 1);
  const auto n_trees = static_cast<std::int64_t>(f.trees.size());
  std::vector<std::int64_t> out(static_cast<std::size_t>(n * n_trees)), leaves(static_cast<std::size_t>(n));
  for (std::int64_t t = 0; t < n_trees; ++t) {
    f.trees[static_cast<std::size_t>(t)].apply(rows.data(), n, leaves.data());
    for (std::int64_t i = 0; i < n; ++i) out[i * n_trees + t] = leaves[i];
  }
  return from_vector(out, {n, n_trees});
}

std::vector<double> forest_importances(const Forest& f, std::int64_t n_features) {
  std::vector<double> mean(static_cast<std::size_t>(n_features), 0.0);
  std::int64_t used = 0;
  for (const Tree& t : f.trees) {
    if (t.node_count() <= 1) continue;
    const std::vector<double> imp = t.feature_importances();
    for (std::int64_t j = 0; j < n_features; ++j) mean[j] += imp[j];
    ++used;
  }
  if (used == 0) return mean;
  double s = 0.0;
  for (double& v : mean) {
    v /= static_cast<double>(used);
    s += v;
  }
  if (s > 0.0)
    for (double& v : mean) v /= s;
  return mean;
}

const std::vector<Tree>& trees_of(const Forest& forest) { return forest.trees; }

Tensor feature_importances(const Forest& forest, std::int64_t n_features) {
  return from_vector(forest_importances(forest, n_features), {n_features});
}

}  // namespace axon::ml::forest_detail

namespace axon::ml {

ParamBinding max_samples_param(std::string name, MaxSamples& field) {
  return {name,
          [&field]() -> Param {
            if (const auto* i = std::get_if<std::int64_t>(&field)) return *i;
            if (const auto* d = std::get_if<double>(&field)) return *d;
            return Param{};
          },
          [&field, name](const Param& p) {
            if (std::holds_alternative<std::monostate>(p)) field = std::monostate{};
            else if (const auto* i = std::get_if<std::int64_t>(&p)) field = *i;
            else if (const auto* d = std::get_if<double>(&p)) field = *d;
            else throw ValueError(fmt::format("set_params: {} must be None, an int or a float, got {}", name, to_string(p)));
          }};
}

}  // namespace axon::ml
