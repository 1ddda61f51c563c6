// The frame floor: Series, DataFrame and CSV, with pandas' names.
#pragma once

#include "axon/frame/csv.hpp"
#include "axon/frame/dataframe.hpp"
#include "axon/frame/series.hpp"
