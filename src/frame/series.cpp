#include "axon/frame/series.hpp"

#include "axon/core/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace axon::frame {

std::string_view column_type_name(ColumnType t) {
  switch (t) {
    case ColumnType::float64: return "float64";
    case ColumnType::int64: return "int64";
    case ColumnType::boolean: return "bool";
    case ColumnType::string: return "object";
    case ColumnType::category: return "category";
  }
  return "?";
}

ColumnType parse_column_type(std::string_view name) {
  static const std::map<std::string_view, ColumnType> known = {
      {"float64", ColumnType::float64}, {"float", ColumnType::float64}, {"int64", ColumnType::int64},
      {"int", ColumnType::int64},       {"bool", ColumnType::boolean},  {"str", ColumnType::string},
      {"string", ColumnType::string},   {"object", ColumnType::string}, {"category", ColumnType::category}};
  const auto it = known.find(name);
  check(it != known.end(), "dtype: unknown column type '{}'. Known: float64, float, int64, int, bool, str, string, "
        "object, category.", name);
  return it->second;
}

Series::Series(std::string name, Data data, std::vector<std::uint8_t> valid)
    : name_(std::move(name)), data_(std::move(data)), valid_(std::move(valid)) {
  check(valid_.empty() || static_cast<std::int64_t>(valid_.size()) == size(),
        "Series '{}': {} validity flags for {} values", name_, valid_.size(), size());
  if (!valid_.empty() && std::all_of(valid_.begin(), valid_.end(), [](std::uint8_t v) { return v != 0; })) valid_.clear();
}

Series Series::from_doubles(std::string name, std::vector<double> values) {
  std::vector<std::uint8_t> valid;
  if (std::any_of(values.begin(), values.end(), [](double v) { return std::isnan(v); })) {
    valid.resize(values.size());
    std::transform(values.begin(), values.end(), valid.begin(), [](double v) { return !std::isnan(v); });
  }
  return Series(std::move(name), std::move(values), std::move(valid));
}
Series Series::from_ints(std::string name, std::vector<std::int64_t> values) { return Series(std::move(name), std::move(values)); }
Series Series::from_bools(std::string name, std::vector<bool> values) {
  return Series(std::move(name), std::vector<std::uint8_t>(values.begin(), values.end()));
}
Series Series::from_strings(std::string name, std::vector<std::string> values) { return Series(std::move(name), std::move(values)); }

Series Series::categorical(std::string name, const std::vector<std::string>& values, bool sort) {
  std::vector<std::string> cats;
  std::map<std::string, std::int32_t> code_of;
  for (const auto& v : values)
    if (code_of.emplace(v, 0).second) cats.push_back(v);
  if (sort) std::sort(cats.begin(), cats.end());
  for (std::size_t i = 0; i < cats.size(); ++i) code_of[cats[i]] = static_cast<std::int32_t>(i);
  Categorical c;
  c.codes.reserve(values.size());
  for (const auto& v : values) c.codes.push_back(code_of[v]);
  c.categories = std::make_shared<const std::vector<std::string>>(std::move(cats));
  return Series(std::move(name), std::move(c));
}

std::int64_t Series::size() const {
  return std::visit(
      [](const auto& d) -> std::int64_t {
        if constexpr (std::is_same_v<std::decay_t<decltype(d)>, Categorical>) return static_cast<std::int64_t>(d.codes.size());
        else return static_cast<std::int64_t>(d.size());
      },
      data_);
}

namespace {
template <typename T>
const T& typed(const Series::Data& data, const std::string& name, ColumnType want, ColumnType have) {
  check(std::holds_alternative<T>(data), "Series '{}': column is {}, asked for {}", name, column_type_name(have),
        column_type_name(want));
  return std::get<T>(data);
}
}  // namespace

const std::vector<double>& Series::doubles() const { return typed<std::vector<double>>(data_, name_, ColumnType::float64, dtype()); }
const std::vector<std::int64_t>& Series::ints() const { return typed<std::vector<std::int64_t>>(data_, name_, ColumnType::int64, dtype()); }
const std::vector<std::uint8_t>& Series::bools() const { return typed<std::vector<std::uint8_t>>(data_, name_, ColumnType::boolean, dtype()); }
const std::vector<std::string>& Series::strings() const { return typed<std::vector<std::string>>(data_, name_, ColumnType::string, dtype()); }
const Categorical& Series::categories() const { return typed<Categorical>(data_, name_, ColumnType::category, dtype()); }

bool Series::has_na() const {
  return std::any_of(valid_.begin(), valid_.end(), [](std::uint8_t v) { return v == 0; });
}

Scalar Series::at(std::int64_t i) const {
  check<IndexError>(i >= 0 && i < size(), "Series '{}': row {} is outside [0, {})", name_, i, size());
  if (is_na(i)) return std::monostate{};
  const auto k = static_cast<std::size_t>(i);
  switch (dtype()) {
    case ColumnType::float64: return doubles()[k];
    case ColumnType::int64: return ints()[k];
    case ColumnType::boolean: return bools()[k] != 0;
    case ColumnType::string: return strings()[k];
    case ColumnType::category: {
      const auto& c = categories();
      if (c.codes[k] < 0) return std::monostate{};
      return (*c.categories)[static_cast<std::size_t>(c.codes[k])];
    }
  }
  return std::monostate{};
}

double Series::number_at(std::int64_t i) const {
  if (is_na(i)) return NAN;
  const auto k = static_cast<std::size_t>(i);
  switch (dtype()) {
    case ColumnType::float64: return doubles()[k];
    case ColumnType::int64: return static_cast<double>(ints()[k]);
    case ColumnType::boolean: return bools()[k];
    default: break;
  }
  throw ValueError(fmt::format("Series '{}': column is {}, not numeric", name_, column_type_name(dtype())));
}

std::string Series::format_at(std::int64_t i) const {
  const Scalar v = at(i);
  if (std::holds_alternative<std::monostate>(v))
    return dtype() == ColumnType::float64 || dtype() == ColumnType::int64 ? "NaN" : (dtype() == ColumnType::category ? "NaN" : "None");
  if (const double* d = std::get_if<double>(&v)) {
    if (std::isinf(*d)) return *d > 0 ? "inf" : "-inf";
    return fmt::format("{}", *d);
  }
  if (const auto* n = std::get_if<std::int64_t>(&v)) return fmt::format("{}", *n);
  if (const bool* b = std::get_if<bool>(&v)) return *b ? "True" : "False";
  return std::get<std::string>(v);
}

}  // namespace axon::frame
