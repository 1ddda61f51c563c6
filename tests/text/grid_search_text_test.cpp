// The course's text snippet: GridSearchCV over C of a TfidfVectorizer + LogisticRegression
// pipeline, 5 stratified folds, on 360 fortunes of three topics; the per-fold accuracies, their
// means and the best C equal scikit-learn's (tools/golden/make_grid_search_golden.py).
#include "axon/data/datasets.hpp"
#include "axon/ml/linear_model/logistic_regression.hpp"
#include "axon/ml/model_selection/grid_search.hpp"
#include "axon/ml/pipeline.hpp"
#include "axon/text/tfidf_vectorizer.hpp"
#include "axon/core/creation.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

namespace axon::text {
namespace {

TEST(GridSearchText, TfidfLogisticRegressionPipelineIsScikitLearns) {
  std::ifstream in(testing::source_path("tests/golden/grid_search_text.json"));
  const nlohmann::json want = nlohmann::json::parse(in);
  const data::Fortunes fortunes = data::load_fortunes();
  std::vector<std::string> texts;
  std::vector<std::int64_t> labels;
  const auto topics = want["topics"].get<std::vector<std::string>>();
  const auto per_topic = want["per_topic"].get<std::size_t>();
  for (std::size_t t = 0; t < topics.size(); ++t) {
    std::size_t taken = 0;
    for (std::size_t i = 0; i < fortunes.texts.size() && taken < per_topic; ++i)
      if (fortunes.topics[i] == topics[t]) {
        texts.push_back(fortunes.texts[i]);
        labels.push_back(static_cast<std::int64_t>(t));
        ++taken;
      }
  }
  const Tensor y = from_vector(labels, {static_cast<std::int64_t>(labels.size())});
  auto pipeline = ml::make_pipeline(TfidfVectorizer(), ml::LogisticRegression());
  std::vector<ml::Param> grid;
  for (double c : want["C"].get<std::vector<double>>()) grid.push_back(c);
  auto search = ml::GridSearchCV(pipeline, {{"logisticregression__C", grid}}, {.cv = 5});
  search.fit(texts, y);
  const ml::CvResults& r = search.cv_results();
  for (std::size_t c = 0; c < grid.size(); ++c) {
    EXPECT_NEAR(r.mean_test_score[c], want["mean_test_score"][c].get<double>(), 1e-3) << "C index " << c;
    for (std::size_t k = 0; k < 5; ++k)
      EXPECT_NEAR(r.split_test_scores[c][k], want["split_test_scores"][c][k].get<double>(), 1e-3) << c << " " << k;
  }
  EXPECT_EQ(ml::to_string(search.best_params().at("logisticregression__C")),
            ml::to_string(ml::Param{want["best_C"].get<double>()}));
  EXPECT_NEAR(search.best_score(), want["best_score"].get<double>(), 1e-3);
}

}  // namespace
}  // namespace axon::text
