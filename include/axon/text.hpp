// The text floor: tokenizing and vectorizing documents (scikit-learn's names).
#pragma once

#include "axon/text/tokenizer.hpp"
#include "axon/text/count_vectorizer.hpp"
#include "axon/text/tfidf_vectorizer.hpp"
