#include "axon/ml/preprocessing/one_hot_encoder.hpp"

#include "axon/core/error.hpp"
#include "axon/data/datasets.hpp"
#include "ml/preprocessing/prep_golden.hpp"

#include <gtest/gtest.h>

namespace axon::ml {
namespace {

namespace pg = prep_golden;

TEST(OneHotEncoder, PenguinsStringAndIntegerColumnsMatchScikitLearn) {
  const frame::DataFrame penguins = data::load_penguins().dropna();
  const auto& g = pg::json()["onehot"];
  OneHotEncoder enc;
  const Data out = enc.fit_transform(penguins[{"island", "sex", "year"}]);
  ASSERT_TRUE(out.is_sparse());  // sparse_output=True, as scikit-learn
  EXPECT_EQ(enc.get_feature_names_out(), g["names"].get<std::vector<std::string>>());
  pg::expect_summary(out, g["X"], 0.0);

  const auto& gd = pg::json()["onehot_drop_first"];
  OneHotEncoder first({.drop = "first", .sparse_output = false});
  const Data dense = first.fit_transform(penguins[{"island", "sex"}]);
  ASSERT_TRUE(dense.is_dense());
  EXPECT_EQ(first.get_feature_names_out(), gd["names"].get<std::vector<std::string>>());
  pg::expect_summary(dense, gd["X"], 0.0);
  // if_binary drops only sex's first category.
  OneHotEncoder binary({.drop = "if_binary"});
  binary.fit(penguins[{"island", "sex"}]);
  EXPECT_EQ(binary.get_feature_names_out(),
            (std::vector<std::string>{"island_Biscoe", "island_Dream", "island_Torgersen", "sex_male"}));
}

TEST(OneHotEncoder, NumericTensorWithUnknownCategoriesIgnored) {
  const auto& g = pg::json()["onehot_numeric"];
  const Tensor digits = data::load_digits().data;
  std::vector<double> cols;
  for (std::int64_t i = 0; i < 300; ++i)
    for (std::int64_t j : {10, 20, 30}) cols.push_back(digits.data<double>()[i * 64 + j]);
  const Tensor X = from_vector(cols, {300, 3});
  OneHotEncoder enc({.handle_unknown = "ignore"});
  enc.fit(X.rows(0, 150));
  EXPECT_EQ(enc.get_feature_names_out(), g["names"].get<std::vector<std::string>>());
  pg::expect_summary(enc.transform(X.rows(150, 300)), g["X"], 0.0);
  OneHotEncoder strict;
  strict.fit(X.rows(0, 150));
  EXPECT_THROW_MESSAGE(strict.transform(X.rows(150, 300)), ValueError, "found unknown category");
}

TEST(OneHotEncoder, ErrorsAndParams) {
  frame::DataFrame df({frame::Series::from_strings("c", {"a", "b"})});
  EXPECT_THROW_MESSAGE(OneHotEncoder({.handle_unknown = "skip"}).fit(df), ValueError, "handle_unknown");
  EXPECT_THROW_MESSAGE(OneHotEncoder().transform(df), NotFittedError, "OneHotEncoder");
  const frame::DataFrame penguins = data::load_penguins();
  EXPECT_THROW_MESSAGE(OneHotEncoder().fit(penguins[{"sex"}]), ValueError, "column 'sex' has missing values");
  EXPECT_EQ(to_string(OneHotEncoder().get_params().at("drop")), "None");
}

}  // namespace
}  // namespace axon::ml
