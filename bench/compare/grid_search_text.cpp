// GridSearchCV of TfidfVectorizer + LogisticRegression over C, 5 folds, n_jobs = 2, on every fortune
// of computers, linux and science; prints the median fit time, the best C and the mean CV
// accuracies, as grid_search_text.py does with scikit-learn.
//   grid_search_text_bench [--runs N]
#include "axon/axon.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>

using namespace axon;

int main(int argc, char** argv) {
  int runs = 3;
  for (int i = 1; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], "--runs") == 0) runs = std::stoi(argv[i + 1]);
  const data::Fortunes fortunes = data::load_fortunes();
  const std::vector<std::string> topics = {"computers", "linux", "science"};
  std::vector<std::string> texts;
  std::vector<std::int64_t> labels;
  for (std::size_t t = 0; t < topics.size(); ++t)
    for (std::size_t i = 0; i < fortunes.texts.size(); ++i)
      if (fortunes.topics[i] == topics[t]) {
        texts.push_back(fortunes.texts[i]);
        labels.push_back(static_cast<std::int64_t>(t));
      }
  const Tensor y = from_vector(labels, {static_cast<std::int64_t>(labels.size())});
  const ml::Data X(texts);
  std::vector<double> times;
  std::optional<ml::GridSearchCV> grid;
  for (int r = 0; r < runs; ++r) {
    grid.emplace(ml::make_pipeline(text::TfidfVectorizer(), ml::LogisticRegression()),
                 ml::ParamGrid{{"logisticregression__C", {0.1, 1, 10, 100}}}, ml::GridSearchOptions{.cv = 5, .n_jobs = 2});
    const auto start = std::chrono::steady_clock::now();
    grid->fit(X, y);
    times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  fmt::print("texts {}\nfit_s {:.4f}\nbest_C {}\nmean_test_scores {:.4f}\n", texts.size(), times[times.size() / 2],
             ml::to_string(grid->best_params().at("logisticregression__C")),
             fmt::join(grid->cv_results().mean_test_score, " "));
}
