// The ml floor: scikit-learn's estimators, metrics, model selection and pipelines.
#pragma once

#include "axon/core/sparse.hpp"
#include "axon/ml/data.hpp"
#include "axon/ml/estimator.hpp"
#include "axon/ml/metrics.hpp"
#include "axon/ml/params.hpp"
