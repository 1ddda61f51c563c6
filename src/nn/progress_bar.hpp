// Keras's training progress line: "120/469 [=====>........] - ETA: 3s - loss: 0.5123 - accuracy: 0.82".
#pragma once

#include "axon/nn/callbacks.hpp"

#include <chrono>
#include <cstdint>

namespace axon::nn::detail {

class ProgressBar {
 public:
  /// verbose 1: a bar redrawn in place; 2: one line at the end; 0: nothing.
  ProgressBar(std::int64_t steps, int verbose);
  void update(std::int64_t step, const Logs& logs);  ///< step is 1-based
  void finish(const Logs& logs);

 private:
  std::string logs_text(const Logs& logs) const;
  std::int64_t steps_;
  int verbose_;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace axon::nn::detail
