#include "axon/ml/estimator.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/ml/metrics.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace axon::ml {
namespace {

[[noreturn]] void unsupported(const Estimator& e, std::string_view method) {
  throw UnsupportedMethodError(fmt::format("{} has no {}()", e.name(), method));
}

}  // namespace

Tensor Estimator::predict(const Data&) const { unsupported(*this, "predict"); }
Tensor Estimator::predict_proba(const Data&) const { unsupported(*this, "predict_proba"); }
Tensor Estimator::decision_function(const Data&) const { unsupported(*this, "decision_function"); }
Data Estimator::transform(const Data&) const { unsupported(*this, "transform"); }

Tensor Estimator::predict_log_proba(const Data& X) const {
  Tensor p = predict_proba(X).clone();
  double* v = p.data<double>();
  for (std::int64_t i = 0; i < p.numel(); ++i) v[i] = std::log(v[i]);
  return p;
}

Estimator& Estimator::fit(const Data& X, const Tensor& y, const Tensor& sample_weight) {
  check(!sample_weight.defined(), "{}.fit does not take sample_weight (it cannot weigh samples)", name());
  return fit(X, y);
}

void Estimator::save_state(StateDict&) const {
  throw ValueError(fmt::format("{} cannot be saved yet (it has no save_state)", name()));
}
void Estimator::load_state(const StateDict&) {
  throw ValueError(fmt::format("{} cannot be loaded (it has no load_state)", name()));
}

void Estimator::set_child(const std::string& child, std::unique_ptr<Estimator>) {
  throw ValueError(fmt::format("{} has no nested estimator '{}' to set", name(), child));
}

Data Estimator::fit_transform(const Data& X, const Tensor& y) {
  fit(X, y);
  return transform(X);
}

double Estimator::score(const Data& X, const Tensor& y) const {
  switch (kind()) {
    case Kind::classifier: return accuracy_score(y, predict(X));
    case Kind::regressor: return r2_score(y, predict(X));
    default: unsupported(*this, "score");
  }
}

void Estimator::check_fitted(std::string_view method) const {
  check<NotFittedError>(fitted(), "This {} instance is not fitted yet. Call fit() with appropriate arguments before {}().",
                        name(), method);
}

Params Estimator::get_params(bool deep) const {
  auto& self = const_cast<Estimator&>(*this);  // bindings need write access; reading changes nothing
  Params out;
  for (const ParamBinding& b : self.bindings()) out[b.name] = b.get();
  if (deep)
    for (const auto& [name, child] : self.children())
      for (const auto& [k, v] : child->get_params(true)) out[name + "__" + k] = v;
  return out;
}

Estimator& Estimator::set_param(const std::string& name, const Param& value) {
  if (const auto sep = name.find("__"); sep != std::string::npos) {
    const std::string head = name.substr(0, sep);
    for (const auto& [child_name, child] : children())
      if (child_name == head) {
        child->set_param(name.substr(sep + 2), value);
        return *this;
      }
  } else {
    for (const ParamBinding& b : bindings())
      if (b.name == name) {
        b.set(value);
        return *this;
      }
  }
  std::vector<std::string> valid;
  for (const auto& [k, v] : get_params(true)) valid.push_back(k);
  throw ValueError(fmt::format("Invalid parameter '{}' for estimator {}. Valid parameters are: [{}].", name, this->name(),
                               fmt::join(valid, ", ")));
}

Estimator& Estimator::set_params(const Params& params) {
  for (const auto& [k, v] : params) set_param(k, v);
  return *this;
}

std::unique_ptr<Estimator> clone(const Estimator& estimator) { return estimator.clone(); }

LabelCodes encode_labels(const Tensor& y, std::string_view who) {
  check<ShapeError>(y.defined() && y.ndim() == 1, "{}: y must be a 1-D tensor of class labels, got {}", who,
                    y.defined() ? shape_str(y.shape()) : std::string("nothing"));
  LabelCodes out;
  const std::size_t n = static_cast<std::size_t>(y.numel());
  out.codes.resize(n);
  if (y.dtype() == Dtype::int64 || y.dtype() == Dtype::uint8) {
    const std::vector<std::int64_t> v = y.to_vector<std::int64_t>();
    std::vector<std::int64_t> classes = v;
    std::sort(classes.begin(), classes.end());
    classes.erase(std::unique(classes.begin(), classes.end()), classes.end());
    for (std::size_t i = 0; i < n; ++i)
      out.codes[i] = std::lower_bound(classes.begin(), classes.end(), v[i]) - classes.begin();
    out.classes = from_vector(classes, {static_cast<std::int64_t>(classes.size())});
  } else {
    const std::vector<double> v = y.to_vector<double>();
    for (std::size_t i = 0; i < n; ++i)
      check(!std::isnan(v[i]), "{}: y contains NaN at position {}; class labels must be numbers", who, i);
    std::vector<double> classes = v;
    std::sort(classes.begin(), classes.end());
    classes.erase(std::unique(classes.begin(), classes.end()), classes.end());
    for (std::size_t i = 0; i < n; ++i)
      out.codes[i] = std::lower_bound(classes.begin(), classes.end(), v[i]) - classes.begin();
    out.classes = from_vector(classes, {static_cast<std::int64_t>(classes.size())});
  }
  return out;
}

Tensor decode_labels(const Tensor& classes, const std::vector<std::int64_t>& codes) {
  const auto n = static_cast<std::int64_t>(codes.size());
  if (classes.dtype() == Dtype::int64) {
    const std::int64_t* c = classes.data<std::int64_t>();
    std::vector<std::int64_t> out(codes.size());
    for (std::size_t i = 0; i < codes.size(); ++i) out[i] = c[codes[i]];
    return from_vector(out, {n});
  }
  const std::vector<double> c = classes.to_vector<double>();
  std::vector<double> out(codes.size());
  for (std::size_t i = 0; i < codes.size(); ++i) out[i] = c[static_cast<std::size_t>(codes[i])];
  return from_vector(out, {n});
}

}  // namespace axon::ml
