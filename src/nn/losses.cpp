#include "axon/nn/losses.hpp"

#include "axon/autograd/grad_mode.hpp"
#include "axon/autograd/ops/elementwise.hpp"
#include "axon/autograd/ops/loss.hpp"
#include "axon/autograd/ops/reduce.hpp"
#include "axon/autograd/ops/shape.hpp"
#include "axon/core/creation.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <map>

namespace axon::nn {

Tensor huber(const Tensor& y_true, const Tensor& y_pred, double delta) {
  check<ShapeError>(y_true.shape() == y_pred.shape(), "huber: y_true has shape {} but y_pred has shape {}",
                    shape_text(y_true.shape()), shape_text(y_pred.shape()));
  const Tensor error = abs(y_pred - astype(y_true, y_pred.dtype()));
  const Tensor quadratic = minimum(error, scalar_tensor(delta, {.dtype = error.dtype()}));
  return mean(quadratic * quadratic * 0.5 + (error - quadratic) * delta);
}

Tensor kl_divergence(const Tensor& y_true, const Tensor& y_pred) {
  check<ShapeError>(y_true.shape() == y_pred.shape(), "kl_divergence: y_true has shape {} but y_pred has shape {}",
                    shape_text(y_true.shape()), shape_text(y_pred.shape()));
  const Tensor t = clip(astype(y_true, y_pred.dtype()), 1e-7, 1.0);
  const Tensor p = clip(y_pred, 1e-7, 1.0);
  return mean(sum(t * log(t / p), -1));
}

namespace {
const std::map<std::string, Loss>& losses() {
  static const std::map<std::string, Loss> table = {
      {"mean_squared_error", {"mean_squared_error", &mean_squared_error, {}}},
      {"mean_absolute_error", {"mean_absolute_error", &mean_absolute_error, {}}},
      {"huber", {"huber", [](const Tensor& t, const Tensor& p) { return huber(t, p); }, {}}},
      {"binary_crossentropy",
       {"binary_crossentropy", [](const Tensor& t, const Tensor& p) { return binary_crossentropy(t, p); },
        [](const Tensor& t, const Tensor& z) { return binary_crossentropy(t, z, true); }}},
      {"categorical_crossentropy",
       {"categorical_crossentropy", [](const Tensor& t, const Tensor& p) { return categorical_crossentropy(t, p); },
        [](const Tensor& t, const Tensor& z) { return categorical_crossentropy(t, z, true); }}},
      {"sparse_categorical_crossentropy",
       {"sparse_categorical_crossentropy",
        [](const Tensor& t, const Tensor& p) { return sparse_categorical_crossentropy(t, p); },
        [](const Tensor& t, const Tensor& z) { return sparse_categorical_crossentropy(t, z, true); }}},
      {"kl_divergence", {"kl_divergence", &kl_divergence, {}}},
  };
  return table;
}
const std::map<std::string, std::string>& aliases() {
  static const std::map<std::string, std::string> table = {
      {"mse", "mean_squared_error"}, {"mae", "mean_absolute_error"}, {"kld", "kl_divergence"},
      {"huber_loss", "huber"}};
  return table;
}
}  // namespace

std::vector<std::string> known_losses() {
  std::vector<std::string> names;
  for (const auto& [name, loss] : losses()) names.push_back(name);
  for (const auto& [alias, name] : aliases()) names.push_back(alias);
  return names;
}

Loss get_loss(const std::string& name) {
  const auto alias = aliases().find(name);
  const auto it = losses().find(alias == aliases().end() ? name : alias->second);
  check(it != losses().end(), "Unknown loss '{}'. Known: {}.", name, fmt::join(known_losses(), ", "));
  return it->second;
}

namespace {
// Number of rows whose argmax (or label) matches.
double count_argmax_hits(const Tensor& y_true_labels, const Tensor& y_pred) {
  const Tensor predicted = argmax(y_pred, -1);
  return sum(eq(predicted, astype(y_true_labels, Dtype::int64).view_as_shape(predicted.shape()))).item();
}
Metric make(const std::string& name, std::function<double(const Tensor&, const Tensor&)> f) { return {name, std::move(f)}; }
}  // namespace

Metric get_metric(const std::string& name, const std::string& loss_name) {
  NoGradGuard no_grad;
  std::string resolved = name;
  if (name == "accuracy" || name == "acc") {
    if (loss_name == "categorical_crossentropy") resolved = "categorical_accuracy";
    else if (loss_name == "sparse_categorical_crossentropy") resolved = "sparse_categorical_accuracy";
    else if (loss_name == "binary_crossentropy") resolved = "binary_accuracy";
    else resolved = "exact_accuracy";
  }
  const std::string shown = (name == "acc") ? "accuracy" : name;
  if (resolved == "categorical_accuracy")
    return make(shown, [](const Tensor& t, const Tensor& p) { return count_argmax_hits(argmax(t, -1), p); });
  if (resolved == "sparse_categorical_accuracy")
    return make(shown, [](const Tensor& t, const Tensor& p) { return count_argmax_hits(t, p); });
  if (resolved == "binary_accuracy")
    return make(shown, [](const Tensor& t, const Tensor& p) {
      const Tensor hits = eq(gt(p, 0.5), gt(astype(t, p.dtype()), 0.5));
      return sum(hits).item() / static_cast<double>(shape_numel(std::span(p.shape()).subspan(1)));
    });
  if (resolved == "exact_accuracy")
    return make(shown, [](const Tensor& t, const Tensor& p) {
      return sum(eq(astype(t, p.dtype()), p)).item() / static_cast<double>(shape_numel(std::span(p.shape()).subspan(1)));
    });
  if (resolved == "mae" || resolved == "mean_absolute_error")
    return make(shown, [](const Tensor& t, const Tensor& p) {
      return mean_absolute_error(astype(t, p.dtype()), p).item() * static_cast<double>(p.shape(0));
    });
  if (resolved == "mse" || resolved == "mean_squared_error")
    return make(shown, [](const Tensor& t, const Tensor& p) {
      return mean_squared_error(astype(t, p.dtype()), p).item() * static_cast<double>(p.shape(0));
    });
  throw ValueError(fmt::format("Unknown metric '{}'. Known: accuracy, acc, binary_accuracy, categorical_accuracy, "
                               "sparse_categorical_accuracy, mae, mse.", name));
}

Tensor to_categorical(const Tensor& labels, std::int64_t num_classes) {
  const Tensor l = astype(labels, Dtype::int64);
  if (num_classes == 0) num_classes = static_cast<std::int64_t>(max(l).item()) + 1;
  return one_hot(l, num_classes, Dtype::float32);
}

}  // namespace axon::nn
