#include "axon/ml/ensemble/hist_gradient_boosting_regressor.hpp"

#include "axon/core/backend.hpp"
#include "axon/core/creation.hpp"
#include "hist/options.hpp"

#include <cmath>

namespace axon::ml {

using namespace hist_detail;

HistGradientBoostingRegressor& HistGradientBoostingRegressor::fit(const Data& X, const Tensor& y) {
  constexpr std::string_view who = "HistGradientBoostingRegressor.fit";
  model_.reset();
  check(options_.loss == "squared_error" || options_.loss == "absolute_error",
        "{}: loss must be 'squared_error' or 'absolute_error', got '{}'", who, options_.loss);
  const Tensor Xd = check_dense_X(X, who);
  check_y(X, y, who);
  const std::int64_t n = Xd.shape(0), p = Xd.shape(1);
  Settings s = settings_from(options_, n, who);
  s.loss = options_.loss == "squared_error" ? LossKind::squared_error : LossKind::absolute_error;
  s.threads = get_num_threads();
  Tensor yd = y;
  if (yd.dtype() != Dtype::float64) {
    yd = Tensor::empty(y.shape(), {.dtype = Dtype::float64});
    backend(y.device()).cast(y, yd);
  }
  const std::vector<double> yv = yd.to_vector<double>();
  for (std::int64_t i = 0; i < n; ++i)
    check(std::isfinite(yv[i]), "{}: y must be finite; y[{}] is {}", who, i, yv[i]);
  FitResult r = hist_detail::fit(Xd.data<double>(), n, p, yv, s);
  train_score_ = std::move(r.train_score);
  validation_score_ = std::move(r.validation_score);
  do_early_stopping_ = s.early_stopping;
  n_features_ = p;
  model_ = std::move(r.model);
  return *this;
}

Tensor HistGradientBoostingRegressor::predict(const Data& X) const {
  check_fitted("predict");
  const Tensor Xd = check_dense_X(X, "HistGradientBoostingRegressor.predict", n_features_);
  std::vector<double> out(static_cast<std::size_t>(Xd.shape(0)));
  raw_predict(*model_, Xd.data<double>(), Xd.shape(0), model_->n_iter(), out.data(), get_num_threads());
  return from_vector(out, {Xd.shape(0)});
}

std::vector<Tensor> HistGradientBoostingRegressor::staged_predict(const Data& X) const {
  check_fitted("staged_predict");
  const Tensor Xd = check_dense_X(X, "HistGradientBoostingRegressor.staged_predict", n_features_);
  const std::int64_t n = Xd.shape(0);
  std::vector<Tensor> out;
  staged_raw_predict(*model_, Xd.data<double>(), n, get_num_threads(),
                     [&](const std::vector<double>& r) { out.push_back(from_vector(r, {n})); });
  return out;
}

}  // namespace axon::ml
