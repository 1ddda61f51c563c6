#include "axon/core/sparse.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>

namespace axon {
namespace {

Tensor dense_example() {  // [[1, 0, 2], [0, 0, 0], [0, 3, 4]]
  return tensor({{1.0, 0.0, 2.0}, {0.0, 0.0, 0.0}, {0.0, 3.0, 4.0}}, {.dtype = Dtype::float64});
}

TEST(SparseMatrix, FromDenseIsCsrAndRoundTrips) {
  const SparseMatrix m = SparseMatrix::from_dense(dense_example());
  EXPECT_EQ(m.nnz(), 4);
  EXPECT_EQ(m.indptr().to_vector<std::int64_t>(), (std::vector<std::int64_t>{0, 2, 2, 4}));
  EXPECT_EQ(m.indices().to_vector<std::int64_t>(), (std::vector<std::int64_t>{0, 2, 1, 2}));
  EXPECT_TENSOR_NEAR(m.to_dense(), dense_example(), 0.0);
  EXPECT_EQ(to_string(m), "SparseMatrix(shape=[3, 3], nnz=4, dtype=float64)");
}

TEST(SparseMatrix, TripletsSumDuplicatesInAnyOrder) {
  const SparseMatrix m = SparseMatrix::from_triplets(2, 3, {1, 0, 1, 0}, {2, 1, 2, 0}, {1.0, 2.0, 3.0, 4.0});
  EXPECT_TENSOR_NEAR(m.to_dense(), {4.0, 2.0, 0.0, 0.0, 0.0, 4.0}, 0.0);
  EXPECT_THROW(SparseMatrix::from_triplets(2, 2, {2}, {0}, {1.0}), IndexError);
}

TEST(SparseMatrix, ProductsEqualTheDenseOnes) {
  const SparseMatrix m = SparseMatrix::from_dense(dense_example());
  const Tensor b = tensor({{1.0, 2.0}, {3.0, 4.0}, {5.0, 6.0}}, {.dtype = Dtype::float64});
  EXPECT_TENSOR_NEAR(m.matmul(b), {11.0, 14.0, 0.0, 0.0, 29.0, 36.0}, 0.0);
  EXPECT_TENSOR_NEAR(m.t_matmul(b), {1.0, 2.0, 15.0, 18.0, 22.0, 28.0}, 0.0);  // Xᵀ B
  EXPECT_TENSOR_NEAR(m.dot(tensor({1.0, 1.0, 1.0}, {.dtype = Dtype::float64})), {3.0, 0.0, 7.0}, 0.0);
  EXPECT_TENSOR_NEAR(m.transpose().to_dense(), {1.0, 0.0, 0.0, 0.0, 0.0, 3.0, 2.0, 0.0, 4.0}, 0.0);
  EXPECT_THROW(m.matmul(zeros({2, 2}, {.dtype = Dtype::float64})), ShapeError);
}

TEST(SparseMatrix, RowsScalesNormsAndSums) {
  const SparseMatrix m = SparseMatrix::from_dense(dense_example());
  EXPECT_TENSOR_NEAR(m.take_rows({2, 0, 2}).to_dense(), {0.0, 3.0, 4.0, 1.0, 0.0, 2.0, 0.0, 3.0, 4.0}, 0.0);
  EXPECT_TENSOR_NEAR(m.row_norms(), {std::sqrt(5.0), 0.0, 5.0}, 1e-15);
  EXPECT_TENSOR_NEAR(m.row_l1_norms(), {3.0, 0.0, 7.0}, 0.0);
  EXPECT_TENSOR_NEAR(m.sum(0), {1.0, 3.0, 6.0}, 0.0);
  EXPECT_TENSOR_NEAR(m.sum(1), {3.0, 0.0, 7.0}, 0.0);
  EXPECT_TENSOR_NEAR(m.scale_columns(tensor({2.0, 1.0, 0.5}, {.dtype = Dtype::float64})).to_dense(),
                     {2.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 3.0, 2.0}, 0.0);
  EXPECT_TENSOR_NEAR(m.scale_rows(tensor({1.0, 5.0, 0.5}, {.dtype = Dtype::float64})).to_dense(),
                     {1.0, 0.0, 2.0, 0.0, 0.0, 0.0, 0.0, 1.5, 2.0}, 0.0);
  EXPECT_EQ(m.astype(Dtype::float32).dtype(), Dtype::float32);
}

TEST(SparseMatrix, InvalidArraysAreValueErrors) {
  auto i64 = [](std::vector<std::int64_t> v) { return from_vector(v, {static_cast<std::int64_t>(v.size())}); };
  const Tensor vals = tensor({1.0, 2.0}, {.dtype = Dtype::float64});
  EXPECT_THROW(SparseMatrix(2, 2, i64({0, 2}), i64({0, 1}), vals), ValueError);        // indptr too short
  EXPECT_THROW(SparseMatrix(2, 2, i64({0, 2, 1}), i64({0, 1}), vals), ValueError);     // decreasing
  EXPECT_THROW(SparseMatrix(2, 2, i64({0, 1, 2}), i64({0, 5}), vals), ValueError);     // column out of range
  EXPECT_NO_THROW(SparseMatrix(2, 2, i64({0, 1, 2}), i64({0, 1}), vals));
}

}  // namespace
}  // namespace axon
