#include "axon/ml/preprocessing/simple_imputer.hpp"

#include "axon/core/error.hpp"
#include "axon/data/datasets.hpp"
#include "ml/preprocessing/prep_golden.hpp"

#include <gtest/gtest.h>

namespace axon::ml {
namespace {

namespace pg = prep_golden;

TEST(SimpleImputer, EveryStrategyMatchesScikitLearn) {
  const Tensor X = pg::with_nans(data::load_digits().data.rows(0, 300));
  for (const std::string strategy : {"mean", "median", "most_frequent", "constant"}) {
    SCOPED_TRACE(strategy);
    const auto& g = pg::json()["imputer_" + strategy];
    SimpleImputerOptions o{.strategy = strategy};
    if (strategy == "constant") o.fill_value = -1.0;
    SimpleImputer imp(o);
    const Data out = imp.fit_transform(X);
    pg::expect_values(imp.statistics().to_vector<double>(), g["statistics"]);
    pg::expect_summary(out, g["X"]);  // the all-NaN column 5 is dropped, except for "constant"
  }
}

TEST(SimpleImputer, KeepEmptyFeaturesAndErrors) {
  const Tensor X = tensor({{1.0, NAN}, {NAN, NAN}, {3.0, NAN}}, {.dtype = Dtype::float64});
  const Tensor out = SimpleImputer({.keep_empty_features = true}).fit_transform(X);
  EXPECT_TENSOR_NEAR(out, {1.0, 0.0, 2.0, 0.0, 3.0, 0.0}, 0.0);
  EXPECT_THROW_MESSAGE(SimpleImputer({.strategy = "mode"}).fit(X), ValueError, "strategy must be");
}

}  // namespace
}  // namespace axon::ml
