#include "axon/ml/preprocessing/polynomial_features.hpp"

#include "axon/core/error.hpp"
#include "../linear_model/golden.hpp"

#include <gtest/gtest.h>

namespace axon::ml {
namespace {

using namespace linear_golden;

TEST(PolynomialFeatures, MatchesSklearnColumnsAndNames) {
  const Tensor X = tensor({{1.0, 2.0, 3.0}, {-1.0, 0.5, 4.0}}, {.dtype = Dtype::float64});
  for (const auto& g : golden()["polynomial_features"]) {
    PolynomialFeaturesOptions o{.interaction_only = g["interaction_only"], .include_bias = g["include_bias"]};
    if (g["degree"].is_array()) {
      o.min_degree = g["degree"][0];
      o.degree = g["degree"][1];
    } else {
      o.degree = g["degree"];
    }
    SCOPED_TRACE(g["names"].dump());
    PolynomialFeatures pf(o);
    const Tensor out = pf.fit_transform(X);
    EXPECT_TENSOR_NEAR(out, flat(g["out"]), 0.0, 1e-15);
    EXPECT_EQ(pf.get_feature_names_out({"a", "b", "c"}), g["names"].get<std::vector<std::string>>());
    EXPECT_EQ(out.shape(1), pf.n_output_features());
  }
  PolynomialFeatures pf = PolynomialFeatures().fit(X);
  EXPECT_EQ(pf.get_feature_names_out()[5], "x0 x1");
}

TEST(PolynomialFeatures, Errors) {
  const Tensor X = tensor({{1.0, 2.0}}, {.dtype = Dtype::float64});
  PolynomialFeatures pf;
  EXPECT_THROW_MESSAGE(pf.transform(X), NotFittedError, "This PolynomialFeatures instance is not fitted yet");
  pf.fit(X);
  EXPECT_THROW_MESSAGE(pf.transform(tensor({{1.0, 2.0, 3.0}}, {.dtype = Dtype::float64})), ShapeError,
                       "X has 3 features, but the estimator was fitted with 2");
  EXPECT_THROW_MESSAGE(PolynomialFeatures({.degree = 2, .min_degree = 3}).fit(X), ValueError,
                       "min_degree must be in [0, degree = 2], got 3");
}

}  // namespace
}  // namespace axon::ml
