#include "axon/ml/ensemble/gradient_boosting_regressor.hpp"

#include "axon/core/creation.hpp"
#include "gb_losses.hpp"

#include <cmath>

namespace axon::ml {

GradientBoostingRegressor& GradientBoostingRegressor::fit(const Data& X, const Tensor& y) { return fit(X, y, Tensor()); }

GradientBoostingRegressor& GradientBoostingRegressor::fit(const Data& X, const Tensor& y, const Tensor& sample_weight) {
  constexpr std::string_view who = "GradientBoostingRegressor.fit";
  ens_ = {};
  const gb_detail::Config config = gb_detail::config_from(options_, options_.loss, options_.alpha, who);
  const Tensor Xd = check_dense_X(X, who);
  check_y(X, y, who);
  const std::vector<double> target = y.to_vector<double>();
  for (std::size_t i = 0; i < target.size(); ++i)
    check(std::isfinite(target[i]), "{}: y has a non-finite value ({}) at position {}", who, target[i], i);
  std::vector<double> w = check_sample_weight(X, sample_weight, who);
  const bool weighted = !w.empty();
  if (!weighted) w.assign(target.size(), 1.0);  // sklearn's _check_sample_weight(None): ones
  ens_ = gb_detail::fit(Xd, target, 0, w, weighted, config, who);
  return *this;
}

Tensor GradientBoostingRegressor::predict(const Data& X) const {
  check_fitted("predict");
  std::vector<double> raw = gb_detail::raw_predict(ens_, X, -1, "GradientBoostingRegressor.predict");
  const auto n = static_cast<std::int64_t>(raw.size());
  return from_vector(raw, {n});
}

std::vector<Tensor> GradientBoostingRegressor::staged_predict(const Data& X) const {
  check_fitted("staged_predict");
  std::vector<Tensor> out;
  for (auto& raw : gb_detail::staged_raw_predict(ens_, X, "GradientBoostingRegressor.staged_predict")) {
    const auto n = static_cast<std::int64_t>(raw.size());
    out.push_back(from_vector(raw, {n}));
  }
  return out;
}

}  // namespace axon::ml
