#include "axon/ml/tree/extra_tree_regressor.hpp"

#include "axon/core/creation.hpp"
#include "builder.hpp"

#include <cmath>

namespace axon::ml {

using namespace tree_detail;

// The same steps as DecisionTreeRegressor::fit (scikit-learn's ExtraTreeRegressor is that class
// with other defaults); the splitter option picks the RandomSplitter.
ExtraTreeRegressor& ExtraTreeRegressor::fit(const Data& X, const Tensor& y) { return fit(X, y, Tensor()); }

ExtraTreeRegressor& ExtraTreeRegressor::fit(const Data& X, const Tensor& y, const Tensor& sample_weight) {
  constexpr std::string_view who = "ExtraTreeRegressor.fit";
  fitted_ = false;
  const Tensor Xd = check_dense_X(X, who);
  check_y(X, y, who);
  GrowRules rules = rules_from(options_, who);
  check(Xd.shape(0) > 0, "{}: X has 0 samples; a tree needs at least 1", who);
  const std::vector<double> target = y.to_vector<double>();
  for (std::size_t i = 0; i < target.size(); ++i)
    check(std::isfinite(target[i]), "{}: y has a non-finite value ({}) at position {}", who, target[i], i);
  max_features_ = resolve_max_features(options_.max_features, Xd.shape(1), who);
  rules.max_features = max_features_;
  const std::vector<double> weights = check_sample_weight(X, sample_weight, who);
  const ColumnMajorX cx = column_major_f32(Xd, who);
  tree_ = grow_tree(cx, target.data(), 0, weights.empty() ? nullptr : weights.data(), rules,
                    splitter_seed(resolve_seed(options_.random_state, who)));
  fitted_ = true;
  return *this;
}

Tensor ExtraTreeRegressor::predict(const Data& X) const {
  check_fitted("predict");
  const Tensor leaves = apply_tree(tree_, X, "ExtraTreeRegressor.predict");
  const std::int64_t n = leaves.numel();
  std::vector<double> out(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) out[i] = tree_.value_at(leaves.data<std::int64_t>()[i])[0];
  return from_vector(out, {n});
}

}  // namespace axon::ml
