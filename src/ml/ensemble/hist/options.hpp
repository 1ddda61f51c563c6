// Checks a HistGradientBoosting* options struct as scikit-learn 1.2's _parameter_constraints do and
// turns it into the grower's settings. Private to the ml floor.
#pragma once

#include "hist.hpp"
#include "axon/core/error.hpp"
#include "axon/ml/ensemble/base_hist_gradient_boosting.hpp"

#include <cmath>

namespace axon::ml::hist_detail {

template <class Options>
Settings settings_from(const Options& o, std::int64_t n_samples, std::string_view who) {
  check(o.learning_rate > 0.0 && std::isfinite(o.learning_rate), "{}: learning_rate must be > 0, got {}", who, o.learning_rate);
  check(o.max_iter >= 1, "{}: max_iter must be >= 1, got {}", who, o.max_iter);
  check(!o.max_leaf_nodes || *o.max_leaf_nodes >= 2, "{}: max_leaf_nodes must be >= 2 or None, got {}", who,
        o.max_leaf_nodes.value_or(0));
  check(!o.max_depth || *o.max_depth >= 1, "{}: max_depth must be >= 1 or None, got {}", who, o.max_depth.value_or(0));
  check(o.min_samples_leaf >= 1, "{}: min_samples_leaf must be >= 1, got {}", who, o.min_samples_leaf);
  check(o.l2_regularization >= 0.0, "{}: l2_regularization must be >= 0, got {}", who, o.l2_regularization);
  check(o.max_bins >= 2 && o.max_bins <= 255, "{}: max_bins must be in [2, 255], got {}", who, o.max_bins);
  check(o.n_iter_no_change >= 1, "{}: n_iter_no_change must be >= 1, got {}", who, o.n_iter_no_change);
  check(o.tol >= 0.0, "{}: tol must be >= 0, got {}", who, o.tol);
  check(o.scoring == "loss", "{}: scoring must be 'loss' (the only scoring supported here), got '{}'", who, o.scoring);
  if (o.validation_fraction) {
    const double v = *o.validation_fraction;
    check((v > 0.0 && v < 1.0) || (v >= 1.0 && v == std::floor(v)),
          "{}: validation_fraction must be in (0, 1), an integer count >= 1, or None, got {}", who, v);
  }
  Settings s;
  if (const auto* str = std::get_if<std::string>(&o.early_stopping)) {
    check(*str == "auto", "{}: early_stopping must be 'auto', True or False, got '{}'", who, *str);
    s.early_stopping = n_samples > 10000;
  } else {
    s.early_stopping = std::get<bool>(o.early_stopping);
  }
  s.learning_rate = o.learning_rate;
  s.max_iter = o.max_iter;
  s.max_leaf_nodes = o.max_leaf_nodes;
  s.max_depth = o.max_depth;
  s.min_samples_leaf = o.min_samples_leaf;
  s.l2_regularization = o.l2_regularization;
  s.max_bins = static_cast<int>(o.max_bins);
  s.validation_fraction = o.validation_fraction;
  s.n_iter_no_change = o.n_iter_no_change;
  s.tol = o.tol;
  s.seed = draw_seed(o.random_state, who);
  return s;
}

}  // namespace axon::ml::hist_detail
