#include "ensemble_util.hpp"

#include "axon/core/error.hpp"

#include <string>
#include <vector>

namespace axon::ml::ensemble_detail {

void set_random_states(Estimator& estimator, tree_detail::NumpyRandomState& rs) {
  const std::string suffix = "__random_state";
  std::vector<std::pair<std::string, std::int64_t>> to_set;
  for (const auto& [key, value] : estimator.get_params(true))  // a std::map: sorted, as Python's sorted()
    if (key == "random_state" ||
        (key.size() > suffix.size() && key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0))
      to_set.emplace_back(key, rs.randint(0, 0x7FFFFFFF));  // randint(np.iinfo(np.int32).max)
  for (const auto& [key, seed] : to_set) estimator.set_param(key, Param{seed});
}

bool has_predict_proba(const Estimator& fitted, const Data& X) {
  try {
    (void)fitted.predict_proba(X.take({0}));
    return true;
  } catch (const UnsupportedMethodError&) {
    return false;
  }
}

}  // namespace axon::ml::ensemble_detail
