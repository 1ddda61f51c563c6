#include "axon/ml/pipeline.hpp"

#include "axon/core/error.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <map>

namespace axon::ml {
namespace {

std::vector<std::string> names_of(const std::vector<PipelineStep>& steps) {
  std::vector<std::string> names;
  for (const PipelineStep& s : steps) names.push_back(s.name);
  return names;
}

}  // namespace

Pipeline::Pipeline(std::vector<PipelineStep> steps) : steps_(std::move(steps)) {
  check(!steps_.empty(), "Pipeline: needs at least one step");
  for (std::size_t i = 0; i < steps_.size(); ++i) {
    const PipelineStep& s = steps_[i];
    check(s.estimator != nullptr, "Pipeline: step {} ('{}') has no estimator", i, s.name);
    check(!s.name.empty() && s.name.find("__") == std::string::npos,
          "Pipeline: Estimator names must not contain __ and must not be empty: got '{}'", s.name);
    for (std::size_t j = 0; j < i; ++j)
      check(steps_[j].name != s.name, "Pipeline: Names provided are not unique: [{}]",
            fmt::join(names_of(steps_), ", "));
  }
}

std::unique_ptr<Estimator> Pipeline::clone() const {
  std::vector<PipelineStep> copy;
  for (const PipelineStep& s : steps_) copy.push_back({s.name, s.estimator->clone()});
  return std::make_unique<Pipeline>(std::move(copy));
}

std::vector<std::pair<std::string, Estimator*>> Pipeline::children() {
  std::vector<std::pair<std::string, Estimator*>> out;
  for (PipelineStep& s : steps_) out.emplace_back(s.name, s.estimator.get());
  return out;
}

Pipeline& Pipeline::fit(const Data& X, const Tensor& y) {
  Data Xt = X;
  for (std::size_t i = 0; i + 1 < steps_.size(); ++i) Xt = steps_[i].estimator->fit_transform(Xt, y);
  steps_.back().estimator->fit(Xt, y);
  return *this;
}

Data Pipeline::fit_transform(const Data& X, const Tensor& y) {
  Data Xt = X;
  for (PipelineStep& s : steps_) Xt = s.estimator->fit_transform(Xt, y);
  return Xt;
}

Data Pipeline::transform_head(const Data& X, std::string_view method) const {
  check_fitted(method);
  Data Xt = X;
  for (std::size_t i = 0; i + 1 < steps_.size(); ++i) Xt = steps_[i].estimator->transform(Xt);
  return Xt;
}

Tensor Pipeline::predict(const Data& X) const { return steps_.back().estimator->predict(transform_head(X, "predict")); }
Tensor Pipeline::predict_proba(const Data& X) const {
  return steps_.back().estimator->predict_proba(transform_head(X, "predict_proba"));
}
Tensor Pipeline::predict_log_proba(const Data& X) const {
  return steps_.back().estimator->predict_log_proba(transform_head(X, "predict_log_proba"));
}
Tensor Pipeline::decision_function(const Data& X) const {
  return steps_.back().estimator->decision_function(transform_head(X, "decision_function"));
}
double Pipeline::score(const Data& X, const Tensor& y) const {
  return steps_.back().estimator->score(transform_head(X, "score"), y);
}
Data Pipeline::transform(const Data& X) const {
  return steps_.back().estimator->transform(transform_head(X, "transform"));
}

const Estimator& Pipeline::operator[](const std::string& step_name) const {
  for (const PipelineStep& s : steps_)
    if (s.name == step_name) return *s.estimator;
  throw ValueError(fmt::format("Pipeline: no step named '{}'; the steps are [{}]", step_name,
                               fmt::join(names_of(steps_), ", ")));
}
Estimator& Pipeline::operator[](const std::string& step_name) {
  return const_cast<Estimator&>(std::as_const(*this)[step_name]);
}
Estimator& Pipeline::operator[](std::size_t index) {
  check<IndexError>(index < steps_.size(), "Pipeline: step index {} is out of range for {} steps", index, steps_.size());
  return *steps_[index].estimator;
}

void Pipeline::wrong_type(const std::string& step_name, const Estimator& e) {
  throw ValueError(fmt::format("Pipeline.named_step: step '{}' is a {}, not the type asked for", step_name, e.name()));
}

std::vector<PipelineStep> name_estimators(std::vector<std::unique_ptr<Estimator>> estimators) {
  std::vector<std::string> names;
  std::map<std::string, int> count;
  for (const auto& e : estimators) {
    check(e != nullptr, "make_pipeline: an estimator is missing");
    std::string n = e->name();
    std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    ++count[n];
    names.push_back(std::move(n));
  }
  for (auto it = count.begin(); it != count.end();) it = it->second == 1 ? count.erase(it) : std::next(it);
  for (std::size_t i = names.size(); i-- > 0;)
    if (auto it = count.find(names[i]); it != count.end()) names[i] += "-" + std::to_string(it->second--);
  std::vector<PipelineStep> steps;
  for (std::size_t i = 0; i < names.size(); ++i) steps.push_back({names[i], std::move(estimators[i])});
  return steps;
}

void Pipeline::save_state(StateDict& state) const {
  state.set("n_steps", Param{static_cast<std::int64_t>(steps_.size())});
  for (std::size_t i = 0; i < steps_.size(); ++i) {
    state.set(fmt::format("name/{}", i), Param{steps_[i].name});
    state.set(fmt::format("step/{}", i), *steps_[i].estimator);
  }
}

std::unique_ptr<Pipeline> Pipeline::from_state(const StateDict& state) {
  const std::int64_t n = state.integer("n_steps");
  check<IoError>(n >= 1 && n <= 10000, "load: Pipeline with {} steps", n);
  std::vector<PipelineStep> steps;
  for (std::int64_t i = 0; i < n; ++i)
    steps.push_back({state.text(fmt::format("name/{}", i)), state.estimator(fmt::format("step/{}", i))});
  return std::make_unique<Pipeline>(std::move(steps));
}

void Pipeline::load_state(const StateDict& state) { steps_ = std::move(from_state(state)->steps_); }

}  // namespace axon::ml
