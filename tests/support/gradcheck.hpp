// EXPECT_GRADCHECK(f, inputs): the autograd gradient of f agrees with central differences in float64.
#pragma once

#include "axon/autograd/gradcheck.hpp"

#include <gtest/gtest.h>

#define EXPECT_GRADCHECK(f, ...)                                                          \
  do {                                                                                    \
    const ::axon::GradcheckResult gradcheck_result_ = ::axon::gradcheck((f), __VA_ARGS__); \
    EXPECT_TRUE(gradcheck_result_.ok) << gradcheck_result_.message;                       \
  } while (false)
