// Text of Series and DataFrame as pandas 1.5 prints them (pandas/io/formats/format.py, info.py):
// the same column formatting, alignment, truncation and footers, so printed results can be compared with
// a Python session character by character.
#include "axon/frame/dataframe.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <ostream>

namespace axon::frame {

namespace detail {

bool is_numeric(ColumnType t);  // defined in series.cpp
bool missing(const Series& s, std::int64_t i);
std::vector<std::int64_t> row_range(std::int64_t start, std::int64_t stop);

// Python's str(float): the shortest text that reads back the same, with ".0" on whole numbers and
// exponent notation below 1e-4 and from 1e16 on (CPython's repr).
std::string python_str(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buffer[40];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, std::abs(v), std::chars_format::scientific).ptr;
  const std::string text(buffer, end);  // "d.ddde+XX"
  const auto e = text.find('e');
  const int exponent = std::stoi(text.substr(e + 1));
  std::string digits = text.substr(0, e);
  digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
  const auto n = static_cast<int>(digits.size());
  const auto at = [](int k) { return static_cast<std::size_t>(k); };
  std::string out;
  if (exponent < -4 || exponent >= 16)
    out = fmt::format("{}{}{}e{}{:02d}", digits[0], n > 1 ? "." : "", digits.substr(1), exponent < 0 ? '-' : '+',
                      std::abs(exponent));
  else if (exponent < 0) out = fmt::format("0.{}{}", std::string(at(-exponent - 1), '0'), digits);
  else if (n <= exponent + 1) out = digits + std::string(at(exponent + 1 - n), '0') + ".0";
  else out = digits.substr(0, at(exponent + 1)) + "." + digits.substr(at(exponent + 1));
  return (std::signbit(v) ? "-" : "") + out;
}

// A value as pandas writes it in a label (value_counts index, get_dummies names, astype(str)).
std::string label_of(const Scalar& v) {
  if (std::holds_alternative<std::monostate>(v)) return "NaN";
  if (const double* d = std::get_if<double>(&v)) return python_str(*d);
  if (const auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
  if (const bool* b = std::get_if<bool>(&v)) return *b ? "True" : "False";
  return std::get<std::string>(v);
}

}  // namespace detail

namespace {

constexpr int kPrecision = 6;        // display.precision
constexpr std::size_t kMaxColwidth = 50;  // display.max_colwidth
constexpr std::size_t kMaxCategories = 8;  // display.max_categories
constexpr std::size_t kWidth = 80;   // display.width

// "1.500000" → "1.5" on every number of the column at once, keeping one decimal (_trim_zeros_float).
bool is_number_with_decimal(const std::string& x) {
  std::size_t i = x.find_first_not_of(' ');
  if (i < x.size() && (x[i] == '+' || x[i] == '-')) ++i;
  const std::size_t digits = i;
  i = std::min(x.find_first_not_of("0123456789", i), x.size());
  if (i == digits || i >= x.size() || x[i] != '.') return false;
  return x.find_first_not_of("0123456789", i + 1) == std::string::npos;
}

void trim_zeros(std::vector<std::string>& values) {
  const auto should_trim = [&] {
    bool any = false;
    for (const auto& x : values)
      if (is_number_with_decimal(x)) {
        if (x.back() != '0') return false;
        any = true;
      }
    return any;
  };
  while (should_trim())
    for (auto& x : values)
      if (is_number_with_decimal(x)) x.pop_back();
  for (auto& x : values)
    if (is_number_with_decimal(x) && x.back() == '.') x += '0';
}

// FloatArrayFormatter: fixed with 6 decimals then trimmed; scientific when a value would print as 0 or
// when the column gets wider than 12 characters because of values above 1e6.
std::vector<std::string> format_floats(const std::vector<double>& values) {
  const auto format_all = [&](const char* pattern) {
    std::vector<std::string> out;
    for (const double v : values) out.push_back(std::isnan(v) ? "NaN" : fmt::format(fmt::runtime(pattern), v, kPrecision));
    return out;
  };
  std::vector<std::string> out = format_all("{: .{}f}");
  trim_zeros(out);
  std::size_t longest = 0;
  bool large = false, small = false;
  for (const auto& x : out) longest = std::max(longest, x.size());
  for (const double v : values) {
    large = large || std::abs(v) > 1e6;
    small = small || (std::abs(v) < 1e-6 && v != 0.0);
  }
  if (small || (large && longest > static_cast<std::size_t>(kPrecision) + 6)) return format_all("{: .{}e}");
  return out;
}

std::string escaped(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out += c;
  }
  return out;
}

// The cells of the shown rows, each with pandas' leading space (before the column is made fixed-width).
std::vector<std::string> format_cells(const Series& s, const std::vector<std::int64_t>& rows) {
  std::vector<std::string> out;
  if (s.dtype() == ColumnType::float64) {
    std::vector<double> values;
    for (const auto r : rows) values.push_back(detail::missing(s, r) ? NAN : s.doubles()[static_cast<std::size_t>(r)]);
    return format_floats(values);
  }
  for (const auto r : rows) {
    if (detail::missing(s, r)) out.emplace_back(s.dtype() == ColumnType::int64 ? "NaN" : " NaN");
    else if (s.dtype() == ColumnType::int64) out.push_back(fmt::format("{: d}", s.ints()[static_cast<std::size_t>(r)]));
    else out.push_back(fmt::format(" {}", escaped(detail::label_of(s.at(r)))));
  }
  return out;
}

// _make_fixed_width: right-justified to the widest cell (at least `minimum`), cut at max_colwidth.
std::vector<std::string> fixed_width(std::vector<std::string> cells, std::size_t minimum = 0) {
  std::size_t width = minimum;
  for (const auto& c : cells) width = std::max(width, c.size());
  width = std::min(width, kMaxColwidth);
  for (auto& c : cells) {
    if (c.size() > width) c = c.substr(0, width - 3) + "...";
    c.insert(0, width - c.size(), ' ');
  }
  return cells;
}

std::string ljust(const std::string& s, std::size_t width) { return s + std::string(width - std::min(width, s.size()), ' '); }
std::string rjust(const std::string& s, std::size_t width) { return std::string(width - std::min(width, s.size()), ' ') + s; }
// Python's str.center: the odd space goes left when the width is odd.
std::string center(const std::string& s, std::size_t width) {
  if (s.size() >= width) return s;
  const std::size_t margin = width - s.size(), left = margin / 2 + (margin & width & 1);
  return std::string(left, ' ') + s + std::string(margin - left, ' ');
}

std::size_t widest(const std::vector<std::string>& lines) {
  std::size_t w = 0;
  for (const auto& x : lines) w = std::max(w, x.size());
  return w;
}

// pandas' adjoin: columns side by side, each left-justified to its width plus `space` (the last one without).
std::string adjoin(std::size_t space, const std::vector<std::vector<std::string>>& columns) {
  std::vector<std::size_t> widths;
  for (std::size_t j = 0; j < columns.size(); ++j) widths.push_back(widest(columns[j]) + (j + 1 < columns.size() ? space : 0));
  std::string out;
  for (std::size_t i = 0; i < columns.front().size(); ++i) {
    if (i > 0) out += '\n';
    for (std::size_t j = 0; j < columns.size(); ++j) out += ljust(columns[j][i], widths[j]);
  }
  return out;
}

// Rows shown for max_rows: all, or the first and last max_rows/2 (row_num is where "..." goes).
struct Shown {
  std::vector<std::int64_t> rows;
  std::int64_t row_num = -1;  // -1: not truncated
};

Shown shown_rows(std::int64_t n, std::int64_t max_rows) {
  if (max_rows <= 0 || n <= max_rows) return {detail::row_range(0, n)};
  const std::int64_t half = max_rows / 2;
  if (half < 1) return {detail::row_range(0, max_rows), max_rows};
  auto rows = detail::row_range(0, half);
  for (const auto r : detail::row_range(n - half, n)) rows.push_back(r);
  return {rows, half};
}

std::vector<std::string> labels_of(const std::vector<std::string>& index, const std::vector<std::int64_t>& rows) {
  std::vector<std::string> out;
  for (const auto r : rows) out.push_back(index.empty() ? std::to_string(r) : escaped(index[static_cast<std::size_t>(r)]));
  return out;
}

// "Categories (3, object): ['a', 'b', 'c']", wrapped at 80 characters as Categorical._repr_categories_info.
std::string categories_line(const std::vector<std::string>& categories) {
  std::vector<std::string> shown;
  const auto quoted = [](const std::string& c) { return fmt::format("'{}'", escaped(c)); };
  if (categories.size() > kMaxCategories) {
    const std::size_t half = kMaxCategories / 2;
    for (std::size_t k = 0; k < half; ++k) shown.push_back(quoted(categories[k]));
    shown.emplace_back("...");
    for (std::size_t k = categories.size() - half; k < categories.size(); ++k) shown.push_back(quoted(categories[k]));
  } else {
    for (const auto& c : categories) shown.push_back(quoted(c));
  }
  const std::string header = fmt::format("Categories ({}, object): ", categories.size());
  std::string levels;
  std::size_t length = header.size();
  for (std::size_t k = 0; k < shown.size(); ++k) {
    if (length + 2 + shown[k].size() > kWidth) {  // NOTE: pandas counts the separator only here
      levels += ",\n" + std::string(header.size() + 1, ' ');
      length = header.size() + 1;
    } else if (k > 0) {
      levels += ", ";
      length += shown[k].size();
    }
    levels += shown[k];
  }
  return header + "[" + levels + "]";
}

}  // namespace

std::string Series::to_string(std::int64_t max_rows) const {
  const Shown shown = shown_rows(size(), max_rows);
  std::vector<std::string> footer;
  if (!name_.empty()) footer.push_back("Name: " + escaped(name_));
  if (shown.row_num >= 0) footer.push_back(fmt::format("Length: {}", size()));
  footer.push_back(fmt::format("dtype: {}", column_type_name(dtype())));
  std::string tail = fmt::format("{}", fmt::join(footer, ", "));
  if (dtype() == ColumnType::category) tail += fmt::format("\n{}", categories_line(*categories().categories));
  if (size() == 0) return fmt::format("Series([], {})", tail);
  std::vector<std::string> labels = labels_of(index_, shown.rows);
  std::vector<std::string> values = fixed_width(format_cells(*this, shown.rows));
  if (shown.row_num >= 0) {
    const auto at = static_cast<std::size_t>(shown.row_num);
    const std::size_t width = values[at - 1].size();
    values.insert(values.begin() + static_cast<std::ptrdiff_t>(at), center(width > 3 ? "..." : "..", width));
    labels.insert(labels.begin() + static_cast<std::ptrdiff_t>(at), "");
  }
  return adjoin(3, {labels, values}) + "\n" + tail;
}

std::ostream& operator<<(std::ostream& os, const Series& s) { return os << s.to_string(); }

namespace {

std::string empty_frame_text(const DataFrame& df) {
  std::vector<std::string> labels = labels_of(df.index(), detail::row_range(0, df.rows()));
  return fmt::format("Empty DataFrame\nColumns: [{}]\nIndex: [{}]", fmt::join(df.columns(), ", "), fmt::join(labels, ", "));
}

// One printed column: its header (numeric ones get pandas' leading space) over its cells.
std::vector<std::string> frame_column(const Series& c, const std::vector<std::int64_t>& rows) {
  const std::string header = fmt::format("{}{}", detail::is_numeric(c.dtype()) ? " " : "", escaped(c.name()));
  std::vector<std::string> out = fixed_width(format_cells(c, rows), header.size());
  out.insert(out.begin(), rjust(header, std::max(widest(out), header.size())));
  return out;
}

}  // namespace

std::string DataFrame::to_string(std::int64_t max_rows) const {
  if (columns_.empty() || rows() == 0) return empty_frame_text(*this);
  const Shown shown = shown_rows(rows(), max_rows);
  std::vector<std::vector<std::string>> columns;
  std::vector<std::string> labels = labels_of(index_, shown.rows);
  labels.insert(labels.begin(), "");
  columns.push_back(labels);
  for (const auto& c : columns_) columns.push_back(frame_column(c, shown.rows));
  if (shown.row_num >= 0) {
    const auto at = static_cast<std::size_t>(shown.row_num);
    for (std::size_t j = 0; j < columns.size(); ++j) {
      const std::size_t width = j == 0 ? widest(columns[0]) : columns[j][at].size();
      const std::string dots = width > 3 ? "..." : "..";
      columns[j].insert(columns[j].begin() + static_cast<std::ptrdiff_t>(at) + 1, j == 0 ? ljust(dots, width) : rjust(dots, width));
    }
  }
  std::string text = adjoin(1, columns);
  if (shown.row_num >= 0) text += fmt::format("\n\n[{} rows x {} columns]", rows(), columns_.size());
  return text;
}

std::ostream& operator<<(std::ostream& os, const DataFrame& df) { return os << df.to_string(); }

namespace {

// Labels that read as integers were row numbers once (a filtered RangeIndex); pandas 1.5 calls that Int64Index.
bool integer_labels(const std::vector<std::string>& labels) {
  return std::all_of(labels.begin(), labels.end(), [](const std::string& s) {
    std::int64_t v = 0;
    const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), v);
    return error == std::errc() && end == s.data() + s.size();
  });
}

std::string index_line(const DataFrame& df) {
  const auto& index = df.index();
  const std::string kind = index.empty() ? "RangeIndex" : integer_labels(index) ? "Int64Index" : "Index";
  std::string line = fmt::format("{}: {} entries", kind, df.rows());
  if (df.rows() > 0)
    line += index.empty() ? fmt::format(", 0 to {}", df.rows() - 1) : fmt::format(", {} to {}", index.front(), index.back());
  return line;
}

// pandas' memory_usage(deep=False): 132 bytes for a RangeIndex, 8 per value (1 per bool or category code,
// 8 per category name); "+" because pointers to strings do not count their text.
std::string memory_line(const DataFrame& df) {
  const auto n = static_cast<double>(df.rows());
  double bytes = df.index().empty() ? 132.0 : 8.0 * n;
  bool lower_bound = !df.index().empty() && !integer_labels(df.index());
  for (std::int64_t j = 0; j < df.shape().second; ++j) {
    const Series& c = df.column(j);
    if (c.dtype() == ColumnType::boolean) bytes += n;
    else if (c.dtype() == ColumnType::category) bytes += n + 8.0 * static_cast<double>(c.categories().categories->size());
    else bytes += 8.0 * n;
    lower_bound = lower_bound || c.dtype() == ColumnType::string;
  }
  const char* units[] = {"bytes", "KB", "MB", "GB", "TB"};
  for (const char* unit : units) {
    if (bytes < 1024.0) return fmt::format("memory usage: {:3.1f}{} {}", bytes, lower_bound ? "+" : "", unit);
    bytes /= 1024.0;
  }
  return fmt::format("memory usage: {:3.1f}{} PB", bytes, lower_bound ? "+" : "");
}

}  // namespace

std::string DataFrame::info() const {
  std::vector<std::string> lines = {"<class 'pandas.core.frame.DataFrame'>", index_line(*this)};
  if (columns_.empty()) return lines[0] + "\n" + lines[1] + "\nEmpty DataFrame\n";
  lines.push_back(fmt::format("Data columns (total {} columns):", columns_.size()));
  std::vector<std::vector<std::string>> table = {{" # "}, {"Column"}, {"Non-Null Count"}, {"Dtype"}};
  std::map<std::string, int> dtype_counts;
  for (std::size_t j = 0; j < columns_.size(); ++j) {
    const auto type = std::string(column_type_name(columns_[j].dtype()));
    table[0].push_back(fmt::format(" {}", j));
    table[1].push_back(escaped(columns_[j].name()));
    table[2].push_back(fmt::format("{} non-null", columns_[j].count()));
    table[3].push_back(type);
    ++dtype_counts[type];
  }
  std::vector<std::size_t> widths;
  for (const auto& column : table) widths.push_back(widest(column));
  const auto row = [&](const auto& cell) {
    std::vector<std::string> cells;
    for (std::size_t k = 0; k < table.size(); ++k) cells.push_back(ljust(cell(k), widths[k]));
    return fmt::format("{}", fmt::join(cells, "  "));
  };
  lines.push_back(row([&](std::size_t k) { return table[k][0]; }));
  lines.push_back(row([&](std::size_t k) { return std::string(table[k][0].size(), '-'); }));
  for (std::size_t i = 1; i <= columns_.size(); ++i) lines.push_back(row([&](std::size_t k) { return table[k][i]; }));
  std::vector<std::string> counts;
  for (const auto& [type, n] : dtype_counts) counts.push_back(fmt::format("{}({})", type, n));
  lines.push_back(fmt::format("dtypes: {}", fmt::join(counts, ", ")));
  lines.push_back(memory_line(*this));
  return fmt::format("{}\n", fmt::join(lines, "\n"));
}

}  // namespace axon::frame
