// The autograd floor: differentiable ops on Tensors, the tape, and gradient checking.
#pragma once

#include "axon/autograd/grad_mode.hpp"
#include "axon/autograd/gradcheck.hpp"
#include "axon/autograd/node.hpp"
#include "axon/autograd/ops/elementwise.hpp"
#include "axon/autograd/ops/linalg.hpp"
#include "axon/autograd/ops/loss.hpp"
#include "axon/autograd/ops/reduce.hpp"
#include "axon/autograd/ops/shape.hpp"
