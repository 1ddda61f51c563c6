#include "axon/ml/ensemble/base_bagging.hpp"

#include "axon/core/creation.hpp"
#include "../numpy_random.hpp"
#include "ensemble_util.hpp"
#include "forest.hpp"

#include <cmath>

namespace axon::ml::bagging_detail {

using tree_detail::NumpyRandomState;

namespace {

std::int64_t resolve_count(const MaxSamples& m, std::int64_t total, std::string_view what, std::string_view who) {
  std::int64_t k = total;
  if (const auto* i = std::get_if<std::int64_t>(&m)) {
    check(*i >= 1, "{}: an int {} must be >= 1, got {}", who, what, *i);
    k = *i;
  } else if (const auto* f = std::get_if<double>(&m)) {
    check(*f > 0.0 && *f <= 1.0, "{}: a float {} must be in (0, 1], got {}", who, what, *f);
    k = static_cast<std::int64_t>(*f * static_cast<double>(total));  // int(max_samples * n)
  }
  check(k <= total, "{}: {} must be <= {} ({}), got {}", who, what, what == "max_samples" ? "n_samples" : "n_features",
        total, k);
  return k;
}

// sklearn.ensemble._bagging._generate_indices
std::vector<std::int64_t> generate_indices(NumpyRandomState& rs, bool bootstrap, std::int64_t n_population,
                                           std::int64_t n_samples) {
  if (!bootstrap) return tree_detail::sample_without_replacement(n_population, n_samples, rs);
  std::vector<std::int64_t> out(static_cast<std::size_t>(n_samples));
  for (auto& v : out) v = rs.randint(0, n_population);
  return out;
}

// _generate_bagging_indices: features, then samples, from RandomState(seed).
void bagging_indices(const Ensemble& e, std::uint32_t seed, std::vector<std::int64_t>& features,
                     std::vector<std::int64_t>& samples) {
  NumpyRandomState rs(seed);
  features = generate_indices(rs, e.bootstrap_features, e.n_features, e.max_features);
  samples = generate_indices(rs, e.bootstrap, e.n_samples, e.max_samples);
}

}  // namespace

Data columns(const Data& X, const std::vector<std::int64_t>& features, std::int64_t n_features, std::string_view who) {
  bool identity = static_cast<std::int64_t>(features.size()) == n_features;
  for (std::size_t j = 0; identity && j < features.size(); ++j) identity = features[j] == static_cast<std::int64_t>(j);
  if (identity) return X;
  const Tensor Xd = check_dense_X(X, who, n_features);
  const std::int64_t n = Xd.shape(0), p = Xd.shape(1), k = static_cast<std::int64_t>(features.size());
  std::vector<double> out(static_cast<std::size_t>(n * k));
  const double* src = Xd.data<double>();
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t j = 0; j < k; ++j) out[i * k + j] = src[i * p + features[j]];
  return from_vector(out, {n, k});
}

std::vector<std::int64_t> drawn_samples(const Ensemble& e, std::size_t i) {
  std::vector<std::int64_t> features, samples;
  bagging_indices(e, e.seeds[i], features, samples);
  return samples;
}

Ensemble fit(const BaggingOptions& o, const Estimator& base, const Data& X, const Tensor& y,
             const std::vector<double>& sample_weight, std::string_view who) {
  check(o.n_estimators >= 1, "{}: n_estimators must be >= 1, got {}", who, o.n_estimators);
  check(o.bootstrap || !o.oob_score, "{}: Out of bag estimation only available if bootstrap=True", who);
  check_y(X, y, who);
  Ensemble e;
  e.n_samples = X.n_samples();
  e.n_features = X.n_features();
  check(e.n_samples > 0, "{}: X has 0 samples; bagging needs at least 1", who);
  e.bootstrap = o.bootstrap;
  e.bootstrap_features = o.bootstrap_features;
  e.max_samples = resolve_count(o.max_samples, e.n_samples, "max_samples", who);
  check(e.max_samples >= 1, "{}: max_samples gives 0 rows of {}", who, e.n_samples);
  e.max_features = std::max<std::int64_t>(1, resolve_count(o.max_features, e.n_features, "max_features", who));
  const bool support_weight = base.accepts_sample_weight();
  check(support_weight || sample_weight.empty(), "{}: The base estimator ({}) doesn't support sample weight", who,
        base.name());
  const bool index_features = e.bootstrap_features || e.max_features != e.n_features;

  NumpyRandomState rs(tree_detail::resolve_seed(o.random_state, who));
  for (std::int64_t i = 0; i < o.n_estimators; ++i) e.seeds.push_back(static_cast<std::uint32_t>(rs.randint(0, 0x7FFFFFFF)));
  const std::size_t m = static_cast<std::size_t>(o.n_estimators);
  std::vector<std::shared_ptr<const Estimator>> estimators(m);
  e.features.resize(m);
  const int threads = forest_detail::resolve_jobs(o.n_jobs, who);
  forest_detail::parallel_for(o.n_estimators, threads, [&](std::int64_t t) {
    const std::uint32_t seed = e.seeds[static_cast<std::size_t>(t)];
    std::unique_ptr<Estimator> est = base.clone();
    NumpyRandomState states(seed);
    ensemble_detail::set_random_states(*est, states);  // _make_estimator(random_state=seeds[i])
    std::vector<std::int64_t> features, samples;
    bagging_indices(e, seed, features, samples);
    if (support_weight) {
      std::vector<double> w = sample_weight.empty() ? std::vector<double>(static_cast<std::size_t>(e.n_samples), 1.0)
                                                    : sample_weight;
      if (e.bootstrap) {
        std::vector<double> counts(w.size(), 0.0);
        for (auto s : samples) counts[static_cast<std::size_t>(s)] += 1.0;
        for (std::size_t r = 0; r < w.size(); ++r) w[r] *= counts[r];
      } else {
        std::vector<std::uint8_t> in(w.size(), 0);
        for (auto s : samples) in[static_cast<std::size_t>(s)] = 1;
        for (std::size_t r = 0; r < w.size(); ++r)
          if (!in[r]) w[r] = 0.0;
      }
      const Data Xf = index_features ? columns(X, features, e.n_features, who) : X;
      est->fit(Xf, y, from_vector(w, {e.n_samples}));
    } else {
      const Data rows = X.take(samples);
      const Data Xf = index_features ? columns(rows, features, e.n_features, who) : rows;
      est->fit(Xf, Data(y).take(samples).tensor());
    }
    estimators[static_cast<std::size_t>(t)] = std::move(est);
    e.features[static_cast<std::size_t>(t)] = std::move(features);
  });
  e.estimators = std::move(estimators);
  return e;
}

void save_ensemble(const Ensemble& e, StateDict& state) {
  state.set("n_fitted", Param{static_cast<std::int64_t>(e.estimators.size())});
  for (std::size_t i = 0; i < e.estimators.size(); ++i) {
    state.set(fmt::format("estimators/{}", i), *e.estimators[i]);
    state.set(fmt::format("features/{}", i), from_vector(e.features[i]));
  }
  std::vector<std::int64_t> seeds(e.seeds.begin(), e.seeds.end());
  state.set("seeds", from_vector(seeds));
  state.set("n_samples", Param{e.n_samples});
  state.set("n_features", Param{e.n_features});
  state.set("max_samples", Param{e.max_samples});
  state.set("max_features", Param{e.max_features});
  state.set("bootstrap", Param{e.bootstrap});
  state.set("bootstrap_features", Param{e.bootstrap_features});
}

Ensemble load_ensemble(const StateDict& state) {
  Ensemble e;
  const std::int64_t n = state.integer("n_fitted");
  check<IoError>(n >= 1 && n <= 1000000, "load: a bagging ensemble of {} estimators", n);
  e.n_samples = state.integer("n_samples");
  e.n_features = state.integer("n_features");
  e.max_samples = state.integer("max_samples");
  e.max_features = state.integer("max_features");
  e.bootstrap = state.flag("bootstrap");
  e.bootstrap_features = state.flag("bootstrap_features");
  for (std::int64_t i = 0; i < n; ++i) {
    e.estimators.push_back(state.estimator(fmt::format("estimators/{}", i)));
    e.features.push_back(state.tensor(fmt::format("features/{}", i)).to_vector<std::int64_t>());
    for (std::int64_t f : e.features.back())
      check<IoError>(f >= 0 && f < e.n_features, "load: bagging estimator {} uses feature {} of {}", i, f, e.n_features);
  }
  for (std::int64_t s : state.tensor("seeds").to_vector<std::int64_t>()) e.seeds.push_back(static_cast<std::uint32_t>(s));
  check<IoError>(e.seeds.size() == static_cast<std::size_t>(n), "load: a bagging ensemble of {} estimators with {} seeds", n,
                 e.seeds.size());
  return e;
}

}  // namespace axon::ml::bagging_detail
