#include "axon/ml/preprocessing/label_encoder.hpp"

#include "axon/core/error.hpp"
#include "axon/data/datasets.hpp"
#include "ml/preprocessing/prep_golden.hpp"

#include <gtest/gtest.h>

namespace axon::ml {
namespace {

namespace pg = prep_golden;

TEST(LabelEncoder, PenguinSpeciesMatchScikitLearn) {
  const auto& g = pg::json()["label_encoder"];
  const frame::DataFrame penguins = data::load_penguins().dropna();
  const Texts species = penguins["species"].astype(frame::ColumnType::string).strings();
  LabelEncoder le;
  const Tensor codes = le.fit_transform(species);
  EXPECT_EQ(le.classes_texts(), g["classes"].get<std::vector<std::string>>());
  const auto all = codes.to_vector<std::int64_t>();
  std::vector<std::int64_t> every17;
  for (std::size_t i = 0; i < all.size(); i += 17) every17.push_back(all[i]);
  EXPECT_EQ(every17, g["codes"].get<std::vector<std::int64_t>>());
  EXPECT_EQ(codes.dtype(), Dtype::int64);
  EXPECT_EQ(le.inverse_transform(codes).texts(), species);
  EXPECT_THROW_MESSAGE(le.transform(Texts{"Emperor"}), ValueError, "previously unseen label: 'Emperor'");
}

TEST(LabelEncoder, NumbersRoundTrip) {
  LabelEncoder le;
  const Tensor y = tensor({10.0, -1.0, 10.0, 3.5}, {.dtype = Dtype::float64});
  const Tensor codes = le.fit_transform(y);
  EXPECT_EQ(codes.to_vector<std::int64_t>(), (std::vector<std::int64_t>{2, 0, 2, 1}));
  EXPECT_TENSOR_NEAR(le.classes(), {-1.0, 3.5, 10.0}, 0.0);
  EXPECT_TENSOR_NEAR(le.inverse_transform(codes).tensor(), y, 0.0);
  EXPECT_THROW_MESSAGE(le.inverse_transform(from_vector(std::vector<std::int64_t>{0, 3})), ValueError, "code 3 is not in [0, 3)");
}

}  // namespace
}  // namespace axon::ml
