#include "axon/core/creation.hpp"
#include "axon/core/tensor.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>

namespace axon {
namespace {

TEST(Tensor, EmptyHasShapeDtypeAndDevice) {
  Tensor t = Tensor::empty({2, 3}, {.dtype = float64});
  EXPECT_EQ(t.shape(), (Shape{2, 3}));
  EXPECT_EQ(t.ndim(), 2);
  EXPECT_EQ(t.numel(), 6);
  EXPECT_EQ(t.shape(-1), 3);
  EXPECT_EQ(t.dtype(), float64);
  EXPECT_EQ(t.device(), Device::cpu);
  EXPECT_EQ(t.nbytes(), 48u);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(Tensor::empty({1024}).raw_data()) % 64, 0u);  // 4 KiB: aligned
}

TEST(Tensor, CopiesShareStorageAndCloneDoesNot) {
  Tensor a = zeros({3});
  Tensor b = a;  // reference semantics
  b.data<float>()[1] = 5;
  EXPECT_EQ(a.data<float>()[1], 5);
  Tensor c = a.clone();
  c.data<float>()[1] = 7;
  EXPECT_EQ(a.data<float>()[1], 5);
  EXPECT_FALSE(c.shares_storage(a));
}

TEST(Tensor, RowsAreViews) {
  Tensor t = arange(0, 12, 1, {.dtype = float64}).view_as_shape({4, 3});
  Tensor r = t.rows(1, 3);
  EXPECT_EQ(r.shape(), (Shape{2, 3}));
  EXPECT_TRUE(r.shares_storage(t));
  EXPECT_EQ(r.offset(), 3);
  EXPECT_TENSOR_NEAR(r, {3, 4, 5, 6, 7, 8});
  r.data<double>()[0] = -1;
  EXPECT_EQ(t.data<double>()[3], -1);
  EXPECT_THROW(t.rows(2, 5), IndexError);
}

TEST(Tensor, ItemAndToVector) {
  EXPECT_EQ(full({1, 1}, 2.5).item(), 2.5);
  EXPECT_EQ(full({}, 3, {.dtype = int64}).item<std::int64_t>(), 3);
  EXPECT_THROW(zeros({2}).item(), ValueError);
  EXPECT_EQ(arange(4).to_vector<int>(), (std::vector<int>{0, 1, 2, 3}));
}

TEST(Tensor, DataChecksTheDtype) {
  Tensor t = zeros({2});
  EXPECT_THROW(t.data<double>(), ValueError);
  try {
    t.data<double>();
  } catch (const ValueError& e) {
    EXPECT_STREQ(e.what(), "Tensor::data: tensor is float32, asked for float64");
  }
}

TEST(Tensor, ViewAsShapeChecksCount) {
  Tensor t = zeros({2, 3});
  EXPECT_EQ(t.view_as_shape({3, 2}).shape(), (Shape{3, 2}));
  EXPECT_THROW(t.view_as_shape({4, 2}), ShapeError);
}

TEST(Tensor, PrintsLikeNumpy) {
  EXPECT_EQ(to_string(tensor({{1, 2}, {3, 4}})), "tensor([[1., 2.],\n        [3., 4.]])");
  EXPECT_EQ(to_string(tensor({0.5, -1.25}, {.dtype = float64})), "tensor([ 0.5000, -1.2500], dtype=float64)");
  EXPECT_EQ(to_string(arange(3)), "tensor([0, 1, 2])");
  EXPECT_EQ(to_string(full({}, 7, {.dtype = uint8})), "tensor(7, dtype=uint8)");
  EXPECT_EQ(to_string(tensor({1e-6, 1.0})), "tensor([1.0000e-06, 1.0000e+00])");
  EXPECT_EQ(to_string(zeros({0})), "tensor([], dtype=float32)");
  const std::string long_text = to_string(arange(2000));
  EXPECT_EQ(long_text, "tensor([   0,    1,    2, ..., 1997, 1998, 1999])");  // numpy pads the same way
  EXPECT_EQ(fmt::format("{}", tensor({1.5})), "tensor([1.5000])");
}

TEST(Dtype, NamesSizesAndPromotion) {
  EXPECT_EQ(dtype_name(float32), "float32");
  EXPECT_EQ(itemsize(int64), 8u);
  EXPECT_EQ(promote_types(uint8, float32), float32);
  EXPECT_EQ(promote_types(float32, float64), float64);
  EXPECT_EQ(promote_types(int64, uint8), int64);
}

TEST(Shape, BroadcastAndErrors) {
  EXPECT_EQ(broadcast_shapes({3, 1}, {4}, "add"), (Shape{3, 4}));
  EXPECT_EQ(broadcast_shapes({}, {2, 2}, "add"), (Shape{2, 2}));
  try {
    broadcast_shapes({3, 2}, {4}, "add");
    FAIL();
  } catch (const ShapeError& e) {
    EXPECT_STREQ(e.what(), "add: shapes [3, 2] and [4] cannot be broadcast together (axis 1: 2 vs 4)");
  }
  EXPECT_EQ(normalize_axis(-1, 3, "sum"), 2);
  EXPECT_THROW(normalize_axis(3, 3, "sum"), IndexError);
}

}  // namespace
}  // namespace axon
