#include "axon/ml/params.hpp"

#include "axon/core/error.hpp"

#include <fmt/format.h>

#include <cmath>

namespace axon::ml {

std::string to_string(const Param& p) {
  struct {
    std::string operator()(std::monostate) const { return "None"; }
    std::string operator()(bool b) const { return b ? "True" : "False"; }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(double d) const {
      std::string s = fmt::format("{}", d);
      if (std::isfinite(d) && s.find_first_of(".e") == std::string::npos) s += ".0";
      return s;
    }
    std::string operator()(const std::string& s) const { return "'" + s + "'"; }
    std::string operator()(const std::vector<double>& v) const {
      std::string s = "(";
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) s += ", ";
        s += v[i] == std::floor(v[i]) && std::abs(v[i]) < 1e15 ? fmt::format("{}", static_cast<std::int64_t>(v[i]))
                                                                : fmt::format("{}", v[i]);
      }
      return s + (v.size() == 1 ? ",)" : ")");
    }
  } visitor;
  return std::visit(visitor, p);
}

namespace detail {
namespace {

const char* kind_of(const Param& p) {
  static constexpr const char* names[] = {"None", "a bool", "an integer", "a number", "a string", "a list"};
  return names[p.index()];
}

[[noreturn]] void wrong(const Param& p, const std::string& name, const char* expected) {
  throw ValueError(fmt::format("set_params: '{}' expects {}, got {} ({})", name, expected, kind_of(p), to_string(p)));
}

}  // namespace

bool param_bool(const Param& p, const std::string& name) {
  if (const bool* b = std::get_if<bool>(&p)) return *b;
  if (const std::int64_t* i = std::get_if<std::int64_t>(&p); i && (*i == 0 || *i == 1)) return *i == 1;
  wrong(p, name, "a bool");
}

std::int64_t param_int(const Param& p, const std::string& name) {
  if (const std::int64_t* i = std::get_if<std::int64_t>(&p)) return *i;
  if (const double* d = std::get_if<double>(&p); d && std::floor(*d) == *d && std::abs(*d) < 9e15)
    return static_cast<std::int64_t>(*d);
  wrong(p, name, "an integer");
}

double param_double(const Param& p, const std::string& name) {
  if (const double* d = std::get_if<double>(&p)) return *d;
  if (const std::int64_t* i = std::get_if<std::int64_t>(&p)) return static_cast<double>(*i);
  wrong(p, name, "a number");
}

std::string param_string(const Param& p, const std::string& name) {
  if (const std::string* s = std::get_if<std::string>(&p)) return *s;
  wrong(p, name, "a string");
}

std::vector<double> param_list(const Param& p, const std::string& name, std::size_t size, bool integral) {
  const std::vector<double>* v = std::get_if<std::vector<double>>(&p);
  if (!v) wrong(p, name, size ? "a list of 2 numbers" : "a list of numbers");
  if (size && v->size() != size) wrong(p, name, "a list of 2 numbers");
  if (integral)
    for (double x : *v)
      if (std::floor(x) != x) wrong(p, name, "a list of integers");
  return *v;
}

}  // namespace detail
}  // namespace axon::ml
