// Everything public in axon. For users; the library itself never includes this.
#pragma once

#include "axon/autograd.hpp"
#include "axon/core.hpp"
#include "axon/nn.hpp"
#include "axon/version.hpp"
