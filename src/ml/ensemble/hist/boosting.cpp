// The boosting loop of sklearn 1.2's BaseHistGradientBoosting.fit (gradient_boosting.py) and the
// losses it uses (sklearn/_loss: HalfBinomialLoss, HalfMultinomialLoss, HalfSquaredError,
// AbsoluteError): baseline (fit_intercept_only), float32 gradients and hessians, one tree per class
// and iteration, early stopping on the loss of a validation split drawn as train_test_split draws it.
#pragma GCC optimize("fp-contract=off")

#include "grower.hpp"
#include "hist.hpp"
#include "pool.hpp"
#include "../../numpy_random.hpp"

#include "axon/core/error.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace axon::ml::hist_detail {

namespace {

using tree_detail::NumpyRandomState;

// numpy's pairwise summation (add.reduce of a contiguous float64 array).
double pairwise_sum(const double* a, std::int64_t n) { return tree_detail::numpy_sum(a, n); }
double mean(const std::vector<double>& v) { return pairwise_sum(v.data(), static_cast<std::int64_t>(v.size())) / static_cast<double>(v.size()); }

double median(std::vector<double> v) {  // np.median
  const std::size_t n = v.size(), h = n / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(h), v.end());
  const double hi = v[h];
  if (n % 2 == 1) return hi;
  const double lo = *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(h));
  return (lo + hi) / 2.0;
}

// RandomState.permutation(values): numpy's legacy shuffle of a copy.
template <class T>
std::vector<T> permuted(NumpyRandomState& rs, std::vector<T> v) {
  for (std::int64_t i = static_cast<std::int64_t>(v.size()) - 1; i >= 1; --i)
    std::swap(v[static_cast<std::size_t>(i)], v[static_cast<std::size_t>(rs.randint(0, i + 1))]);
  return v;
}
std::vector<std::int64_t> permutation(NumpyRandomState& rs, std::int64_t n) {
  std::vector<std::int64_t> v(static_cast<std::size_t>(n));
  std::iota(v.begin(), v.end(), 0);
  return permuted(rs, std::move(v));
}

// sklearn.utils._approximate_mode.
std::vector<std::int64_t> approximate_mode(const std::vector<std::int64_t>& counts, std::int64_t n_draws, NumpyRandomState& rs) {
  double total = 0;
  for (auto c : counts) total += static_cast<double>(c);
  const std::size_t k = counts.size();
  std::vector<double> cont(k), floored(k);
  double fsum = 0;
  for (std::size_t i = 0; i < k; ++i) {
    cont[i] = static_cast<double>(counts[i]) / total * static_cast<double>(n_draws);
    floored[i] = std::floor(cont[i]);
    fsum += floored[i];
  }
  auto need = static_cast<std::int64_t>(static_cast<double>(n_draws) - fsum);
  if (need > 0) {
    std::vector<double> rem(k);
    for (std::size_t i = 0; i < k; ++i) rem[i] = cont[i] - floored[i];
    std::vector<double> values = rem;
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    std::reverse(values.begin(), values.end());
    for (double value : values) {
      std::vector<std::int64_t> inds;
      for (std::size_t i = 0; i < k; ++i)
        if (rem[i] == value) inds.push_back(static_cast<std::int64_t>(i));
      const std::int64_t add_now = std::min<std::int64_t>(static_cast<std::int64_t>(inds.size()), need);
      const std::vector<std::int64_t> perm = permutation(rs, static_cast<std::int64_t>(inds.size()));  // choice(replace=False)
      for (std::int64_t j = 0; j < add_now; ++j) floored[static_cast<std::size_t>(inds[static_cast<std::size_t>(perm[j])])] += 1;
      need -= add_now;
      if (need == 0) break;
    }
  }
  std::vector<std::int64_t> out(k);
  for (std::size_t i = 0; i < k; ++i) out[i] = static_cast<std::int64_t>(floored[i]);
  return out;
}

// train_test_split(range(n), test_size, stratify=y if classifier, random_state=seed): (train, test).
void validation_split(std::int64_t n, const std::vector<double>& y, std::int64_t n_classes, double fraction,
                      std::uint32_t seed, std::vector<std::int64_t>& train, std::vector<std::int64_t>& test) {
  const std::int64_t n_test = fraction < 1.0 ? static_cast<std::int64_t>(std::ceil(fraction * static_cast<double>(n)))
                                             : static_cast<std::int64_t>(fraction);
  const std::int64_t n_train = n - n_test;
  check(n_test >= 1 && n_train >= 1,
        "HistGradientBoosting.fit: validation_fraction={} leaves {} training and {} validation samples of {}", fraction,
        n_train, n_test, n);
  NumpyRandomState rs(seed);
  if (n_classes == 0) {  // ShuffleSplit
    const std::vector<std::int64_t> perm = permutation(rs, n);
    test.assign(perm.begin(), perm.begin() + n_test);
    train.assign(perm.begin() + n_test, perm.begin() + n_test + n_train);
    return;
  }
  // StratifiedShuffleSplit
  std::vector<std::vector<std::int64_t>> by_class(static_cast<std::size_t>(n_classes));
  for (std::int64_t i = 0; i < n; ++i) by_class[static_cast<std::size_t>(y[i])].push_back(i);
  std::vector<std::int64_t> counts;
  std::vector<std::vector<std::int64_t>> present;
  for (auto& c : by_class)
    if (!c.empty()) {
      counts.push_back(static_cast<std::int64_t>(c.size()));
      present.push_back(c);
    }
  const auto k = static_cast<std::int64_t>(counts.size());
  check(*std::min_element(counts.begin(), counts.end()) >= 2,
        "HistGradientBoosting.fit: the least populated class in y has only 1 member, which is too few for the "
        "stratified validation split (early stopping); the minimum number of members in any class cannot be less than 2");
  check(n_train >= k && n_test >= k,
        "HistGradientBoosting.fit: the validation split has {} training and {} validation samples, fewer than the {} classes",
        n_train, n_test, k);
  const std::vector<std::int64_t> n_i = approximate_mode(counts, n_train, rs);
  std::vector<std::int64_t> rest(counts.size());
  for (std::size_t i = 0; i < counts.size(); ++i) rest[i] = counts[i] - n_i[i];
  const std::vector<std::int64_t> t_i = approximate_mode(rest, n_test, rs);
  std::vector<std::int64_t> tr, te;
  for (std::size_t c = 0; c < counts.size(); ++c) {
    const std::vector<std::int64_t> perm = permutation(rs, counts[c]);
    for (std::int64_t j = 0; j < n_i[c]; ++j) tr.push_back(present[c][static_cast<std::size_t>(perm[j])]);
    for (std::int64_t j = n_i[c]; j < n_i[c] + t_i[c]; ++j) te.push_back(present[c][static_cast<std::size_t>(perm[j])]);
  }
  train = permuted(rs, std::move(tr));
  test = permuted(rs, std::move(te));
}

double log1pexp(double x) {
  if (x <= -37) return std::exp(x);
  if (x <= -2) return std::log1p(std::exp(x));
  if (x <= 18) return std::log(1. + std::exp(x));
  if (x <= 33.3) return x + std::exp(-x);
  return x;
}

// -mean loss (scikit-learn's train_score_/validation_score_ with scoring="loss"); raw is [k][n].
double neg_loss(LossKind loss, const std::vector<double>& y, const std::vector<double>& raw, std::int64_t n, std::int64_t k) {
  std::vector<double> l(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) {
    switch (loss) {
      case LossKind::squared_error: {
        const double d = raw[i] - y[i];
        l[i] = 0.5 * d * d;
        break;
      }
      case LossKind::absolute_error: l[i] = std::abs(y[i] - raw[i]); break;
      case LossKind::binomial: l[i] = log1pexp(raw[i]) - y[i] * raw[i]; break;
      case LossKind::multinomial: {
        double mx = raw[i];
        for (std::int64_t c = 1; c < k; ++c) mx = std::max(mx, raw[c * n + i]);
        double s = 0;
        for (std::int64_t c = 0; c < k; ++c) s += std::exp(raw[c * n + i] - mx);
        l[i] = std::log(s) + mx - raw[static_cast<std::int64_t>(y[i]) * n + i];
        break;
      }
    }
  }
  return -mean(l);
}

std::vector<double> baseline(LossKind loss, const std::vector<double>& y, std::int64_t k) {
  switch (loss) {
    case LossKind::squared_error: return {mean(y)};
    case LossKind::absolute_error: return {median(y)};
    case LossKind::binomial: {
      const double eps = 10 * std::numeric_limits<double>::epsilon();
      const double p = std::clamp(mean(y), eps, 1 - eps);
      return {std::log(p / (1 - p))};
    }
    case LossKind::multinomial: {
      const double eps = std::numeric_limits<double>::epsilon();
      std::vector<double> t(static_cast<std::size_t>(k));
      std::vector<std::int64_t> counts(static_cast<std::size_t>(k), 0);
      for (double v : y) ++counts[static_cast<std::size_t>(v)];
      for (std::int64_t c = 0; c < k; ++c)
        t[c] = std::log(std::clamp(static_cast<double>(counts[c]) / static_cast<double>(y.size()), eps, 1 - eps));
      const double m = pairwise_sum(t.data(), k) / static_cast<double>(k);
      for (double& v : t) v -= m;
      return t;
    }
  }
  return {};
}

// Gradients (and hessians unless constant) as float32 [k][n], from raw [k][n].
void gradients(LossKind loss, const std::vector<double>& y, const std::vector<double>& raw, std::int64_t n, std::int64_t k,
               std::vector<float>& g, std::vector<float>& h, Pool& pool) {
  constexpr std::int64_t kChunk = 16384;
  pool.for_each((n + kChunk - 1) / kChunk, [&](std::int64_t chunk) {
    const std::int64_t i0 = chunk * kChunk, i1 = std::min(n, i0 + kChunk);
  switch (loss) {
    case LossKind::squared_error:
      for (std::int64_t i = i0; i < i1; ++i) g[i] = static_cast<float>(raw[i] - y[i]);
      break;
    case LossKind::absolute_error:
      for (std::int64_t i = i0; i < i1; ++i) g[i] = raw[i] > y[i] ? 1.0f : -1.0f;
      break;
    case LossKind::binomial:
      for (std::int64_t i = i0; i < i1; ++i) {
        const double e = std::exp(-raw[i]);
        g[i] = static_cast<float>(((1 - y[i]) - y[i] * e) / (1 + e));
        h[i] = static_cast<float>(e / ((1 + e) * (1 + e)));
      }
      break;
    case LossKind::multinomial:
      for (std::int64_t i = i0; i < i1; ++i) {
        double p[64];
        std::vector<double> big;
        double* q = p;
        if (k > 64) {
          big.resize(static_cast<std::size_t>(k));
          q = big.data();
        }
        double mx = raw[i];
        for (std::int64_t c = 1; c < k; ++c)
          if (raw[c * n + i] > mx) mx = raw[c * n + i];
        double s = 0;
        for (std::int64_t c = 0; c < k; ++c) {
          q[c] = std::exp(raw[c * n + i] - mx);
          s += q[c];
        }
        for (std::int64_t c = 0; c < k; ++c) {
          q[c] /= s;
          g[c * n + i] = static_cast<float>(q[c] - (y[i] == static_cast<double>(c) ? 1.0 : 0.0));
          h[c * n + i] = static_cast<float>(q[c] * (1. - q[c]));
        }
      }
      break;
  }
  });
}

double predict_binned(const Tree& t, const std::uint8_t* Xb, std::int64_t n, std::int64_t i, std::uint8_t missing) {
  const Node* nd = t.nodes.data();
  while (!nd->is_leaf) {
    const std::uint8_t b = Xb[static_cast<std::int64_t>(nd->feature) * n + i];
    const bool left = b == missing ? nd->missing_go_to_left : b <= nd->bin_threshold;
    nd = t.nodes.data() + (left ? nd->left : nd->right);
  }
  return nd->value;
}

// BaseHistGradientBoosting._should_stop
bool should_stop(const std::vector<double>& scores, std::int64_t n_iter_no_change, double tol) {
  const auto ref = static_cast<std::size_t>(n_iter_no_change + 1);
  if (scores.size() < ref) return false;
  const double reference = scores[scores.size() - ref] + tol;
  for (std::size_t i = scores.size() - ref + 1; i < scores.size(); ++i)
    if (scores[i] > reference) return false;
  return true;
}

}  // namespace

std::int64_t Tree::n_leaves() const {
  std::int64_t c = 0;
  for (const Node& nd : nodes) c += nd.is_leaf;
  return c;
}

std::uint32_t draw_seed(const std::optional<std::int64_t>& random_state, std::string_view who) {
  if (!random_state) return std::random_device{}();
  check(*random_state >= 0 && *random_state <= 0xFFFFFFFFll, "{}: random_state must be in [0, 2**32 - 1] or None, got {}",
        who, *random_state);
  return static_cast<std::uint32_t>(NumpyRandomState(static_cast<std::uint32_t>(*random_state)).randint(0, 0xFFFFFFFFll));
}

FitResult fit(const double* X, std::int64_t n, std::int64_t p, const std::vector<double>& y_all, const Settings& s) {
  const std::int64_t k = s.loss == LossKind::multinomial ? s.n_classes : 1;
  const int threads = std::max(1, s.threads);
  std::vector<std::int64_t> train, val;
  const bool use_val = s.early_stopping && s.validation_fraction.has_value();
  if (use_val)
    validation_split(n, y_all, s.loss == LossKind::binomial || s.loss == LossKind::multinomial ? s.n_classes : 0,
                     *s.validation_fraction, s.seed, train, val);
  const std::int64_t nt = use_val ? static_cast<std::int64_t>(train.size()) : n;
  const std::int64_t nv = static_cast<std::int64_t>(val.size());
  std::vector<double> y(static_cast<std::size_t>(nt)), yv(static_cast<std::size_t>(nv));
  for (std::int64_t i = 0; i < nt; ++i) y[i] = y_all[static_cast<std::size_t>(use_val ? train[i] : i)];
  for (std::int64_t i = 0; i < nv; ++i) yv[i] = y_all[static_cast<std::size_t>(val[i])];

  auto model = std::make_shared<Model>();
  model->loss = s.loss;
  model->k = k;
  model->n_features = p;
  Pool pool(threads);
  model->bins = fit_bins(X, use_val ? train.data() : nullptr, nt, p, s.max_bins, s.seed, pool);
  const std::vector<std::uint8_t> Xb = transform_bins(model->bins, X, use_val ? train.data() : nullptr, nt, p, pool);
  std::vector<std::uint8_t> Xv;
  if (use_val) Xv = transform_bins(model->bins, X, val.data(), nv, p, pool);

  BinnedData data;
  data.X = Xb.data();
  data.n = nt;
  data.p = p;
  data.n_bins = s.max_bins + 1;
  data.n_bins_non_missing = model->bins.n_bins_non_missing;
  data.has_missing.assign(static_cast<std::size_t>(p), 0);
  for (std::int64_t j = 0; j < p; ++j) {
    const std::uint8_t* col = Xb.data() + j * nt;
    data.has_missing[j] = std::find(col, col + nt, static_cast<std::uint8_t>(s.max_bins)) != col + nt;
  }

  model->baseline = baseline(s.loss, y, k);
  std::vector<double> raw(static_cast<std::size_t>(k * nt)), raw_val(static_cast<std::size_t>(k * nv));
  for (std::int64_t c = 0; c < k; ++c) {
    std::fill(raw.begin() + c * nt, raw.begin() + (c + 1) * nt, model->baseline[c]);
    std::fill(raw_val.begin() + c * nv, raw_val.begin() + (c + 1) * nv, model->baseline[c]);
  }
  FitResult result;
  const auto check_stop = [&] {
    result.train_score.push_back(neg_loss(s.loss, y, raw, nt, k));
    if (use_val) {
      result.validation_score.push_back(neg_loss(s.loss, yv, raw_val, nv, k));
      return should_stop(result.validation_score, s.n_iter_no_change, s.tol);
    }
    return should_stop(result.train_score, s.n_iter_no_change, s.tol);
  };
  if (s.early_stopping) check_stop();

  const bool hconst = s.loss == LossKind::squared_error || s.loss == LossKind::absolute_error;
  std::vector<float> g(static_cast<std::size_t>(k * nt)), h(hconst ? 1 : static_cast<std::size_t>(k * nt), 1.0f);
  GrowerParams gp{.max_leaf_nodes = s.max_leaf_nodes,
                  .max_depth = s.max_depth,
                  .min_samples_leaf = s.min_samples_leaf,
                  .l2_regularization = s.l2_regularization,
                  .shrinkage = s.learning_rate,
                  .threads = threads};
  Grower grower(data, gp, pool);
  const auto missing = static_cast<std::uint8_t>(s.max_bins);
  for (std::int64_t it = 0; it < s.max_iter; ++it) {
    gradients(s.loss, y, raw, nt, k, g, h, pool);
    for (std::int64_t c = 0; c < k; ++c) {
      grower.grow(g.data() + c * nt, hconst ? h.data() : h.data() + c * nt, hconst);
      double* rc = raw.data() + c * nt;
      const std::vector<std::uint32_t>& part = grower.partition();
      if (s.loss == LossKind::absolute_error) {  // _update_leaves_values: median of the residuals
        for (const Grower::Leaf& l : grower.leaves()) {
          std::vector<double> r;
          r.reserve(static_cast<std::size_t>(l.stop - l.start));
          for (std::int64_t j = l.start; j < l.stop; ++j) r.push_back(y[part[j]] - rc[part[j]]);
          grower.leaf_value(l.node) = s.learning_rate * median(std::move(r));
        }
      }
      model->trees.push_back(grower.make_tree(model->bins));
      for (const Grower::Leaf& l : grower.leaves()) {
        const double v = grower.leaf_value(l.node);
        for (std::int64_t j = l.start; j < l.stop; ++j) rc[part[j]] += v;
      }
      if (use_val) {
        const Tree& t = model->trees.back();
        double* rv = raw_val.data() + c * nv;
        for (std::int64_t i = 0; i < nv; ++i) rv[i] += predict_binned(t, Xv.data(), nv, i, missing);
      }
    }
    if (s.early_stopping && check_stop()) break;
  }
  result.model = std::move(model);
  return result;
}

namespace {
void add_trees(const Model& m, const double* X, std::int64_t n, std::int64_t it0, std::int64_t it1, double* out, int threads) {
  const std::int64_t p = m.n_features, k = m.k;
  constexpr std::int64_t kBlock = 256;
  const std::int64_t blocks = (n + kBlock - 1) / kBlock;
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1)
  for (std::int64_t b = 0; b < blocks; ++b) {
    const std::int64_t i0 = b * kBlock, i1 = std::min(n, i0 + kBlock);
    for (std::int64_t it = it0; it < it1; ++it)
      for (std::int64_t c = 0; c < k; ++c) {
        const Tree& t = m.trees[static_cast<std::size_t>(it * k + c)];
        for (std::int64_t i = i0; i < i1; ++i) out[i * k + c] += t.predict_row(X + i * p);
      }
  }
}
}  // namespace

void raw_predict(const Model& m, const double* X, std::int64_t n, std::int64_t n_iter, double* out, int threads) {
  const std::int64_t k = m.k;
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t c = 0; c < k; ++c) out[i * k + c] = m.baseline[c];
  add_trees(m, X, n, 0, std::min(n_iter, m.n_iter()), out, threads);
}

void staged_raw_predict(const Model& m, const double* X, std::int64_t n, int threads,
                        const std::function<void(const std::vector<double>&)>& fn) {
  const std::int64_t k = m.k;
  std::vector<double> raw(static_cast<std::size_t>(n * k));
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t c = 0; c < k; ++c) raw[i * k + c] = m.baseline[c];
  for (std::int64_t it = 0; it < m.n_iter(); ++it) {
    add_trees(m, X, n, it, it + 1, raw.data(), threads);
    fn(raw);
  }
}

std::vector<double> proba_from_raw(LossKind loss, const std::vector<double>& raw, std::int64_t n, std::int64_t k) {
  if (loss == LossKind::binomial) {
    std::vector<double> out(static_cast<std::size_t>(2 * n));
    for (std::int64_t i = 0; i < n; ++i) {
      const double p1 = 1.0 / (1.0 + std::exp(-raw[i]));  // scipy's expit
      out[2 * i] = 1.0 - p1;
      out[2 * i + 1] = p1;
    }
    return out;
  }
  std::vector<double> out(raw.size());  // softmax per row
  for (std::int64_t i = 0; i < n; ++i) {
    double mx = raw[i * k];
    for (std::int64_t c = 1; c < k; ++c) mx = std::max(mx, raw[i * k + c]);
    double s = 0;
    for (std::int64_t c = 0; c < k; ++c) s += out[i * k + c] = std::exp(raw[i * k + c] - mx);
    for (std::int64_t c = 0; c < k; ++c) out[i * k + c] /= s;
  }
  return out;
}

}  // namespace axon::ml::hist_detail
