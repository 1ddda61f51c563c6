// The text floor: tokenizing and vectorizing documents (scikit-learn's names).
#pragma once

#include "axon/text/tokenizer.hpp"
