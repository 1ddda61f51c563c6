// The core floor: Tensor, dtypes, shapes, errors, random generators and the kernel backend.
#pragma once

#include "axon/core/backend.hpp"
#include "axon/core/creation.hpp"
#include "axon/core/device.hpp"
#include "axon/core/dtype.hpp"
#include "axon/core/error.hpp"
#include "axon/core/generator.hpp"
#include "axon/core/shape.hpp"
#include "axon/core/tensor.hpp"
