// The ml floor: scikit-learn's estimators, metrics, model selection and pipelines.
#pragma once

#include "axon/core/sparse.hpp"
#include "axon/ml/data.hpp"
#include "axon/ml/estimator.hpp"
#include "axon/ml/metrics.hpp"
#include "axon/ml/params.hpp"
#include "axon/ml/linear_model/elastic_net.hpp"
#include "axon/ml/linear_model/lasso.hpp"
#include "axon/ml/linear_model/linear_regression.hpp"
#include "axon/ml/linear_model/logistic_regression.hpp"
#include "axon/ml/linear_model/ols.hpp"
#include "axon/ml/linear_model/ridge.hpp"
#include "axon/ml/preprocessing/polynomial_features.hpp"
#include "axon/ml/resample.hpp"
#include "axon/ml/linear_model/sgd.hpp"
