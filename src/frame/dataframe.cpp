#include "axon/frame/dataframe.hpp"

#include "axon/core/error.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <set>

namespace axon::frame {

DataFrame::DataFrame(std::vector<Series> columns) : columns_(std::move(columns)) {
  std::set<std::string> seen;
  for (const auto& c : columns_) {
    check(seen.insert(c.name()).second, "DataFrame: duplicate column name '{}'", c.name());
    check(c.size() == columns_.front().size(), "DataFrame: column '{}' has {} rows, column '{}' has {}", c.name(),
          c.size(), columns_.front().name(), columns_.front().size());
  }
}

std::pair<std::int64_t, std::int64_t> DataFrame::shape() const {
  return {rows(), static_cast<std::int64_t>(columns_.size())};
}
std::int64_t DataFrame::rows() const { return columns_.empty() ? 0 : columns_.front().size(); }

std::vector<std::string> DataFrame::columns() const {
  std::vector<std::string> names;
  for (const auto& c : columns_) names.push_back(c.name());
  return names;
}

std::vector<ColumnType> DataFrame::dtypes() const {
  std::vector<ColumnType> types;
  for (const auto& c : columns_) types.push_back(c.dtype());
  return types;
}

bool DataFrame::has_column(const std::string& name) const {
  for (const auto& c : columns_)
    if (c.name() == name) return true;
  return false;
}

const Series& DataFrame::operator[](const std::string& name) const {
  for (const auto& c : columns_)
    if (c.name() == name) return c;
  throw ValueError(fmt::format("DataFrame: no column '{}'. Columns: {}", name, fmt::join(columns(), ", ")));
}

}  // namespace axon::frame
