// Small estimators for the model-selection tests, independent of the real models: a nearest-centroid
// classifier with one hyperparameter that changes its predictions, and a transformer that scales.
#pragma once

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/ml/estimator.hpp"

#include <atomic>
#include <cmath>

namespace axon::ml::toy {

/// Fits counted across all instances, to check that bad parameters fail before any fit.
inline std::atomic<int> fit_count{0};

struct CentroidOptions {
  double shrink = 0.0;          ///< pulls each class centroid toward the overall mean by this fraction
  std::int64_t feature = -1;    ///< -1: all features, else only this column
};

/// Predicts the class of the nearest (shrunk) centroid; predict_proba = softmax(−squared distance).
class NearestCentroid : public EstimatorBase<NearestCentroid, CentroidOptions> {
 public:
  using EstimatorBase::EstimatorBase;
  std::string name() const override { return "NearestCentroid"; }
  Kind kind() const override { return Kind::classifier; }
  NearestCentroid& fit(const Data& X, const Tensor& y = {}) override {
    ++fit_count;
    check_y(X, y, "NearestCentroid.fit");
    check(options_.shrink >= 0 && options_.shrink <= 1, "NearestCentroid.fit: shrink must be in [0, 1], got {}", options_.shrink);
    const Tensor x = check_dense_X(X, "NearestCentroid.fit");
    labels_ = encode_labels(y, "NearestCentroid.fit");
    p_ = x.shape(1);
    const auto k = static_cast<std::size_t>(labels_.n_classes());
    const std::vector<double> v = x.to_vector<double>();
    std::vector<double> mean(p_, 0.0), count(k, 0.0);
    centroids_.assign(k * p_, 0.0);
    for (std::size_t i = 0; i < labels_.codes.size(); ++i) {
      count[labels_.codes[i]] += 1;
      for (std::int64_t j = 0; j < p_; ++j) {
        centroids_[labels_.codes[i] * p_ + j] += v[i * p_ + j];
        mean[j] += v[i * p_ + j] / static_cast<double>(labels_.codes.size());
      }
    }
    for (std::size_t c = 0; c < k; ++c)
      for (std::int64_t j = 0; j < p_; ++j) {
        double& m = centroids_[c * p_ + j];
        m = (1 - options_.shrink) * m / count[c] + options_.shrink * mean[j];
      }
    return *this;
  }
  Tensor predict_proba(const Data& X) const override {
    check_fitted("predict_proba");
    const Tensor x = check_dense_X(X, "NearestCentroid.predict_proba", p_);
    const std::vector<double> v = x.to_vector<double>();
    const auto n = static_cast<std::size_t>(x.shape(0)), k = static_cast<std::size_t>(labels_.n_classes());
    std::vector<double> out(n * k);
    for (std::size_t i = 0; i < n; ++i) {
      double total = 0;
      for (std::size_t c = 0; c < k; ++c) {
        double d = 0;
        for (std::int64_t j = 0; j < p_; ++j)
          if (options_.feature < 0 || options_.feature == j) d += std::pow(v[i * p_ + j] - centroids_[c * p_ + j], 2);
        total += out[i * k + c] = std::exp(-d);
      }
      for (std::size_t c = 0; c < k; ++c) out[i * k + c] = total > 0 ? out[i * k + c] / total : 1.0 / static_cast<double>(k);
    }
    return from_vector(out, {static_cast<std::int64_t>(n), static_cast<std::int64_t>(k)});
  }
  Tensor predict(const Data& X) const override {
    const Tensor p = predict_proba(X);
    const std::vector<double> v = p.to_vector<double>();
    const auto k = static_cast<std::size_t>(p.shape(1));
    std::vector<std::int64_t> codes;
    for (std::size_t i = 0; i < v.size() / k; ++i)
      codes.push_back(std::max_element(v.begin() + i * k, v.begin() + (i + 1) * k) - (v.begin() + i * k));
    return decode_labels(labels_.classes, codes);
  }
  Tensor classes() const override { return labels_.classes; }
  bool fitted() const override { return p_ > 0; }

 protected:
  std::vector<ParamBinding> bindings() override {
    return {param("shrink", options_.shrink), param("feature", options_.feature)};
  }

 private:
  LabelCodes labels_;
  std::int64_t p_ = 0;
  std::vector<double> centroids_;
};

struct ScaleOptions {
  double factor = 1.0;
};

/// X · factor (a stateless transformer, so pipelines can be checked by hand).
class Scale : public EstimatorBase<Scale, ScaleOptions> {
 public:
  using EstimatorBase::EstimatorBase;
  std::string name() const override { return "Scale"; }
  Kind kind() const override { return Kind::transformer; }
  Scale& fit(const Data& X, const Tensor& = {}) override {
    p_ = check_dense_X(X, "Scale.fit").shape(1);
    return *this;
  }
  Data transform(const Data& X) const override {
    check_fitted("transform");
    std::vector<double> v = check_dense_X(X, "Scale.transform", p_).to_vector<double>();
    for (double& x : v) x *= options_.factor;
    return from_vector(v, {X.n_samples(), p_});
  }
  bool fitted() const override { return p_ > 0; }

 protected:
  std::vector<ParamBinding> bindings() override { return {param("factor", options_.factor)}; }

 private:
  std::int64_t p_ = 0;
};

}  // namespace axon::ml::toy
