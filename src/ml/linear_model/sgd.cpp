// SGDClassifier and SGDRegressor: scikit-learn's plain SGD (sklearn/linear_model/_sgd_fast.pyx,
// _plain_sgd and WeightVector, version 1.2), followed operation by operation so that with
// shuffle = false the iterates are scikit-learn's.
#include "axon/ml/linear_model/sgd.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/generator.hpp"
#include "common.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

// NOTE: sklearn's Cython loops are compiled without FMA. Contracting a·b + c into one rounding (GCC
// does so by default under -march=x86-64-v3) changes the iterates in the last bits, and the large
// early steps of the "optimal" schedule amplify that (two of the golden cases then end 1e-2 and 0.3
// apart instead of within 5e-15), so this file keeps separate roundings.
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

namespace axon::ml {

using namespace linear_detail;

namespace {

// ---- losses: value and derivative in the score p, for the target y (±1 for a classifier) --------

enum class LossKind { hinge, log, modified_huber, squared_hinge, squared, huber, epsilon_insensitive, squared_epsilon_insensitive };

struct Loss {
  LossKind kind = LossKind::hinge;
  double param = 1.0;  // the hinge threshold (1 for hinge and squared_hinge, 0 for perceptron) or epsilon

  double loss(double p, double y) const {
    switch (kind) {
      case LossKind::hinge: return std::max(0.0, param - p * y);
      case LossKind::squared_hinge: {
        const double z = param - p * y;
        return z > 0 ? z * z : 0.0;
      }
      case LossKind::log: {
        const double z = p * y;
        if (z > 18) return std::exp(-z);  // log(1 + e^−z) ≈ e^−z
        if (z < -18) return -z;
        return std::log(1.0 + std::exp(-z));
      }
      case LossKind::modified_huber: {
        const double z = p * y;
        if (z >= 1) return 0.0;
        if (z >= -1) return (1 - z) * (1 - z);
        return -4 * z;
      }
      case LossKind::squared: return 0.5 * (p - y) * (p - y);
      case LossKind::huber: {
        const double r = p - y, a = std::abs(r);
        return a <= param ? 0.5 * r * r : param * a - 0.5 * param * param;
      }
      case LossKind::epsilon_insensitive: return std::max(0.0, std::abs(y - p) - param);
      case LossKind::squared_epsilon_insensitive: {
        const double r = std::abs(y - p) - param;
        return r > 0 ? r * r : 0.0;
      }
    }
    return 0.0;
  }

  double dloss(double p, double y) const {
    switch (kind) {
      case LossKind::hinge: return p * y <= param ? -y : 0.0;
      case LossKind::squared_hinge: {
        const double z = param - p * y;
        return z > 0 ? -2 * y * z : 0.0;
      }
      case LossKind::log: {
        const double z = p * y;
        if (z > 18) return std::exp(-z) * -y;
        if (z < -18) return -y;
        return -y / (std::exp(z) + 1.0);
      }
      case LossKind::modified_huber: {
        const double z = p * y;
        if (z >= 1) return 0.0;
        if (z >= -1) return 2 * (1 - z) * -y;
        return -4 * y;
      }
      case LossKind::squared: return p - y;
      case LossKind::huber: {
        const double r = p - y;
        if (std::abs(r) <= param) return r;
        return r > 0 ? param : -param;
      }
      case LossKind::epsilon_insensitive:
        if (y - p > param) return -1.0;
        if (p - y > param) return 1.0;
        return 0.0;
      case LossKind::squared_epsilon_insensitive: {
        const double z = y - p;
        if (z > param) return -2 * (z - param);
        if (z < -param) return 2 * (-z - param);
        return 0.0;
      }
    }
    return 0.0;
  }
};

constexpr std::string_view kClassifierLosses =
    "'hinge', 'log_loss', 'modified_huber', 'squared_hinge', 'perceptron', 'squared_error', 'huber', "
    "'epsilon_insensitive', 'squared_epsilon_insensitive'";
constexpr std::string_view kRegressorLosses = "'squared_error', 'huber', 'epsilon_insensitive', 'squared_epsilon_insensitive'";

Loss make_loss(const std::string& name, double epsilon, bool classifier, std::string_view who) {
  if (classifier) {
    if (name == "hinge") return {LossKind::hinge, 1.0};
    if (name == "perceptron") return {LossKind::hinge, 0.0};
    if (name == "squared_hinge") return {LossKind::squared_hinge, 1.0};
    if (name == "log_loss") return {LossKind::log, 0.0};
    if (name == "modified_huber") return {LossKind::modified_huber, 0.0};
  }
  if (name == "squared_error") return {LossKind::squared, 0.0};
  if (name == "huber") return {LossKind::huber, epsilon};
  if (name == "epsilon_insensitive") return {LossKind::epsilon_insensitive, epsilon};
  if (name == "squared_epsilon_insensitive") return {LossKind::squared_epsilon_insensitive, epsilon};
  throw ValueError(fmt::format("{}: unknown loss '{}'. Known: {}", who, name, classifier ? kClassifierLosses : kRegressorLosses));
}

enum class Penalty { none, l1, l2, elasticnet };
enum class Schedule { constant, optimal, invscaling, adaptive };

// Everything _plain_sgd reads besides the data.
struct Settings {
  Loss loss;
  Penalty penalty = Penalty::l2;
  double alpha = 1e-4, l1_ratio = 0.15;
  bool fit_intercept = true;
  std::int64_t max_iter = 1000;
  double tol = 1e-3;  // −inf: no stopping on the loss
  std::int64_t n_iter_no_change = 5;
  bool shuffle = true;
  Schedule learning_rate = Schedule::optimal;
  double eta0 = 0.0, power_t = 0.5;
  std::int64_t average = 0;
};

// The options both estimators share, checked as scikit-learn's _validate_params and
// _more_validate_params do.
template <class Options>
Settings make_settings(const Options& o, bool classifier, std::string_view who) {
  Settings s;
  s.loss = make_loss(o.loss, o.epsilon, classifier, who);
  const std::string penalty = o.penalty.value_or("none");
  if (penalty == "none") s.penalty = Penalty::none;
  else if (penalty == "l2") s.penalty = Penalty::l2;
  else if (penalty == "l1") s.penalty = Penalty::l1;
  else if (penalty == "elasticnet") s.penalty = Penalty::elasticnet;
  else throw ValueError(fmt::format("{}: penalty must be 'l2', 'l1', 'elasticnet' or None, got '{}'", who, penalty));
  if (o.learning_rate == "optimal") s.learning_rate = Schedule::optimal;
  else if (o.learning_rate == "constant") s.learning_rate = Schedule::constant;
  else if (o.learning_rate == "invscaling") s.learning_rate = Schedule::invscaling;
  else if (o.learning_rate == "adaptive") s.learning_rate = Schedule::adaptive;
  else
    throw ValueError(fmt::format("{}: learning_rate must be 'optimal', 'constant', 'invscaling' or 'adaptive', got '{}'",
                                 who, o.learning_rate));
  check(o.alpha >= 0, "{}: alpha must be >= 0, got {}", who, o.alpha);
  check(o.l1_ratio >= 0 && o.l1_ratio <= 1, "{}: l1_ratio must be in [0, 1], got {}", who, o.l1_ratio);
  check(o.max_iter >= 1, "{}: max_iter must be >= 1, got {}", who, o.max_iter);
  check(!o.tol || *o.tol >= 0, "{}: tol must be >= 0 or None, got {}", who, o.tol.value_or(0));
  check(o.n_iter_no_change >= 1, "{}: n_iter_no_change must be >= 1, got {}", who, o.n_iter_no_change);
  check(o.epsilon >= 0, "{}: epsilon must be >= 0, got {}", who, o.epsilon);
  check(o.average >= 0, "{}: average must be False, True or a positive count, got {}", who, o.average);
  check(s.learning_rate == Schedule::optimal || o.eta0 > 0, "{}: eta0 must be > 0 with learning_rate '{}', got {}", who,
        o.learning_rate, o.eta0);
  check(s.learning_rate != Schedule::optimal || o.alpha > 0,
        "{}: alpha must be > 0 since learning_rate is 'optimal' (alpha sets the optimal learning rate), got {}", who,
        o.alpha);
  s.alpha = o.alpha;
  s.l1_ratio = o.l1_ratio;
  s.fit_intercept = o.fit_intercept;
  s.max_iter = o.max_iter;
  s.tol = o.tol ? *o.tol : -std::numeric_limits<double>::infinity();
  s.n_iter_no_change = o.n_iter_no_change;
  s.shuffle = o.shuffle;
  s.eta0 = o.eta0;
  s.power_t = o.power_t;
  s.average = o.average;
  return s;
}

// sklearn's WeightVector: w = wscale·v, so the L2 shrink is one multiply of wscale. With averaging,
// the averaged weights are (aw + average_a·v) / average_b (the trick of Xu, 2011, as in sklearn).
struct WeightVector {
  std::vector<double> v, aw;
  double wscale = 1.0, average_a = 0.0, average_b = 1.0;
  bool averaging = false;

  WeightVector(std::int64_t p, bool average) : v(static_cast<std::size_t>(p), 0.0), averaging(average) {
    if (average) aw.assign(static_cast<std::size_t>(p), 0.0);
  }
  double dot(const double* x) const {
    double s = 0;
    for (std::size_t j = 0; j < v.size(); ++j) s += v[j] * x[j];
    return s * wscale;
  }
  void add(const double* x, double c) {
    for (std::size_t j = 0; j < v.size(); ++j) v[j] += x[j] * (c / wscale);
  }
  void add_average(const double* x, double c, double num_iter) {
    const double mu = 1.0 / num_iter;
    for (std::size_t j = 0; j < v.size(); ++j) aw[j] += average_a * x[j] * (-c / wscale);
    if (num_iter > 1) average_b /= (1.0 - mu);
    average_a += mu * average_b * wscale;
  }
  void scale(double c) {
    wscale *= c;
    if (wscale < 1e-9) reset_wscale();
  }
  void reset_wscale() {
    if (averaging) {
      for (std::size_t j = 0; j < v.size(); ++j) aw[j] += average_a * v[j];
      for (double& a : aw) a *= 1.0 / average_b;
      average_a = 0.0;
      average_b = 1.0;
    }
    for (double& w : v) w *= wscale;
    wscale = 1.0;
  }
};

// The cumulative L1 penalty of Tsuruoka, Tsujii & Ananiadou (2009): u is the total L1 step so far,
// q[j] what weight j has received of it; a weight is clipped at zero instead of crossing it.
void l1_penalty(WeightVector& w, std::vector<double>& q, double u) {
  const double wscale = w.wscale;
  for (std::size_t j = 0; j < w.v.size(); ++j) {
    const double z = w.v[j];
    if (wscale * z > 0.0) w.v[j] = std::max(0.0, w.v[j] - ((u + q[j]) / wscale));
    else if (wscale * z < 0.0) w.v[j] = std::min(0.0, w.v[j] + ((u - q[j]) / wscale));
    q[j] += wscale * (w.v[j] - z);
  }
}

struct Result {
  std::vector<double> coef, average_coef;
  double intercept = 0, average_intercept = 0;
  std::int64_t n_iter = 0;
  std::int64_t overflow_epoch = 0;  // > 0: the epoch after which a weight was not finite
};

constexpr double kMaxDloss = 1e12;  // sklearn's MAX_DLOSS: clip the derivative for stability

// _plain_sgd for dense rows x [n, p] and targets y, from zero weights and t = 1.
Result plain_sgd(const double* x, std::int64_t n, std::int64_t p, const std::vector<double>& y, double weight_pos,
                 double weight_neg, const Settings& s, std::uint64_t seed) {
  WeightVector w(p, s.average > 0);
  double intercept = 0, average_intercept = 0;
  std::vector<double> q;
  double u = 0;
  if (s.penalty == Penalty::l1 || s.penalty == Penalty::elasticnet) q.assign(static_cast<std::size_t>(p), 0.0);
  const double l1_ratio = s.penalty == Penalty::l2 ? 0.0 : s.penalty == Penalty::l1 ? 1.0 : s.l1_ratio;
  const bool shrink = s.penalty == Penalty::l2 || s.penalty == Penalty::elasticnet;
  double eta = s.eta0, optimal_init = 0;
  if (s.learning_rate == Schedule::optimal) {
    // Bottou's heuristic: the first step is the one that gives a weight of the typical size 1/√(√alpha).
    const double typw = std::sqrt(1.0 / std::sqrt(s.alpha));
    const double initial_eta0 = typw / std::max(1.0, s.loss.dloss(-typw, 1.0));
    optimal_init = 1.0 / (initial_eta0 * s.alpha);
  }
  std::vector<std::int64_t> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), 0);
  Generator gen(seed);
  double t = 1.0, best_loss = std::numeric_limits<double>::infinity();
  std::int64_t no_improvement = 0, epoch = 0;
  Result r;
  for (; epoch < s.max_iter; ++epoch) {
    if (s.shuffle)
      for (std::int64_t i = n - 1; i > 0; --i)
        std::swap(order[i], order[static_cast<std::int64_t>(gen.below(static_cast<std::uint64_t>(i + 1)))]);
    double sumloss = 0;
    for (std::int64_t k = 0; k < n; ++k) {
      const std::int64_t i = order[k];
      const double* xi = x + i * p;
      const double yi = y[i];
      const double pred = w.dot(xi) + intercept;
      if (s.learning_rate == Schedule::optimal) eta = 1.0 / (s.alpha * (optimal_init + t - 1));
      else if (s.learning_rate == Schedule::invscaling) eta = s.eta0 / std::pow(t, s.power_t);
      sumloss += s.loss.loss(pred, yi);
      const double class_weight = yi > 0.0 ? weight_pos : weight_neg;
      const double dloss = std::clamp(s.loss.dloss(pred, yi), -kMaxDloss, kMaxDloss);
      double update = -eta * dloss;
      update *= class_weight;  // sklearn multiplies by sample_weight (1) too
      // Do not scale to negative values when eta or alpha are too big: set the weights to zero.
      if (shrink) w.scale(std::max(0.0, 1.0 - ((1.0 - l1_ratio) * eta * s.alpha)));
      if (update != 0.0) {
        w.add(xi, update);
        if (s.fit_intercept) intercept += update;  // intercept_decay is 1 for dense data
      }
      if (s.average > 0 && static_cast<double>(s.average) <= t) {
        const double num_iter = t - static_cast<double>(s.average) + 1;
        w.add_average(xi, update, num_iter);
        average_intercept += (intercept - average_intercept) / num_iter;
      }
      if (!q.empty()) {
        u += l1_ratio * eta * s.alpha;
        l1_penalty(w, q, u);
      }
      t += 1;
    }
    bool finite = std::isfinite(intercept);
    for (double v : w.v) finite = finite && std::isfinite(v);
    if (!finite) {
      r.overflow_epoch = epoch + 1;
      break;
    }
    // Stop on the training loss: no improvement by tol·n for n_iter_no_change epochs in a row.
    if (s.tol > -std::numeric_limits<double>::infinity() && sumloss > best_loss - s.tol * static_cast<double>(n))
      ++no_improvement;
    else
      no_improvement = 0;
    if (sumloss < best_loss) best_loss = sumloss;
    if (no_improvement >= s.n_iter_no_change) {
      if (s.learning_rate == Schedule::adaptive && eta > 1e-6) {
        eta /= 5;
        no_improvement = 0;
      } else {
        break;
      }
    }
  }
  w.reset_wscale();
  r.coef = std::move(w.v);
  r.average_coef = std::move(w.aw);
  r.intercept = intercept;
  r.average_intercept = average_intercept;
  r.n_iter = std::min(epoch + 1, s.max_iter);
  return r;
}

void check_overflow(const Result& r, std::string_view who) {
  check(r.overflow_epoch == 0,
        "{}: floating-point under-/overflow occurred at epoch #{}. Scaling input data with StandardScaler or "
        "MinMaxScaler might help (or lower eta0 / raise alpha)",
        who, r.overflow_epoch);
}

std::uint64_t seed_of(const std::optional<std::uint64_t>& random_state) {
  return random_state ? *random_state : default_generator().next_u64();
}

}  // namespace

// ---- SGDClassifier ------------------------------------------------------------------------------

SGDClassifier& SGDClassifier::fit(const Data& X, const Tensor& y) {
  constexpr std::string_view who = "SGDClassifier.fit";
  const SGDClassifierOptions& o = options_;
  const Settings s = make_settings(o, true, who);
  check(!o.class_weight || *o.class_weight == "balanced", "{}: class_weight must be None or 'balanced', got '{}'", who,
        o.class_weight.value_or(""));
  const Tensor x = checked_X(X, who);
  check_y(X, y, who);
  LabelCodes lc = encode_labels(y, who);
  const std::int64_t n_classes = lc.n_classes();
  check(n_classes >= 2, "{}: y has 1 class ({}); a classifier needs at least 2", who,
        fmt::format("{}", lc.classes.to_vector<double>()[0]));
  coef_ = {};
  const std::int64_t n = x.shape(0), p = x.shape(1);
  // compute_class_weight: "balanced" or a {label: weight} map, 1 for unlisted classes.
  std::vector<double> cw(static_cast<std::size_t>(n_classes), 1.0);
  if (o.class_weight) {
    std::vector<double> count(static_cast<std::size_t>(n_classes), 0.0);
    for (std::int64_t c : lc.codes) count[c] += 1;
    for (std::int64_t c = 0; c < n_classes; ++c)
      cw[c] = static_cast<double>(n) / (static_cast<double>(n_classes) * count[c]);
  } else if (!o.class_weight_map.empty()) {
    const std::vector<double> labels = lc.classes.to_vector<double>();
    for (std::int64_t c = 0; c < n_classes; ++c)
      if (auto it = o.class_weight_map.find(labels[c]); it != o.class_weight_map.end()) cw[c] = it->second;
  }
  // One binary problem per class (OvA), or one with classes()[1] as the positive class. Each has its
  // own shuffle seed drawn from random_state, so the problems are independent and run in parallel.
  const std::int64_t k = n_classes == 2 ? 1 : n_classes;
  Generator seeds(seed_of(o.random_state));
  std::vector<std::uint64_t> seed(static_cast<std::size_t>(k));
  for (auto& sd : seed) sd = seeds.next_u64();
  std::vector<Result> results(static_cast<std::size_t>(k));
#pragma omp parallel for schedule(dynamic) if (k > 1 && n * p > 10000)
  for (std::int64_t c = 0; c < k; ++c) {
    const std::int64_t positive = k == 1 ? 1 : c;
    std::vector<double> yc(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) yc[i] = lc.codes[i] == positive ? 1.0 : -1.0;
    const double weight_neg = k == 1 ? cw[0] : 1.0;
    results[c] = plain_sgd(x.data<double>(), n, p, yc, cw[positive], weight_neg, s, seed[c]);
  }
  std::vector<double> W(static_cast<std::size_t>(k * p)), B(static_cast<std::size_t>(k));
  std::int64_t n_iter = 0;
  for (const Result& r : results) {
    check_overflow(r, who);
    n_iter = std::max(n_iter, r.n_iter);
  }
  t_ = 1.0 + static_cast<double>(n_iter * n);
  // sklearn returns the averaged weights once `average` updates have been made.
  const bool use_average = s.average > 0 && static_cast<double>(s.average) <= t_ - 1;
  for (std::int64_t c = 0; c < k; ++c) {
    const Result& r = results[c];
    std::copy_n((use_average ? r.average_coef : r.coef).begin(), p, W.begin() + c * p);
    B[c] = use_average ? r.average_intercept : r.intercept;
  }
  n_iter_ = n_iter;
  classes_ = lc.classes;
  intercept_ = from_vector(B, {k});
  coef_ = from_vector(W, {k, p});
  return *this;
}

std::vector<double> SGDClassifier::scores(const Data& X, std::string_view method) const {
  check_fitted(method);
  const std::int64_t k = coef_.shape(0), p = coef_.shape(1);
  const Tensor x = checked_X(X, fmt::format("SGDClassifier.{}", method), p);
  const std::int64_t n = x.shape(0);
  const double *xv = x.data<double>(), *w = coef_.data<double>(), *b = intercept_.data<double>();
  std::vector<double> z(static_cast<std::size_t>(n * k));
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t c = 0; c < k; ++c) {
      double s = 0;
      for (std::int64_t j = 0; j < p; ++j) s += xv[i * p + j] * w[c * p + j];
      z[i * k + c] = s + b[c];
    }
  return z;
}

Tensor SGDClassifier::decision_function(const Data& X) const {
  std::vector<double> z = scores(X, "decision_function");
  const std::int64_t k = coef_.shape(0), n = static_cast<std::int64_t>(z.size()) / k;
  return k == 1 ? from_vector(z, {n}) : from_vector(z, {n, k});
}

Tensor SGDClassifier::predict(const Data& X) const {
  std::vector<double> z = scores(X, "predict");
  const std::int64_t k = coef_.shape(0), n = static_cast<std::int64_t>(z.size()) / k;
  std::vector<std::int64_t> codes(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) {
    const double* zi = &z[i * k];
    codes[i] = k == 1 ? (zi[0] > 0 ? 1 : 0) : std::max_element(zi, zi + k) - zi;
  }
  return decode_labels(classes_, codes);
}

Tensor SGDClassifier::predict_proba(const Data& X) const {
  check(options_.loss == "log_loss" || options_.loss == "modified_huber",
        "SGDClassifier.predict_proba: probability estimates are not available for loss='{}'; use loss='log_loss' or "
        "'modified_huber'",
        options_.loss);
  std::vector<double> z = scores(X, "predict_proba");
  const std::int64_t k = coef_.shape(0), n = static_cast<std::int64_t>(z.size()) / k;
  const bool log_loss = options_.loss == "log_loss";
  // log_loss: the sigmoid of each score; modified_huber: (clip(score, −1, 1) + 1) / 2.
  for (double& v : z) v = log_loss ? 1.0 / (1.0 + std::exp(-v)) : (std::clamp(v, -1.0, 1.0) + 1.0) / 2.0;
  if (k == 1) {
    std::vector<double> out(static_cast<std::size_t>(2 * n));
    for (std::int64_t i = 0; i < n; ++i) {
      out[2 * i + 1] = z[i];
      out[2 * i] = 1.0 - z[i];
    }
    return from_vector(out, {n, 2});
  }
  // OvA: normalize each row; modified_huber may give all zeros, which becomes uniform (as sklearn).
  for (std::int64_t i = 0; i < n; ++i) {
    double* zi = &z[i * k];
    double sum = 0;
    for (std::int64_t c = 0; c < k; ++c) sum += zi[c];
    if (sum == 0) {
      std::fill(zi, zi + k, 1.0);
      sum = static_cast<double>(k);
    }
    for (std::int64_t c = 0; c < k; ++c) zi[c] /= sum;
  }
  return from_vector(z, {n, k});
}

Tensor SGDClassifier::predict_log_proba(const Data& X) const {
  std::vector<double> pr = predict_proba(X).to_vector<double>();
  for (double& v : pr) v = std::log(v);
  const std::int64_t k = classes_.numel();
  return from_vector(pr, {static_cast<std::int64_t>(pr.size()) / k, k});
}

const Tensor& SGDClassifier::coef() const {
  check_fitted("coef");
  return coef_;
}
const Tensor& SGDClassifier::intercept() const {
  check_fitted("intercept");
  return intercept_;
}
std::int64_t SGDClassifier::n_iter() const {
  check_fitted("n_iter");
  return n_iter_;
}
double SGDClassifier::t() const {
  check_fitted("t");
  return t_;
}
std::int64_t SGDClassifier::n_features_in() const {
  check_fitted("n_features_in");
  return coef_.shape(1);
}

namespace {
// The hyperparameters both SGD estimators have (the classifier adds class_weight).
template <class Options>
std::vector<ParamBinding> sgd_bindings(Options& o) {
  return {param("loss", o.loss),
          param("penalty", o.penalty),
          param("alpha", o.alpha),
          param("l1_ratio", o.l1_ratio),
          param("fit_intercept", o.fit_intercept),
          param("max_iter", o.max_iter),
          param("tol", o.tol),
          param("shuffle", o.shuffle),
          param("epsilon", o.epsilon),
          param("random_state", o.random_state),
          param("learning_rate", o.learning_rate),
          param("eta0", o.eta0),
          param("power_t", o.power_t),
          param("n_iter_no_change", o.n_iter_no_change),
          param("average", o.average)};
}
}  // namespace

std::vector<ParamBinding> SGDClassifier::bindings() {
  std::vector<ParamBinding> b = sgd_bindings(options_);
  b.push_back(param("class_weight", options_.class_weight));
  return b;
}

// ---- SGDRegressor -------------------------------------------------------------------------------

SGDRegressor& SGDRegressor::fit(const Data& X, const Tensor& y) {
  constexpr std::string_view who = "SGDRegressor.fit";
  const SGDRegressorOptions& o = options_;
  const Settings s = make_settings(o, false, who);
  const Tensor x = checked_X(X, who);
  const std::vector<double> yv = checked_y(X, y, who);
  coef_ = {};
  const std::int64_t n = x.shape(0), p = x.shape(1);
  const Result r = plain_sgd(x.data<double>(), n, p, yv, 1.0, 1.0, s, seed_of(o.random_state));
  check_overflow(r, who);
  n_iter_ = r.n_iter;
  t_ = 1.0 + static_cast<double>(r.n_iter * n);
  const bool use_average = s.average > 0 && static_cast<double>(s.average) <= t_ - 1;
  intercept_ = from_vector(std::vector<double>{use_average ? r.average_intercept : r.intercept}, {1});
  coef_ = from_vector(use_average ? r.average_coef : r.coef, {p});
  return *this;
}

Tensor SGDRegressor::predict(const Data& X) const {
  check_fitted("predict");
  const Tensor x = checked_X(X, "SGDRegressor.predict", coef_.shape(0));
  return linear_predict(x, coef_.to_vector<double>(), intercept_.item<double>());
}

const Tensor& SGDRegressor::coef() const {
  check_fitted("coef");
  return coef_;
}
const Tensor& SGDRegressor::intercept() const {
  check_fitted("intercept");
  return intercept_;
}
std::int64_t SGDRegressor::n_iter() const {
  check_fitted("n_iter");
  return n_iter_;
}
double SGDRegressor::t() const {
  check_fitted("t");
  return t_;
}
std::int64_t SGDRegressor::n_features_in() const {
  check_fitted("n_features_in");
  return coef_.shape(0);
}

std::vector<ParamBinding> SGDRegressor::bindings() { return sgd_bindings(options_); }

}  // namespace axon::ml
