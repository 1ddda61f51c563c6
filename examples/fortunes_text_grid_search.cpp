// The course's text-classification snippet on the fortune files: which topic does a fortune come
// from? TF-IDF features into a logistic regression, with C chosen by 5-fold grid search.
//
//   pipeline = make_pipeline(TfidfVectorizer(), LogisticRegression())
//   grid = GridSearchCV(pipeline, {'logisticregression__C': [0.1, 1, 10, 100]}, cv=5)
//   grid.fit(text_train, y_train)
//   print("Score", grid.score(text_test, y_test))
#include <axon/axon.hpp>

#include <cstdlib>
#include <map>

using namespace axon;

int main() {
  // Three topics; AXON_EXAMPLE_QUICK (the tests) keeps 150 fortunes of each.
  const bool quick = std::getenv("AXON_EXAMPLE_QUICK") != nullptr;
  const data::Fortunes fortunes = data::load_fortunes();
  const std::vector<std::string> topics = {"computers", "love", "science"};
  std::vector<std::string> texts;
  std::vector<std::int64_t> labels;
  std::map<std::string, int> taken;
  for (std::size_t i = 0; i < fortunes.texts.size(); ++i)
    for (std::size_t t = 0; t < topics.size(); ++t)
      if (fortunes.topics[i] == topics[t] && (!quick || taken[topics[t]]++ < 150)) {
        texts.push_back(fortunes.texts[i]);
        labels.push_back(static_cast<std::int64_t>(t));
      }
  const Tensor y = from_vector(labels, {static_cast<std::int64_t>(labels.size())});

  auto [text_train, text_test, y_train, y_test] =
      ml::train_test_split(texts, y, {.test_size = 0.25, .random_state = 0, .stratify = y});
  auto pipeline = ml::make_pipeline(text::TfidfVectorizer(), ml::LogisticRegression());
  auto grid = ml::GridSearchCV(pipeline, {{"logisticregression__C", {0.1, 1, 10, 100}}}, {.cv = 5});
  grid.fit(text_train, y_train);
  fmt::print("{} fortunes of {} topics; best {} (CV accuracy {:.3f})\n", labels.size(), topics.size(),
             ml::to_string(grid.best_params()), grid.best_score());
  const double score = grid.score(text_test, y_test);
  fmt::print("Score {}\n", score);
  return score > 1.0 / static_cast<double>(topics.size()) + 0.1 ? 0 : 1;  // well above chance
}
