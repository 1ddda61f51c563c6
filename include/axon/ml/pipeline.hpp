// sklearn.pipeline: a chain of transformers ending in any estimator, itself an estimator, so that a
// whole preprocessing + model chain is cross-validated and grid-searched as one ("step__param").
//
//   auto pipeline = ml::make_pipeline(text::TfidfVectorizer(), ml::LogisticRegression());
//   pipeline.fit(text_train, y_train);
//   auto& lr = pipeline.named_step<ml::LogisticRegression>("logisticregression");
#pragma once

#include "axon/ml/estimator.hpp"

#include <concepts>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace axon::ml {

/// One step of a Pipeline: its name and its estimator.
struct PipelineStep {
  std::string name;
  std::unique_ptr<Estimator> estimator;
};

class Pipeline : public Estimator {
 public:
  /// Names must be unique, non-empty and free of "__"; every step but the last must transform.
  explicit Pipeline(std::vector<PipelineStep> steps);
  /// Move-only (it owns its fitted steps); clone() gives an unfitted deep copy.
  Pipeline(Pipeline&&) noexcept = default;
  Pipeline& operator=(Pipeline&&) noexcept = default;

  std::string name() const override { return "Pipeline"; }
  /// The last step's kind (a pipeline ending in a classifier is a classifier).
  Kind kind() const override { return steps_.back().estimator->kind(); }
  std::unique_ptr<Estimator> clone() const override;

  /// fit_transform through every step but the last, then fit the last on the result.
  Pipeline& fit(const Data& X, const Tensor& y = {}) override;
  /// X through the transforms, then the last step's method.
  Tensor predict(const Data& X) const override;
  Tensor predict_proba(const Data& X) const override;
  Tensor predict_log_proba(const Data& X) const override;
  Tensor decision_function(const Data& X) const override;
  double score(const Data& X, const Tensor& y) const override;
  /// Every step's transform (the last must be a transformer too).
  Data transform(const Data& X) const override;
  Data fit_transform(const Data& X, const Tensor& y = {}) override;
  Tensor classes() const override { return steps_.back().estimator->classes(); }
  bool fitted() const override { return steps_.back().estimator->fitted(); }

  /// Every step, saved whole (ml::save); load_state replaces the steps by the saved ones.
  void save_state(StateDict& state) const override;
  void load_state(const StateDict& state) override;
  /// The pipeline a saved state describes (ml::load).
  static std::unique_ptr<Pipeline> from_state(const StateDict& state);

  std::size_t size() const { return steps_.size(); }
  const std::vector<PipelineStep>& steps() const { return steps_; }
  /// named_steps["logisticregression"]; an unknown name is a ValueError listing the steps.
  Estimator& operator[](const std::string& step_name);
  const Estimator& operator[](const std::string& step_name) const;
  Estimator& operator[](std::size_t index);
  /// The named step as its concrete type (ValueError if it is another type).
  template <class T>
  T& named_step(const std::string& step_name) {
    Estimator& e = (*this)[step_name];
    T* t = dynamic_cast<T*>(&e);
    if (!t) wrong_type(step_name, e);
    return *t;
  }

 protected:
  std::vector<std::pair<std::string, Estimator*>> children() override;

 private:
  [[noreturn]] static void wrong_type(const std::string& step_name, const Estimator& e);
  /// X through the transforms of every step but the last.
  Data transform_head(const Data& X, std::string_view method) const;
  std::vector<PipelineStep> steps_;
};

/// Step names as make_pipeline gives them: the lowercase class name, with "-1", "-2", ... appended
/// to names that occur more than once (scikit-learn's _name_estimators).
std::vector<PipelineStep> name_estimators(std::vector<std::unique_ptr<Estimator>> estimators);

/// Pipeline(steps named by name_estimators): `ml::make_pipeline(ml::StandardScaler(), ml::Ridge({.alpha = 10}))`.
template <class... E>
  requires(sizeof...(E) > 0 && (std::derived_from<std::remove_cvref_t<E>, Estimator> && ...))
Pipeline make_pipeline(E&&... estimators) {
  std::vector<std::unique_ptr<Estimator>> v;
  (v.push_back(std::make_unique<std::remove_cvref_t<E>>(std::forward<E>(estimators))), ...);
  return Pipeline(name_estimators(std::move(v)));
}

}  // namespace axon::ml
