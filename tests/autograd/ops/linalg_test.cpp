#include "axon/autograd.hpp"
#include "axon/core/creation.hpp"
#include "support/gradcheck.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>

namespace axon {
namespace {

using Inputs = std::vector<Tensor>;
Generator gen(5);
Tensor r64(Shape s) { return uniform(std::move(s), -1, 1, {.dtype = float64}, gen); }

TEST(Matmul, Values) {
  const Tensor a = tensor({{1, 2}, {3, 4}, {5, 6}});
  const Tensor b = tensor({{1, 0, 2}, {0, 1, 3}});
  EXPECT_TENSOR_NEAR(matmul(a, b), {1, 2, 8, 3, 4, 18, 5, 6, 28});
  EXPECT_TENSOR_NEAR(matmul(a, a, {.trans_a = true}), {35, 44, 44, 56});
  EXPECT_TENSOR_NEAR(matmul(a, a, {.trans_b = true}), {5, 11, 17, 11, 25, 39, 17, 39, 61});
  EXPECT_TENSOR_NEAR(matmul(b, a, {.trans_a = true, .trans_b = true}), {1, 3, 5, 2, 4, 6, 8, 18, 28});  // (a·b)ᵀ
}

TEST(Matmul, GradcheckEveryTransposeCombination) {
  for (bool ta : {false, true})
    for (bool tb : {false, true}) {
      const Tensor a = ta ? r64({4, 3}) : r64({3, 4});
      const Tensor b = tb ? r64({5, 4}) : r64({4, 5});
      EXPECT_GRADCHECK([=](const Inputs& in) { return matmul(in[0], in[1], {.trans_a = ta, .trans_b = tb}); }, {a, b});
    }
}

TEST(Matmul, BatchedAndSharedRightSide) {
  EXPECT_GRADCHECK([](const Inputs& in) { return matmul(in[0], in[1]); }, {r64({2, 3, 4}), r64({2, 4, 5})});
  EXPECT_GRADCHECK([](const Inputs& in) { return matmul(in[0], in[1], {.trans_b = true}); }, {r64({2, 3, 4}), r64({2, 5, 4})});
  EXPECT_GRADCHECK([](const Inputs& in) { return matmul(in[0], in[1]); }, {r64({2, 3, 4}), r64({4, 5})});
  EXPECT_GRADCHECK([](const Inputs& in) { return matmul(in[0], in[1], {.trans_b = true}); }, {r64({2, 3, 4}), r64({5, 4})});
  const Tensor a = r64({2, 3, 4}), b = r64({2, 4, 5});
  const Tensor c = matmul(a, b);
  EXPECT_EQ(c.shape(), (Shape{2, 3, 5}));
  EXPECT_TENSOR_NEAR(slice(c, 1, 2).view_as_shape({3, 5}),
                     matmul(slice(a, 1, 2).view_as_shape({3, 4}), slice(b, 1, 2).view_as_shape({4, 5})), 1e-12);
}

TEST(Matmul, ErrorsNameBothShapes) {
  try {
    matmul(ones({32, 784}), ones({780, 512}));
    FAIL();
  } catch (const ShapeError& e) {
    EXPECT_STREQ(e.what(), "matmul: cannot multiply [32, 784] by [780, 512] (784 != 780)");
  }
  EXPECT_THROW(matmul(ones({3}), ones({3, 1})), ShapeError);
  EXPECT_THROW(matmul(ones({2, 2}), ones({2, 2}, {.dtype = float64})), ValueError);
  EXPECT_THROW(matmul(ones({2, 3, 4}), ones({3, 4, 5})), ShapeError);
}

}  // namespace
}  // namespace axon
