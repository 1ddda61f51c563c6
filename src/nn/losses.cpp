#include "axon/nn/losses.hpp"

#include "axon/autograd/grad_mode.hpp"
#include "axon/autograd/ops/elementwise.hpp"
#include "axon/autograd/ops/loss.hpp"
#include "axon/autograd/ops/reduce.hpp"
#include "axon/autograd/ops/shape.hpp"
#include "axon/core/creation.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <memory>

namespace axon::nn {

Tensor huber(const Tensor& y_true, const Tensor& y_pred, double delta, const Tensor& sample_weight) {
  check<ShapeError>(y_true.shape() == y_pred.shape(), "huber: y_true has shape {} but y_pred has shape {}",
                    shape_text(y_true.shape()), shape_text(y_pred.shape()));
  const Tensor error = abs(y_pred - astype(y_true, y_pred.dtype()));
  const Tensor quadratic = minimum(error, scalar_tensor(delta, {.dtype = error.dtype()}));
  return reduce_loss(quadratic * quadratic * 0.5 + (error - quadratic) * delta, sample_weight, "huber");
}

Tensor kl_divergence(const Tensor& y_true, const Tensor& y_pred, const Tensor& sample_weight) {
  check<ShapeError>(y_true.shape() == y_pred.shape(), "kl_divergence: y_true has shape {} but y_pred has shape {}",
                    shape_text(y_true.shape()), shape_text(y_pred.shape()));
  const Tensor t = clip(astype(y_true, y_pred.dtype()), 1e-7, 1.0);
  const Tensor p = clip(y_pred, 1e-7, 1.0);
  return reduce_loss(sum(t * log(t / p), -1), sample_weight, "kl_divergence");
}

namespace {
const std::map<std::string, Loss>& losses() {
  using T = const Tensor&;
  static const std::map<std::string, Loss> table = {
      {"mean_squared_error", {"mean_squared_error", [](T t, T p, T w) { return mean_squared_error(t, p, w); }, {}}},
      {"mean_absolute_error", {"mean_absolute_error", [](T t, T p, T w) { return mean_absolute_error(t, p, w); }, {}}},
      {"huber", {"huber", [](T t, T p, T w) { return huber(t, p, 1.0, w); }, {}}},
      {"binary_crossentropy",
       {"binary_crossentropy", [](T t, T p, T w) { return binary_crossentropy(t, p, false, w); },
        [](T t, T z, T w) { return binary_crossentropy(t, z, true, w); }}},
      {"categorical_crossentropy",
       {"categorical_crossentropy", [](T t, T p, T w) { return categorical_crossentropy(t, p, false, w); },
        [](T t, T z, T w) { return categorical_crossentropy(t, z, true, w); }}},
      {"sparse_categorical_crossentropy",
       {"sparse_categorical_crossentropy", [](T t, T p, T w) { return sparse_categorical_crossentropy(t, p, false, w); },
        [](T t, T z, T w) { return sparse_categorical_crossentropy(t, z, true, w); }}},
      {"kl_divergence", {"kl_divergence", [](T t, T p, T w) { return kl_divergence(t, p, w); }, {}}},
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
  const Tensor labels = astype(y_true_labels, Dtype::int64);
  check<ShapeError>(labels.numel() == predicted.numel(), "accuracy: {} labels for {} predictions (y_pred {})",
                    labels.numel(), predicted.numel(), shape_text(y_pred.shape()));
  const std::int64_t* p = predicted.data<std::int64_t>();
  const std::int64_t* t = labels.data<std::int64_t>();
  std::int64_t hits = 0;
  for (std::int64_t i = 0; i < predicted.numel(); ++i) hits += p[i] == t[i];
  return static_cast<double>(hits);
}
// A mean over samples: each batch adds the sum of its per-sample values and its sample count.
Metric mean_metric(const std::string& name, std::function<double(const Tensor&, const Tensor&)> batch_sum) {
  struct State {
    double sum = 0, count = 0;
  };
  auto state = std::make_shared<State>();
  return {name,
          [state, f = std::move(batch_sum)](const Tensor& t, const Tensor& p) {
            state->sum += f(t, p);
            state->count += static_cast<double>(p.ndim() == 0 ? 1 : p.shape(0));
          },
          [state] { return state->count > 0 ? state->sum / state->count : 0.0; }, [state] { *state = State{}; }};
}

// Every element of y_pred is a binary decision (> threshold) against y_true (> 0.5), as Keras's
// Precision, Recall and AUC see them.
struct Confusion {
  std::vector<double> tp, fp, fn, tn;
  explicit Confusion(std::size_t thresholds) : tp(thresholds), fp(thresholds), fn(thresholds), tn(thresholds) {}
  // thresholds ascending; a prediction p counts as positive at every threshold below it.
  void update(const Tensor& y_true, const Tensor& y_pred, const std::vector<double>& thresholds) {
    check<ShapeError>(y_true.numel() == y_pred.numel(), "precision/recall/auc: y_true {} and y_pred {} differ in size",
                      shape_text(y_true.shape()), shape_text(y_pred.shape()));
    const std::vector<double> t = y_true.to_vector<double>(), p = y_pred.to_vector<double>();
    const std::size_t k = thresholds.size();
    std::vector<double> pos(k + 1), neg(k + 1);  // histogram: how many thresholds lie below p
    for (std::size_t i = 0; i < p.size(); ++i) {
      const auto below = static_cast<std::size_t>(std::lower_bound(thresholds.begin(), thresholds.end(), p[i]) -
                                                  thresholds.begin());
      (t[i] > 0.5 ? pos : neg)[below] += 1;
    }
    // At threshold j, predictions with more than j thresholds below them are positive.
    double pos_above = 0, neg_above = 0, pos_total = 0, neg_total = 0;
    for (std::size_t b = 0; b <= k; ++b) pos_total += pos[b], neg_total += neg[b];
    for (std::size_t j = k; j-- > 0;) {
      pos_above += pos[j + 1];
      neg_above += neg[j + 1];
      tp[j] += pos_above;
      fp[j] += neg_above;
      fn[j] += pos_total - pos_above;
      tn[j] += neg_total - neg_above;
    }
  }
};

double divide_no_nan(double a, double b) { return b == 0 ? 0.0 : a / b; }

Metric confusion_metric(const std::string& name, std::vector<double> thresholds,
                        std::function<double(const Confusion&)> result) {
  auto state = std::make_shared<Confusion>(thresholds.size());
  auto shared_thresholds = std::make_shared<const std::vector<double>>(std::move(thresholds));
  return {name,
          [state, shared_thresholds](const Tensor& t, const Tensor& p) { state->update(t, p, *shared_thresholds); },
          [state, f = std::move(result)] { return f(*state); },
          [state, shared_thresholds] { *state = Confusion(shared_thresholds->size()); }};
}

// Keras's AUC(num_thresholds=200): thresholds −ε, 1/199, …, 198/199, 1 + ε; the ROC curve through
// (fpr, tpr) at each, integrated by the trapezoidal rule ("interpolation").
Metric auc_metric(const std::string& name) {
  constexpr int n = 200;
  std::vector<double> thresholds{0.0 - 1e-7};
  for (int i = 0; i < n - 2; ++i) thresholds.push_back((i + 1) * 1.0 / (n - 1));
  thresholds.push_back(1.0 + 1e-7);
  return confusion_metric(name, std::move(thresholds), [](const Confusion& c) {
    double area = 0;
    for (std::size_t j = 0; j + 1 < c.tp.size(); ++j) {
      const double x0 = divide_no_nan(c.fp[j], c.fp[j] + c.tn[j]), x1 = divide_no_nan(c.fp[j + 1], c.fp[j + 1] + c.tn[j + 1]);
      const double y0 = divide_no_nan(c.tp[j], c.tp[j] + c.fn[j]), y1 = divide_no_nan(c.tp[j + 1], c.tp[j + 1] + c.fn[j + 1]);
      area += (x0 - x1) * (y0 + y1) / 2;
    }
    return area;
  });
}
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
    return mean_metric(shown, [](const Tensor& t, const Tensor& p) { return count_argmax_hits(argmax(t, -1), p); });
  if (resolved == "sparse_categorical_accuracy")
    return mean_metric(shown, [](const Tensor& t, const Tensor& p) { return count_argmax_hits(t, p); });
  if (resolved == "binary_accuracy")
    return mean_metric(shown, [](const Tensor& t, const Tensor& p) {
      const Tensor hits = eq(gt(p, 0.5), gt(astype(t, p.dtype()), 0.5));
      return sum(hits).item() / static_cast<double>(shape_numel(std::span(p.shape()).subspan(1)));
    });
  if (resolved == "exact_accuracy")
    return mean_metric(shown, [](const Tensor& t, const Tensor& p) {
      return sum(eq(astype(t, p.dtype()), p)).item() / static_cast<double>(shape_numel(std::span(p.shape()).subspan(1)));
    });
  if (resolved == "mae" || resolved == "mean_absolute_error")
    return mean_metric(shown, [](const Tensor& t, const Tensor& p) {
      return mean_absolute_error(astype(t, p.dtype()), p).item() * static_cast<double>(p.shape(0));
    });
  if (resolved == "mse" || resolved == "mean_squared_error")
    return mean_metric(shown, [](const Tensor& t, const Tensor& p) {
      return mean_squared_error(astype(t, p.dtype()), p).item() * static_cast<double>(p.shape(0));
    });
  if (resolved == "precision")
    return confusion_metric(shown, {0.5}, [](const Confusion& c) { return divide_no_nan(c.tp[0], c.tp[0] + c.fp[0]); });
  if (resolved == "recall")
    return confusion_metric(shown, {0.5}, [](const Confusion& c) { return divide_no_nan(c.tp[0], c.tp[0] + c.fn[0]); });
  if (resolved == "auc") return auc_metric(shown);
  throw ValueError(fmt::format("Unknown metric '{}'. Known: accuracy, acc, auc, binary_accuracy, categorical_accuracy, "
                               "mae, mse, precision, recall, sparse_categorical_accuracy.", name));
}

Tensor to_categorical(const Tensor& labels, std::int64_t num_classes) {
  const Tensor l = astype(labels, Dtype::int64);
  if (num_classes == 0) num_classes = static_cast<std::int64_t>(max(l).item()) + 1;
  return one_hot(l, num_classes, Dtype::float32);
}

}  // namespace axon::nn
