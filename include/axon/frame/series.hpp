// axon::frame::Series: one named, typed column with a validity mask for missing values (pandas).
#pragma once

#include "axon/core/tensor.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace axon::frame {

/// pandas dtypes: float64, int64, bool, string (pandas prints "object"), category.
enum class ColumnType { float64, int64, boolean, string, category };
/// "float64", "int64", "bool", "object", "category", as pandas prints dtypes.
std::string_view column_type_name(ColumnType t);
/// Parses "float64", "float", "int64", "int", "bool", "str", "string", "object", "category";
/// anything else is a ValueError listing the known names.
ColumnType parse_column_type(std::string_view name);

/// Codes into a shared list of category names (pandas Categorical); code -1 is missing.
struct Categorical {
  std::vector<std::int32_t> codes;
  std::shared_ptr<const std::vector<std::string>> categories;
};

/// A cell value for fillna, comparisons and building columns. monostate = missing.
using Scalar = std::variant<std::monostate, double, std::int64_t, bool, std::string>;

class Series {
 public:
  using Data = std::variant<std::vector<double>, std::vector<std::int64_t>, std::vector<std::uint8_t>,
                            std::vector<std::string>, Categorical>;

  Series() = default;
  /// `valid` empty means every value is present; otherwise one flag per value (1 = present).
  Series(std::string name, Data data, std::vector<std::uint8_t> valid = {});
  static Series from_doubles(std::string name, std::vector<double> values);   // NaN → missing
  static Series from_ints(std::string name, std::vector<std::int64_t> values);
  static Series from_bools(std::string name, std::vector<bool> values);
  static Series from_strings(std::string name, std::vector<std::string> values);
  /// Category codes by first appearance (or sorted categories when `sort`, as pandas does).
  static Series categorical(std::string name, const std::vector<std::string>& values, bool sort = true);

  const std::string& name() const { return name_; }
  Series& rename(std::string name) { name_ = std::move(name); return *this; }
  ColumnType dtype() const { return static_cast<ColumnType>(data_.index()); }
  std::int64_t size() const;
  bool empty() const { return size() == 0; }

  // Typed access; a ValueError names the column and both dtypes when the type is wrong.
  const std::vector<double>& doubles() const;
  const std::vector<std::int64_t>& ints() const;
  const std::vector<std::uint8_t>& bools() const;
  const std::vector<std::string>& strings() const;
  const Categorical& categories() const;
  const Data& data() const { return data_; }
  const std::vector<std::uint8_t>& validity() const { return valid_; }

  bool is_na(std::int64_t i) const { return !valid_.empty() && !valid_[static_cast<std::size_t>(i)]; }
  bool has_na() const;
  /// The value at row i (monostate when missing).
  Scalar at(std::int64_t i) const;
  /// Numeric value at row i as double (NaN when missing); ValueError for strings.
  double number_at(std::int64_t i) const;
  /// The cell as pandas prints it ("NaN" for missing numbers, "<NA>"/"NaN" for others).
  std::string format_at(std::int64_t i) const;

  // pandas operations (implemented in series.cpp).
  std::int64_t count() const;                    ///< non-missing values
  Series isna() const;
  Series notna() const;
  Series astype(ColumnType type) const;
  Series fillna(const Scalar& value) const;
  Series take(const std::vector<std::int64_t>& rows) const;  ///< rows by position
  Series filter(const Series& mask) const;       ///< rows where a bool Series is true
  Series head(std::int64_t n = 5) const;
  Series tail(std::int64_t n = 5) const;
  Series unique() const;                          ///< in order of first appearance
  /// Counts of each distinct value, most frequent first (ties: first appearance); the result's
  /// index holds the values, its name is "count".
  Series value_counts(bool dropna = true) const;
  Series apply(const std::function<double(double)>& f) const;  ///< numeric → float64
  double sum() const;
  double mean() const;
  double std(int ddof = 1) const;                ///< pandas default ddof = 1
  double min() const;
  double max() const;
  double quantile(double q) const;               ///< linear interpolation, as pandas
  // Comparisons with a scalar give bool masks for filtering: df[df["x"] > 3.0].
  Series operator>(double v) const;
  Series operator>=(double v) const;
  Series operator<(double v) const;
  Series operator<=(double v) const;
  Series operator==(const Scalar& v) const;
  Series operator!=(const Scalar& v) const;
  Series operator&(const Series& other) const;
  Series operator|(const Series& other) const;
  Series operator!() const;

  /// Row labels; empty means 0..n-1 (pandas RangeIndex).
  const std::vector<std::string>& index() const { return index_; }
  Series& set_index(std::vector<std::string> labels);

  /// Numbers as a 1-D tensor (float64 by default); missing values are an error naming the column.
  Tensor to_tensor(Dtype dtype = Dtype::float64) const;
  std::string to_string(std::int64_t max_rows = 60) const;

 private:
  std::string name_;
  Data data_ = std::vector<double>{};
  std::vector<std::uint8_t> valid_;
  std::vector<std::string> index_;
};

std::ostream& operator<<(std::ostream& os, const Series& s);

}  // namespace axon::frame
