#include "axon/ml/ensemble/gradient_boosting_classifier.hpp"

#include "axon/core/creation.hpp"
#include "gb_losses.hpp"

namespace axon::ml {

GradientBoostingClassifier& GradientBoostingClassifier::fit(const Data& X, const Tensor& y) { return fit(X, y, Tensor()); }

GradientBoostingClassifier& GradientBoostingClassifier::fit(const Data& X, const Tensor& y, const Tensor& sample_weight) {
  constexpr std::string_view who = "GradientBoostingClassifier.fit";
  ens_ = {};
  const gb_detail::Config config = gb_detail::config_from(options_, options_.loss, 0.9, who);
  const Tensor Xd = check_dense_X(X, who);
  check_y(X, y, who);
  LabelCodes labels = encode_labels(y, who);
  std::vector<double> w = check_sample_weight(X, sample_weight, who);
  const bool weighted = !w.empty();
  if (!weighted) w.assign(labels.codes.size(), 1.0);
  // _validate_y: classes that keep a positive total weight
  std::vector<double> class_weight(static_cast<std::size_t>(labels.n_classes()), 0.0);
  for (std::size_t i = 0; i < w.size(); ++i) class_weight[static_cast<std::size_t>(labels.codes[i])] += w[i];
  std::int64_t kept = 0;
  for (double cw : class_weight) kept += cw != 0.0;
  check(kept >= 2,
        "{}: y contains {} class after sample_weight trimmed classes with zero weights, while a minimum of 2 classes "
        "are required.",
        who, kept);
  std::vector<double> codes(labels.codes.begin(), labels.codes.end());
  ens_ = gb_detail::fit(Xd, codes, labels.n_classes(), w, weighted, config, who);
  labels_ = std::move(labels);
  return *this;
}

Tensor GradientBoostingClassifier::decision_of(const std::vector<double>& raw) const {
  const std::int64_t K = ens_.trees_per_stage, n = static_cast<std::int64_t>(raw.size()) / K;
  if (K == 1) return from_vector(raw, {n});
  return from_vector(raw, {n, K});
}

Tensor GradientBoostingClassifier::proba_of(const std::vector<double>& raw) const {
  const std::int64_t K = ens_.trees_per_stage, n = static_cast<std::int64_t>(raw.size()) / K;
  const std::int64_t c = labels_.n_classes();
  std::vector<double> proba(static_cast<std::size_t>(n * c));
  gb_detail::raw_to_proba(raw.data(), n, K, proba.data());
  return from_vector(proba, {n, c});
}

Tensor GradientBoostingClassifier::labels_of(const std::vector<double>& raw) const {
  const std::int64_t K = ens_.trees_per_stage, n = static_cast<std::int64_t>(raw.size()) / K;
  const std::int64_t c = labels_.n_classes();
  std::vector<double> proba(static_cast<std::size_t>(n * c));
  gb_detail::raw_to_proba(raw.data(), n, K, proba.data());
  std::vector<std::int64_t> codes(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) {  // np.argmax(proba, axis=1): the first maximum
    std::int64_t best = 0;
    for (std::int64_t k = 1; k < c; ++k)
      if (proba[i * c + k] > proba[i * c + best]) best = k;
    codes[i] = best;
  }
  return decode_labels(labels_.classes, codes);
}

Tensor GradientBoostingClassifier::decision_function(const Data& X) const {
  check_fitted("decision_function");
  return decision_of(gb_detail::raw_predict(ens_, X, -1, "GradientBoostingClassifier.decision_function"));
}

Tensor GradientBoostingClassifier::predict_proba(const Data& X) const {
  check_fitted("predict_proba");
  return proba_of(gb_detail::raw_predict(ens_, X, -1, "GradientBoostingClassifier.predict_proba"));
}

Tensor GradientBoostingClassifier::predict(const Data& X) const {
  check_fitted("predict");
  return labels_of(gb_detail::raw_predict(ens_, X, -1, "GradientBoostingClassifier.predict"));
}

std::vector<Tensor> GradientBoostingClassifier::staged_predict(const Data& X) const {
  check_fitted("staged_predict");
  std::vector<Tensor> out;
  for (const auto& raw : gb_detail::staged_raw_predict(ens_, X, "GradientBoostingClassifier.staged_predict"))
    out.push_back(labels_of(raw));
  return out;
}

std::vector<Tensor> GradientBoostingClassifier::staged_predict_proba(const Data& X) const {
  check_fitted("staged_predict_proba");
  std::vector<Tensor> out;
  for (const auto& raw : gb_detail::staged_raw_predict(ens_, X, "GradientBoostingClassifier.staged_predict_proba"))
    out.push_back(proba_of(raw));
  return out;
}

std::vector<Tensor> GradientBoostingClassifier::staged_decision_function(const Data& X) const {
  check_fitted("staged_decision_function");
  std::vector<Tensor> out;
  for (const auto& raw : gb_detail::staged_raw_predict(ens_, X, "GradientBoostingClassifier.staged_decision_function"))
    out.push_back(decision_of(raw));
  return out;
}

void GradientBoostingClassifier::save_state(StateDict& state) const {
  BaseGradientBoosting::save_state(state);
  state.set("classes", labels_.classes);
}

void GradientBoostingClassifier::load_state(const StateDict& state) {
  BaseGradientBoosting::load_state(state);
  labels_ = LabelCodes{state.tensor("classes"), {}};
  const std::int64_t k = labels_.n_classes();
  check<IoError>(k >= 2 && ens_.trees_per_stage == (k == 2 ? 1 : k), "load: GradientBoostingClassifier with {} classes and {} trees a stage",
                 k, ens_.trees_per_stage);
}

}  // namespace axon::ml
