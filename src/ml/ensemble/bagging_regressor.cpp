#include "axon/ml/ensemble/bagging_regressor.hpp"

#include "axon/core/creation.hpp"
#include "axon/ml/metrics.hpp"
#include "axon/ml/tree/decision_tree_regressor.hpp"

namespace axon::ml {

BaggingRegressor::BaggingRegressor(BaggingOptions options) : BaseBagging(std::move(options)) {
  if (!options_.estimator) options_.estimator = DecisionTreeRegressor();
}

BaggingRegressor& BaggingRegressor::fit(const Data& X, const Tensor& y) { return fit(X, y, Tensor()); }

BaggingRegressor& BaggingRegressor::fit(const Data& X, const Tensor& y, const Tensor& sample_weight) {
  constexpr std::string_view who = "BaggingRegressor.fit";
  ens_ = {};
  check_y(X, y, who);
  const Tensor target = from_vector(y.to_vector<double>(), {y.numel()});
  const std::vector<double> w = check_sample_weight(X, sample_weight, who);
  bagging_detail::Ensemble e = bagging_detail::fit(options_, *options_.estimator, X, target, w, who);
  ens_ = std::move(e);
  if (options_.oob_score) {
    const std::int64_t n = ens_.n_samples;
    std::vector<double> predictions(static_cast<std::size_t>(n), 0.0), count(static_cast<std::size_t>(n), 0.0);
    for (std::size_t t = 0; t < ens_.estimators.size(); ++t) {
      std::vector<std::uint8_t> drawn(static_cast<std::size_t>(n), 0);
      for (auto s : bagging_detail::drawn_samples(ens_, t)) drawn[static_cast<std::size_t>(s)] = 1;
      std::vector<std::int64_t> oob;
      for (std::int64_t i = 0; i < n; ++i)
        if (!drawn[i]) oob.push_back(i);
      if (oob.empty()) continue;
      const std::vector<double> p =
          ens_.estimators[t]->predict(bagging_detail::columns(X.take(oob), ens_.features[t], ens_.n_features, who))
              .to_vector<double>();
      for (std::size_t r = 0; r < oob.size(); ++r) {
        predictions[oob[r]] += p[r];
        count[oob[r]] += 1.0;
      }
    }
    for (std::int64_t i = 0; i < n; ++i) predictions[i] /= count[i] == 0.0 ? 1.0 : count[i];
    oob_prediction_ = from_vector(predictions, {n});
    oob_score_ = r2_score(target, oob_prediction_);
  }
  return *this;
}

Tensor BaggingRegressor::predict(const Data& X) const {
  check_fitted("predict");
  constexpr std::string_view who = "BaggingRegressor.predict";
  std::vector<double> sum;
  for (std::size_t t = 0; t < ens_.estimators.size(); ++t) {
    const std::vector<double> p =
        ens_.estimators[t]->predict(bagging_detail::columns(X, ens_.features[t], ens_.n_features, who)).to_vector<double>();
    if (sum.empty()) sum.assign(p.size(), 0.0);  // Python's sum(): 0 + first + ...
    for (std::size_t i = 0; i < p.size(); ++i) sum[i] += p[i];
  }
  const double m = static_cast<double>(ens_.estimators.size());
  for (double& v : sum) v /= m;
  return from_vector(sum, {static_cast<std::int64_t>(sum.size())});
}

Tensor BaggingRegressor::oob_prediction() const {
  check_oob("oob_prediction");
  return oob_prediction_;
}

void BaggingRegressor::save_state(StateDict& state) const {
  save_base(state);
  if (oob_prediction_.defined()) state.set("oob_prediction", oob_prediction_);
}

void BaggingRegressor::load_state(const StateDict& state) {
  load_base(state);
  oob_prediction_ = state.contains("oob_prediction") ? state.tensor("oob_prediction") : Tensor();
}

}  // namespace axon::ml
