// sklearn.linear_model.LogisticRegression: binary (sigmoid) and multinomial (softmax) logistic
// regression with an L2, L1, elastic-net or no penalty.
#pragma once

#include "axon/ml/estimator.hpp"

#include <map>
#include <optional>

namespace axon::ml {

struct LogisticRegressionOptions {
  std::string penalty = "l2";       ///< "l2", "l1", "elasticnet" or "none" (scikit-learn 1.2's spelling)
  double C = 1.0;                   ///< inverse regularization strength, > 0
  bool fit_intercept = true;        ///< the intercept is never penalized
  std::optional<std::string> class_weight;  ///< None or "balanced" (n / (n_classes · count(class)))
  std::string solver = "lbfgs";     ///< "lbfgs" (l2, none) or "saga" (l1, l2, elasticnet, none); see below
  std::int64_t max_iter = 100;
  double tol = 1e-4;
  std::string multi_class = "auto"; ///< "auto" or "multinomial" (softmax for 3+ classes); "ovr" is not provided
  std::optional<double> l1_ratio;   ///< elasticnet only: the L1 share of the penalty
  /// Weights per class label, as sklearn's class_weight={label: weight} (not a get_params entry);
  /// used when class_weight is None.
  std::map<double, double> class_weight_map;
};

/// Minimises C·Σᵢ wᵢ·loss(yᵢ, xᵢ·W + b) + penalty(W), where loss is the logistic (binary) or
/// softmax cross-entropy (3+ classes, W has one row per class), wᵢ the class weight of yᵢ, and
/// penalty ½||W||² (l2), ||W||₁ (l1), l1_ratio·||W||₁ + (1 − l1_ratio)/2·||W||² (elasticnet).
///
/// solver "lbfgs" is scipy's L-BFGS-B as scikit-learn calls it (memory 10, More–Thuente line
/// search, stop when max|∇| ≤ tol on Σloss + ||W||²/(2C), or when the relative reduction of the
/// objective falls below scipy's ftol 2.2e-9), so n_iter() and the coefficients follow scikit-learn's.
/// The objective and its gradient are one pass over X (binary) or two GEMMs (multinomial), in
/// parallel over fixed row blocks (the same result for any thread count).
///
/// solver "saga" solves the objective scikit-learn's saga solves (intercept unpenalized) but with a
/// different, deterministic algorithm: proximal Newton with coordinate descent on each quadratic
/// model (as glmnet/newGLMNET), one class block at a time for multinomial, stopping when the
/// largest violation of the optimality conditions is ≤ tol. At convergence it gives the
/// coefficients (and zero pattern) saga converges to; it does not reproduce saga's iterates.
class LogisticRegression : public EstimatorBase<LogisticRegression, LogisticRegressionOptions> {
 public:
  using EstimatorBase::EstimatorBase;
  std::string name() const override { return "LogisticRegression"; }
  Kind kind() const override { return Kind::classifier; }
  LogisticRegression& fit(const Data& X, const Tensor& y = {}) override;
  /// The class of largest probability, as labels of y's dtype.
  Tensor predict(const Data& X) const override;
  /// float64 [n, n_classes].
  Tensor predict_proba(const Data& X) const override;
  Tensor predict_log_proba(const Data& X) const override;
  /// X·coefᵀ + intercept: [n] for two classes (the score of classes()[1]), [n, n_classes] otherwise.
  Tensor decision_function(const Data& X) const override;
  Tensor classes() const override { return classes_; }
  bool fitted() const override { return coef_.defined(); }

  const Tensor& coef() const;       ///< float64 [1, n_features] (two classes) or [n_classes, n_features]
  const Tensor& intercept() const;  ///< float64 [1] or [n_classes]
  std::int64_t n_iter() const;      ///< solver iterations (sklearn's n_iter_[0])
  std::int64_t n_features_in() const;
  void save_state(StateDict& state) const override;
  void load_state(const StateDict& state) override;

 protected:
  std::vector<ParamBinding> bindings() override;

 private:
  /// [n, rows of coef_] scores.
  std::vector<double> scores(const Data& X, std::string_view method) const;
  Tensor classes_, coef_, intercept_;
  std::int64_t n_iter_ = 0;
};

}  // namespace axon::ml
