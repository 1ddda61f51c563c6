#include "axon/autograd.hpp"
#include "axon/core/creation.hpp"
#include "support/gradcheck.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>

namespace axon {
namespace {

using Inputs = std::vector<Tensor>;
Generator gen(17);
Tensor r64(Shape s) { return uniform(std::move(s), -1, 1, {.dtype = float64}, gen); }
Tensor seq(Shape s) { return arange(0, static_cast<double>(shape_numel(s)), 1, {.dtype = float64}).view_as_shape(s); }

TEST(Shape, ReshapeFlattenSqueeze) {
  const Tensor x = seq({2, 3, 4});
  EXPECT_EQ(reshape(x, {4, -1}).shape(), (Shape{4, 6}));
  EXPECT_TRUE(reshape(x, {4, -1}).shares_storage(x));
  EXPECT_EQ(flatten(x).shape(), (Shape{24}));
  EXPECT_EQ(flatten(x, 1).shape(), (Shape{2, 12}));
  EXPECT_EQ(squeeze(zeros({1, 3, 1})).shape(), (Shape{3}));
  EXPECT_EQ(squeeze(zeros({1, 3, 1}), -1).shape(), (Shape{1, 3}));
  EXPECT_EQ(unsqueeze(zeros({3}), 0).shape(), (Shape{1, 3}));
  EXPECT_EQ(unsqueeze(zeros({3}), -1).shape(), (Shape{3, 1}));
  EXPECT_THROW(reshape(x, {5, -1}), ShapeError);
  EXPECT_THROW(squeeze(zeros({2, 3}), 0), ShapeError);
  EXPECT_GRADCHECK([](const Inputs& in) { return reshape(in[0], {3, 2}) * 2.0; }, {r64({2, 3})});
}

TEST(Shape, TransposePermute) {
  const Tensor x = seq({2, 3});
  EXPECT_TENSOR_NEAR(transpose(x), {0, 3, 1, 4, 2, 5});
  const Tensor y = seq({2, 3, 4});
  const Tensor p = permute(y, {2, 0, 1});
  EXPECT_EQ(p.shape(), (Shape{4, 2, 3}));
  EXPECT_EQ(p.to_vector<double>()[1], 4);  // p[0][0][1] = y[0][1][0]
  EXPECT_EQ(transpose(y, 0, 2).shape(), (Shape{4, 3, 2}));
  EXPECT_THROW(permute(y, {0, 0, 1}), ShapeError);
  EXPECT_GRADCHECK([](const Inputs& in) { return permute(in[0], {1, 2, 0}); }, {r64({2, 3, 4})});
  EXPECT_GRADCHECK([](const Inputs& in) { return transpose(in[0]); }, {r64({2, 3})});
}

TEST(Shape, ConcatStackSplit) {
  const Tensor a = seq({2, 2}), b = seq({2, 1});
  EXPECT_TENSOR_NEAR(concat({a, b}, 1), {0, 1, 0, 2, 3, 1});
  EXPECT_EQ(concat({a, a}, 0).shape(), (Shape{4, 2}));
  EXPECT_EQ(stack({a, a}, 0).shape(), (Shape{2, 2, 2}));
  EXPECT_EQ(stack({a, a}, -1).shape(), (Shape{2, 2, 2}));
  EXPECT_TENSOR_NEAR(stack({a, a}, 2), {0, 0, 1, 1, 2, 2, 3, 3});
  const auto pieces = split(seq({5, 2}), {2, 3}, 0);
  EXPECT_EQ(pieces[1].shape(), (Shape{3, 2}));
  EXPECT_TENSOR_NEAR(pieces[1], {4, 5, 6, 7, 8, 9});
  EXPECT_EQ(split(seq({2, 6}), 3, 1)[2].shape(), (Shape{2, 2}));
  EXPECT_THROW(concat({a, seq({3, 3})}, 1), ShapeError);
  EXPECT_THROW(split(seq({5}), 2), ShapeError);
  EXPECT_GRADCHECK([](const Inputs& in) { return concat({in[0], in[1], in[0]}, 1); }, {r64({2, 3}), r64({2, 1})});
  EXPECT_GRADCHECK([](const Inputs& in) { return stack({in[0], in[1]}, 1); }, {r64({2, 3}), r64({2, 3})});
  EXPECT_GRADCHECK([](const Inputs& in) { return split(in[0], {1, 2}, 1)[1] * 3.0; }, {r64({2, 3})});
}

TEST(Shape, SliceIsAViewWithAGradient) {
  const Tensor x = seq({4, 2});
  const Tensor s = slice(x, 1, 3);
  EXPECT_TRUE(s.shares_storage(x));
  EXPECT_TENSOR_NEAR(s, {2, 3, 4, 5});
  EXPECT_TENSOR_NEAR(narrow(x, 1, 1, 1), {1, 3, 5, 7});
  EXPECT_THROW(slice(x, 3, 5), IndexError);
  EXPECT_GRADCHECK([](const Inputs& in) { return slice(in[0], 1, 3); }, {r64({4, 2})});
  EXPECT_GRADCHECK([](const Inputs& in) { return narrow(in[0], 1, 1, 2); }, {r64({2, 4})});
}

TEST(Shape, IndexSelectGatherScatter) {
  const Tensor x = seq({3, 2});
  const Tensor idx = tensor({2, 0, 2}, {.dtype = int64});
  EXPECT_TENSOR_NEAR(index_select(x, 0, idx), {4, 5, 0, 1, 4, 5});
  EXPECT_TENSOR_NEAR(index_select(x, 1, tensor({1}, {.dtype = int64})), {1, 3, 5});
  const Tensor gidx = tensor({{1, 0}, {0, 0}, {1, 1}}, {.dtype = int64});
  EXPECT_TENSOR_NEAR(gather(x, 1, gidx), {1, 0, 2, 2, 5, 5});
  const Tensor src = ones({3, 2}, {.dtype = float64});
  EXPECT_TENSOR_NEAR(scatter_add(zeros({3, 2}, {.dtype = float64}), 1, gidx, src), {1, 1, 2, 0, 0, 2});
  EXPECT_THROW(index_select(x, 0, tensor({3}, {.dtype = int64})), IndexError);
  EXPECT_THROW(index_select(x, 0, tensor({1.0})), ValueError);
  EXPECT_THROW(gather(x, 1, tensor({{5}, {0}, {0}}, {.dtype = int64})), IndexError);
  // A repeated index accumulates its gradient.
  EXPECT_GRADCHECK([&](const Inputs& in) { return index_select(in[0], 0, idx); }, {r64({3, 2})});
  EXPECT_GRADCHECK([&](const Inputs& in) { return gather(in[0], 1, gidx); }, {r64({3, 2})});
  EXPECT_GRADCHECK([&](const Inputs& in) { return scatter_add(in[0], 1, gidx, in[1]); }, {r64({3, 2}), r64({3, 2})});
}

TEST(Shape, BroadcastTo) {
  EXPECT_TENSOR_NEAR(broadcast_to(tensor({1, 2}), {2, 2}), {1, 2, 1, 2});
  EXPECT_THROW(broadcast_to(tensor({1, 2}), {3}), ShapeError);
  EXPECT_GRADCHECK([](const Inputs& in) { return broadcast_to(in[0], {2, 3, 4}); }, {r64({3, 1})});
}

TEST(Shape, OneHotAndAstype) {
  const Tensor oh = one_hot(tensor({2, 0}, {.dtype = int64}), 3);
  EXPECT_EQ(oh.shape(), (Shape{2, 3}));
  EXPECT_TENSOR_NEAR(oh, {0, 0, 1, 1, 0, 0});
  EXPECT_THROW(one_hot(tensor({3}, {.dtype = int64}), 3), IndexError);
  EXPECT_EQ(astype(tensor({1.7, -1.2}), int64).to_vector<std::int64_t>(), (std::vector<std::int64_t>{1, -1}));
  EXPECT_EQ(astype(tensor({300.0}), uint8).dtype(), uint8);
  // The gradient crosses the cast back into the input's dtype (finite differences through float32
  // rounding would be too coarse for gradcheck).
  Tensor x = tensor({0.5, 0.25}, {.dtype = float64, .requires_grad = true});
  sum(astype(x, float32) * 2.0).backward();
  EXPECT_EQ(x.grad().dtype(), float64);
  EXPECT_TENSOR_NEAR(x.grad(), {2, 2});
}

}  // namespace
}  // namespace axon
