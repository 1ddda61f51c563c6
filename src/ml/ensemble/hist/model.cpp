// The accessors of a fitted model that BaseHistGradientBoosting exposes, and the early_stopping
// parameter binding.
#include "hist.hpp"
#include "axon/core/error.hpp"
#include "axon/ml/ensemble/base_hist_gradient_boosting.hpp"

namespace axon::ml {

namespace hist_detail {
std::int64_t model_n_iter(const Model& m) { return m.n_iter(); }
std::int64_t model_n_trees_per_iteration(const Model& m) { return m.k; }
std::int64_t model_n_leaves(const Model& m, std::int64_t iteration, std::int64_t k) {
  check<IndexError>(iteration >= 0 && iteration < m.n_iter() && k >= 0 && k < m.k,
                    "n_leaves: iteration {} (of {}) and tree {} (of {}) out of range", iteration, m.n_iter(), k, m.k);
  return m.trees[static_cast<std::size_t>(iteration * m.k + k)].n_leaves();
}
}  // namespace hist_detail

ParamBinding early_stopping_param(std::string name, EarlyStoppingSetting& field) {
  return {name,
          [&field]() -> Param {
            if (const auto* b = std::get_if<bool>(&field)) return *b;
            return std::get<std::string>(field);
          },
          [&field, name](const Param& p) {
            if (const auto* b = std::get_if<bool>(&p)) field = *b;
            else if (const auto* s = std::get_if<std::string>(&p)) field = *s;
            else throw ValueError(fmt::format("set_params: {} must be 'auto', True or False, got {}", name, to_string(p)));
          }};
}

}  // namespace axon::ml
