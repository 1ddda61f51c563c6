// `axon tour`: the course's ideas run on axon, one section per floor, printed as one report.
#pragma once

#include <fmt/format.h>

namespace axon::tour {

struct TourOptions {
  bool full = false;  ///< longer runs (more epochs, whole datasets)
  unsigned seed = 0;
};

/// Section 1: stochastic gradient descent on a line, and logistic regression's NLL by autograd.
void sgd_and_logistic(const TourOptions& options);

/// Prints a section heading.
inline void heading(int number, const char* title) { fmt::print("\n== {}. {} ==\n", number, title); }

}  // namespace axon::tour
