#include "axon/ml/model_selection/cross_validation.hpp"

#include "axon/core/backend.hpp"
#include "axon/core/error.hpp"
#include "axon/core/generator.hpp"
#include "axon/ml/estimator.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <exception>
#include <thread>

namespace axon::ml {
namespace detail {

void parallel_for(std::int64_t n, int n_jobs, const std::function<void(std::int64_t)>& task) {
  check(n_jobs != 0, "n_jobs: 0 is not a valid number of jobs (use 1, k > 1, or -1 for all cores)");
  std::int64_t workers = n_jobs < 0 ? std::max<std::int64_t>(1, std::thread::hardware_concurrency()) : n_jobs;
  workers = std::min(workers, n);
  if (workers <= 1) {
    for (std::int64_t i = 0; i < n; ++i) task(i);
    return;
  }
  // One fit per core: the libraries' own threads would only compete. openblas_set_num_threads is
  // process-wide, so the caller's setting is restored afterwards.
  const int saved = get_num_threads();
  set_num_threads(1);
  std::vector<std::exception_ptr> errors(static_cast<std::size_t>(n));
  std::atomic<std::int64_t> next{0};
  std::atomic<bool> failed{false};
  auto work = [&] {
    set_num_threads(1);  // this thread's OpenMP setting
    for (std::int64_t i = next++; i < n && !failed; i = next++) {
      try {
        task(i);
      } catch (...) {
        errors[static_cast<std::size_t>(i)] = std::current_exception();
        failed = true;
      }
    }
  };
  std::vector<std::thread> threads;
  for (std::int64_t w = 0; w < workers; ++w) threads.emplace_back(work);
  for (std::thread& t : threads) t.join();
  set_num_threads(saved);
  for (const std::exception_ptr& e : errors)
    if (e) std::rethrow_exception(e);
}

FitScore fit_and_score(const Estimator& prototype, const Data& X, const Tensor& y, const std::vector<std::int64_t>& train,
                       const std::vector<std::int64_t>& test, const Scorer& scorer, bool train_score) {
  using clock = std::chrono::steady_clock;
  const Data X_train = X.take(train), X_test = X.take(test);
  Tensor y_train, y_test;
  if (y.defined()) {
    y_train = Data(y).take(train).tensor();
    y_test = Data(y).take(test).tensor();
  }
  std::unique_ptr<Estimator> model = prototype.clone();
  FitScore out;
  const auto t0 = clock::now();
  model->fit(X_train, y_train);
  const auto t1 = clock::now();
  out.test_score = scorer(*model, X_test, y_test);
  const auto t2 = clock::now();
  if (train_score) out.train_score = scorer(*model, X_train, y_train);
  out.fit_time = std::chrono::duration<double>(t1 - t0).count();
  out.score_time = std::chrono::duration<double>(t2 - t1).count();
  return out;
}

}  // namespace detail

namespace {

void check_xy(const Data& X, const Tensor& y, std::string_view who) {
  if (y.defined()) check_y(X, y, who);
}

}  // namespace

CrossValidateResult cross_validate(const Estimator& estimator, const Data& X, const Tensor& y,
                                   const CrossValidateOptions& o) {
  check_xy(X, y, "cross_validate");
  const Scorer scorer = get_scorer(o.scoring);
  const std::vector<Split> splits = o.cv.split(estimator, X, y);
  std::vector<detail::FitScore> results(splits.size());
  detail::parallel_for(static_cast<std::int64_t>(splits.size()), o.n_jobs, [&](std::int64_t k) {
    results[k] = detail::fit_and_score(estimator, X, y, splits[k].first, splits[k].second, scorer, o.return_train_score);
  });
  CrossValidateResult out;
  for (const detail::FitScore& r : results) {
    out.test_score.push_back(r.test_score);
    if (o.return_train_score) out.train_score.push_back(r.train_score);
    out.fit_time.push_back(r.fit_time);
    out.score_time.push_back(r.score_time);
  }
  return out;
}

std::vector<double> cross_val_score(const Estimator& estimator, const Data& X, const Tensor& y,
                                    const CrossValOptions& o) {
  return cross_validate(estimator, X, y, {.cv = o.cv, .scoring = o.scoring, .n_jobs = o.n_jobs}).test_score;
}

ValidationCurve validation_curve(const Estimator& estimator, const Data& X, const Tensor& y, const std::string& param_name,
                                 const std::vector<Param>& param_range, const CrossValOptions& o) {
  check_xy(X, y, "validation_curve");
  // Every value is set on its own clone before any fit, so a bad name or value fails at once.
  std::vector<std::unique_ptr<Estimator>> candidates;
  for (const Param& value : param_range) {
    candidates.push_back(estimator.clone());
    candidates.back()->set_param(param_name, value);
  }
  const Scorer scorer = get_scorer(o.scoring);
  const std::vector<Split> splits = o.cv.split(estimator, X, y);
  const auto n_folds = static_cast<std::int64_t>(splits.size());
  std::vector<detail::FitScore> results(candidates.size() * splits.size());
  detail::parallel_for(static_cast<std::int64_t>(results.size()), o.n_jobs, [&](std::int64_t t) {
    const Split& s = splits[t % n_folds];
    results[t] = detail::fit_and_score(*candidates[t / n_folds], X, y, s.first, s.second, scorer, true);
  });
  ValidationCurve out;
  out.train_scores.assign(candidates.size(), std::vector<double>(splits.size()));
  out.test_scores = out.train_scores;
  for (std::size_t t = 0; t < results.size(); ++t) {
    out.train_scores[t / splits.size()][t % splits.size()] = results[t].train_score;
    out.test_scores[t / splits.size()][t % splits.size()] = results[t].test_score;
  }
  return out;
}

LearningCurve learning_curve(const Estimator& estimator, const Data& X, const Tensor& y, const LearningCurveOptions& o) {
  check_xy(X, y, "learning_curve");
  const Scorer scorer = get_scorer(o.scoring);
  std::vector<Split> splits = o.cv.split(estimator, X, y);
  const auto n_max = static_cast<std::int64_t>(splits.at(0).first.size());
  // _translate_train_sizes: fractions of the largest training set, or counts.
  check(!o.train_sizes.empty(), "learning_curve: train_sizes is empty");
  const double largest = *std::max_element(o.train_sizes.begin(), o.train_sizes.end());
  std::vector<std::int64_t> sizes;
  for (double s : o.train_sizes) {
    if (largest <= 1) {
      check(s > 0 && s <= 1, "learning_curve: train_sizes has been interpreted as fractions of the maximum number of "
                             "training samples and must be within (0, 1], but is within [{}, {}].",
            *std::min_element(o.train_sizes.begin(), o.train_sizes.end()), largest);
      sizes.push_back(std::clamp<std::int64_t>(static_cast<std::int64_t>(s * static_cast<double>(n_max)), 1, n_max));
    } else {
      check(s > 0 && s <= static_cast<double>(n_max) && s == std::floor(s),
            "learning_curve: train_sizes has been interpreted as absolute numbers of training samples and must be "
            "within (0, {}], but {} is not.",
            n_max, s);
      sizes.push_back(static_cast<std::int64_t>(s));
    }
  }
  std::sort(sizes.begin(), sizes.end());
  sizes.erase(std::unique(sizes.begin(), sizes.end()), sizes.end());
  if (o.shuffle) {
    Generator gen(o.random_state ? *o.random_state : default_generator().next_u64());
    for (Split& s : splits)
      for (std::size_t i = s.first.size(); i > 1; --i) std::swap(s.first[i - 1], s.first[gen.below(i)]);
  }
  const std::size_t n_folds = splits.size();
  std::vector<detail::FitScore> results(sizes.size() * n_folds);
  // scikit-learn's order: fold outer, size inner (results are stored by slot either way).
  detail::parallel_for(static_cast<std::int64_t>(results.size()), o.n_jobs, [&](std::int64_t t) {
    const std::size_t fold = static_cast<std::size_t>(t) / sizes.size(), size = static_cast<std::size_t>(t) % sizes.size();
    const Split& s = splits[fold];
    const std::vector<std::int64_t> train(s.first.begin(), s.first.begin() + sizes[size]);
    results[size * n_folds + fold] = detail::fit_and_score(estimator, X, y, train, s.second, scorer, true);
  });
  LearningCurve out;
  out.train_sizes = sizes;
  out.train_scores.assign(sizes.size(), std::vector<double>(n_folds));
  out.test_scores = out.train_scores;
  for (std::size_t t = 0; t < results.size(); ++t) {
    out.train_scores[t / n_folds][t % n_folds] = results[t].train_score;
    out.test_scores[t / n_folds][t % n_folds] = results[t].test_score;
  }
  return out;
}

}  // namespace axon::ml
