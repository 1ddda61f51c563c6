// Where a tensor's storage lives. Only cpu exists today; cuda is the seam for a later backend.
#pragma once

#include <string_view>

namespace axon {

enum class Device { cpu, cuda };
inline std::string_view device_name(Device d) { return d == Device::cpu ? "cpu" : "cuda"; }

}  // namespace axon
