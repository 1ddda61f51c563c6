#include "axon/autograd.hpp"
#include "axon/core/creation.hpp"
#include "axon/nn/layers/activation.hpp"
#include "axon/nn/layers/merge.hpp"
#include "axon/nn/layers/reshaping.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>

namespace axon::nn {
namespace {

TEST(Merge, AddMultiplyConcatenate) {
  const Tensor a = tensor({{1, 2}}), b = tensor({{3, 4}});
  EXPECT_TENSOR_NEAR(Add()->forward({a, b}, false), {4, 6});
  EXPECT_TENSOR_NEAR(Multiply()->forward({a, b}, false), {3, 8});
  EXPECT_TENSOR_NEAR(Concatenate()->forward({a, b}, false), {1, 2, 3, 4});
  EXPECT_EQ(Concatenate(1)->forward({a, b}, false).shape(), (Shape{1, 4}));
  EXPECT_THROW(Add()->forward({a, tensor({{1, 2, 3}})}, false), ShapeError);
  EXPECT_THROW(Add()->forward({a}, false), ValueError);
  const auto x = Input({2}), y = Input({3});
  EXPECT_EQ(Concatenate()({x, y}).shape, (Shape{5}));
  EXPECT_THROW(Add()({x, y}), ShapeError);
}

TEST(Reshaping, FlattenReshapeActivation) {
  EXPECT_EQ(Flatten()(ones({2, 3, 4})).shape(), (Shape{2, 12}));
  EXPECT_EQ(Reshape({4, -1})(ones({2, 12})).shape(), (Shape{2, 4, 3}));
  EXPECT_THROW(Reshape({5})(ones({2, 12})), ShapeError);
  EXPECT_TENSOR_NEAR(Activation("relu")(tensor({{-1, 2}})), {0, 2});
  EXPECT_EQ(*Flatten({28, 28})->declared_input_shape(), (Shape{28, 28}));
}

}  // namespace
}  // namespace axon::nn
