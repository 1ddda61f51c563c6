// Pipeline and make_pipeline: step names as scikit-learn's, fit/predict through the steps equal to
// doing it by hand, "step__param" names, deep clone.
#include "axon/ml/pipeline.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/data/datasets.hpp"
#include "axon/ml/linear_model/ridge.hpp"
#include "axon/ml/preprocessing/standard_scaler.hpp"
#include "ml/model_selection/toy_estimators.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>

namespace axon::ml {
namespace {

TEST(Pipeline, MakePipelineNamesStepsAsSklearn) {
  auto p = make_pipeline(toy::Scale(), toy::Scale({.factor = 2}), toy::NearestCentroid(), toy::Scale(),
                         toy::NearestCentroid());
  std::vector<std::string> names;
  for (const auto& s : p.steps()) names.push_back(s.name);
  EXPECT_EQ(names, (std::vector<std::string>{"scale-1", "scale-2", "nearestcentroid-1", "scale-3", "nearestcentroid-2"}));
  auto q = make_pipeline(toy::Scale(), toy::NearestCentroid());
  EXPECT_EQ(q.steps()[0].name, "scale");
  EXPECT_EQ(q["nearestcentroid"].name(), "NearestCentroid");
  EXPECT_THROW_MESSAGE(q["ridge"], ValueError, "no step named 'ridge'; the steps are [scale, nearestcentroid]");
  EXPECT_THROW_MESSAGE(q.named_step<Ridge>("scale"), ValueError, "step 'scale' is a Scale");
  std::vector<PipelineStep> dup;
  dup.push_back({"a", std::make_unique<toy::Scale>()});
  dup.push_back({"a", std::make_unique<toy::Scale>()});
  EXPECT_THROW_MESSAGE(Pipeline(std::move(dup)), ValueError, "Names provided are not unique: [a, a]");
}

TEST(Pipeline, FitAndPredictGoThroughTheStepsAsByHand) {
  const auto d = data::load_diabetes();
  auto p = make_pipeline(StandardScaler(), Ridge({.alpha = 3}));
  EXPECT_EQ(p.kind(), Estimator::Kind::regressor);
  p.fit(d.data, d.target);
  StandardScaler scaler;
  const Tensor Xs = scaler.fit_transform(d.data);
  Ridge ridge({.alpha = 3});
  ridge.fit(Xs, d.target);
  EXPECT_TENSOR_NEAR(p.predict(d.data), ridge.predict(Xs), 0.0, 0.0);
  EXPECT_DOUBLE_EQ(p.score(d.data, d.target), ridge.score(Xs, d.target));
  EXPECT_TENSOR_NEAR(p.named_step<Ridge>("ridge").coef(), ridge.coef(), 0.0, 0.0);
  EXPECT_THROW_MESSAGE(p.transform(d.data), ValueError, "Ridge has no transform()");
}

TEST(Pipeline, ParamsByStepNameAndDeepClone) {
  auto p = make_pipeline(toy::Scale(), toy::NearestCentroid());
  EXPECT_EQ(to_string(p.get_params().at("scale__factor")), "1.0");
  p.set_param("nearestcentroid__shrink", 0.5);
  EXPECT_EQ(p.named_step<toy::NearestCentroid>("nearestcentroid").options().shrink, 0.5);
  EXPECT_THROW_MESSAGE(p.set_param("nearestcentroid__C", 1.0), ValueError,
                       "Invalid parameter 'C' for estimator NearestCentroid. Valid parameters are: [feature, shrink].");
  const Tensor X = tensor({{0.0, 0.0}, {0.1, 0.0}, {3.0, 3.0}, {3.1, 2.9}}, {.dtype = Dtype::float64});
  const Tensor y = tensor({0, 0, 1, 1}, {.dtype = Dtype::int64});
  p.fit(X, y);
  EXPECT_EQ(p.kind(), Estimator::Kind::classifier);
  EXPECT_EQ(p.predict(X).to_vector<std::int64_t>(), (std::vector<std::int64_t>{0, 0, 1, 1}));
  EXPECT_EQ(p.classes().to_vector<std::int64_t>(), (std::vector<std::int64_t>{0, 1}));
  auto copy = p.clone();
  EXPECT_FALSE(copy->fitted());
  EXPECT_TRUE(p.fitted());
  EXPECT_EQ(to_string(copy->get_params().at("nearestcentroid__shrink")), "0.5");
  copy->set_param("scale__factor", 2.0);
  EXPECT_EQ(to_string(p.get_params().at("scale__factor")), "1.0");  // deep: the original is untouched
  EXPECT_THROW_MESSAGE(make_pipeline(toy::Scale(), toy::NearestCentroid()).predict(X), NotFittedError,
                       "This Pipeline instance is not fitted yet");
}

}  // namespace
}  // namespace axon::ml
