// What a fitted estimator learned, by name, so that ml::save can write it to one file and ml::load
// can give it back: tensors (coefficients, a tree's arrays), plain values (counts, flags, names:
// the Param variant) and whole nested estimators (a pipeline's steps, an ensemble's members), each
// saved with its class name and hyperparameters.
//
//   void Ridge::save_state(StateDict& s) const { s.set("coef", coef_); s.set("intercept", intercept_); }
//   void Ridge::load_state(const StateDict& s) { coef_ = s.tensor("coef"); intercept_ = s.number("intercept"); }
#pragma once

#include "axon/core/tensor.hpp"
#include "axon/ml/params.hpp"

#include <map>
#include <memory>
#include <string>

namespace axon::ml {

class Estimator;
class StateDict;

/// A nested estimator as saved: its class, its own hyperparameters, the records of its own nested
/// estimators (a meta-estimator's "estimator": class and hyperparameters, unfitted) and, when
/// fitted, its state.
struct EstimatorRecord {
  std::string class_name;
  Params params;
  std::shared_ptr<const StateDict> children;  ///< records by child name (may be null: none)
  bool fitted = false;
  std::shared_ptr<const StateDict> state;
};

class StateDict {
 public:
  void set(const std::string& key, Tensor value) { tensors_[key] = std::move(value); }
  void set(const std::string& key, Param value) { values_[key] = std::move(value); }
  void set(const std::string& key, const char* value) { values_[key] = std::string(value); }
  void set(const std::string& key, const Estimator& estimator);

  /// Each getter throws an IoError naming the key when it is missing or of another kind.
  const Tensor& tensor(const std::string& key) const;
  const Param& value(const std::string& key) const;
  double number(const std::string& key) const;
  std::int64_t integer(const std::string& key) const;
  bool flag(const std::string& key) const;
  std::string text(const std::string& key) const;
  /// A new estimator rebuilt from a nested record (class by name, hyperparameters, state).
  std::unique_ptr<Estimator> estimator(const std::string& key) const;
  bool contains(const std::string& key) const {
    return tensors_.count(key) || values_.count(key) || estimators_.count(key);
  }

  const std::map<std::string, Tensor>& tensors() const { return tensors_; }
  const std::map<std::string, Param>& values() const { return values_; }
  const std::map<std::string, EstimatorRecord>& estimators() const { return estimators_; }
  void set_record(const std::string& key, EstimatorRecord record) { estimators_[key] = std::move(record); }

 private:
  std::map<std::string, Tensor> tensors_;
  std::map<std::string, Param> values_;
  std::map<std::string, EstimatorRecord> estimators_;
};

/// The record of an estimator: class name, get_params(deep = false), and its state when fitted.
EstimatorRecord record_of(const Estimator& estimator);
/// The estimator a record describes (ml::load's inverse of record_of).
std::unique_ptr<Estimator> estimator_from(const EstimatorRecord& record);

}  // namespace axon::ml
