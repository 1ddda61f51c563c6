#include "axon/ml/neighbors/nearest_neighbors.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/ml/neighbors/kd_tree.hpp"

#include <cblas.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace axon::ml {
namespace {

constexpr std::int64_t kBlockRows = 128;  // query rows per dgemm: 128 × n_train doubles of work per thread

// The k smallest of d[0..m), ascending by (distance, index), chosen as scikit-learn's ArgKmin does
// when it scans the training rows in order: a max-heap of k, where a value equal to the current
// k-th best never enters, and a smaller one replaces the heap's root (sklearn's heap_push, sift
// down preferring the left child on equal children). Among distances tied at the k-th place this
// is not always the lowest index, but it is the same choice as scikit-learn's.
void heap_push(double* values, std::int64_t* indices, std::int64_t size, double val, std::int64_t idx) {
  if (val >= values[0]) return;
  std::int64_t cur = 0;
  while (true) {
    const std::int64_t left = 2 * cur + 1, right = left + 1;
    std::int64_t swap;
    if (left >= size) break;
    if (right >= size) {
      if (values[left] > val) swap = left;
      else break;
    } else if (values[left] >= values[right]) {
      if (val < values[left]) swap = left;
      else break;
    } else {
      if (val < values[right]) swap = right;
      else break;
    }
    values[cur] = values[swap];
    indices[cur] = indices[swap];
    cur = swap;
  }
  values[cur] = val;
  indices[cur] = idx;
}

void select_k(const double* d, std::int64_t m, std::int64_t k, double* od, std::int64_t* oi) {
  std::fill(od, od + k, std::numeric_limits<double>::max());
  std::fill(oi, oi + k, std::int64_t{-1});
  for (std::int64_t j = 0; j < m; ++j)
    if (d[j] < od[0]) heap_push(od, oi, k, d[j], j);
  // Ascending by (distance, index).
  std::vector<std::pair<double, std::int64_t>> sorted(static_cast<std::size_t>(k));
  for (std::int64_t c = 0; c < k; ++c) sorted[c] = {od[c], oi[c]};
  std::sort(sorted.begin(), sorted.end());
  for (std::int64_t c = 0; c < k; ++c) {
    od[c] = sorted[c].first;
    oi[c] = sorted[c].second;
  }
}

// Rows scaled to unit L2 norm (zero rows stay zero), as sklearn.preprocessing.normalize.
Tensor normalized_rows(const Tensor& X) {
  const std::int64_t n = X.shape(0), p = X.shape(1);
  Tensor out = Tensor::empty({n, p}, {.dtype = Dtype::float64});
  const double* a = X.data<double>();
  double* o = out.data<double>();
  for (std::int64_t i = 0; i < n; ++i) {
    double s = 0;
    for (std::int64_t j = 0; j < p; ++j) s += a[i * p + j] * a[i * p + j];
    const double norm = s == 0 ? 1.0 : std::sqrt(s);
    for (std::int64_t j = 0; j < p; ++j) o[i * p + j] = a[i * p + j] / norm;
  }
  return out;
}

SparseMatrix normalized_rows(const SparseMatrix& X) {
  std::vector<double> inv = X.row_norms().to_vector<double>();
  for (double& v : inv) v = v == 0 ? 1.0 : 1.0 / v;
  return X.scale_rows(from_vector(inv, {X.rows()}));
}

std::vector<double> squared_norms(const Tensor& X) {
  const std::int64_t n = X.shape(0), p = X.shape(1);
  std::vector<double> out(static_cast<std::size_t>(n));
  const double* a = X.data<double>();
  for (std::int64_t i = 0; i < n; ++i) {
    double s = 0;
    for (std::int64_t j = 0; j < p; ++j) s += a[i * p + j] * a[i * p + j];
    out[i] = s;
  }
  return out;
}

}  // namespace

void NeighborsIndex::build(const Data& X, const NeighborsSearch& s, std::int64_t n_neighbors, std::string_view who) {
  *this = NeighborsIndex();
  check(s.algorithm == "auto" || s.algorithm == "brute" || s.algorithm == "kd_tree",
        "{}: algorithm must be 'auto', 'brute' or 'kd_tree', got '{}'", who, s.algorithm);
  std::string metric = s.metric;
  if (metric == "minkowski") {
    check(s.p == 1 || s.p == 2, "{}: minkowski metric supports p=1 (manhattan) or p=2 (euclidean), got p={}", who, s.p);
    metric = s.p == 2 ? "euclidean" : "manhattan";
  } else if (metric == "l2") {
    metric = "euclidean";
  } else if (metric == "l1" || metric == "cityblock") {
    metric = "manhattan";
  }
  check(metric == "euclidean" || metric == "manhattan" || metric == "cosine",
        "{}: metric must be 'minkowski', 'euclidean', 'manhattan' or 'cosine', got '{}'", who, s.metric);
  check(n_neighbors >= 1, "{}: n_neighbors must be >= 1, got {}", who, n_neighbors);
  sparse_ = X.is_sparse();
  if (sparse_) {
    SparseMatrix S = X.sparse(who).astype(Dtype::float64).sorted_indices();
    if (metric == "cosine") S = normalized_rows(S);
    Xs_ = S;
    XsT_ = S.transpose().sorted_indices();
    n_samples_ = S.rows();
    n_features_ = S.cols();
    sq_norms_ = S.row_norms(true).to_vector<double>();
  } else {
    Tensor x = check_dense_X(X, who);
    if (metric == "cosine") x = normalized_rows(x);
    X_ = x.clone();  // owned and contiguous: the tree keeps a pointer into it
    n_samples_ = X_.shape(0);
    n_features_ = X_.shape(1);
    sq_norms_ = squared_norms(X_);
    if (metric == "euclidean" && n_features_ >= 32) {
      const double* a = X_.data<double>();
      bool finite = true;
      X32_.resize(static_cast<std::size_t>(n_samples_ * n_features_));
      for (std::size_t i = 0; i < X32_.size(); ++i) {
        finite = finite && std::abs(a[i]) < 1e30;
        X32_[i] = static_cast<float>(a[i]);
      }
      if (!finite) X32_.clear();
      for (double v : sq_norms_) max_norm_ = std::max(max_norm_, std::sqrt(v));
    }
  }
  check(n_samples_ > 0, "{}: X has 0 samples", who);
  metric_ = metric;
  std::string method = s.algorithm;
  if (method == "auto")
    method = (!sparse_ && n_features_ <= 15 && n_neighbors < n_samples_ / 2 && metric != "cosine") ? "kd_tree" : "brute";
  if (method == "kd_tree") {
    check(!sparse_, "{}: algorithm='kd_tree' does not take sparse input; use 'brute'", who);
    check(metric != "cosine", "{}: metric 'cosine' is not valid for algorithm='kd_tree'; use 'brute'", who);
    tree_ = std::make_shared<const KDTree>(X_, s.leaf_size, metric == "manhattan");
  }
  fit_method_ = method;
}

// Distances from query rows [begin, end) to every training row, then the k smallest of each.
void NeighborsIndex::brute_block(const Data& Q, std::int64_t begin, std::int64_t end, std::int64_t k, double* dist,
                                 std::int64_t* ind, std::vector<double>& work) const {
  const std::int64_t b = end - begin, m = n_samples_, p = n_features_;
  work.resize(static_cast<std::size_t>(b * m));
  double* g = work.data();
  std::vector<double> qn(static_cast<std::size_t>(b), 0.0);
  if (metric_ == "manhattan") {
    if (!sparse_) {
      const double* q = Q.tensor().data<double>() + begin * p;
      const double* x = X_.data<double>();
      for (std::int64_t r = 0; r < b; ++r)
        for (std::int64_t t = 0; t < m; ++t) {
          double s = 0;
          for (std::int64_t j = 0; j < p; ++j) s += std::abs(q[r * p + j] - x[t * p + j]);
          g[r * m + t] = s;
        }
    } else {
      const SparseMatrix& S = Q.sparse();
      const auto* qp = S.indptr().data<std::int64_t>();
      const auto* qi = S.indices().data<std::int64_t>();
      const auto* qv = S.values().data<double>();
      const auto* xp = Xs_.indptr().data<std::int64_t>();
      const auto* xi = Xs_.indices().data<std::int64_t>();
      const auto* xv = Xs_.values().data<double>();
      for (std::int64_t r = 0; r < b; ++r)
        for (std::int64_t t = 0; t < m; ++t) {  // merge two sorted rows
          double s = 0;
          std::int64_t a = qp[begin + r], ae = qp[begin + r + 1], c = xp[t], ce = xp[t + 1];
          while (a < ae || c < ce) {
            if (c >= ce || (a < ae && qi[a] < xi[c])) s += std::abs(qv[a++]);
            else if (a >= ae || xi[c] < qi[a]) s += std::abs(xv[c++]);
            else s += std::abs(qv[a++] - xv[c++]);
          }
          g[r * m + t] = s;
        }
    }
    for (std::int64_t r = 0; r < b; ++r) select_k(g + r * m, m, k, dist + r * k, ind + r * k);
    return;
  }
  // g = Q_block · Xᵀ (the similarity part), and ‖q‖² for euclidean.
  if (!sparse_) {
    const double* q = Q.tensor().data<double>() + begin * p;
    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, static_cast<int>(b), static_cast<int>(m), static_cast<int>(p),
                1.0, q, static_cast<int>(p), X_.data<double>(), static_cast<int>(p), 0.0, g, static_cast<int>(m));
    for (std::int64_t r = 0; r < b; ++r) {
      double s = 0;
      for (std::int64_t j = 0; j < p; ++j) s += q[r * p + j] * q[r * p + j];
      qn[r] = s;
    }
  } else {
    // Sparse · sparseᵀ row by row: for each stored (c, v) of the query, add v · Xᵀ[c, :].
    std::fill(g, g + b * m, 0.0);
    const SparseMatrix& S = Q.sparse();
    const auto* qp = S.indptr().data<std::int64_t>();
    const auto* qi = S.indices().data<std::int64_t>();
    const auto* qv = S.values().data<double>();
    const auto* tp = XsT_.indptr().data<std::int64_t>();
    const auto* ti = XsT_.indices().data<std::int64_t>();
    const auto* tv = XsT_.values().data<double>();
    for (std::int64_t r = 0; r < b; ++r) {
      double* acc = g + r * m;
      for (std::int64_t a = qp[begin + r]; a < qp[begin + r + 1]; ++a) {
        const double v = qv[a];
        qn[r] += v * v;
        for (std::int64_t c = tp[qi[a]]; c < tp[qi[a] + 1]; ++c) acc[ti[c]] += v * tv[c];
      }
    }
  }
  for (std::int64_t r = 0; r < b; ++r) {
    double* row = g + r * m;
    if (metric_ == "euclidean") {
      for (std::int64_t t = 0; t < m; ++t) row[t] = std::max(qn[r] - 2.0 * row[t] + sq_norms_[t], 0.0);
    } else {  // cosine: 1 − q̂·ŷ, clipped to [0, 2]
      for (std::int64_t t = 0; t < m; ++t) row[t] = std::clamp(1.0 - row[t], 0.0, 2.0);
    }
    select_k(row, m, k, dist + r * k, ind + r * k);
    if (metric_ == "euclidean")
      for (std::int64_t c = 0; c < k; ++c) dist[r * k + c] = std::sqrt(dist[r * k + c]);
  }
}

// Euclidean brute force for dense rows [begin, end), screened in float32:
//   g̃ = fl32(Q)·fl32(X)ᵀ by sgemm, d̃ = ‖q‖² − 2g̃ + ‖y‖² (float64).
// For any summation order, |g̃ − q·y| ≤ (p + 3)·u·1.01·‖q‖·‖y‖ with u = 2⁻²⁴ (the float32 rounding
// of the inputs, the products and the sums: Higham's γ_p bound with Σ|q_i y_i| ≤ ‖q‖‖y‖), so with
// m = 2·that·max‖y‖ plus float64 slack, every true distance satisfies |d̃ − d| ≤ m. If t is the
// k-th smallest d̃, the true k-th distance is ≤ t + m, so the k nearest all have d̃ ≤ t + 2m: those
// candidates get their distance in float64 (as the dgemm path computes it) and the k smallest are
// kept. When the k-th and (k+1)-th exact candidate distances tie, the heap rule's choice depends
// on every row, so that query is recomputed over all rows in float64.
void NeighborsIndex::screened_block(const Tensor& Q, std::int64_t begin, std::int64_t end, std::int64_t k, double* dist,
                                    std::int64_t* ind, std::vector<float>& work32, std::vector<double>& work) const {
  const std::int64_t b = end - begin, m = n_samples_, p = n_features_;
  const double* q = Q.data<double>() + begin * p;
  const double* x = X_.data<double>();
  work32.resize(static_cast<std::size_t>(b * m + b * p));
  float* g = work32.data();
  float* q32 = g + b * m;
  for (std::int64_t i = 0; i < b * p; ++i) q32[i] = static_cast<float>(q[i]);
  cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, static_cast<int>(b), static_cast<int>(m), static_cast<int>(p),
              1.0f, q32, static_cast<int>(p), X32_.data(), static_cast<int>(p), 0.0f, g, static_cast<int>(m));
  work.resize(static_cast<std::size_t>(m));
  double* row = work.data();
  constexpr double u32 = 1.0 / 16777216.0, u64 = 1.0 / 9007199254740992.0;
  const double gamma = (static_cast<double>(p) + 3.0) * u32 * 1.01;
  std::vector<double> best(static_cast<std::size_t>(k));
  std::vector<std::int64_t> cand;
  std::vector<double> cand_d;
  const auto exact = [&](std::int64_t r, std::int64_t t, double qn) {
    const double* a = q + r * p;
    const double* y = x + t * p;
    double s = 0;
    for (std::int64_t j = 0; j < p; ++j) s += a[j] * y[j];
    return std::max(qn - 2.0 * s + sq_norms_[t], 0.0);
  };
  for (std::int64_t r = 0; r < b; ++r) {
    double qn = 0;
    for (std::int64_t j = 0; j < p; ++j) qn += q[r * p + j] * q[r * p + j];
    const double qnorm = std::sqrt(qn);
    const float* gr = g + r * m;
    // d̃ and its k-th smallest value t.
    std::fill(best.begin(), best.end(), std::numeric_limits<double>::infinity());
    for (std::int64_t t = 0; t < m; ++t) {
      const double v = qn - 2.0 * static_cast<double>(gr[t]) + sq_norms_[t];
      row[t] = v;
      if (v < best[k - 1]) {
        std::int64_t pos = k - 1;
        while (pos > 0 && best[pos - 1] > v) {
          best[pos] = best[pos - 1];
          --pos;
        }
        best[pos] = v;
      }
    }
    const double margin = 2.0 * gamma * qnorm * max_norm_ +
                          8.0 * u64 * (qn + max_norm_ * max_norm_ + 2.0 * qnorm * max_norm_);
    const double limit = best[k - 1] + 2.0 * margin;
    cand.clear();
    cand_d.clear();
    for (std::int64_t t = 0; t < m; ++t)
      if (row[t] <= limit) {
        cand.push_back(t);
        cand_d.push_back(exact(r, t, qn));
      }
    // The k smallest candidates by the heap rule, and whether the k-th is tied with the (k+1)-th.
    double* od = dist + r * k;
    std::int64_t* oi = ind + r * k;
    bool tie = false;
    if (static_cast<std::int64_t>(cand.size()) > k) {
      std::vector<double> sorted = cand_d;
      std::nth_element(sorted.begin(), sorted.begin() + k, sorted.end());
      const double next = sorted[k];
      std::nth_element(sorted.begin(), sorted.begin() + (k - 1), sorted.begin() + k);
      tie = sorted[k - 1] == next;
    }
    if (tie) {
      for (std::int64_t t = 0; t < m; ++t) row[t] = exact(r, t, qn);
      select_k(row, m, k, od, oi);
    } else {
      std::fill(od, od + k, std::numeric_limits<double>::max());
      std::fill(oi, oi + k, std::int64_t{-1});
      for (std::size_t c = 0; c < cand.size(); ++c)
        if (cand_d[c] < od[0]) heap_push(od, oi, k, cand_d[c], cand[c]);
      std::vector<std::pair<double, std::int64_t>> s(static_cast<std::size_t>(k));
      for (std::int64_t c = 0; c < k; ++c) s[c] = {od[c], oi[c]};
      std::sort(s.begin(), s.end());
      for (std::int64_t c = 0; c < k; ++c) {
        od[c] = s[c].first;
        oi[c] = s[c].second;
      }
    }
    for (std::int64_t c = 0; c < k; ++c) od[c] = std::sqrt(od[c]);
  }
}

KNeighborsResult NeighborsIndex::query(const Data& Q, std::int64_t k, std::string_view who) const {
  check(k >= 1 && k <= n_samples_, "{}: expected 1 <= n_neighbors <= n_samples_fit = {}, got n_neighbors = {}", who,
        n_samples_, k);
  // Queries in the training set's form: float64, dense or sparse (cosine: normalised rows).
  Data q;
  std::int64_t n = 0;
  if (sparse_) {
    SparseMatrix S = Q.is_sparse() ? Q.sparse(who).astype(Dtype::float64).sorted_indices()
                                   : SparseMatrix::from_dense(check_dense_X(Q, who, n_features_));
    check<ShapeError>(S.cols() == n_features_, "{}: X has {} features, but the estimator was fitted with {}", who,
                      S.cols(), n_features_);
    if (metric_ == "cosine") S = normalized_rows(S);
    n = S.rows();
    q = S;
  } else {
    Tensor x = check_dense_X(Q, who, n_features_);
    if (metric_ == "cosine") x = normalized_rows(x);
    n = x.shape(0);
    q = x;
  }
  Tensor dist = Tensor::empty({n, k}, {.dtype = Dtype::float64});
  Tensor ind = Tensor::empty({n, k}, {.dtype = Dtype::int64});
  double* d = dist.data<double>();
  std::int64_t* idx = ind.data<std::int64_t>();
  if (fit_method_ == "kd_tree") {
    const double* qp = q.tensor().data<double>();
    const bool euclid = metric_ == "euclidean";
#pragma omp parallel for schedule(dynamic, 64)
    for (std::int64_t i = 0; i < n; ++i) {
      tree_->query(qp + i * n_features_, k, d + i * k, idx + i * k);
      if (euclid)
        for (std::int64_t c = 0; c < k; ++c) d[i * k + c] = std::sqrt(d[i * k + c]);
    }
  } else {
    const std::int64_t blocks = (n + kBlockRows - 1) / kBlockRows;
#pragma omp parallel
    {
      std::vector<double> work;
      std::vector<float> work32;
      const bool screened = !X32_.empty() && q.is_dense() && k < n_samples_;
#pragma omp for schedule(dynamic, 1)
      for (std::int64_t blk = 0; blk < blocks; ++blk) {
        const std::int64_t begin = blk * kBlockRows, end = std::min(n, begin + kBlockRows);
        if (screened) {
          screened_block(q.tensor(), begin, end, k, d + begin * k, idx + begin * k, work32, work);
        } else {
          brute_block(q, begin, end, k, d + begin * k, idx + begin * k, work);
        }
      }
    }
  }
  return {dist, ind};
}

NearestNeighbors& NearestNeighbors::fit(const Data& X, const Tensor&) {
  index_.build(X, {.algorithm = options_.algorithm, .metric = options_.metric, .p = options_.p, .leaf_size = options_.leaf_size},
               options_.n_neighbors, "NearestNeighbors.fit");
  return *this;
}

KNeighborsResult NearestNeighbors::kneighbors(const Data& X, std::int64_t k) const {
  check_fitted("kneighbors");
  return index_.query(X, k < 0 ? options_.n_neighbors : k, "NearestNeighbors.kneighbors");
}

}  // namespace axon::ml
