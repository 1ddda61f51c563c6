#pragma once

namespace axon {
inline constexpr const char* kVersion = "0.1.0";
}  // namespace axon
