#include "axon/ml/ensemble/hist_gradient_boosting_classifier.hpp"

#include "axon/core/backend.hpp"
#include "axon/core/creation.hpp"
#include "hist/options.hpp"

namespace axon::ml {

using namespace hist_detail;

HistGradientBoostingClassifier& HistGradientBoostingClassifier::fit(const Data& X, const Tensor& y) {
  constexpr std::string_view who = "HistGradientBoostingClassifier.fit";
  model_.reset();
  check(options_.loss == "log_loss", "{}: loss must be 'log_loss', got '{}'", who, options_.loss);
  const Tensor Xd = check_dense_X(X, who);
  check_y(X, y, who);
  const std::int64_t n = Xd.shape(0), p = Xd.shape(1);
  Settings s = settings_from(options_, n, who);
  labels_ = encode_labels(y, who);
  check(labels_.n_classes() >= 2, "{}: y has 1 class; a classifier needs at least 2", who);
  s.n_classes = labels_.n_classes();
  s.loss = s.n_classes == 2 ? LossKind::binomial : LossKind::multinomial;
  s.threads = get_num_threads();
  std::vector<double> codes(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) codes[i] = static_cast<double>(labels_.codes[i]);
  FitResult r = hist_detail::fit(Xd.data<double>(), n, p, codes, s);
  train_score_ = std::move(r.train_score);
  validation_score_ = std::move(r.validation_score);
  do_early_stopping_ = s.early_stopping;
  n_features_ = p;
  model_ = std::move(r.model);
  return *this;
}

std::vector<double> HistGradientBoostingClassifier::raw(const Data& X, std::string_view who) const {
  const Tensor Xd = check_dense_X(X, who, n_features_);
  std::vector<double> out(static_cast<std::size_t>(Xd.shape(0) * model_->k));
  raw_predict(*model_, Xd.data<double>(), Xd.shape(0), model_->n_iter(), out.data(), get_num_threads());
  return out;
}

Tensor HistGradientBoostingClassifier::decision_function(const Data& X) const {
  check_fitted("decision_function");
  const std::vector<double> r = raw(X, "HistGradientBoostingClassifier.decision_function");
  const std::int64_t k = model_->k, n = static_cast<std::int64_t>(r.size()) / k;
  return k == 1 ? from_vector(r, {n}) : from_vector(r, {n, k});
}

Tensor HistGradientBoostingClassifier::predict_proba(const Data& X) const {
  check_fitted("predict_proba");
  const std::vector<double> r = raw(X, "HistGradientBoostingClassifier.predict_proba");
  const std::int64_t k = model_->k, n = static_cast<std::int64_t>(r.size()) / k;
  return from_vector(proba_from_raw(model_->loss, r, n, k), {n, labels_.n_classes()});
}

namespace {
std::vector<std::int64_t> argmax_rows(const std::vector<double>& p, std::int64_t n, std::int64_t k) {
  std::vector<std::int64_t> best(static_cast<std::size_t>(n), 0);
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t j = 1; j < k; ++j)
      if (p[i * k + j] > p[i * k + best[i]]) best[i] = j;
  return best;
}
}  // namespace

Tensor HistGradientBoostingClassifier::predict(const Data& X) const {
  check_fitted("predict");
  const std::vector<double> r = raw(X, "HistGradientBoostingClassifier.predict");
  const std::int64_t k = model_->k, n = static_cast<std::int64_t>(r.size()) / k;
  const std::int64_t kc = labels_.n_classes();
  return decode_labels(labels_.classes, argmax_rows(proba_from_raw(model_->loss, r, n, k), n, kc));
}

std::vector<Tensor> HistGradientBoostingClassifier::staged_predict_proba(const Data& X) const {
  constexpr std::string_view who = "HistGradientBoostingClassifier.staged_predict_proba";
  check_fitted("staged_predict_proba");
  const Tensor Xd = check_dense_X(X, who, n_features_);
  const std::int64_t n = Xd.shape(0), k = model_->k, kc = labels_.n_classes();
  std::vector<Tensor> out;
  staged_raw_predict(*model_, Xd.data<double>(), n, get_num_threads(), [&](const std::vector<double>& r) {
    out.push_back(from_vector(proba_from_raw(model_->loss, r, n, k), {n, kc}));
  });
  return out;
}

std::vector<Tensor> HistGradientBoostingClassifier::staged_predict(const Data& X) const {
  constexpr std::string_view who = "HistGradientBoostingClassifier.staged_predict";
  check_fitted("staged_predict");
  const Tensor Xd = check_dense_X(X, who, n_features_);
  const std::int64_t n = Xd.shape(0), k = model_->k, kc = labels_.n_classes();
  std::vector<Tensor> out;
  staged_raw_predict(*model_, Xd.data<double>(), n, get_num_threads(), [&](const std::vector<double>& r) {
    out.push_back(decode_labels(labels_.classes, argmax_rows(proba_from_raw(model_->loss, r, n, k), n, kc)));
  });
  return out;
}

void HistGradientBoostingClassifier::save_state(StateDict& state) const {
  BaseHistGradientBoosting::save_state(state);
  state.set("classes", labels_.classes);
}

void HistGradientBoostingClassifier::load_state(const StateDict& state) {
  BaseHistGradientBoosting::load_state(state);
  labels_ = LabelCodes{state.tensor("classes"), {}};
  const std::int64_t k = labels_.n_classes();
  check<IoError>(k >= 2 && n_trees_per_iteration() == (k == 2 ? 1 : k),
                 "load: HistGradientBoostingClassifier with {} classes and {} trees an iteration", k, n_trees_per_iteration());
}

}  // namespace axon::ml
