// DataFrame.groupby (split, aggregate, combine) and DataFrame.merge (database-style joins), as pandas.
#include "axon/frame/dataframe.hpp"

#include "axon/core/error.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <map>

namespace axon::frame {

namespace detail {  // defined in series.cpp and dataframe.cpp
bool is_numeric(ColumnType t);
bool missing(const Series& s, std::int64_t i);
Scalar cell(const Series& s, std::int64_t i);
Series gather(const Series& s, const std::vector<std::int64_t>& rows);
std::vector<std::int64_t> sort_order(const DataFrame& df, const std::vector<std::string>& by, bool ascending);
}  // namespace detail

namespace {

constexpr std::array<std::string_view, 6> kAggregations = {"mean", "sum", "count", "min", "max", "std"};

void require_column(const DataFrame& df, const std::string& name, std::string_view op) {
  if (!df.has_column(name))
    throw ValueError(fmt::format("{}: no column '{}'. Columns: {}", op, name, fmt::join(df.columns(), ", ")));
}

// Rows of each group, groups in sorted key order (pandas sort=True); rows with a missing key belong to
// no group (dropna=True). Category keys give only the observed groups (pandas observed=True).
struct Groups {
  std::vector<std::int64_t> first;
  std::vector<std::vector<std::int64_t>> rows;
};

Groups find_groups(const DataFrame& df, const std::vector<std::string>& keys) {
  std::vector<const Series*> columns;
  for (const auto& k : keys) columns.push_back(&df[k]);
  const auto same_keys = [&](std::int64_t a, std::int64_t b) {
    return std::all_of(columns.begin(), columns.end(), [&](const Series* c) { return detail::cell(*c, a) == detail::cell(*c, b); });
  };
  Groups groups;
  for (const auto r : detail::sort_order(df, keys, true)) {
    if (std::any_of(columns.begin(), columns.end(), [&](const Series* c) { return detail::missing(*c, r); })) continue;
    if (groups.first.empty() || !same_keys(groups.first.back(), r)) {
      groups.first.push_back(r);
      groups.rows.emplace_back();
    }
    groups.rows.back().push_back(r);
  }
  return groups;
}

// The row holding each group's smallest (or largest) value, or -1 when the group has none; gathering
// these rows keeps the column's dtype.
std::vector<std::int64_t> extreme_rows(const Series& s, const Groups& groups, bool largest) {
  std::vector<std::int64_t> out;
  for (const auto& rows : groups.rows) {
    std::int64_t best = -1;
    for (const auto r : rows) {
      if (detail::missing(s, r)) continue;
      if (best < 0) {
        best = r;
        continue;
      }
      const bool less = s.dtype() == ColumnType::string
                            ? s.strings()[static_cast<std::size_t>(r)] < s.strings()[static_cast<std::size_t>(best)]
                            : s.number_at(r) < s.number_at(best);
      const bool greater = s.dtype() == ColumnType::string
                               ? s.strings()[static_cast<std::size_t>(best)] < s.strings()[static_cast<std::size_t>(r)]
                               : s.number_at(best) < s.number_at(r);
      if (largest ? greater : less) best = r;
    }
    out.push_back(best);
  }
  return out;
}

// Sums of an int64 or bool column stay int64 (exact), as pandas'.
Series sum_column(const Series& s, const Groups& groups) {
  if (s.dtype() == ColumnType::float64) {
    std::vector<double> out;
    for (const auto& rows : groups.rows) out.push_back(detail::gather(s, rows).sum());
    return Series::from_doubles(s.name(), std::move(out));
  }
  std::vector<std::int64_t> out;
  for (const auto& rows : groups.rows) {
    std::int64_t total = 0;
    for (const auto r : rows)
      if (!detail::missing(s, r)) total += static_cast<std::int64_t>(s.number_at(r));
    out.push_back(total);
  }
  return Series::from_ints(s.name(), std::move(out));
}

Series aggregate_column(const Series& s, const Groups& groups, std::string_view func) {
  if (func == "count") {
    std::vector<std::int64_t> out;
    for (const auto& rows : groups.rows) out.push_back(detail::gather(s, rows).count());
    return Series::from_ints(s.name(), std::move(out));
  }
  const bool orderable = detail::is_numeric(s.dtype()) || ((func == "min" || func == "max") && s.dtype() == ColumnType::string);
  check(orderable, "GroupBy: {} needs a numeric column{}; '{}' is {}", func,
        func == "min" || func == "max" ? " or a string one" : "", s.name(), column_type_name(s.dtype()));
  if (func == "min" || func == "max") return detail::gather(s, extreme_rows(s, groups, func == "max"));
  if (func == "sum") return sum_column(s, groups);
  std::vector<double> out;
  for (const auto& rows : groups.rows) {
    const Series part = detail::gather(s, rows);
    out.push_back(func == "mean" ? part.mean() : part.std(1));
  }
  return Series::from_doubles(s.name(), std::move(out));
}

DataFrame aggregate(const DataFrame& df, const std::vector<std::string>& keys,
                    const std::vector<std::pair<std::string, std::string>>& column_funcs, bool suffix) {
  for (const auto& [column, func] : column_funcs) {
    require_column(df, column, "GroupBy.agg");
    check(std::find(kAggregations.begin(), kAggregations.end(), func) != kAggregations.end(),
          "GroupBy.agg: unknown function '{}' for column '{}'. Known: {}", func, column, fmt::join(kAggregations, ", "));
  }
  const Groups groups = find_groups(df, keys);
  std::vector<Series> out;
  for (const auto& key : keys) out.push_back(detail::gather(df[key], groups.first));
  for (const auto& [column, func] : column_funcs)
    out.push_back(aggregate_column(df[column], groups, func).rename(suffix ? column + "_" + func : column));
  return DataFrame(std::move(out));
}

}  // namespace

GroupBy::GroupBy(const DataFrame& frame, std::vector<std::string> keys) : frame_(frame), keys_(std::move(keys)) {
  check(!keys_.empty(), "groupby: name at least one key column. Columns: {}", fmt::join(frame_.columns(), ", "));
  for (const auto& key : keys_) require_column(frame_, key, "groupby");
}

GroupBy DataFrame::groupby(const std::vector<std::string>& keys) const { return GroupBy(*this, keys); }

DataFrame GroupBy::agg(const std::vector<std::pair<std::string, std::string>>& column_funcs) const {
  check(!column_funcs.empty(), "GroupBy.agg: name at least one (column, function) pair, e.g. {{\"mass\", \"mean\"}}");
  return aggregate(frame_, keys_, column_funcs, true);
}

namespace {

// (column, func) for every non-key column (numeric ones only unless `any_type`), named as the column.
std::vector<std::pair<std::string, std::string>> every_column(const DataFrame& df, const std::vector<std::string>& keys,
                                                              const std::string& func, bool any_type) {
  std::vector<std::pair<std::string, std::string>> out;
  for (std::int64_t j = 0; j < df.shape().second; ++j) {
    const Series& c = df.column(j);
    if (std::find(keys.begin(), keys.end(), c.name()) != keys.end()) continue;
    if (any_type || detail::is_numeric(c.dtype())) out.emplace_back(c.name(), func);
  }
  return out;
}

}  // namespace

DataFrame GroupBy::mean() const { return aggregate(frame_, keys_, every_column(frame_, keys_, "mean", false), false); }
DataFrame GroupBy::sum() const { return aggregate(frame_, keys_, every_column(frame_, keys_, "sum", false), false); }
DataFrame GroupBy::count() const { return aggregate(frame_, keys_, every_column(frame_, keys_, "count", true), false); }

namespace {

// The join key of one row: numbers compare as doubles (1 matches 1.0), categories by name, and a missing
// key matches a missing key, as in pandas.
std::vector<Scalar> key_of(const std::vector<const Series*>& keys, std::int64_t row) {
  std::vector<Scalar> key;
  for (const Series* s : keys) {
    if (detail::missing(*s, row)) key.emplace_back();
    else if (detail::is_numeric(s->dtype())) key.emplace_back(s->number_at(row));
    else key.push_back(s->at(row));
  }
  return key;
}

std::vector<const Series*> key_columns(const DataFrame& df, const std::vector<std::string>& on, std::string_view side) {
  std::vector<const Series*> out;
  for (const auto& name : on) {
    require_column(df, name, fmt::format("merge ({} frame)", side));
    out.push_back(&df[name]);
  }
  return out;
}

}  // namespace

// Rows come in left-row order, each with its matches in right-row order (pandas >= 2.2; pandas 1.5
// groups an inner join's rows by key instead). Right int64 columns with unmatched rows become float64.
DataFrame DataFrame::merge(const DataFrame& right, const std::vector<std::string>& on, const std::string& how) const {
  check(how == "inner" || how == "left", "merge: how must be \"inner\" or \"left\", got \"{}\"", how);
  check(!on.empty(), "merge: name at least one key column in `on`");
  const auto left_keys = key_columns(*this, on, "left"), right_keys = key_columns(right, on, "right");
  for (std::size_t k = 0; k < on.size(); ++k) {
    const bool numeric = detail::is_numeric(left_keys[k]->dtype());
    check(numeric == detail::is_numeric(right_keys[k]->dtype()), "merge: key '{}' is {} on the left and {} on the right; "
          "convert one with astype()", on[k], column_type_name(left_keys[k]->dtype()), column_type_name(right_keys[k]->dtype()));
  }
  std::map<std::vector<Scalar>, std::vector<std::int64_t>> right_rows_of;
  for (std::int64_t r = 0; r < right.rows(); ++r) right_rows_of[key_of(right_keys, r)].push_back(r);
  std::vector<std::int64_t> left_rows, right_rows;
  for (std::int64_t l = 0; l < rows(); ++l) {
    const auto it = right_rows_of.find(key_of(left_keys, l));
    if (it == right_rows_of.end()) {
      if (how == "left") left_rows.push_back(l), right_rows.push_back(-1);
      continue;
    }
    for (const auto r : it->second) left_rows.push_back(l), right_rows.push_back(r);
  }
  const auto is_key = [&](const std::string& name) { return std::find(on.begin(), on.end(), name) != on.end(); };
  std::vector<Series> out;
  for (const auto& c : columns_) {
    Series s = detail::gather(c, left_rows);
    if (!is_key(c.name()) && right.has_column(c.name())) s.rename(c.name() + "_x");
    out.push_back(std::move(s));
  }
  for (std::int64_t j = 0; j < right.shape().second; ++j) {
    const Series& c = right.column(j);
    if (is_key(c.name())) continue;
    Series s = detail::gather(c, right_rows);
    if (s.dtype() == ColumnType::int64 && s.has_na()) s = s.astype(ColumnType::float64);  // NaN makes it float, as pandas
    if (has_column(c.name())) s.rename(c.name() + "_y");
    out.push_back(std::move(s));
  }
  return DataFrame(std::move(out));
}

}  // namespace axon::frame
