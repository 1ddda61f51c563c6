// Everything public in axon. For users; the library itself never includes this.
#pragma once

#include "axon/autograd.hpp"
#include "axon/core.hpp"
#include "axon/data/dataloader.hpp"
#include "axon/data/datasets.hpp"
#include "axon/data/fashion_mnist.hpp"
#include "axon/frame.hpp"
#include "axon/ml.hpp"
#include "axon/nn.hpp"
#include "axon/text.hpp"
#include "axon/version.hpp"
