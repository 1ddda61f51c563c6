// KNeighborsRegressor: the (weighted) mean target of the k nearest training samples
// (sklearn.neighbors.KNeighborsRegressor). Search options and tie rules: nearest_neighbors.hpp.
#pragma once

#include "axon/ml/neighbors/nearest_neighbors.hpp"

namespace axon::ml {

struct KNeighborsRegressorOptions {
  std::int64_t n_neighbors = 5;
  std::string weights = "uniform";  ///< "uniform" or "distance"
  std::string algorithm = "auto";
  std::int64_t leaf_size = 30;
  double p = 2;
  std::string metric = "minkowski";
};

class KNeighborsRegressor : public EstimatorBase<KNeighborsRegressor, KNeighborsRegressorOptions> {
 public:
  using EstimatorBase::EstimatorBase;
  std::string name() const override { return "KNeighborsRegressor"; }
  Kind kind() const override { return Kind::regressor; }
  KNeighborsRegressor& fit(const Data& X, const Tensor& y = {}) override;
  /// float64 [n].
  Tensor predict(const Data& X) const override;
  bool fitted() const override { return index_.built(); }

  KNeighborsResult kneighbors(const Data& X, std::int64_t k = -1) const;
  const std::string& fit_method() const { return index_.fit_method(); }

 protected:
  std::vector<ParamBinding> bindings() override {
    return {param("algorithm", options_.algorithm), param("leaf_size", options_.leaf_size),
            param("metric", options_.metric), param("n_neighbors", options_.n_neighbors), param("p", options_.p),
            param("weights", options_.weights)};
  }

 private:
  NeighborsIndex index_;
  std::vector<double> y_;
};

}  // namespace axon::ml
