#include "progress_bar.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <unistd.h>

namespace axon::nn::detail {

// A bar redrawn with \r only makes sense on a terminal; in a log file verbose 1 prints the final
// line of each epoch only, like verbose 2.
ProgressBar::ProgressBar(std::int64_t steps, int verbose)
    : steps_(steps), verbose_(verbose == 1 && !::isatty(::fileno(stdout)) ? 2 : verbose), start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

std::string ProgressBar::logs_text(const Logs& logs) const {
  std::string text;
  // Keras order: loss first, then the metrics, then val_ entries.
  auto add = [&](const std::string& k, double v) { text += fmt::format(" - {}: {:.4f}", k, v); };
  if (auto it = logs.find("loss"); it != logs.end()) add(it->first, it->second);
  for (const auto& [k, v] : logs)
    if (k != "loss" && k.rfind("val_", 0) != 0) add(k, v);
  if (auto it = logs.find("val_loss"); it != logs.end()) add(it->first, it->second);
  for (const auto& [k, v] : logs)
    if (k.rfind("val_", 0) == 0 && k != "val_loss") add(k, v);
  return text;
}

void ProgressBar::update(std::int64_t step, const Logs& logs) {
  if (verbose_ != 1) return;
  const auto now = std::chrono::steady_clock::now();
  // Redraw at most ten times a second (printing is slower than a small training step).
  if (step < steps_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const int width = 30;
  const auto done = static_cast<int>(width * step / std::max<std::int64_t>(steps_, 1));
  std::string bar(static_cast<std::size_t>(done), '=');
  if (done < width) bar += '>', bar += std::string(static_cast<std::size_t>(width - done - 1), '.');
  const double eta = elapsed / static_cast<double>(step) * static_cast<double>(steps_ - step);
  const int digits = static_cast<int>(std::to_string(steps_).size());
  fmt::print("\r{:>{}}/{} [{}] - ETA: {:.0f}s{}", step, digits, steps_, bar, eta, logs_text(logs));
  std::fflush(stdout);
}

void ProgressBar::finish(const Logs& logs) {
  if (verbose_ == 0) return;
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double per_step_ms = 1000.0 * elapsed / static_cast<double>(std::max<std::int64_t>(steps_, 1));
  if (verbose_ == 1)
    fmt::print("\r{}/{} [{}] - {:.0f}s {:.0f}ms/step{}\n", steps_, steps_, std::string(30, '='), elapsed, per_step_ms,
               logs_text(logs));
  else
    fmt::print("{}/{} - {:.0f}s - {:.0f}ms/step{}\n", steps_, steps_, elapsed, per_step_ms, logs_text(logs));
  std::fflush(stdout);
}

}  // namespace axon::nn::detail
