#include "axon/ml/preprocessing/column_transformer.hpp"

#include "axon/core/error.hpp"
#include "axon/data/datasets.hpp"
#include "axon/ml/preprocessing/one_hot_encoder.hpp"
#include "axon/ml/preprocessing/standard_scaler.hpp"
#include "ml/preprocessing/prep_golden.hpp"

#include <gtest/gtest.h>

namespace axon::ml {
namespace {

namespace pg = prep_golden;

const std::vector<std::string> kNumeric = {"bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"};

// The typical use: scale the numeric columns, one-hot the categorical ones (penguins after dropna).
TEST(ColumnTransformer, PenguinsScaledAndEncodedMatchScikitLearn) {
  const auto& g = pg::json()["column_transformer"];
  const frame::DataFrame penguins = data::load_penguins().dropna();
  ColumnTransformer ct({{"num", StandardScaler(), kNumeric}, {"cat", OneHotEncoder(), {"island", "sex"}}});
  const Data out = ct.fit_transform(penguins);
  EXPECT_EQ(out.is_sparse(), g["sparse"].get<bool>());  // density 6/9 > sparse_threshold 0.3: dense
  EXPECT_EQ(ct.get_feature_names_out(), g["names"].get<std::vector<std::string>>());
  pg::expect_summary(out, g["X"]);
  pg::expect_summary(ct.transform(penguins), g["X"]);
  // Nested parameters by name, and a deep clone.
  EXPECT_EQ(to_string(ct.get_params().at("num__with_mean")), "True");
  ct.set_param("cat__handle_unknown", std::string("ignore"));
  auto copy = clone(ct);
  EXPECT_EQ(to_string(copy->get_params().at("cat__handle_unknown")), "'ignore'");
  EXPECT_FALSE(copy->fitted());
}

TEST(ColumnTransformer, PassthroughRemainder) {
  const auto& g = pg::json()["column_transformer_passthrough"];
  const frame::DataFrame penguins = data::load_penguins().dropna()[{"island", "bill_depth_mm", "year"}];
  ColumnTransformer ct({{"cat", OneHotEncoder(), {"island"}}}, {.remainder = "passthrough"});
  const Data out = ct.fit_transform(penguins);
  EXPECT_EQ(out.is_sparse(), g["sparse"].get<bool>());
  EXPECT_EQ(ct.get_feature_names_out(), g["names"].get<std::vector<std::string>>());
  pg::expect_summary(out, g["X"]);
  // A low density gives a sparse result.
  ColumnTransformer sparse({{"cat", OneHotEncoder(), {"island"}}}, {.sparse_threshold = 0.5});
  EXPECT_TRUE(sparse.fit_transform(penguins).is_sparse());
}

TEST(ColumnTransformer, Errors) {
  const frame::DataFrame penguins = data::load_penguins().dropna();
  ColumnTransformer ct({{"num", StandardScaler(), {"wingspan"}}});
  EXPECT_THROW_MESSAGE(ct.fit(penguins), ValueError, "asks for column 'wingspan'");
  EXPECT_THROW_MESSAGE(ColumnTransformer({{"a", StandardScaler(), {"x"}}, {"a", StandardScaler(), {"y"}}}), ValueError,
                       "two transformers are named 'a'");
  EXPECT_THROW_MESSAGE(ColumnTransformer({{"num", StandardScaler(), kNumeric}}).transform(penguins), NotFittedError,
                       "ColumnTransformer");
}

}  // namespace
}  // namespace axon::ml
