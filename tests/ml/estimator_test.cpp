#include "axon/ml/estimator.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>

#include <optional>

namespace axon::ml {
namespace {

// A toy regressor that predicts a constant: the smallest complete estimator.
struct ConstantOptions {
  double value = 0.5;
  std::optional<std::int64_t> max_depth;
  std::string strategy = "mean";
  std::pair<int, int> ngram_range = {1, 1};
  bool flag = false;
};

class Constant : public EstimatorBase<Constant, ConstantOptions> {
 public:
  using EstimatorBase::EstimatorBase;
  std::string name() const override { return "Constant"; }
  Kind kind() const override { return Kind::regressor; }
  Constant& fit(const Data& X, const Tensor& y = {}) override {
    check_y(X, y, "Constant.fit");
    mean_ = 0;
    for (double v : y.to_vector<double>()) mean_ += v / static_cast<double>(y.numel());
    fitted_ = true;
    return *this;
  }
  Tensor predict(const Data& X) const override {
    check_fitted("predict");
    return full({X.n_samples()}, options_.strategy == "mean" ? mean_ : options_.value, {.dtype = Dtype::float64});
  }
  bool fitted() const override { return fitted_; }

 protected:
  std::vector<ParamBinding> bindings() override {
    return {param("value", options_.value), param("max_depth", options_.max_depth), param("strategy", options_.strategy),
            param("ngram_range", options_.ngram_range), param("flag", options_.flag)};
  }

 private:
  double mean_ = 0;
  bool fitted_ = false;
};

// A meta-estimator holding one child, to check "child__param" names.
class Wrapper : public Estimator {
 public:
  explicit Wrapper(std::unique_ptr<Estimator> inner) : inner_(std::move(inner)) {}
  std::string name() const override { return "Wrapper"; }
  Kind kind() const override { return inner_->kind(); }
  std::unique_ptr<Estimator> clone() const override { return std::make_unique<Wrapper>(inner_->clone()); }
  Wrapper& fit(const Data& X, const Tensor& y = {}) override {
    inner_->fit(X, y);
    return *this;
  }
  Tensor predict(const Data& X) const override { return inner_->predict(X); }
  bool fitted() const override { return inner_->fitted(); }
  Estimator& inner() { return *inner_; }

 protected:
  std::vector<std::pair<std::string, Estimator*>> children() override { return {{"inner", inner_.get()}}; }

 private:
  std::unique_ptr<Estimator> inner_;
};

TEST(Estimator, FitReturnsTheConcreteTypeAndScoresAsARegressor) {
  const Tensor X = zeros({4, 2}, {.dtype = Dtype::float64});
  const Tensor y = tensor({1.0, 2.0, 3.0, 4.0}, {.dtype = Dtype::float64});
  Constant c = Constant().fit(X, y);
  EXPECT_TENSOR_NEAR(c.predict(X), tensor({2.5, 2.5, 2.5, 2.5}, {.dtype = Dtype::float64}), 0.0);
  EXPECT_DOUBLE_EQ(c.score(X, y), 0.0);  // predicting the mean: R² = 0
}

TEST(Estimator, UnfittedAndUnsupportedAreClearErrors) {
  Constant c;
  const Tensor X = zeros({2, 2}, {.dtype = Dtype::float64});
  EXPECT_THROW_MESSAGE(c.predict(X), NotFittedError, "This Constant instance is not fitted yet");
  EXPECT_THROW_MESSAGE(c.predict_proba(X), ValueError, "Constant has no predict_proba()");
  EXPECT_THROW_MESSAGE(c.fit(X, tensor({1.0, 2.0, 3.0})), ShapeError, "X has 2 samples but y has 3");
}

TEST(Estimator, GetAndSetParamsByName) {
  Constant c({.value = 2.0});
  Params p = c.get_params();
  EXPECT_EQ(to_string(p.at("value")), "2.0");
  EXPECT_EQ(to_string(p.at("max_depth")), "None");
  EXPECT_EQ(to_string(p.at("strategy")), "'mean'");
  EXPECT_EQ(to_string(p.at("ngram_range")), "(1, 1)");
  EXPECT_EQ(to_string(p.at("flag")), "False");
  c.set_params({{"value", std::int64_t{3}}, {"max_depth", 4.0}, {"ngram_range", std::vector<double>{1, 2}}});
  EXPECT_EQ(c.options().value, 3.0);
  EXPECT_EQ(c.options().max_depth, 4);
  EXPECT_EQ(c.options().ngram_range, std::make_pair(1, 2));
  c.set_param("max_depth", Param{});
  EXPECT_FALSE(c.options().max_depth.has_value());
  EXPECT_THROW_MESSAGE(c.set_param("alpha", 1.0), ValueError,
                       "Invalid parameter 'alpha' for estimator Constant. Valid parameters are: [flag, max_depth, ngram_range, strategy, value].");
  EXPECT_THROW_MESSAGE(c.set_param("strategy", 1.0), ValueError, "'strategy' expects a string, got a number (1.0)");
  EXPECT_THROW_MESSAGE(c.set_param("max_depth", 2.5), ValueError, "'max_depth' expects an integer");
}

TEST(Estimator, NestedParamsAndDeepClone) {
  Wrapper w(std::make_unique<Constant>(ConstantOptions{.strategy = "constant"}));
  EXPECT_EQ(to_string(w.get_params().at("inner__strategy")), "'constant'");
  EXPECT_EQ(w.get_params(false).size(), 0u);
  w.set_param("inner__value", 7.0);
  auto copy = clone(w);
  const Tensor X = zeros({3, 1}, {.dtype = Dtype::float64});
  copy->fit(X, tensor({0.0, 0.0, 0.0}, {.dtype = Dtype::float64}));
  EXPECT_FALSE(w.fitted());  // the clone is a separate, unfitted estimator
  EXPECT_TENSOR_NEAR(copy->predict(X), full({3}, 7.0, {.dtype = Dtype::float64}), 0.0);
  EXPECT_THROW_MESSAGE(w.set_param("other__value", 1.0), ValueError, "Valid parameters are: [inner__flag,");
}

TEST(Estimator, LabelsEncodeToSortedClassesAndBack) {
  const LabelCodes lc = encode_labels(tensor({3.0, 1.0, 3.0, 2.0}, {.dtype = Dtype::float64}), "test");
  EXPECT_EQ(lc.classes.to_vector<double>(), (std::vector<double>{1, 2, 3}));
  EXPECT_EQ(lc.codes, (std::vector<std::int64_t>{2, 0, 2, 1}));
  EXPECT_EQ(decode_labels(lc.classes, {0, 2}).to_vector<double>(), (std::vector<double>{1, 3}));
  const LabelCodes li = encode_labels(from_vector(std::vector<std::int64_t>{5, -1, 5}), "test");
  EXPECT_EQ(li.classes.dtype(), Dtype::int64);
  EXPECT_EQ(li.codes, (std::vector<std::int64_t>{1, 0, 1}));
}

}  // namespace
}  // namespace axon::ml
