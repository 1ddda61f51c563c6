// axon::frame::DataFrame: named, typed columns of equal length (pandas).
#pragma once

#include "axon/frame/series.hpp"

#include <initializer_list>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace axon::frame {

class GroupBy;

class DataFrame {
 public:
  DataFrame() = default;
  /// Columns must have equal sizes and distinct names (ValueError naming the offender).
  explicit DataFrame(std::vector<Series> columns);

  /// (rows, columns)
  std::pair<std::int64_t, std::int64_t> shape() const;
  std::int64_t rows() const;
  std::vector<std::string> columns() const;
  std::vector<ColumnType> dtypes() const;
  bool has_column(const std::string& name) const;

  /// A column by name; a missing name is a ValueError that lists the columns.
  const Series& operator[](const std::string& name) const;
  /// Several columns, in the order given: df[{"a", "b"}].
  DataFrame operator[](const std::vector<std::string>& names) const;
  DataFrame operator[](std::initializer_list<const char*> names) const;
  /// Rows where a bool mask is true: df[df["x"] > 3.0].
  DataFrame operator[](const Series& mask) const;
  const Series& column(std::int64_t i) const { return columns_.at(static_cast<std::size_t>(i)); }

  /// Rows [start, stop) by position (negative counts from the end, as Python slices).
  DataFrame iloc(std::int64_t start, std::int64_t stop) const;
  DataFrame head(std::int64_t n = 5) const;
  DataFrame tail(std::int64_t n = 5) const;
  DataFrame take(const std::vector<std::int64_t>& rows) const;

  /// pandas' info(): class, RangeIndex, per-column non-null count and dtype, dtype counts.
  std::string info() const;
  /// Summary statistics of the numeric columns: count, mean, std (ddof 1), min, 25%, 50%, 75%, max.
  DataFrame describe() const;

  DataFrame sort_values(const std::vector<std::string>& by, bool ascending = true) const;
  /// Drops rows with a missing value in any of `subset` (all columns when empty).
  DataFrame dropna(const std::vector<std::string>& subset = {}) const;
  DataFrame fillna(const Scalar& value) const;
  DataFrame fillna(const std::map<std::string, Scalar>& values) const;
  DataFrame astype(const std::map<std::string, ColumnType>& types) const;
  /// A copy with the column added or replaced (pandas assign).
  DataFrame assign(Series column) const;
  /// Adds or replaces a column in place (df["c"] = series).
  void set(Series column);
  DataFrame drop(const std::vector<std::string>& columns) const;
  DataFrame rename(const std::map<std::string, std::string>& names) const;

  /// Inner or left join on key columns ("inner", "left"); overlapping names get _x/_y suffixes.
  DataFrame merge(const DataFrame& right, const std::vector<std::string>& on, const std::string& how = "inner") const;
  GroupBy groupby(const std::vector<std::string>& keys) const;

  /// The numeric/bool columns (all when `columns` is empty) as one [rows, columns] tensor;
  /// strings, categories and missing values are ValueErrors naming the column.
  Tensor to_tensor(const std::vector<std::string>& columns = {}, Dtype dtype = Dtype::float64) const;
  /// A [rows, k] tensor as k float64 (or int64) columns with the given names (default "0".."k-1").
  static DataFrame from_tensor(const Tensor& t, std::vector<std::string> names = {});

  const std::vector<std::string>& index() const { return index_; }
  DataFrame& set_index(std::vector<std::string> labels);

  /// pandas-style text; more than max_rows rows are cut in the middle with "...".
  std::string to_string(std::int64_t max_rows = 60) const;

 private:
  std::vector<Series> columns_;
  std::vector<std::string> index_;
};

std::ostream& operator<<(std::ostream& os, const DataFrame& df);

/// Rows of several frames stacked (columns matched by name; missing ones filled with NA), or
/// columns side by side when axis = 1.
DataFrame concat(const std::vector<DataFrame>& frames, int axis = 0);

/// One-hot encodes `columns` (when empty: every string and category column, as pandas) into
/// columns named "<column>_<value>", of bool dtype as pandas ≥ 2; drop_first drops the first level.
DataFrame get_dummies(const DataFrame& df, const std::vector<std::string>& columns = {}, bool drop_first = false);

/// df.groupby(keys): .agg({{"mass", "mean"}, {"mass", "count"}}) with mean, sum, count, min, max,
/// std. Result columns: the keys (sorted, as pandas), then "<column>_<func>" for each aggregation.
class GroupBy {
 public:
  GroupBy(const DataFrame& frame, std::vector<std::string> keys);
  DataFrame agg(const std::vector<std::pair<std::string, std::string>>& column_funcs) const;
  DataFrame mean() const;   ///< every numeric non-key column, named as the column (as pandas)
  DataFrame sum() const;    ///< every numeric non-key column
  DataFrame count() const;  ///< every non-key column
 private:
  DataFrame frame_;  // a copy, so a GroupBy made from a temporary frame stays valid
  std::vector<std::string> keys_;
};

}  // namespace axon::frame
