#include "axon/core/dtype.hpp"

namespace axon {

std::string_view dtype_name(Dtype d) {
  switch (d) {
    case Dtype::float32: return "float32";
    case Dtype::float64: return "float64";
    case Dtype::int64: return "int64";
    case Dtype::uint8: return "uint8";
  }
  return "?";
}

std::size_t itemsize(Dtype d) {
  switch (d) {
    case Dtype::float32: return 4;
    case Dtype::float64: return 8;
    case Dtype::int64: return 8;
    case Dtype::uint8: return 1;
  }
  return 0;
}

Dtype promote_types(Dtype a, Dtype b) {
  auto rank = [](Dtype d) {
    switch (d) {
      case Dtype::uint8: return 0;
      case Dtype::int64: return 1;
      case Dtype::float32: return 2;
      case Dtype::float64: return 3;
    }
    return 0;
  };
  return rank(a) >= rank(b) ? a : b;
}

}  // namespace axon
