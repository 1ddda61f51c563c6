// Tour section: trees and ensembles. The course: "RF: first do bagging, then randomly choose
// features; random forest squeezes out variance; the big idea is ensembling. Boosting: use weak
// learners, fit residuals, gradient descent in data space." One tree as text, then the same digits
// split through one tree, bagged trees, a random forest, extremely randomized trees, AdaBoost and
// gradient boosting, the boosting's test error stage by stage, and a forest saved and reloaded.
#include "tour.hpp"

#include "axon/core.hpp"
#include "axon/data/datasets.hpp"
#include "axon/ml.hpp"

#include <chrono>
#include <filesystem>
#include <unistd.h>

namespace axon::tour {

namespace {

double accuracy_of(const ml::Estimator& e, const Tensor& X, const Tensor& y) { return ml::accuracy_score(y, e.predict(X)); }

}  // namespace

void trees_and_ensembles(const TourOptions& options) {
  heading(4, "Trees and ensembles (bagging, random forests, boosting)");
  const data::Bunch iris = data::load_iris();
  auto stump = ml::DecisionTreeClassifier({.max_depth = 2, .random_state = 0}).fit(iris.data, iris.target);
  fmt::print("one decision tree on iris (max_depth 2), as export_text prints it:\n{}",
             ml::export_text(stump, {.feature_names = iris.feature_names}));

  // Digits: 1,797 8×8 images of handwritten digits, 10 classes; a stratified quarter held out.
  const data::Bunch digits = data::load_digits();
  auto split = ml::train_test_split(digits.data, digits.target,
                                    {.test_size = 0.25, .random_state = options.seed, .stratify = digits.target});
  const std::int64_t n_trees = options.smoke ? 10 : 100;
  const std::int64_t seed = options.seed;
  fmt::print("\ndigits ({} train / {} test images, 64 pixels, 10 classes), test accuracy:\n", split.y_train.numel(),
             split.y_test.numel());
  const auto report = [&](const std::string& label, ml::Estimator& e) {
    const auto start = std::chrono::steady_clock::now();
    e.fit(split.X_train, split.y_train);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    fmt::print("  {:<58} {:.3f}   (fit {:.2f} s)\n", label, accuracy_of(e, split.X_test, split.y_test), took.count());
  };
  ml::DecisionTreeClassifier tree({.random_state = seed});
  report("one DecisionTreeClassifier (fully grown)", tree);
  ml::BaggingClassifier bagging({.n_estimators = n_trees, .n_jobs = -1, .random_state = seed});
  report(fmt::format("BaggingClassifier: {} trees on bootstrap samples", n_trees), bagging);
  ml::RandomForestClassifier forest({.n_estimators = n_trees, .n_jobs = -1, .random_state = seed});
  report("RandomForestClassifier: ... and √64 = 8 features a split", forest);
  ml::ExtraTreesClassifier extra({.n_estimators = n_trees, .n_jobs = -1, .random_state = seed});
  report("ExtraTreesClassifier: ... and random thresholds", extra);
  ml::AdaBoostClassifier ada({.estimator = ml::DecisionTreeClassifier({.max_depth = 3}), .n_estimators = n_trees,
                              .algorithm = "SAMME", .random_state = seed});
  report(fmt::format("AdaBoostClassifier (SAMME): {} trees of depth 3", n_trees), ada);
  ml::GradientBoostingClassifier boosting({.n_estimators = n_trees, .random_state = seed});
  report(fmt::format("GradientBoostingClassifier: {} stages × 10 trees, depth 3", n_trees), boosting);
  ml::HistGradientBoostingClassifier hist({.max_iter = n_trees, .early_stopping = false, .random_state = seed});
  report(fmt::format("HistGradientBoostingClassifier: {} iterations, 255 bins", n_trees), hist);

  // Boosting is gradient descent in function space: each stage fits the residual gradient, and the
  // test error falls stage by stage (staged_predict watches it without refitting).
  fmt::print("\ngradient boosting, test error after each stage (staged_predict):\n");
  const std::vector<Tensor> stages = boosting.staged_predict(split.X_test);
  for (std::size_t s = 0; s < stages.size(); ++s) {
    const std::size_t stage = s + 1;
    if (stage != 1 && stage != 2 && stage != 5 && stage % 10 != 0) continue;
    const double error = 1.0 - ml::accuracy_score(split.y_test, stages[s]);
    fmt::print("  {:>4}  {:.3f}  {}\n", stage, error, std::string(static_cast<std::size_t>(error * 100.0 + 0.5), '#'));
  }

  // Saved to one file and reloaded: the same predictions.
  const std::filesystem::path path = std::filesystem::temp_directory_path() / fmt::format("axon_tour_forest_{}.axon", ::getpid());
  ml::save(forest, path);
  const auto reloaded = ml::load_as<ml::RandomForestClassifier>(path);
  const bool same = reloaded->predict_proba(split.X_test).to_vector<double>() == forest.predict_proba(split.X_test).to_vector<double>();
  fmt::print("\nthe forest saved with ml::save ({:.0f} KB) and reloaded with ml::load_as: {} predictions\n",
             static_cast<double>(std::filesystem::file_size(path)) / 1024.0, same ? "identical" : "DIFFERENT");
  std::filesystem::remove(path);
}

}  // namespace axon::tour
