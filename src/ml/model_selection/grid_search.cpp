#include "axon/ml/model_selection/grid_search.hpp"

#include "axon/core/error.hpp"

#include <fmt/format.h>

#include <cmath>

namespace axon::ml {
namespace {

struct MeanStd {
  double mean, std;
};

// np.average and np.std (ddof 0) of one candidate's fold values.
MeanStd mean_std(const std::vector<double>& v) {
  double mean = 0;
  for (double x : v) mean += x;
  mean /= static_cast<double>(v.size());
  double var = 0;
  for (double x : v) var += (x - mean) * (x - mean);
  return {mean, std::sqrt(var / static_cast<double>(v.size()))};
}

}  // namespace

std::vector<Params> parameter_grid(const std::vector<ParamGrid>& grids) {
  std::vector<Params> out;
  for (const ParamGrid& grid : grids) {
    std::vector<std::pair<std::string, const std::vector<Param>*>> items;
    bool empty = false;
    for (const auto& [name, values] : grid) {  // std::map: sorted by name, as sorted(p.items())
      items.emplace_back(name, &values);
      empty = empty || values.empty();
    }
    if (empty) continue;  // itertools.product of an empty list yields nothing
    std::vector<std::size_t> at(items.size(), 0);
    while (true) {
      Params p;
      for (std::size_t i = 0; i < items.size(); ++i) p[items[i].first] = (*items[i].second)[at[i]];
      out.push_back(std::move(p));
      std::size_t i = items.size();
      while (i > 0 && ++at[i - 1] == items[i - 1].second->size()) at[--i] = 0;  // last name fastest
      if (i == 0) break;
    }
  }
  return out;
}

std::string to_string(const Params& params) {
  std::string s = "{";
  for (const auto& [name, value] : params) s += fmt::format("{}'{}': {}", s.size() > 1 ? ", " : "", name, to_string(value));
  return s + "}";
}

GridSearchCV::GridSearchCV(const Estimator& estimator, ParamGrid param_grid, GridSearchOptions options)
    : GridSearchCV(estimator, std::vector<ParamGrid>{std::move(param_grid)}, std::move(options)) {}

GridSearchCV::GridSearchCV(const Estimator& estimator, std::vector<ParamGrid> param_grids, GridSearchOptions options)
    : estimator_(estimator.clone()), grids_(std::move(param_grids)), options_(std::move(options)) {
  for (const ParamGrid& grid : grids_)
    for (const auto& [name, values] : grid)
      check(!values.empty(), "GridSearchCV: Parameter grid for parameter '{}' need to be a non-empty sequence", name);
}

std::unique_ptr<Estimator> GridSearchCV::clone() const {
  return std::make_unique<GridSearchCV>(*estimator_, grids_, options_);
}

Estimator::Kind GridSearchCV::kind() const { return estimator_->kind(); }

std::vector<ParamBinding> GridSearchCV::bindings() {
  return {param("n_jobs", options_.n_jobs), param("refit", options_.refit),
          param("return_train_score", options_.return_train_score), param("scoring", options_.scoring)};
}

GridSearchCV& GridSearchCV::fit(const Data& X, const Tensor& y) {
  if (y.defined()) check_y(X, y, "GridSearchCV.fit");
  results_.reset();
  best_estimator_.reset();
  best_index_ = -1;
  const std::vector<Params> candidates_params = parameter_grid(grids_);
  check(!candidates_params.empty(), "GridSearchCV.fit: the parameter grid has no candidates");
  // Set every candidate's parameters on its own clone first: an unknown name or a wrong type is an
  // error (listing the valid names) before any fitting.
  std::vector<std::unique_ptr<Estimator>> candidates;
  for (const Params& p : candidates_params) {
    candidates.push_back(estimator_->clone());
    candidates.back()->set_params(p);
  }
  const Scorer scorer = get_scorer(options_.scoring);
  const std::vector<Split> splits = options_.cv.split(*estimator_, X, y);
  const auto n_folds = static_cast<std::int64_t>(splits.size());
  std::vector<detail::FitScore> fits(candidates.size() * splits.size());
  // scikit-learn's order: candidate outer, fold inner; each result goes to its own slot.
  detail::parallel_for(static_cast<std::int64_t>(fits.size()), options_.n_jobs, [&](std::int64_t t) {
    const Split& s = splits[t % n_folds];
    fits[t] = detail::fit_and_score(*candidates[t / n_folds], X, y, s.first, s.second, scorer,
                                    options_.return_train_score);
  });

  CvResults r;
  r.params = candidates_params;
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    std::vector<double> test, train, fit_time, score_time;
    for (std::int64_t k = 0; k < n_folds; ++k) {
      const detail::FitScore& f = fits[c * n_folds + k];
      test.push_back(f.test_score);
      train.push_back(f.train_score);
      fit_time.push_back(f.fit_time);
      score_time.push_back(f.score_time);
    }
    const MeanStd t = mean_std(test), ft = mean_std(fit_time), st = mean_std(score_time);
    r.mean_test_score.push_back(t.mean);
    r.std_test_score.push_back(t.std);
    r.split_test_scores.push_back(test);
    r.mean_fit_time.push_back(ft.mean);
    r.std_fit_time.push_back(ft.std);
    r.mean_score_time.push_back(st.mean);
    r.std_score_time.push_back(st.std);
    if (options_.return_train_score) {
      const MeanStd tr = mean_std(train);
      r.mean_train_score.push_back(tr.mean);
      r.std_train_score.push_back(tr.std);
      r.split_train_scores.push_back(train);
    }
  }
  // rankdata(-mean, method="min"); NaN means rank last, as scikit-learn.
  const std::size_t n = candidates.size();
  for (std::size_t c = 0; c < n; ++c) {
    const double m = r.mean_test_score[c];
    std::int64_t rank = 1;
    for (std::size_t o = 0; o < n; ++o) {
      const double other = r.mean_test_score[o];
      if (std::isnan(m) ? !std::isnan(other) : other > m) ++rank;
    }
    if (std::isnan(m)) {  // NaNs after every number, sharing the rank after the last number
      rank = 1;
      for (double other : r.mean_test_score) rank += !std::isnan(other);
    }
    r.rank_test_score.push_back(rank);
  }
  best_index_ = 0;
  for (std::size_t c = 1; c < n; ++c)
    if (r.rank_test_score[c] < r.rank_test_score[best_index_]) best_index_ = static_cast<std::int64_t>(c);
  n_splits_ = n_folds;
  if (options_.refit) {
    best_estimator_ = std::move(candidates[best_index_]);
    best_estimator_->fit(X, y);
  }
  results_ = std::move(r);
  return *this;
}

const CvResults& GridSearchCV::cv_results() const {
  check_fitted("cv_results");
  return *results_;
}
const Params& GridSearchCV::best_params() const { return cv_results().params[best_index_]; }
double GridSearchCV::best_score() const { return cv_results().mean_test_score[best_index_]; }
std::int64_t GridSearchCV::best_index() const {
  check_fitted("best_index");
  return best_index_;
}
std::int64_t GridSearchCV::n_splits() const {
  check_fitted("n_splits");
  return n_splits_;
}

const Estimator& GridSearchCV::refitted(std::string_view method) const {
  check_fitted(method);
  check(best_estimator_ != nullptr,
        "GridSearchCV.{}: this GridSearchCV instance was initialized with refit=False; {} is available only after "
        "refitting on the best parameters",
        method, method);
  return *best_estimator_;
}

const Estimator& GridSearchCV::best_estimator() const { return refitted("best_estimator"); }
Estimator& GridSearchCV::best_estimator() { return const_cast<Estimator&>(refitted("best_estimator")); }
Tensor GridSearchCV::predict(const Data& X) const { return refitted("predict").predict(X); }
Tensor GridSearchCV::predict_proba(const Data& X) const { return refitted("predict_proba").predict_proba(X); }
Tensor GridSearchCV::decision_function(const Data& X) const {
  return refitted("decision_function").decision_function(X);
}
Data GridSearchCV::transform(const Data& X) const { return refitted("transform").transform(X); }
Tensor GridSearchCV::classes() const { return refitted("classes").classes(); }

double GridSearchCV::score(const Data& X, const Tensor& y) const {
  return get_scorer(options_.scoring)(refitted("score"), X, y);
}

}  // namespace axon::ml
