// Hyperparameters by name: the value type, and the binding of a name to an options field that
// get_params/set_params, clone and GridSearchCV go through.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace axon::ml {

/// One hyperparameter value: None, a bool, an integer, a number, a string, or a list of numbers
/// (ngram_range, hidden sizes). `{0.1, 1, 10}` in a grid gives double, int64, int64: an integer is
/// accepted where a number is expected, and a whole double where an integer is.
using Param = std::variant<std::monostate, bool, std::int64_t, double, std::string, std::vector<double>>;
/// Name → value, sorted by name (as scikit-learn's get_params()).
using Params = std::map<std::string, Param>;

/// Python's repr of the value: None, True, 3, 0.1, 'l2', (1, 2).
std::string to_string(const Param& p);

/// A name bound to getter and setter of one options field.
struct ParamBinding {
  std::string name;
  std::function<Param()> get;
  std::function<void(const Param&)> set;  ///< throws ValueError on a value of the wrong type
};

namespace detail {
bool param_bool(const Param& p, const std::string& name);
std::int64_t param_int(const Param& p, const std::string& name);
double param_double(const Param& p, const std::string& name);
std::string param_string(const Param& p, const std::string& name);
std::vector<double> param_list(const Param& p, const std::string& name, std::size_t size = 0, bool integral = false);

template <class T> struct is_optional : std::false_type {};
template <class T> struct is_optional<std::optional<T>> : std::true_type {};
template <class T> struct is_pair : std::false_type {};
template <class A, class B> struct is_pair<std::pair<A, B>> : std::true_type {};
template <class> inline constexpr bool unsupported = false;

template <class T>
Param to_param(const T& v) {
  if constexpr (is_optional<T>::value) return v ? to_param(*v) : Param{};
  else if constexpr (std::is_same_v<T, bool>) return v;
  else if constexpr (std::is_integral_v<T>) return static_cast<std::int64_t>(v);
  else if constexpr (std::is_floating_point_v<T>) return static_cast<double>(v);
  else if constexpr (std::is_same_v<T, std::string>) return v;
  else if constexpr (std::is_same_v<T, std::vector<double>>) return v;
  else if constexpr (is_pair<T>::value) return std::vector<double>{double(v.first), double(v.second)};
  else static_assert(unsupported<T>, "param(): unsupported field type");
}

template <class T>
T from_param(const Param& p, const std::string& name) {
  if constexpr (is_optional<T>::value) {
    if (std::holds_alternative<std::monostate>(p)) return std::nullopt;
    return from_param<typename T::value_type>(p, name);
  } else if constexpr (std::is_same_v<T, bool>) {
    return param_bool(p, name);
  } else if constexpr (std::is_integral_v<T>) {
    return static_cast<T>(param_int(p, name));
  } else if constexpr (std::is_floating_point_v<T>) {
    return static_cast<T>(param_double(p, name));
  } else if constexpr (std::is_same_v<T, std::string>) {
    return param_string(p, name);
  } else if constexpr (std::is_same_v<T, std::vector<double>>) {
    return param_list(p, name);
  } else if constexpr (is_pair<T>::value) {
    const std::vector<double> v = param_list(p, name, 2, std::is_integral_v<typename T::first_type>);
    return {static_cast<typename T::first_type>(v[0]), static_cast<typename T::second_type>(v[1])};
  } else {
    static_assert(unsupported<T>, "param(): unsupported field type");
  }
}
}  // namespace detail

/// Binds `name` to a field of type bool, int, std::int64_t, double, std::string,
/// std::vector<double>, std::pair<int, int> or std::optional of one of them (None ↔ nullopt).
template <class T>
ParamBinding param(std::string name, T& field) {
  return {name, [&field] { return detail::to_param(field); },
          [&field, name](const Param& p) { field = detail::from_param<T>(p, name); }};
}

}  // namespace axon::ml
