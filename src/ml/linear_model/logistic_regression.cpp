#include "axon/ml/linear_model/logistic_regression.hpp"

#include "axon/autograd/ops/shape.hpp"
#include "axon/core/creation.hpp"
#include "common.hpp"
#include "lbfgs.hpp"

#include <cblas.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace axon::ml {

using namespace linear_detail;

namespace {

constexpr std::int64_t kBlock = 2048;  // rows per parallel block: partial sums are added in block order

// log(1 + e^z) without overflow.
inline double log1pexp(double z) { return z > 0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z)); }
inline double sigmoid(double z) {
  if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
  const double e = std::exp(z);
  return e / (1.0 + e);
}

// The training problem: row-major X [n, p] (or, for sparse input, CSR arrays), class codes, sample
// weights (class weights).
struct Problem {
  const double* x = nullptr;
  // Sparse X (TF-IDF features): row i's entries are values[e], columns indices[e], for e in
  // [indptr[i], indptr[i + 1]). x is null then.
  const std::int64_t* indptr = nullptr;
  const std::int64_t* indices = nullptr;
  const double* values = nullptr;
  std::int64_t n = 0, p = 0;
  std::int64_t k = 1;  // rows of W: 1 for two classes (the score of class 1), else n_classes
  bool fit_intercept = true;
  std::vector<std::int64_t> codes;
  std::vector<double> sw;
  std::int64_t n_params() const { return k * p + (fit_intercept ? k : 0); }
};

// Binary: f = Σ swᵢ·(log(1 + e^zᵢ) − yᵢzᵢ) + l2/2·||w||², zᵢ = xᵢ·w + b, in one pass over X.
double binary_loss_grad(const Problem& pb, double l2, const std::vector<double>& params, std::vector<double>& grad) {
  const std::int64_t n = pb.n, p = pb.p, nb = (n + kBlock - 1) / kBlock, np = p + 1;
  const double* w = params.data();
  const double b = pb.fit_intercept ? params[p] : 0.0;
  std::vector<double> part_g(static_cast<std::size_t>(nb * np), 0.0), part_f(static_cast<std::size_t>(nb), 0.0);
#pragma omp parallel for schedule(static) if (n > 4 * kBlock)
  for (std::int64_t blk = 0; blk < nb; ++blk) {
    double* gb = &part_g[blk * np];
    double f = 0;
    const std::int64_t end = std::min(n, (blk + 1) * kBlock);
    for (std::int64_t i = blk * kBlock; i < end; ++i) {
      const double* xi = pb.x ? pb.x + i * p : nullptr;
      double z = 0;
      if (xi) {
#pragma omp simd reduction(+ : z)
        for (std::int64_t j = 0; j < p; ++j) z += xi[j] * w[j];
      } else {
        for (std::int64_t e = pb.indptr[i]; e < pb.indptr[i + 1]; ++e) z += pb.values[e] * w[pb.indices[e]];
      }
      z += b;
      const double y = pb.codes[i] == 1 ? 1.0 : 0.0, s = pb.sw[i];
      // One exp serves both: log(1 + e^z) = max(z, 0) + log1p(e^−|z|), σ(z) from the same e^−|z|.
      const double e = std::exp(-std::abs(z));
      f += s * (std::max(z, 0.0) + std::log1p(e) - y * z);
      const double sig = z >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
      const double r = s * (sig - y);
      if (xi) {
#pragma omp simd
        for (std::int64_t j = 0; j < p; ++j) gb[j] += r * xi[j];
      } else {
        for (std::int64_t e = pb.indptr[i]; e < pb.indptr[i + 1]; ++e) gb[pb.indices[e]] += r * pb.values[e];
      }
      gb[p] += r;
    }
    part_f[blk] = f;
  }
  double f = 0;
  std::fill(grad.begin(), grad.end(), 0.0);
  for (std::int64_t blk = 0; blk < nb; ++blk) {
    f += part_f[blk];
    for (std::int64_t j = 0; j < p; ++j) grad[j] += part_g[blk * np + j];
    if (pb.fit_intercept) grad[p] += part_g[blk * np + p];
  }
  for (std::int64_t j = 0; j < p; ++j) {
    f += 0.5 * l2 * w[j] * w[j];
    grad[j] += l2 * w[j];
  }
  return f;
}

// Softmax probabilities of the scores Z [n, k] in place; returns Σ swᵢ·(logsumexp(zᵢ) − z_{i,yᵢ}).
double softmax_rows(const Problem& pb, std::vector<double>& z) {
  const std::int64_t n = pb.n, k = pb.k, nb = (n + kBlock - 1) / kBlock;
  std::vector<double> part_f(static_cast<std::size_t>(nb), 0.0);
#pragma omp parallel for schedule(static) if (n * k > 4 * kBlock)
  for (std::int64_t blk = 0; blk < nb; ++blk) {
    double f = 0;
    const std::int64_t end = std::min(n, (blk + 1) * kBlock);
    for (std::int64_t i = blk * kBlock; i < end; ++i) {
      double* zi = &z[i * k];
      double m = zi[0];
      for (std::int64_t c = 1; c < k; ++c) m = std::max(m, zi[c]);
      double s = 0;
      for (std::int64_t c = 0; c < k; ++c) s += std::exp(zi[c] - m);
      const double lse = m + std::log(s);
      f += pb.sw[i] * (lse - zi[pb.codes[i]]);
      for (std::int64_t c = 0; c < k; ++c) zi[c] = std::exp(zi[c] - lse);
    }
    part_f[blk] = f;
  }
  double f = 0;
  for (double v : part_f) f += v;
  return f;
}

// Multinomial: Z = X·Wᵀ + b (GEMM), G = sw·(softmax(Z) − onehot(y)), ∇W = Gᵀ·X (GEMM).
double multinomial_loss_grad(const Problem& pb, double l2, const std::vector<double>& params, std::vector<double>& grad) {
  const std::int64_t n = pb.n, p = pb.p, k = pb.k;
  std::vector<double> z(static_cast<std::size_t>(n * k));
  if (pb.x) {
    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, static_cast<int>(n), static_cast<int>(k), static_cast<int>(p),
                1.0, pb.x, static_cast<int>(p), params.data(), static_cast<int>(p), 0.0, z.data(), static_cast<int>(k));
  } else {  // Z = X·Wᵀ over the stored entries
    for (std::int64_t i = 0; i < n; ++i)
      for (std::int64_t e = pb.indptr[i]; e < pb.indptr[i + 1]; ++e)
        for (std::int64_t c = 0; c < k; ++c) z[i * k + c] += pb.values[e] * params[c * p + pb.indices[e]];
  }
  if (pb.fit_intercept)
    for (std::int64_t i = 0; i < n; ++i)
      for (std::int64_t c = 0; c < k; ++c) z[i * k + c] += params[k * p + c];
  double f = softmax_rows(pb, z);
  for (std::int64_t i = 0; i < n; ++i) {  // z becomes G
    z[i * k + pb.codes[i]] -= 1.0;
    for (std::int64_t c = 0; c < k; ++c) z[i * k + c] *= pb.sw[i];
  }
  if (pb.x) {
    cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, static_cast<int>(k), static_cast<int>(p), static_cast<int>(n),
                1.0, z.data(), static_cast<int>(k), pb.x, static_cast<int>(p), 0.0, grad.data(), static_cast<int>(p));
  } else {  // ∇W = Gᵀ·X over the stored entries
    std::fill(grad.begin(), grad.begin() + k * p, 0.0);
    for (std::int64_t i = 0; i < n; ++i)
      for (std::int64_t e = pb.indptr[i]; e < pb.indptr[i + 1]; ++e)
        for (std::int64_t c = 0; c < k; ++c) grad[c * p + pb.indices[e]] += z[i * k + c] * pb.values[e];
  }
  if (pb.fit_intercept) {
    for (std::int64_t c = 0; c < k; ++c) grad[k * p + c] = 0;
    for (std::int64_t i = 0; i < n; ++i)
      for (std::int64_t c = 0; c < k; ++c) grad[k * p + c] += z[i * k + c];
  }
  for (std::int64_t j = 0; j < k * p; ++j) {
    f += 0.5 * l2 * params[j] * params[j];
    grad[j] += l2 * params[j];
  }
  return f;
}

// ---- "saga": proximal Newton with coordinate descent (glmnet / newGLMNET) -------------------------

struct ProxNewton {
  const Problem& pb;
  double C, l1, l2;           // objective C·Σ swᵢ·lossᵢ + l1·||W||₁ + l2/2·||W||²
  std::vector<double> xt;     // X column-major [p][n]
  std::vector<double> W, b;   // [k][p], [k]
  std::vector<double> Z;      // scores [n][k]

  explicit ProxNewton(const Problem& problem, double c, double l1_, double l2_)
      : pb(problem), C(c), l1(l1_), l2(l2_), xt(static_cast<std::size_t>(pb.n * pb.p)),
        W(static_cast<std::size_t>(pb.k * pb.p), 0.0), b(static_cast<std::size_t>(pb.k), 0.0),
        Z(static_cast<std::size_t>(pb.n * pb.k), 0.0) {
    for (std::int64_t i = 0; i < pb.n; ++i)
      for (std::int64_t j = 0; j < pb.p; ++j) xt[j * pb.n + i] = pb.x[i * pb.p + j];
  }

  double y_of(std::int64_t i, std::int64_t c) const { return pb.codes[i] == (pb.k == 1 ? 1 : c) ? 1.0 : 0.0; }

  // C·Σ swᵢ·lossᵢ for scores z.
  double data_loss(const std::vector<double>& z) const {
    double f = 0;
    const std::int64_t k = pb.k;
    for (std::int64_t i = 0; i < pb.n; ++i) {
      const double* zi = &z[i * k];
      if (k == 1) {
        f += pb.sw[i] * (log1pexp(zi[0]) - y_of(i, 0) * zi[0]);
      } else {
        double m = zi[0];
        for (std::int64_t c = 1; c < k; ++c) m = std::max(m, zi[c]);
        double s = 0;
        for (std::int64_t c = 0; c < k; ++c) s += std::exp(zi[c] - m);
        f += pb.sw[i] * (m + std::log(s) - zi[pb.codes[i]]);
      }
    }
    return C * f;
  }
  double penalty(const std::vector<double>& w) const {
    double a = 0, q = 0;
    for (double v : w) {
      a += std::abs(v);
      q += v * v;
    }
    return l1 * a + 0.5 * l2 * q;
  }

  // Probabilities of class c for every sample (the sigmoid for two classes).
  std::vector<double> prob(std::int64_t c) const {
    std::vector<double> pr(static_cast<std::size_t>(pb.n));
    const std::int64_t k = pb.k;
    for (std::int64_t i = 0; i < pb.n; ++i) {
      const double* zi = &Z[i * k];
      if (k == 1) {
        pr[i] = sigmoid(zi[0]);
      } else {
        double m = zi[0];
        for (std::int64_t cc = 1; cc < k; ++cc) m = std::max(m, zi[cc]);
        double s = 0;
        for (std::int64_t cc = 0; cc < k; ++cc) s += std::exp(zi[cc] - m);
        pr[i] = std::exp(zi[c] - m) / s;
      }
    }
    return pr;
  }

  // Largest violation of the optimality conditions (minimum-norm subgradient, sup norm).
  double violation() const {
    double v = 0;
    for (std::int64_t c = 0; c < pb.k; ++c) {
      const std::vector<double> pr = prob(c);
      std::vector<double> g(static_cast<std::size_t>(pb.n));
      double gb = 0;
      for (std::int64_t i = 0; i < pb.n; ++i) {
        g[i] = C * pb.sw[i] * (pr[i] - y_of(i, c));
        gb += g[i];
      }
      if (pb.fit_intercept) v = std::max(v, std::abs(gb));
      for (std::int64_t j = 0; j < pb.p; ++j) {
        const double* xj = &xt[j * pb.n];
        double gj = 0;
        for (std::int64_t i = 0; i < pb.n; ++i) gj += g[i] * xj[i];
        const double w = W[c * pb.p + j];
        gj += l2 * w;
        v = std::max(v, w != 0 ? std::abs(gj + std::copysign(l1, w)) : std::max(std::abs(gj) - l1, 0.0));
      }
    }
    return v;
  }

  // One proximal Newton step on class block c; inner coordinate descent to `inner_tol`.
  void newton_step(std::int64_t c, double inner_tol) {
    const std::int64_t n = pb.n, p = pb.p, k = pb.k;
    const std::vector<double> pr = prob(c);
    std::vector<double> g(static_cast<std::size_t>(n)), h(static_cast<std::size_t>(n)), q(static_cast<std::size_t>(n), 0.0);
    for (std::int64_t i = 0; i < n; ++i) {
      g[i] = C * pb.sw[i] * (pr[i] - y_of(i, c));
      h[i] = std::max(C * pb.sw[i] * pr[i] * (1 - pr[i]), 1e-12 * C * pb.sw[i]);
    }
    std::vector<double> a(static_cast<std::size_t>(p));
    for (std::int64_t j = 0; j < p; ++j) {
      const double* xj = &xt[j * n];
      double s = 0;
      for (std::int64_t i = 0; i < n; ++i) s += h[i] * xj[i] * xj[i];
      a[j] = s + l2;
    }
    double hsum = 0;
    for (double v : h) hsum += v;
    std::vector<double> delta(static_cast<std::size_t>(p), 0.0);
    double delta_b = 0;
    double* w = &W[c * p];
    for (int pass = 0; pass < 200; ++pass) {
      double change = 0;
      for (std::int64_t j = 0; j < p; ++j) {
        if (a[j] <= 0) continue;
        const double* xj = &xt[j * n];
        double grad = 0;
        for (std::int64_t i = 0; i < n; ++i) grad += xj[i] * (g[i] + h[i] * q[i]);
        const double cur = w[j] + delta[j];
        grad += l2 * cur;
        const double u = cur - grad / a[j];
        const double nw = std::copysign(std::max(std::abs(u) - l1 / a[j], 0.0), u);
        const double d = nw - cur;
        if (d != 0) {
          delta[j] += d;
          for (std::int64_t i = 0; i < n; ++i) q[i] += d * xj[i];
          change = std::max(change, std::abs(d) * a[j]);
        }
      }
      if (pb.fit_intercept && hsum > 0) {
        double grad = 0;
        for (std::int64_t i = 0; i < n; ++i) grad += g[i] + h[i] * q[i];
        const double d = -grad / hsum;
        delta_b += d;
        for (std::int64_t i = 0; i < n; ++i) q[i] += d;
        change = std::max(change, std::abs(d) * hsum);
      }
      if (change <= inner_tol) break;
    }
    // Backtracking on the true objective (sufficient decrease as newGLMNET, σ = 0.01).
    double dlin = 0;
    for (std::int64_t i = 0; i < n; ++i) dlin += g[i] * q[i];
    double pen_now = 0, l1_now = 0, l1_new = 0, dl2 = 0;
    for (std::int64_t j = 0; j < p; ++j) {
      pen_now += l1 * std::abs(w[j]) + 0.5 * l2 * w[j] * w[j];
      l1_now += std::abs(w[j]);
      l1_new += std::abs(w[j] + delta[j]);
      dl2 += l2 * w[j] * delta[j];
    }
    // newGLMNET's D: the smooth part's directional derivative plus the change of the L1 term.
    const double D = dlin + dl2 + l1 * (l1_new - l1_now);
    const double f0 = data_loss(Z) + pen_now;
    std::vector<double> z_try(Z);
    double beta = 1.0;
    for (int ls = 0; ls < 40; ++ls, beta *= 0.5) {
      for (std::int64_t i = 0; i < n; ++i) z_try[i * k + c] = Z[i * k + c] + beta * q[i];
      double pen = 0;
      for (std::int64_t j = 0; j < p; ++j) {
        const double v = w[j] + beta * delta[j];
        pen += l1 * std::abs(v) + 0.5 * l2 * v * v;
      }
      const double f1 = data_loss(z_try) + pen;
      if (f1 - f0 <= 0.01 * beta * D || ls == 39) {
        if (f1 > f0) return;  // no decrease at all: keep the current point
        for (std::int64_t j = 0; j < p; ++j) w[j] += beta * delta[j];
        b[c] += beta * delta_b;
        Z.swap(z_try);
        return;
      }
    }
  }

  std::int64_t solve(std::int64_t max_iter, double tol) {
    std::int64_t it = 0;
    for (; it < max_iter; ++it) {
      const double v = violation();
      if (v <= tol) break;
      for (std::int64_t c = 0; c < pb.k; ++c) newton_step(c, 0.01 * v);
    }
    return it;
  }
};

}  // namespace

LogisticRegression& LogisticRegression::fit(const Data& X, const Tensor& y) {
  constexpr std::string_view who = "LogisticRegression.fit";
  const LogisticRegressionOptions& o = options_;
  check(o.penalty == "l2" || o.penalty == "l1" || o.penalty == "elasticnet" || o.penalty == "none",
        "{}: penalty must be 'l2', 'l1', 'elasticnet' or 'none', got '{}'", who, o.penalty);
  check(o.solver == "lbfgs" || o.solver == "saga", "{}: solver must be 'lbfgs' or 'saga', got '{}'", who, o.solver);
  check(o.solver != "lbfgs" || o.penalty == "l2" || o.penalty == "none",
        "{}: Solver lbfgs supports only 'l2' or 'none' penalties, got {} penalty; use solver='saga'", who, o.penalty);
  check(o.C > 0, "{}: C must be positive, got {}", who, o.C);
  check(o.max_iter >= 1, "{}: max_iter must be >= 1, got {}", who, o.max_iter);
  check(o.tol >= 0, "{}: tol must be >= 0, got {}", who, o.tol);
  check(o.multi_class == "auto" || o.multi_class == "multinomial",
        "{}: multi_class must be 'auto' or 'multinomial', got '{}' (one-vs-rest is not provided)", who, o.multi_class);
  check(!o.class_weight || *o.class_weight == "balanced", "{}: class_weight must be None or 'balanced', got '{}'", who,
        o.class_weight.value_or(""));
  double l1_ratio = 0;
  if (o.penalty == "elasticnet") {
    check(o.l1_ratio.has_value() && *o.l1_ratio >= 0 && *o.l1_ratio <= 1,
          "{}: penalty='elasticnet' needs l1_ratio in [0, 1], got {}", who,
          o.l1_ratio ? fmt::format("{}", *o.l1_ratio) : std::string("None"));
    l1_ratio = *o.l1_ratio;
  }
  // Sparse X stays sparse for lbfgs (TF-IDF features); the proximal solver reads dense columns.
  const bool sparse = X.is_sparse() && o.solver == "lbfgs";
  const SparseMatrix sx = sparse ? checked_sparse_X(X, who) : SparseMatrix();
  const Tensor x = sparse ? Tensor() : checked_X(X, who);
  check_y(X, y, who);
  LabelCodes lc = encode_labels(y, who);
  const std::int64_t n_classes = lc.n_classes();
  check(n_classes >= 2, "{}: y has 1 class ({}); a classifier needs at least 2", who,
        fmt::format("{}", lc.classes.to_vector<double>()[0]));
  check(o.multi_class != "multinomial" || n_classes >= 3,
        "{}: multi_class='multinomial' with 2 classes is not provided; use 'auto' (the logistic model)", who);
  coef_ = {};
  Problem pb;
  if (sparse) {
    pb.indptr = sx.indptr().data<std::int64_t>();
    pb.indices = sx.indices().data<std::int64_t>();
    pb.values = sx.values().data<double>();
    pb.n = sx.rows();
    pb.p = sx.cols();
  } else {
    pb.x = x.data<double>();
    pb.n = x.shape(0);
    pb.p = x.shape(1);
  }
  pb.k = n_classes == 2 ? 1 : n_classes;
  pb.fit_intercept = o.fit_intercept;
  pb.codes = std::move(lc.codes);
  // Sample weights from the class weights.
  std::vector<double> cw(static_cast<std::size_t>(n_classes), 1.0);
  if (o.class_weight) {
    std::vector<double> count(static_cast<std::size_t>(n_classes), 0.0);
    for (std::int64_t c : pb.codes) count[c] += 1;
    for (std::int64_t c = 0; c < n_classes; ++c)
      cw[c] = static_cast<double>(pb.n) / (static_cast<double>(n_classes) * count[c]);
  } else if (!o.class_weight_map.empty()) {
    const std::vector<double> labels = lc.classes.to_vector<double>();
    for (std::int64_t c = 0; c < n_classes; ++c)
      if (auto it = o.class_weight_map.find(labels[c]); it != o.class_weight_map.end()) cw[c] = it->second;
  }
  pb.sw.resize(static_cast<std::size_t>(pb.n));
  for (std::int64_t i = 0; i < pb.n; ++i) pb.sw[i] = cw[pb.codes[i]];

  const std::int64_t k = pb.k, p = pb.p;
  std::vector<double> W(static_cast<std::size_t>(k * p)), B(static_cast<std::size_t>(k), 0.0);
  if (o.solver == "lbfgs") {
    // scikit-learn 1.2's objective: Σ swᵢ·lossᵢ + ||W||²/(2C), gtol = tol on its gradient.
    const double l2 = o.penalty == "none" ? 0.0 : 1.0 / o.C;
    std::vector<double> params(static_cast<std::size_t>(pb.n_params()), 0.0);
    ObjectiveFn fg = [&](const std::vector<double>& w, std::vector<double>& g) {
      return k == 1 ? binary_loss_grad(pb, l2, w, g) : multinomial_loss_grad(pb, l2, w, g);
    };
    const LbfgsResult r = lbfgs_minimize(fg, params, {.max_iter = o.max_iter, .gtol = o.tol});
    n_iter_ = r.n_iter;
    std::copy(params.begin(), params.begin() + k * p, W.begin());
    if (o.fit_intercept) std::copy(params.begin() + k * p, params.end(), B.begin());
  } else {
    const double l1 = o.penalty == "l1" ? 1.0 : o.penalty == "elasticnet" ? l1_ratio : 0.0;
    const double l2 = o.penalty == "l2" ? 1.0 : o.penalty == "elasticnet" ? 1.0 - l1_ratio : 0.0;
    ProxNewton solver(pb, o.C, l1, l2);
    n_iter_ = solver.solve(o.max_iter, o.tol);
    W = solver.W;
    B = solver.b;
  }
  classes_ = lc.classes;
  intercept_ = from_vector(B, {k});
  coef_ = from_vector(W, {k, p});
  return *this;
}

std::vector<double> LogisticRegression::scores(const Data& X, std::string_view method) const {
  check_fitted(method);
  const std::int64_t k = coef_.shape(0), p = coef_.shape(1);
  const std::string who = fmt::format("LogisticRegression.{}", method);
  if (X.is_sparse()) {  // X·Wᵀ without densifying X
    const SparseMatrix sx = checked_sparse_X(X, who, p);
    const Tensor z = sx.matmul(transpose(coef_));
    std::vector<double> out = z.to_vector<double>();
    const double* b = intercept_.data<double>();
    for (std::int64_t i = 0; i < sx.rows(); ++i)
      for (std::int64_t c = 0; c < k; ++c) out[i * k + c] += b[c];
    return out;
  }
  const Tensor x = checked_X(X, who, p);
  const std::int64_t n = x.shape(0);
  std::vector<double> z(static_cast<std::size_t>(n * k));
  cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, static_cast<int>(n), static_cast<int>(k), static_cast<int>(p), 1.0,
              x.data<double>(), static_cast<int>(p), coef_.data<double>(), static_cast<int>(p), 0.0, z.data(),
              static_cast<int>(k));
  const double* b = intercept_.data<double>();
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t c = 0; c < k; ++c) z[i * k + c] += b[c];
  return z;
}

Tensor LogisticRegression::decision_function(const Data& X) const {
  std::vector<double> z = scores(X, "decision_function");
  const std::int64_t k = coef_.shape(0), n = static_cast<std::int64_t>(z.size()) / k;
  return k == 1 ? from_vector(z, {n}) : from_vector(z, {n, k});
}

Tensor LogisticRegression::predict_proba(const Data& X) const {
  std::vector<double> z = scores(X, "predict_proba");
  const std::int64_t k = coef_.shape(0), n = static_cast<std::int64_t>(z.size()) / k;
  if (k == 1) {
    std::vector<double> out(static_cast<std::size_t>(2 * n));
    for (std::int64_t i = 0; i < n; ++i) {
      out[2 * i + 1] = sigmoid(z[i]);
      out[2 * i] = sigmoid(-z[i]);
    }
    return from_vector(out, {n, 2});
  }
  for (std::int64_t i = 0; i < n; ++i) {
    double* zi = &z[i * k];
    const double m = *std::max_element(zi, zi + k);
    double s = 0;
    for (std::int64_t c = 0; c < k; ++c) s += (zi[c] = std::exp(zi[c] - m));
    for (std::int64_t c = 0; c < k; ++c) zi[c] /= s;
  }
  return from_vector(z, {n, k});
}

Tensor LogisticRegression::predict_log_proba(const Data& X) const {
  std::vector<double> z = scores(X, "predict_log_proba");
  const std::int64_t k = coef_.shape(0), n = static_cast<std::int64_t>(z.size()) / k;
  if (k == 1) {
    std::vector<double> out(static_cast<std::size_t>(2 * n));
    for (std::int64_t i = 0; i < n; ++i) {
      out[2 * i + 1] = -log1pexp(-z[i]);
      out[2 * i] = -log1pexp(z[i]);
    }
    return from_vector(out, {n, 2});
  }
  for (std::int64_t i = 0; i < n; ++i) {
    double* zi = &z[i * k];
    const double m = *std::max_element(zi, zi + k);
    double s = 0;
    for (std::int64_t c = 0; c < k; ++c) s += std::exp(zi[c] - m);
    const double lse = m + std::log(s);
    for (std::int64_t c = 0; c < k; ++c) zi[c] -= lse;
  }
  return from_vector(z, {n, k});
}

Tensor LogisticRegression::predict(const Data& X) const {
  std::vector<double> z = scores(X, "predict");
  const std::int64_t k = coef_.shape(0), n = static_cast<std::int64_t>(z.size()) / k;
  std::vector<std::int64_t> codes(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) {
    if (k == 1) {
      codes[i] = z[i] > 0 ? 1 : 0;
    } else {
      const double* zi = &z[i * k];
      codes[i] = std::max_element(zi, zi + k) - zi;
    }
  }
  return decode_labels(classes_, codes);
}

const Tensor& LogisticRegression::coef() const {
  check_fitted("coef");
  return coef_;
}
const Tensor& LogisticRegression::intercept() const {
  check_fitted("intercept");
  return intercept_;
}
std::int64_t LogisticRegression::n_iter() const {
  check_fitted("n_iter");
  return n_iter_;
}
std::int64_t LogisticRegression::n_features_in() const {
  check_fitted("n_features_in");
  return coef_.shape(1);
}

std::vector<ParamBinding> LogisticRegression::bindings() {
  return {param("penalty", options_.penalty),       param("C", options_.C),
          param("fit_intercept", options_.fit_intercept), param("class_weight", options_.class_weight),
          param("solver", options_.solver),         param("max_iter", options_.max_iter),
          param("tol", options_.tol),               param("multi_class", options_.multi_class),
          param("l1_ratio", options_.l1_ratio)};
}

void LogisticRegression::save_state(StateDict& state) const {
  state.set("classes", classes_);
  state.set("coef", coef_);
  state.set("intercept", intercept_);
  state.set("n_iter", Param{n_iter_});
}

void LogisticRegression::load_state(const StateDict& state) {
  classes_ = state.tensor("classes");
  coef_ = state.tensor("coef");
  intercept_ = state.tensor("intercept");
  n_iter_ = state.integer("n_iter");
  const std::int64_t rows = classes_.numel() == 2 ? 1 : classes_.numel();
  check<IoError>(coef_.ndim() == 2 && coef_.shape(0) == rows && intercept_.numel() == rows && coef_.dtype() == Dtype::float64 &&
                     intercept_.dtype() == Dtype::float64,
                 "load: LogisticRegression: coef {} and intercept {} do not fit {} classes", shape_text(coef_.shape()),
                 shape_text(intercept_.shape()), classes_.numel());
}

}  // namespace axon::ml
