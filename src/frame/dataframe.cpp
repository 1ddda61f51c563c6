// DataFrame: selection, cleaning, reshaping and conversion of named columns (pandas). Printing lives in
// format.cpp, groupby and merge in groupby.cpp.
#include "axon/frame/dataframe.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <exception>
#include <functional>
#include <numeric>
#include <optional>
#include <set>

namespace axon::frame {

namespace detail {

bool is_numeric(ColumnType t);  // series.cpp
bool missing(const Series& s, std::int64_t i);
Scalar cell(const Series& s, std::int64_t i);
Series gather(const Series& s, const std::vector<std::int64_t>& rows);
std::string label_of(const Scalar& v);  // format.cpp
std::array<double, 8> describe_numbers(const Series& s);  // series.cpp

// Index labels of the taken rows; an empty list is pandas' RangeIndex, whose rows keep their numbers as
// labels (df.sort_values() prints the old positions) unless the rows are 0..k-1 again.
std::vector<std::string> take_labels(const std::vector<std::string>& labels, const std::vector<std::int64_t>& rows) {
  std::vector<std::string> out;
  if (labels.empty()) {
    bool identity = true;
    for (std::size_t k = 0; k < rows.size(); ++k) identity = identity && rows[k] == static_cast<std::int64_t>(k);
    if (identity) return out;
  }
  out.reserve(rows.size());
  for (const auto r : rows) out.push_back(labels.empty() ? std::to_string(r) : labels[static_cast<std::size_t>(r)]);
  return out;
}

// Positions where a bool mask of n rows is true (df[mask], s.filter(mask)).
std::vector<std::int64_t> mask_rows(const Series& mask, std::int64_t n, std::string_view op) {
  check(mask.dtype() == ColumnType::boolean, "{}: the mask must be a bool Series, got '{}' of dtype {}", op, mask.name(),
        column_type_name(mask.dtype()));
  check<ShapeError>(mask.size() == n, "{}: the mask '{}' has {} rows, expected {}", op, mask.name(), mask.size(), n);
  check(!mask.has_na(), "{}: the mask '{}' has missing values; fill them first (mask.fillna(false))", op, mask.name());
  std::vector<std::int64_t> rows;
  for (std::int64_t i = 0; i < n; ++i)
    if (mask.bools()[static_cast<std::size_t>(i)]) rows.push_back(i);
  return rows;
}

std::vector<std::int64_t> row_range(std::int64_t start, std::int64_t stop) {
  std::vector<std::int64_t> rows(static_cast<std::size_t>(std::max<std::int64_t>(stop - start, 0)));
  std::iota(rows.begin(), rows.end(), start);
  return rows;
}

}  // namespace detail

namespace {

void require_columns(const DataFrame& df, const std::vector<std::string>& names, std::string_view op) {
  for (const auto& name : names)
    if (!df.has_column(name))
      throw ValueError(fmt::format("{}: no column '{}'. Columns: {}", op, name, fmt::join(df.columns(), ", ")));
}

DataFrame with_index(std::vector<Series> columns, std::vector<std::string> labels) {
  DataFrame out(std::move(columns));
  if (out.shape().second > 0) out.set_index(std::move(labels));
  return out;
}

}  // namespace

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

DataFrame DataFrame::operator[](const std::vector<std::string>& names) const {
  require_columns(*this, names, "DataFrame[{...}]");
  std::vector<Series> out;
  for (const auto& name : names) out.push_back((*this)[name]);
  return with_index(std::move(out), index_);
}

DataFrame DataFrame::operator[](std::initializer_list<const char*> names) const {
  return (*this)[std::vector<std::string>(names.begin(), names.end())];
}

DataFrame DataFrame::operator[](const Series& mask) const { return take(detail::mask_rows(mask, rows(), "DataFrame[mask]")); }

// Python slice rules: negative positions count from the end, and both ends are clipped to [0, rows].
DataFrame DataFrame::iloc(std::int64_t start, std::int64_t stop) const {
  const std::int64_t n = rows();
  const auto clip = [n](std::int64_t i) { return std::clamp(i < 0 ? i + n : i, std::int64_t{0}, n); };
  return take(detail::row_range(clip(start), clip(stop)));
}

DataFrame DataFrame::head(std::int64_t n) const { return iloc(0, n >= 0 ? n : std::max<std::int64_t>(rows() + n, 0)); }
DataFrame DataFrame::tail(std::int64_t n) const {
  return iloc(n >= 0 ? std::max<std::int64_t>(rows() - n, 0) : std::min(-n, rows()), rows());
}

DataFrame DataFrame::take(const std::vector<std::int64_t>& rows) const {
  const std::int64_t n = this->rows();
  std::vector<std::int64_t> positions(rows);
  for (auto& r : positions) {
    check<IndexError>(r >= -n && r < n, "DataFrame.take: row {} is outside [-{}, {})", r, n, n);
    if (r < 0) r += n;
  }
  std::vector<Series> out;
  for (const auto& c : columns_) out.push_back(detail::gather(c, positions));
  return with_index(std::move(out), detail::take_labels(index_, positions));
}

namespace {

// describe() of a frame without numeric columns: pandas' count, unique, top, freq of the other columns.
DataFrame describe_objects(const std::vector<Series>& columns) {
  std::vector<Series> out;
  for (const auto& c : columns) {
    const Series counts = c.value_counts();
    std::int64_t unique = 0;
    for (const auto n : counts.ints()) unique += n > 0;
    const bool any = c.count() > 0;
    out.emplace_back(c.name(), std::vector<std::string>{std::to_string(c.count()), std::to_string(unique),
                                                        any ? counts.index()[0] : "", any ? std::to_string(counts.ints()[0]) : ""},
                     std::vector<std::uint8_t>{1, 1, any, any});
  }
  return with_index(std::move(out), {"count", "unique", "top", "freq"});
}

}  // namespace

// Numeric means float64 and int64, as pandas' np.number: bool columns are left out. Each column is one
// copy of its present values (detail::describe_numbers: sums in row order, one selection for the
// three quartiles); the columns are shared among get_num_threads() threads when the frame is large.
DataFrame DataFrame::describe() const {
  check(!columns_.empty(), "DataFrame.describe: the frame has no columns");
  std::vector<const Series*> numeric;
  for (const auto& c : columns_)
    if (c.dtype() == ColumnType::float64 || c.dtype() == ColumnType::int64) numeric.push_back(&c);
  if (numeric.empty()) return describe_objects(columns_);
  const auto n = static_cast<std::int64_t>(numeric.size());
  std::vector<std::array<double, 8>> stats(numeric.size());
  std::exception_ptr error;
#pragma omp parallel for schedule(dynamic, 1) if (n > 1 && rows() * n >= 100'000)
  for (std::int64_t k = 0; k < n; ++k) {
    try {
      stats[static_cast<std::size_t>(k)] = detail::describe_numbers(*numeric[static_cast<std::size_t>(k)]);
    } catch (...) {
#pragma omp critical(axon_describe_error)
      error = std::current_exception();
    }
  }
  if (error) std::rethrow_exception(error);
  std::vector<Series> out;
  for (std::size_t k = 0; k < numeric.size(); ++k)
    out.push_back(Series::from_doubles(numeric[k]->name(), std::vector<double>(stats[k].begin(), stats[k].end())));
  return with_index(std::move(out), {"count", "mean", "std", "min", "25%", "50%", "75%", "max"});
}

namespace detail {

// Row order for sort_values and groupby: stable, and missing values last in either direction
// (pandas' na_position="last"). Categories sort by their category order, strings by bytes.
std::vector<std::int64_t> sort_order(const DataFrame& df, const std::vector<std::string>& by, bool ascending) {
  using Compare = std::function<int(std::size_t, std::size_t)>;
  const auto by_value = [](const auto& values) -> Compare {
    return [p = &values](std::size_t a, std::size_t b) { return ((*p)[b] < (*p)[a]) - ((*p)[a] < (*p)[b]); };
  };
  struct Key {
    std::vector<std::uint8_t> missing;
    Compare compare;
  };
  std::vector<Key> keys;
  for (const auto& name : by) {
    const Series& s = df[name];
    Compare compare;
    switch (s.dtype()) {
      case ColumnType::float64: compare = by_value(s.doubles()); break;
      case ColumnType::int64: compare = by_value(s.ints()); break;
      case ColumnType::boolean: compare = by_value(s.bools()); break;
      case ColumnType::string: compare = by_value(s.strings()); break;
      case ColumnType::category: compare = by_value(s.categories().codes); break;
    }
    keys.push_back({s.isna().bools(), std::move(compare)});
  }
  std::vector<std::int64_t> order = row_range(0, df.rows());
  std::stable_sort(order.begin(), order.end(), [&](std::int64_t i, std::int64_t j) {
    const auto a = static_cast<std::size_t>(i), b = static_cast<std::size_t>(j);
    for (const auto& key : keys) {
      if (key.missing[a] || key.missing[b]) {
        if (key.missing[a] != key.missing[b]) return key.missing[b] != 0;
        continue;
      }
      const int c = key.compare(a, b);
      if (c != 0) return ascending ? c < 0 : c > 0;
    }
    return false;
  });
  return order;
}

}  // namespace detail

DataFrame DataFrame::sort_values(const std::vector<std::string>& by, bool ascending) const {
  check(!by.empty(), "DataFrame.sort_values: name at least one column in `by`. Columns: {}", fmt::join(columns(), ", "));
  require_columns(*this, by, "DataFrame.sort_values");
  return take(detail::sort_order(*this, by, ascending));
}

DataFrame DataFrame::dropna(const std::vector<std::string>& subset) const {
  require_columns(*this, subset, "DataFrame.dropna");
  const std::vector<std::string> names = subset.empty() ? columns() : subset;
  std::vector<std::uint8_t> keep(static_cast<std::size_t>(rows()), 1);
  for (const auto& name : names) {
    const Series& c = (*this)[name];
    for (std::int64_t i = 0; i < rows(); ++i)
      if (detail::missing(c, i)) keep[static_cast<std::size_t>(i)] = 0;
  }
  std::vector<std::int64_t> positions;
  for (std::int64_t i = 0; i < rows(); ++i)
    if (keep[static_cast<std::size_t>(i)]) positions.push_back(i);
  return take(positions);
}

// A column without missing values is left as it is, so one value can fill a frame of mixed types.
DataFrame DataFrame::fillna(const Scalar& value) const {
  std::vector<Series> out;
  for (const auto& c : columns_) out.push_back(c.fillna(value));
  return with_index(std::move(out), index_);
}

DataFrame DataFrame::fillna(const std::map<std::string, Scalar>& values) const {
  std::vector<std::string> names;
  for (const auto& [name, value] : values) names.push_back(name);
  require_columns(*this, names, "DataFrame.fillna");
  std::vector<Series> out;
  for (const auto& c : columns_) {
    const auto it = values.find(c.name());
    out.push_back(it == values.end() ? c : c.fillna(it->second));
  }
  return with_index(std::move(out), index_);
}

DataFrame DataFrame::astype(const std::map<std::string, ColumnType>& types) const {
  std::vector<std::string> names;
  for (const auto& [name, type] : types) names.push_back(name);
  require_columns(*this, names, "DataFrame.astype");
  std::vector<Series> out;
  for (const auto& c : columns_) {
    const auto it = types.find(c.name());
    out.push_back(it == types.end() ? c : c.astype(it->second));
  }
  return with_index(std::move(out), index_);
}

DataFrame DataFrame::assign(Series column) const {
  DataFrame out = *this;
  out.set(std::move(column));
  return out;
}

// Columns are placed by position, not aligned on index labels as pandas would.
void DataFrame::set(Series column) {
  check<ShapeError>(columns_.empty() || column.size() == rows(), "DataFrame.set: column '{}' has {} rows, the frame has {}",
                    column.name(), column.size(), rows());
  column.set_index(index_);
  for (auto& c : columns_)
    if (c.name() == column.name()) {
      c = std::move(column);
      return;
    }
  columns_.push_back(std::move(column));
}

DataFrame DataFrame::drop(const std::vector<std::string>& columns) const {
  require_columns(*this, columns, "DataFrame.drop");
  std::vector<Series> out;
  for (const auto& c : columns_)
    if (std::find(columns.begin(), columns.end(), c.name()) == columns.end()) out.push_back(c);
  return with_index(std::move(out), index_);
}

// NOTE: pandas ignores names that are not columns (errors="ignore"); a typo here is an error instead.
DataFrame DataFrame::rename(const std::map<std::string, std::string>& names) const {
  std::vector<std::string> old_names;
  for (const auto& [from, to] : names) old_names.push_back(from);
  require_columns(*this, old_names, "DataFrame.rename");
  std::vector<Series> out = columns_;
  for (auto& c : out)
    if (const auto it = names.find(c.name()); it != names.end()) c.rename(it->second);
  return with_index(std::move(out), index_);
}

Tensor DataFrame::to_tensor(const std::vector<std::string>& columns, Dtype dtype) const {
  require_columns(*this, columns, "DataFrame.to_tensor");
  const std::vector<std::string> names = columns.empty() ? this->columns() : columns;
  const auto k = names.size();
  std::vector<double> values(static_cast<std::size_t>(rows()) * k);
  for (std::size_t j = 0; j < k; ++j) {
    const Series& c = (*this)[names[j]];
    check(detail::is_numeric(c.dtype()), "DataFrame.to_tensor: column '{}' is {}, not numeric; drop it or encode it "
          "(get_dummies)", c.name(), column_type_name(c.dtype()));
    for (std::int64_t i = 0; i < rows(); ++i) {
      check(!detail::missing(c, i), "DataFrame.to_tensor: column '{}' is missing a value at row {}; use dropna() or "
            "fillna() first", c.name(), i);
      values[static_cast<std::size_t>(i) * k + j] = c.number_at(i);
    }
  }
  return from_vector<double>(values, {rows(), static_cast<std::int64_t>(k)}, {.dtype = dtype});
}

DataFrame DataFrame::from_tensor(const Tensor& t, std::vector<std::string> names) {
  check<ShapeError>(t.ndim() == 2, "DataFrame.from_tensor: expected a 2-D [rows, columns] tensor, got shape {}",
                    shape_text(t.shape()));
  const std::int64_t n = t.shape(0), k = t.shape(1);
  if (names.empty())
    for (std::int64_t j = 0; j < k; ++j) names.push_back(std::to_string(j));
  check(static_cast<std::int64_t>(names.size()) == k, "DataFrame.from_tensor: {} names for {} columns", names.size(), k);
  const bool floating = is_floating(t.dtype());
  const auto doubles = floating ? t.to_vector<double>() : std::vector<double>{};
  const auto ints = floating ? std::vector<std::int64_t>{} : t.to_vector<std::int64_t>();
  std::vector<Series> out;
  for (std::int64_t j = 0; j < k; ++j) {
    std::vector<double> d;
    std::vector<std::int64_t> v;
    for (std::int64_t i = 0; i < n; ++i) {
      const auto at = static_cast<std::size_t>(i * k + j);
      floating ? d.push_back(doubles[at]) : v.push_back(ints[at]);
    }
    const auto& name = names[static_cast<std::size_t>(j)];
    out.push_back(floating ? Series::from_doubles(name, std::move(d)) : Series::from_ints(name, std::move(v)));
  }
  return DataFrame(std::move(out));
}

DataFrame& DataFrame::set_index(std::vector<std::string> labels) {
  check<ShapeError>(labels.empty() || static_cast<std::int64_t>(labels.size()) == rows(),
                    "DataFrame.set_index: {} labels for {} rows", labels.size(), rows());
  for (auto& c : columns_) c.set_index(labels);
  index_ = std::move(labels);
  return *this;
}

namespace detail {

// Columns of one dtype one after the other (category columns with different categories become strings).
Series concat_same_type(const std::string& name, const std::vector<Series>& parts) {
  const ColumnType type = parts.front().dtype();
  if (type == ColumnType::category) {
    for (const auto& p : parts)
      if (*p.categories().categories != *parts.front().categories().categories) {
        std::vector<Series> strings;
        for (const auto& q : parts) strings.push_back(q.astype(ColumnType::string));
        return concat_same_type(name, strings);
      }
  }
  Series::Data data = std::visit(
      [&parts](const auto& first) -> Series::Data {
        using D = std::decay_t<decltype(first)>;
        D out;
        if constexpr (std::is_same_v<D, Categorical>) out.categories = first.categories;
        for (const auto& p : parts) {
          const auto& d = std::get<D>(p.data());
          if constexpr (std::is_same_v<D, Categorical>) out.codes.insert(out.codes.end(), d.codes.begin(), d.codes.end());
          else out.insert(out.end(), d.begin(), d.end());
        }
        return out;
      },
      parts.front().data());
  std::vector<std::uint8_t> valid;
  for (const auto& p : parts)
    for (std::int64_t i = 0; i < p.size(); ++i) valid.push_back(!missing(p, i));
  return Series(name, std::move(data), std::move(valid));
}
}  // namespace detail

namespace {

// The dtype a column takes in concat(axis=0): int64 with float64 gives float64 and string with category
// gives string, as pandas; other mixes are an error (pandas would make an object column).
ColumnType common_type(const std::vector<DataFrame>& frames, const std::string& name) {
  std::optional<ColumnType> type;
  std::size_t first = 0;
  for (std::size_t f = 0; f < frames.size(); ++f) {
    if (!frames[f].has_column(name)) continue;
    const ColumnType t = frames[f][name].dtype();
    if (!type) {
      type = t;
      first = f;
      continue;
    }
    const auto is = [&](ColumnType a, ColumnType b) { return (*type == a && t == b) || (*type == b && t == a); };
    if (t == *type) continue;
    if (is(ColumnType::int64, ColumnType::float64)) type = ColumnType::float64;
    else if (is(ColumnType::string, ColumnType::category)) type = ColumnType::string;
    else
      throw ValueError(fmt::format("concat: column '{}' is {} in frame {} and {} in frame {}; convert one with astype()",
                                   name, column_type_name(*type), first, column_type_name(t), f));
  }
  return *type;
}

DataFrame concat_rows(const std::vector<DataFrame>& frames) {
  std::vector<std::string> names, labels;
  for (const auto& f : frames) {
    for (const auto& name : f.columns())
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    for (std::int64_t i = 0; i < f.rows(); ++i) labels.push_back(f.index().empty() ? std::to_string(i) : f.index()[i]);
  }
  std::vector<Series> columns;
  for (const auto& name : names) {
    ColumnType type = common_type(frames, name);
    // NOTE: an int64 column that some frame lacks gets NaN and so becomes float64, as in pandas.
    const bool everywhere = std::all_of(frames.begin(), frames.end(), [&](const DataFrame& f) { return f.has_column(name); });
    if (type == ColumnType::int64 && !everywhere) type = ColumnType::float64;
    Series like;  // a column of the right dtype (and categories) to fill the frames that lack it
    for (const auto& f : frames)
      if (f.has_column(name)) like = f[name].astype(type);
    std::vector<Series> parts;
    for (const auto& f : frames)
      parts.push_back(f.has_column(name) ? f[name].astype(type)
                                         : detail::gather(like, std::vector<std::int64_t>(static_cast<std::size_t>(f.rows()), -1)));
    columns.push_back(detail::concat_same_type(name, parts));
  }
  DataFrame out(std::move(columns));
  return out.set_index(detail::take_labels(labels, detail::row_range(0, static_cast<std::int64_t>(labels.size()))));
}

}  // namespace

// Rows keep their labels, so two RangeIndex frames give 0, 1, 2, 0, 1 as in pandas (ignore_index=False).
DataFrame concat(const std::vector<DataFrame>& frames, int axis) {
  check(axis == 0 || axis == 1, "concat: axis must be 0 (stack rows) or 1 (columns side by side), got {}", axis);
  check(!frames.empty(), "concat: no frames to concatenate");
  if (axis == 0) return concat_rows(frames);
  std::vector<Series> columns;
  std::set<std::string> seen;
  for (std::size_t f = 0; f < frames.size(); ++f) {
    check<ShapeError>(frames[f].rows() == frames[0].rows(), "concat(axis=1): frame {} has {} rows, frame 0 has {}", f,
                      frames[f].rows(), frames[0].rows());
    for (std::int64_t j = 0; j < frames[f].shape().second; ++j) {
      check(seen.insert(frames[f].column(j).name()).second, "concat(axis=1): column '{}' of frame {} already exists; "
            "rename it first", frames[f].column(j).name(), f);
      columns.push_back(frames[f].column(j));
    }
  }
  DataFrame out(std::move(columns));
  return out.set_index(frames[0].index());
}

namespace {

// The levels of one encoded column: a category's categories in order, else the sorted distinct values.
std::vector<Scalar> dummy_levels(const Series& c) {
  std::vector<Scalar> levels;
  if (c.dtype() == ColumnType::category) {
    levels.assign(c.categories().categories->begin(), c.categories().categories->end());
    return levels;
  }
  std::set<Scalar> distinct;
  for (std::int64_t i = 0; i < c.size(); ++i)
    if (!detail::missing(c, i)) distinct.insert(c.at(i));
  return {distinct.begin(), distinct.end()};
}

}  // namespace

// NOTE: with no `columns` pandas encodes the object and category columns only (not bool ones); so do we.
DataFrame get_dummies(const DataFrame& df, const std::vector<std::string>& columns, bool drop_first) {
  require_columns(df, columns, "get_dummies");
  std::vector<std::string> encode = columns;
  if (encode.empty())
    for (const auto& c : df.columns())
      if (df[c].dtype() == ColumnType::string || df[c].dtype() == ColumnType::category) encode.push_back(c);
  std::vector<Series> out;
  for (std::int64_t j = 0; j < df.shape().second; ++j)
    if (std::find(encode.begin(), encode.end(), df.column(j).name()) == encode.end()) out.push_back(df.column(j));
  for (const auto& name : encode) {
    const Series& c = df[name];
    const auto levels = dummy_levels(c);
    for (std::size_t l = drop_first ? 1 : 0; l < levels.size(); ++l) {
      std::vector<std::uint8_t> hot(static_cast<std::size_t>(c.size()));
      for (std::int64_t i = 0; i < c.size(); ++i) hot[static_cast<std::size_t>(i)] = detail::cell(c, i) == levels[l];
      out.emplace_back(name + "_" + detail::label_of(levels[l]), std::move(hot));
    }
  }
  return with_index(std::move(out), df.index());
}

}  // namespace axon::frame
