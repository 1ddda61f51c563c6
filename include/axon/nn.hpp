// The nn floor: Keras-style layers, Sequential and functional models, losses, metrics, callbacks.
#pragma once

#include "axon/nn/activations.hpp"
#include "axon/nn/callbacks.hpp"
#include "axon/nn/initializers.hpp"
#include "axon/nn/layer.hpp"
#include "axon/nn/layers/activation.hpp"
#include "axon/nn/layers/batch_normalization.hpp"
#include "axon/nn/layers/dense.hpp"
#include "axon/nn/layers/dropout.hpp"
#include "axon/nn/layers/layer_normalization.hpp"
#include "axon/nn/layers/merge.hpp"
#include "axon/nn/layers/reshaping.hpp"
#include "axon/nn/losses.hpp"
#include "axon/nn/model.hpp"
#include "axon/nn/regularizers.hpp"
#include "axon/nn/saving.hpp"
