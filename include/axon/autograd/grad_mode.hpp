// Whether ops record the graph. Off inside NoGradGuard (inference, optimizer steps, backward).
#pragma once

namespace axon {

bool is_grad_enabled();
void set_grad_enabled(bool enabled);

/// Turns graph recording off for its scope (torch.no_grad()).
class NoGradGuard {
 public:
  NoGradGuard() : previous_(is_grad_enabled()) { set_grad_enabled(false); }
  ~NoGradGuard() { set_grad_enabled(previous_); }
  NoGradGuard(const NoGradGuard&) = delete;
  NoGradGuard& operator=(const NoGradGuard&) = delete;
 private:
  bool previous_;
};

}  // namespace axon
