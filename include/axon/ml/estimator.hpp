// The estimator interface of scikit-learn, in C++. An estimator is configured by an options struct
// (Python's keyword arguments: `ml::LogisticRegression({.C = 10})`), learns in `fit`, which returns
// the estimator itself, and then predicts, transforms and scores. Hyperparameters are reachable by
// name (get_params/set_params, "step__param" through pipelines and meta-estimators), so that
// `clone` and `GridSearchCV` work on every estimator without knowing its type.
//
// Writing an estimator (one header, one source, one test file):
//   struct RidgeOptions { double alpha = 1.0; bool fit_intercept = true; };
//   class Ridge : public EstimatorBase<Ridge, RidgeOptions> {
//    public:
//     using EstimatorBase::EstimatorBase;          // Ridge(RidgeOptions = {})
//     std::string name() const override { return "Ridge"; }
//     Kind kind() const override { return Kind::regressor; }
//     Ridge& fit(const Data& X, const Tensor& y = {}) override;   // covariant: returns Ridge&
//     Tensor predict(const Data& X) const override;
//     bool fitted() const override { return coef_.defined(); }
//    protected:
//     std::vector<ParamBinding> bindings() override { return {param("alpha", options_.alpha), ...}; }
//   };
#pragma once

#include "axon/core/error.hpp"
#include "axon/core/tensor.hpp"
#include "axon/ml/data.hpp"
#include "axon/ml/params.hpp"
#include "axon/ml/state.hpp"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace axon::ml {

/// Calling a method this estimator does not have (predict_proba of a regressor): scikit-learn's
/// AttributeError. A ValueError, so that code catching those still catches it.
class UnsupportedMethodError : public ValueError {
 public:
  using ValueError::ValueError;
};

class Estimator {
 public:
  /// What scikit-learn's mixins say: decides the default score (accuracy or R²) and the default
  /// cross-validation splitter (stratified for classifiers).
  enum class Kind { classifier, regressor, transformer, clusterer, other };

  virtual ~Estimator() = default;
  /// The class name, as scikit-learn's: "LogisticRegression". make_pipeline names steps by its
  /// lowercase form.
  virtual std::string name() const = 0;
  virtual Kind kind() const = 0;
  /// A new, unfitted estimator with the same hyperparameters (deep for nested estimators).
  virtual std::unique_ptr<Estimator> clone() const = 0;

  /// Learns from X (and y, for supervised estimators). Returns *this; subclasses return their own
  /// type (`auto lr = ml::LinearRegression().fit(X, y);`).
  virtual Estimator& fit(const Data& X, const Tensor& y = {}) = 0;
  /// fit with per-sample weights (scikit-learn's fit(X, y, sample_weight=...)): float64 [n],
  /// finite and non-negative. An undefined sample_weight is fit(X, y); an estimator that cannot
  /// weigh samples (accepts_sample_weight() false) throws a ValueError naming itself. Subclasses
  /// that can override both (the three-argument overload then hides nothing: declare both).
  virtual Estimator& fit(const Data& X, const Tensor& y, const Tensor& sample_weight);
  /// Whether fit(X, y, sample_weight) weighs samples (Bagging and AdaBoost ask it).
  virtual bool accepts_sample_weight() const { return false; }
  /// Each of these is an error (naming the estimator) unless the estimator provides it.
  virtual Tensor predict(const Data& X) const;
  virtual Tensor predict_proba(const Data& X) const;
  virtual Tensor predict_log_proba(const Data& X) const;
  virtual Tensor decision_function(const Data& X) const;
  virtual Data transform(const Data& X) const;
  /// fit(X, y) then transform(X), unless the estimator has a faster way.
  virtual Data fit_transform(const Data& X, const Tensor& y = {});
  /// Accuracy for classifiers, R² for regressors (scikit-learn's mixins); others must override.
  virtual double score(const Data& X, const Tensor& y) const;
  /// The labels seen in fit (classifiers), sorted; undefined otherwise.
  virtual Tensor classes() const { return {}; }
  virtual bool fitted() const = 0;

  /// What fit learned, for ml::save / ml::load (called only on a fitted estimator; the
  /// hyperparameters are saved separately). The defaults say that this class cannot be saved.
  virtual void save_state(StateDict& state) const;
  virtual void load_state(const StateDict& state);

  /// Hyperparameters by name; with deep, also those of nested estimators as "child__param".
  Params get_params(bool deep = true) const;
  /// Sets hyperparameters by name ("C", "logisticregression__C"); an unknown name is a ValueError
  /// that lists the valid ones, a value of the wrong type one that says what was expected.
  Estimator& set_params(const Params& params);
  Estimator& set_param(const std::string& name, const Param& value);

 protected:
  /// This estimator's own hyperparameters, bound to its options' fields.
  virtual std::vector<ParamBinding> bindings() { return {}; }
  /// Nested estimators by name (pipeline steps, a meta-estimator's "estimator").
  virtual std::vector<std::pair<std::string, Estimator*>> children() { return {}; }
  /// Replaces the nested estimator `name` (ml::load rebuilding a meta-estimator's "estimator");
  /// the default refuses.
  virtual void set_child(const std::string& name, std::unique_ptr<Estimator> estimator);
  friend EstimatorRecord record_of(const Estimator& estimator);
  friend std::unique_ptr<Estimator> estimator_from(const EstimatorRecord& record);
  /// Throws NotFittedError naming this estimator and `method` unless fitted().
  void check_fitted(std::string_view method) const;
};

/// The base of a concrete estimator: stores its options, gives the constructor from them and a
/// clone that copies them.
template <class Derived, class Options>
class EstimatorBase : public Estimator {
 public:
  using OptionsType = Options;
  explicit EstimatorBase(Options options = {}) : options_(std::move(options)) {}
  const Options& options() const { return options_; }
  std::unique_ptr<Estimator> clone() const override { return std::make_unique<Derived>(options_); }

 protected:
  Options options_;
};

/// A fresh copy of an estimator with the same hyperparameters (sklearn.base.clone).
std::unique_ptr<Estimator> clone(const Estimator& estimator);

/// Encodes class labels as 0..k-1 (classifiers): `classes` holds the sorted distinct labels in y's
/// dtype (int64 or float64), `codes` each sample's index into it.
struct LabelCodes {
  Tensor classes;
  std::vector<std::int64_t> codes;
  std::int64_t n_classes() const { return classes.defined() ? classes.numel() : 0; }
};
LabelCodes encode_labels(const Tensor& y, std::string_view who);
/// classes[codes[i]] for each i: the labels of predicted class indices.
Tensor decode_labels(const Tensor& classes, const std::vector<std::int64_t>& codes);

}  // namespace axon::ml
