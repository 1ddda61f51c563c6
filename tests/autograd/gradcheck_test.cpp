// gradcheck itself must catch a wrong gradient, not only pass right ones.
#include "axon/autograd.hpp"
#include "axon/core/creation.hpp"

#include <gtest/gtest.h>

namespace axon {
namespace {

// x² with a deliberately wrong backward (3x instead of 2x).
Tensor wrong_square(const Tensor& x) {
  Tensor y = x.detach() * x.detach();
  return autograd::record("wrong_square", y, {x}, [x = x.detach()](const Tensor& gy) {
    return autograd::Grads{gy * x * 3.0};
  });
}

TEST(Gradcheck, PassesCorrectAndCatchesWrongGradients) {
  const Tensor x = tensor({0.5, -1.0, 2.0}, {.dtype = float64});
  EXPECT_TRUE(gradcheck([](const std::vector<Tensor>& in) { return square(in[0]); }, {x}).ok);
  const GradcheckResult r = gradcheck([](const std::vector<Tensor>& in) { return wrong_square(in[0]); }, {x});
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.input, 0);
  EXPECT_NE(r.message.find("analytic"), std::string::npos);
}

TEST(Gradcheck, RequiresFloat64) {
  EXPECT_THROW(gradcheck([](const std::vector<Tensor>& in) { return in[0]; }, {ones({2})}), ValueError);
}

TEST(Gradcheck, PassesIntegerInputsThrough) {
  const Tensor idx = tensor({1, 0}, {.dtype = int64});
  const Tensor x = tensor({{1.0, 2.0}, {3.0, 4.0}}, {.dtype = float64});
  EXPECT_TRUE(gradcheck([](const std::vector<Tensor>& in) { return index_select(in[0], 0, in[1]) * 2.0; }, {x, idx}).ok);
}

}  // namespace
}  // namespace axon
