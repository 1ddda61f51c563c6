// axon's one exception family, and the checker that builds its messages.
#pragma once

#include <fmt/format.h>

#include <stdexcept>
#include <string>

namespace axon {

/// Base of every error axon throws on bad input. Messages start with the operation and say what
/// was expected and what came.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};
class ShapeError : public Error { public: using Error::Error; };
class ValueError : public Error { public: using Error::Error; };
class IndexError : public ValueError { public: using ValueError::ValueError; };
class IoError : public Error { public: using Error::Error; };
class NotFittedError : public Error { public: using Error::Error; };

/// Throws E with a formatted message when `ok` is false. Formatting happens only on failure.
template <typename E = ValueError, typename... Args>
inline void check(bool ok, fmt::format_string<Args...> message, Args&&... args) {
  if (!ok) [[unlikely]] throw E(fmt::format(message, std::forward<Args>(args)...));
}

}  // namespace axon

