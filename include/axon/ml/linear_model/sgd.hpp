// sklearn.linear_model.SGDClassifier and SGDRegressor: linear models fitted by plain stochastic
// gradient descent, one sample at a time, with an L2, L1 or elastic-net penalty.
//
//   auto clf = ml::SGDClassifier({.loss = "log_loss", .random_state = 0}).fit(X, y);
//   Tensor p = clf.predict_proba(X_test);
//   auto reg = ml::SGDRegressor({.penalty = "elasticnet"}).fit(X, y);
#pragma once

#include "axon/ml/estimator.hpp"

#include <map>
#include <optional>

namespace axon::ml {

/// SGDClassifier's keyword arguments with scikit-learn 1.2's defaults (early_stopping, warm_start,
/// n_jobs and verbose are not provided).
struct SGDClassifierOptions {
  /// "hinge" (linear SVM), "log_loss" (logistic regression), "modified_huber", "squared_hinge",
  /// "perceptron", or a regression loss: "squared_error", "huber", "epsilon_insensitive",
  /// "squared_epsilon_insensitive".
  std::string loss = "hinge";
  std::optional<std::string> penalty = "l2";  ///< "l2", "l1", "elasticnet", or None (also spelled "none")
  double alpha = 1e-4;                        ///< penalty strength; also sets the "optimal" learning rate
  double l1_ratio = 0.15;                     ///< elasticnet: the L1 share of the penalty
  bool fit_intercept = true;
  std::int64_t max_iter = 1000;               ///< epochs (passes over the data)
  std::optional<double> tol = 1e-3;           ///< stop when the epoch loss > best − tol·n for n_iter_no_change epochs; None: never
  bool shuffle = true;                        ///< reshuffle the rows before each epoch
  double epsilon = 0.1;                       ///< huber / epsilon_insensitive losses only
  std::optional<std::uint64_t> random_state;  ///< seed of the shuffle (axon's generator, not numpy's); None: the default generator
  std::string learning_rate = "optimal";      ///< "optimal", "constant", "invscaling" or "adaptive"
  double eta0 = 0.0;                          ///< initial learning rate of constant / invscaling / adaptive
  double power_t = 0.5;                       ///< invscaling: eta = eta0 / t^power_t
  std::int64_t n_iter_no_change = 5;
  std::optional<std::string> class_weight;    ///< None or "balanced" (n / (n_classes · count(class)))
  /// 0 (False): no averaging; 1 (True): return the average of all SGD iterates; n > 1: average the
  /// iterates from the n-th sample update on (scikit-learn's average=n).
  std::int64_t average = 0;
  /// Weights per class label, as sklearn's class_weight={label: weight} (not a get_params entry);
  /// used when class_weight is None.
  std::map<double, double> class_weight_map;
};

/// SGDRegressor's keyword arguments (as SGDClassifierOptions; note eta0 = 0.01, power_t = 0.25 and
/// learning_rate = "invscaling" by default).
struct SGDRegressorOptions {
  std::string loss = "squared_error";  ///< "squared_error", "huber", "epsilon_insensitive", "squared_epsilon_insensitive"
  std::optional<std::string> penalty = "l2";
  double alpha = 1e-4;
  double l1_ratio = 0.15;
  bool fit_intercept = true;
  std::int64_t max_iter = 1000;
  std::optional<double> tol = 1e-3;
  bool shuffle = true;
  double epsilon = 0.1;
  std::optional<std::uint64_t> random_state;
  std::string learning_rate = "invscaling";
  double eta0 = 0.01;
  double power_t = 0.25;
  std::int64_t n_iter_no_change = 5;
  std::int64_t average = 0;
};

/// Linear classifier fitted by SGD, the algorithm of scikit-learn's _sgd_fast.pyx (Bottou's SGD):
/// for each sample (xᵢ, yᵢ ∈ {−1, +1}) with score p = w·xᵢ + b and step eta,
///   w ← (1 − (1 − l1_ratio)·eta·alpha)·w − eta·cw(yᵢ)·loss'(p, yᵢ)·xᵢ,   b ← b − eta·cw(yᵢ)·loss'(p, yᵢ),
/// then the L1 part as the cumulative "truncated gradient" of Tsuruoka et al. (2009). The L2 shrink
/// is one multiply of a scale factor (the wscale trick), so a step costs O(n_features).
/// Learning rates: "optimal" eta = 1/(alpha·(t0 + t − 1)) with t0 from Bottou's typical weight
/// 1/√(√alpha), "constant" eta0, "invscaling" eta0/t^power_t, "adaptive" eta0 divided by 5 each
/// time n_iter_no_change epochs did not improve the training loss by tol·n.
/// Three or more classes: one binary problem per class, class against the rest (OvA), run in parallel.
///
/// With shuffle = false the iterates are scikit-learn's (same order of floating-point operations;
/// the tests find the same coefficients to a few ulps). With shuffle = true the row order comes from
/// axon's Generator, so the coefficients differ from scikit-learn's by SGD noise, not by model.
class SGDClassifier : public EstimatorBase<SGDClassifier, SGDClassifierOptions> {
 public:
  using EstimatorBase::EstimatorBase;
  std::string name() const override { return "SGDClassifier"; }
  Kind kind() const override { return Kind::classifier; }
  SGDClassifier& fit(const Data& X, const Tensor& y = {}) override;
  /// The class of largest score, as labels of y's dtype.
  Tensor predict(const Data& X) const override;
  /// X·coefᵀ + intercept: [n] for two classes (the score of classes()[1]), [n, n_classes] otherwise.
  Tensor decision_function(const Data& X) const override;
  /// float64 [n, n_classes], for loss "log_loss" (sigmoid of each score; OvA scores normalized to
  /// sum 1) and "modified_huber" ((clip(score, −1, 1) + 1)/2, normalized); an error otherwise.
  Tensor predict_proba(const Data& X) const override;
  Tensor predict_log_proba(const Data& X) const override;
  Tensor classes() const override { return classes_; }
  bool fitted() const override { return coef_.defined(); }

  const Tensor& coef() const;       ///< float64 [1, n_features] (two classes) or [n_classes, n_features]
  const Tensor& intercept() const;  ///< float64 [1] or [n_classes]
  std::int64_t n_iter() const;      ///< epochs run (the largest over the OvA problems)
  double t() const;                 ///< sample updates + 1 (sklearn's t_)
  std::int64_t n_features_in() const;

 protected:
  std::vector<ParamBinding> bindings() override;

 private:
  std::vector<double> scores(const Data& X, std::string_view method) const;  ///< [n, rows of coef_]
  Tensor classes_, coef_, intercept_;
  std::int64_t n_iter_ = 0;
  double t_ = 1.0;
};

/// Linear regression fitted by the same SGD as SGDClassifier, on the real-valued y.
/// Losses: "squared_error" ½(p − y)², "huber" (quadratic within epsilon, linear beyond),
/// "epsilon_insensitive" max(0, |y − p| − epsilon), "squared_epsilon_insensitive" its square.
/// The default learning rate is "invscaling" eta0/t^power_t with eta0 = 0.01, power_t = 0.25.
class SGDRegressor : public EstimatorBase<SGDRegressor, SGDRegressorOptions> {
 public:
  using EstimatorBase::EstimatorBase;
  std::string name() const override { return "SGDRegressor"; }
  Kind kind() const override { return Kind::regressor; }
  SGDRegressor& fit(const Data& X, const Tensor& y = {}) override;
  /// X·coef + intercept, float64 [n].
  Tensor predict(const Data& X) const override;
  bool fitted() const override { return coef_.defined(); }

  const Tensor& coef() const;       ///< float64 [n_features]
  const Tensor& intercept() const;  ///< float64 [1]
  std::int64_t n_iter() const;
  double t() const;
  std::int64_t n_features_in() const;

 protected:
  std::vector<ParamBinding> bindings() override;

 private:
  Tensor coef_, intercept_;
  std::int64_t n_iter_ = 0;
  double t_ = 1.0;
};

}  // namespace axon::ml
