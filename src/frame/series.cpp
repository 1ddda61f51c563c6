// Series: construction, typed access and the pandas operations on one column.
// A value is missing when its validity flag is 0, when it is NaN in a float64 column or code -1 in a category column.
#include "axon/frame/series.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <span>

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

// ---------------------------------------------------------------------------------------------
// Helpers shared by series.cpp, dataframe.cpp, groupby.cpp and format.cpp: each file defines some and
// declares the others it uses (too few for a private header).

namespace detail {

std::string label_of(const Scalar& v);  // format.cpp
std::vector<std::string> take_labels(const std::vector<std::string>& labels, const std::vector<std::int64_t>& rows);
std::vector<std::int64_t> mask_rows(const Series& mask, std::int64_t n, std::string_view op);  // dataframe.cpp
std::vector<std::int64_t> row_range(std::int64_t start, std::int64_t stop);

bool is_numeric(ColumnType t) { return t == ColumnType::float64 || t == ColumnType::int64 || t == ColumnType::boolean; }

bool missing(const Series& s, std::int64_t i) {
  if (s.is_na(i)) return true;
  const auto k = static_cast<std::size_t>(i);
  if (s.dtype() == ColumnType::float64) return std::isnan(s.doubles()[k]);
  if (s.dtype() == ColumnType::category) return s.categories().codes[k] < 0;
  return false;
}

Scalar cell(const Series& s, std::int64_t i) { return missing(s, i) ? Scalar{} : s.at(i); }

// Rows by position; a row of -1 gives a missing value. The result has no index labels.
Series gather(const Series& s, const std::vector<std::int64_t>& rows) {
  Series::Data data = std::visit(
      [&rows](const auto& values) -> Series::Data {
        using D = std::decay_t<decltype(values)>;
        if constexpr (std::is_same_v<D, Categorical>) {
          Categorical out{{}, values.categories};
          out.codes.reserve(rows.size());
          for (const auto r : rows) out.codes.push_back(r < 0 ? -1 : values.codes[static_cast<std::size_t>(r)]);
          return out;
        } else {
          using T = typename D::value_type;
          T fill{};
          if constexpr (std::is_same_v<T, double>) fill = NAN;
          D out;
          out.reserve(rows.size());
          for (const auto r : rows) out.push_back(r < 0 ? fill : values[static_cast<std::size_t>(r)]);
          return out;
        }
      },
      s.data());
  std::vector<std::uint8_t> valid(rows.size());
  for (std::size_t k = 0; k < rows.size(); ++k) valid[k] = rows[k] >= 0 && !missing(s, rows[k]);
  return Series(s.name(), std::move(data), std::move(valid));
}

}  // namespace detail

namespace {

using detail::cell;
using detail::is_numeric;
using detail::missing;

// The present values of a numeric column, for the statistics, in row order. One switch on the dtype,
// then a branch-free copy: each value is written and the end moves on only when it is present.
std::vector<double> present_numbers(const Series& s, std::string_view op) {
  check(is_numeric(s.dtype()), "Series '{}': {} needs a numeric column (float64, int64 or bool), got {}", s.name(), op,
        column_type_name(s.dtype()));
  const auto n = static_cast<std::size_t>(s.size());
  std::vector<double> out(n);
  const std::uint8_t* valid = s.validity().empty() ? nullptr : s.validity().data();
  std::size_t kept = 0;
  const auto copy = [&](const auto* values) {
    for (std::size_t i = 0; i < n; ++i) {
      const auto x = static_cast<double>(values[i]);
      out[kept] = x;
      kept += (valid == nullptr || valid[i] != 0) && !std::isnan(x);
    }
  };
  switch (s.dtype()) {
    case ColumnType::float64: copy(s.doubles().data()); break;
    case ColumnType::int64: copy(s.ints().data()); break;
    default: copy(s.bools().data()); break;
  }
  out.resize(kept);
  return out;
}

// Sums in row order, one value after another (what Series::sum and mean have always returned).
double sequential_sum(std::span<const double> v) { return std::accumulate(v.begin(), v.end(), 0.0); }

// Two passes: the mean, then the squared deviations from it (pandas' nanvar).
// `mean` is sequential_sum(v) / size, when the caller has it already.
double std_of(std::span<const double> v, int ddof, std::optional<double> mean = std::nullopt) {
  const auto n = static_cast<std::int64_t>(v.size());
  if (n - ddof <= 0) return NAN;
  const double m = mean ? *mean : sequential_sum(v) / static_cast<double>(n);
  double squares = 0.0;
  for (const double x : v) squares += (x - m) * (x - m);
  return std::sqrt(squares / static_cast<double>(n - ddof));
}

// Puts the order statistics `ks` (sorted, distinct, all in [lo, hi)) of v[lo, hi) in place, as a full
// sort would: nth_element at the middle wanted rank, then the ranks on each side within their side.
// A rank at either end of its range is a min/max scan, the neighbour ranks the quantiles need.
void select_ranks(double* v, std::size_t lo, std::size_t hi, const std::size_t* ks, const std::size_t* ks_end) {
  while (ks != ks_end) {
    if (*ks == lo) {
      std::iter_swap(v + lo, std::min_element(v + lo, v + hi));
      ++lo;
      ++ks;
      continue;
    }
    if (*(ks_end - 1) == hi - 1) {
      std::iter_swap(v + hi - 1, std::max_element(v + lo, v + hi));
      --hi;
      --ks_end;
      continue;
    }
    const std::size_t* mid = ks + (ks_end - ks) / 2;
    std::nth_element(v + lo, v + *mid, v + hi);
    select_ranks(v, lo, *mid, ks, mid);
    lo = *mid + 1;
    ks = mid + 1;
  }
}

// The values of sorted, distinct ranks of v without reordering it, in one sweep (Floyd and Rivest's
// idea): a sorted sample of 8192 values brackets each rank (±4 standard deviations of a sample
// rank), the sweep counts the values below each bracket and copies those inside, and the rank is
// selected among the ~4% copied. The answer is exact whatever the sample; false (and the caller
// selects in v itself) when a rank fell outside its bracket or the brackets caught too much.
bool select_by_sample(std::span<const double> v, const std::vector<std::size_t>& ranks, std::vector<double>& values) {
  constexpr std::size_t kSample = 8192, kMargin = 180;
  const std::size_t n = v.size();
  if (n < 8 * kSample) return false;
  std::vector<double> sample(kSample);
  std::uint64_t state = 0x9E3779B97F4A7C15ULL;
  for (auto& x : sample) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    x = v[static_cast<std::size_t>((state >> 11) % n)];
  }
  std::sort(sample.begin(), sample.end());
  struct Bracket {
    double lo, hi;
    std::size_t below = 0;
    std::vector<double> inside;
  };
  std::vector<Bracket> brackets;
  std::vector<std::size_t> bracket_of;  // per rank
  for (const auto r : ranks) {
    const auto at = static_cast<std::size_t>(static_cast<double>(r) / static_cast<double>(n) * kSample);
    const double lo = at > kMargin ? sample[at - kMargin] : -INFINITY;
    const double hi = at + kMargin < kSample - 1 ? sample[at + kMargin] : INFINITY;
    if (!brackets.empty() && lo <= brackets.back().hi) brackets.back().hi = std::max(brackets.back().hi, hi);
    else brackets.push_back({lo, hi});
    bracket_of.push_back(brackets.size() - 1);
  }
  // Per bracket, a counting sweep (vectorized; it also gives up before copying when duplicates fill
  // the brackets), then a branch-free copy of the values inside.
  std::size_t copied = 0;
  for (auto& b : brackets) {
    const double lo = b.lo, hi = b.hi;
    std::size_t below = 0, inside = 0;
    for (const double x : v) {
      below += x < lo;
      inside += (x >= lo) & (x <= hi);
    }
    b.below = below;
    copied += inside;
    if (copied > n / 4) return false;
    b.inside.resize(inside + 1);
    double* out = b.inside.data();
    std::size_t k = 0;
    for (const double x : v) {
      out[k] = x;
      k += (x >= lo) & (x <= hi);
    }
    b.inside.resize(inside);
  }
  for (std::size_t k = 0; k < ranks.size(); ++k) {
    const auto& b = brackets[bracket_of[k]];
    if (ranks[k] < b.below || ranks[k] >= b.below + b.inside.size()) return false;
  }
  values.resize(ranks.size());
  for (std::size_t j = 0, k = 0; j < brackets.size(); ++j) {
    auto& b = brackets[j];
    std::vector<std::size_t> local;
    for (std::size_t i = k; i < ranks.size() && bracket_of[i] == j; ++i) local.push_back(ranks[i] - b.below);
    select_ranks(b.inside.data(), 0, b.inside.size(), local.data(), local.data() + local.size());
    for (const auto r : local) values[k++] = b.inside[r];
  }
  return true;
}

// numpy's 'linear' method, written as numpy 1.24 computes it (virtual index n·q + (1 − q) − 1, and
// the lerp taken from the upper end when the fraction is >= 0.5) so the last bit agrees. One selection
// for all qs instead of a sort. v must not be empty; `scratch`, when given, holds v's values and may be
// reordered (otherwise a copy is made where the selection needs one).
void quantiles_of(std::span<const double> v, std::span<const double> qs, double* out, std::vector<double>* scratch = nullptr) {
  const auto n = static_cast<double>(v.size());
  const auto last = static_cast<double>(v.size() - 1);
  std::vector<std::size_t> ranks;
  const auto rank = [&](double position) { return static_cast<std::size_t>(std::clamp(position, 0.0, last)); };
  for (const double q : qs) {
    const double below = std::floor(n * q + (1.0 - q) - 1.0);
    ranks.push_back(rank(below));
    ranks.push_back(rank(below + 1.0));
  }
  std::sort(ranks.begin(), ranks.end());
  ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
  std::vector<double> values;
  if (!select_by_sample(v, ranks, values)) {
    std::vector<double> copy;
    if (scratch == nullptr) copy.assign(v.begin(), v.end());
    std::vector<double>& w = scratch != nullptr ? *scratch : copy;
    select_ranks(w.data(), 0, w.size(), ranks.data(), ranks.data() + ranks.size());
    for (const auto r : ranks) values.push_back(w[r]);
  }
  const auto value_at = [&](std::size_t r) {
    return values[static_cast<std::size_t>(std::lower_bound(ranks.begin(), ranks.end(), r) - ranks.begin())];
  };
  for (std::size_t k = 0; k < qs.size(); ++k) {
    const double q = qs[k];
    const double position = n * q + (1.0 - q) - 1.0;
    const double below = std::floor(position);
    const double t = position - below;
    const double a = value_at(rank(below));
    const double b = value_at(rank(below + 1.0));
    const double d = b - a;
    out[k] = t >= 0.5 ? b - d * (1.0 - t) : a + d * t;
  }
}

}  // namespace

std::int64_t Series::count() const {
  std::int64_t n = 0;
  for (std::int64_t i = 0; i < size(); ++i) n += !missing(*this, i);
  return n;
}

Series Series::isna() const {
  std::vector<std::uint8_t> out(static_cast<std::size_t>(size()));
  for (std::int64_t i = 0; i < size(); ++i) out[static_cast<std::size_t>(i)] = missing(*this, i);
  return Series(name_, std::move(out)).set_index(index_);
}

Series Series::notna() const { return !isna(); }

namespace {

std::optional<double> number_of(const Scalar& v) {
  if (const double* d = std::get_if<double>(&v)) return *d;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
  if (const bool* b = std::get_if<bool>(&v)) return *b ? 1.0 : 0.0;
  return std::nullopt;
}

std::string_view trimmed(std::string_view t) {
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.remove_prefix(1);
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.remove_suffix(1);
  if (t.size() > 1 && t.front() == '+' && t[1] != '-') t.remove_prefix(1);  // from_chars takes no '+'
  return t;
}

template <typename T>
std::optional<T> parse(std::string_view text) {
  text = trimmed(text);
  T value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

// astype(...) of one present cell. Strings are parsed as Python's float()/int() would; bools accept
// True/False/true/false (pandas would call every non-empty string True, which hides mistakes).
double cell_to_float(const Series& s, std::int64_t i) {
  if (is_numeric(s.dtype())) return s.number_at(i);
  const std::string text = detail::label_of(s.at(i));
  const auto v = parse<double>(text);
  check(v.has_value(), "Series '{}': astype(float64): row {} holds '{}', which is not a number", s.name(), i, text);
  return *v;
}

std::int64_t cell_to_int(const Series& s, std::int64_t i) {
  const auto k = static_cast<std::size_t>(i);
  if (s.dtype() == ColumnType::int64) return s.ints()[k];
  if (s.dtype() == ColumnType::boolean) return s.bools()[k];
  if (s.dtype() == ColumnType::float64) {
    const double v = s.doubles()[k];
    check(std::isfinite(v) && std::abs(v) < 9.2e18, "Series '{}': astype(int64): row {} holds {}, which has no int64 value",
          s.name(), i, v);
    return static_cast<std::int64_t>(v);  // truncates toward zero, as numpy does
  }
  const std::string text = detail::label_of(s.at(i));
  const auto v = parse<std::int64_t>(text);
  check(v.has_value(), "Series '{}': astype(int64): row {} holds '{}', which is not an integer", s.name(), i, text);
  return *v;
}

std::uint8_t cell_to_bool(const Series& s, std::int64_t i) {
  if (is_numeric(s.dtype())) return s.number_at(i) != 0.0;
  const std::string text = detail::label_of(s.at(i));
  check(text == "True" || text == "False" || text == "true" || text == "false",
        "Series '{}': astype(bool): row {} holds '{}'; expected True, False, true or false", s.name(), i, text);
  return text[0] == 'T' || text[0] == 't';
}

// Categories sorted as pandas sorts them: by value for numbers, by text for strings.
Series to_category(const Series& s) {
  std::vector<std::string> labels(static_cast<std::size_t>(s.size()));
  std::vector<std::pair<double, std::string>> distinct;
  std::set<std::string> seen;
  for (std::int64_t i = 0; i < s.size(); ++i) {
    if (missing(s, i)) continue;
    labels[static_cast<std::size_t>(i)] = detail::label_of(s.at(i));
    if (seen.insert(labels[static_cast<std::size_t>(i)]).second)
      distinct.emplace_back(is_numeric(s.dtype()) ? s.number_at(i) : 0.0, labels[static_cast<std::size_t>(i)]);
  }
  std::sort(distinct.begin(), distinct.end());
  std::map<std::string, std::int32_t> code_of;
  auto names = std::make_shared<std::vector<std::string>>();
  for (const auto& [number, name] : distinct) {
    code_of.emplace(name, static_cast<std::int32_t>(names->size()));
    names->push_back(name);
  }
  Categorical c{std::vector<std::int32_t>(labels.size(), -1), std::move(names)};
  for (std::int64_t i = 0; i < s.size(); ++i)
    if (!missing(s, i)) c.codes[static_cast<std::size_t>(i)] = code_of.at(labels[static_cast<std::size_t>(i)]);
  return Series(s.name(), std::move(c), s.notna().bools());
}

template <typename T, typename F>
Series convert(const Series& s, F&& cell_to) {
  std::vector<T> out(static_cast<std::size_t>(s.size()));
  std::vector<std::uint8_t> valid(out.size());
  for (std::int64_t i = 0; i < s.size(); ++i) {
    if (missing(s, i)) continue;
    out[static_cast<std::size_t>(i)] = cell_to(s, i);
    valid[static_cast<std::size_t>(i)] = 1;
  }
  if constexpr (std::is_same_v<T, double>)
    for (std::size_t k = 0; k < out.size(); ++k)
      if (!valid[k]) out[k] = NAN;
  return Series(s.name(), std::move(out), std::move(valid));
}

}  // namespace

// Missing values stay missing in every target type (an int64 or bool column keeps its mask, as pandas'
// nullable "Int64"/"boolean" do; numpy int64 would refuse NaN).
Series Series::astype(ColumnType type) const {
  if (type == dtype()) return *this;
  Series out;
  switch (type) {
    case ColumnType::float64: out = convert<double>(*this, cell_to_float); break;
    case ColumnType::int64: out = convert<std::int64_t>(*this, cell_to_int); break;
    case ColumnType::boolean: out = convert<std::uint8_t>(*this, cell_to_bool); break;
    case ColumnType::string:
      out = convert<std::string>(*this, [](const Series& s, std::int64_t i) { return detail::label_of(s.at(i)); });
      break;
    case ColumnType::category: out = to_category(*this); break;
  }
  out.index_ = index_;
  return out;
}

namespace {

template <typename T>
Series fill_missing(const Series& s, std::vector<T> values, T value) {
  for (std::int64_t i = 0; i < s.size(); ++i)
    if (missing(s, i)) values[static_cast<std::size_t>(i)] = value;
  return Series(s.name(), std::move(values)).set_index(s.index());
}

}  // namespace

// The value must fit the column: a number for numeric columns (a fraction turns an int64 column into
// float64), a bool for bool, a string for strings, an existing category for categories.
Series Series::fillna(const Scalar& value) const {
  check(!std::holds_alternative<std::monostate>(value), "Series '{}': fillna needs a value, got a missing one", name_);
  if (count() == size()) return *this;
  const auto number = number_of(value);
  const auto* text = std::get_if<std::string>(&value);
  const auto refuse = [&](std::string_view expected) {
    return ValueError(fmt::format("Series '{}': fillna({}) does not fit a {} column; expected {}", name_,
                                  detail::label_of(value), column_type_name(dtype()), expected));
  };
  switch (dtype()) {
    case ColumnType::float64:
      if (!number) throw refuse("a number");
      return fill_missing(*this, doubles(), *number);
    case ColumnType::int64:
      if (!number) throw refuse("a number");
      if (*number != std::trunc(*number) || std::abs(*number) >= 9.2e18) return astype(ColumnType::float64).fillna(value);
      return fill_missing(*this, ints(), static_cast<std::int64_t>(*number));
    case ColumnType::boolean:
      if (!std::holds_alternative<bool>(value)) throw refuse("true or false");
      return fill_missing<std::uint8_t>(*this, bools(), std::get<bool>(value));
    case ColumnType::string:
      if (!text) throw refuse("a string");
      return fill_missing(*this, strings(), *text);
    case ColumnType::category: {
      const auto& names = *categories().categories;
      const auto it = text ? std::find(names.begin(), names.end(), *text) : names.end();
      if (it == names.end()) throw refuse(fmt::format("one of the categories [{}]", fmt::join(names, ", ")));
      Categorical c = categories();
      const auto code = static_cast<std::int32_t>(it - names.begin());
      for (std::int64_t i = 0; i < size(); ++i)
        if (missing(*this, i)) c.codes[static_cast<std::size_t>(i)] = code;
      return Series(name_, std::move(c)).set_index(index_);
    }
  }
  return *this;
}

Series Series::take(const std::vector<std::int64_t>& rows) const {
  const std::int64_t n = size();
  std::vector<std::int64_t> positions(rows);
  for (auto& r : positions) {
    check<IndexError>(r >= -n && r < n, "Series '{}': take: row {} is outside [-{}, {})", name_, r, n, n);
    if (r < 0) r += n;
  }
  Series out = detail::gather(*this, positions);
  out.index_ = detail::take_labels(index_, positions);
  return out;
}

Series Series::filter(const Series& mask) const {
  return take(detail::mask_rows(mask, size(), fmt::format("Series '{}': filter", name_)));
}

// Negative n as pandas: head(-2) is all rows but the last two, tail(-2) all but the first two.
Series Series::head(std::int64_t n) const {
  return take(detail::row_range(0, n >= 0 ? std::min(n, size()) : std::max<std::int64_t>(size() + n, 0)));
}
Series Series::tail(std::int64_t n) const {
  return take(detail::row_range(n >= 0 ? std::max<std::int64_t>(size() - n, 0) : std::min(-n, size()), size()));
}

Series Series::unique() const {
  std::set<Scalar> seen;
  std::vector<std::int64_t> first;
  for (std::int64_t i = 0; i < size(); ++i)
    if (seen.insert(cell(*this, i)).second) first.push_back(i);
  return detail::gather(*this, first);
}

// NOTE: pandas 1.5 names the result after the column; we follow pandas 2 ("count"). A category column
// lists its unobserved categories too, with count 0, as pandas does.
Series Series::value_counts(bool dropna) const {
  std::map<Scalar, std::size_t> slot;
  std::vector<Scalar> values;
  std::vector<std::int64_t> counts;
  const auto add = [&](const Scalar& v, std::int64_t n) {
    const auto [it, inserted] = slot.emplace(v, values.size());
    if (inserted) {
      values.push_back(v);
      counts.push_back(0);
    }
    counts[it->second] += n;
  };
  for (std::int64_t i = 0; i < size(); ++i) {
    const Scalar v = cell(*this, i);
    if (!dropna || !std::holds_alternative<std::monostate>(v)) add(v, 1);
  }
  if (dtype() == ColumnType::category)
    for (const auto& name : *categories().categories) add(name, 0);
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return counts[a] > counts[b]; });
  std::vector<std::int64_t> sorted_counts;
  std::vector<std::string> labels;
  for (const auto k : order) {
    sorted_counts.push_back(counts[k]);
    labels.push_back(detail::label_of(values[k]));
  }
  Series out = from_ints("count", std::move(sorted_counts));
  out.index_ = std::move(labels);
  return out;
}

Series Series::apply(const std::function<double(double)>& f) const {
  check(is_numeric(dtype()), "Series '{}': apply needs a numeric column (float64, int64 or bool), got {}", name_,
        column_type_name(dtype()));
  std::vector<double> out(static_cast<std::size_t>(size()), NAN);
  for (std::int64_t i = 0; i < size(); ++i)
    if (!missing(*this, i)) out[static_cast<std::size_t>(i)] = f(number_at(i));
  return from_doubles(name_, std::move(out)).set_index(index_);
}

// Statistics skip missing values, as pandas does (skipna=True); with nothing left they are NaN (sum: 0).
double Series::sum() const { return sequential_sum(present_numbers(*this, "sum")); }

double Series::mean() const {
  const auto v = present_numbers(*this, "mean");
  return v.empty() ? NAN : sequential_sum(v) / static_cast<double>(v.size());
}

double Series::std(int ddof) const {
  check(ddof >= 0, "Series '{}': std: ddof must be >= 0, got {}", name_, ddof);
  return std_of(present_numbers(*this, "std"), ddof);
}

double Series::min() const {
  const auto v = present_numbers(*this, "min");
  return v.empty() ? NAN : *std::min_element(v.begin(), v.end());
}

double Series::max() const {
  const auto v = present_numbers(*this, "max");
  return v.empty() ? NAN : *std::max_element(v.begin(), v.end());
}

double Series::quantile(double q) const {
  check(q >= 0.0 && q <= 1.0, "Series '{}': quantile q must be in [0, 1], got {}", name_, q);
  auto v = present_numbers(*this, "quantile");
  if (v.empty()) return NAN;
  double out = NAN;
  quantiles_of(v, std::span<const double>(&q, 1), &out, &v);
  return out;
}

namespace detail {

// describe()'s column: count, mean, std, min, 25%, 50%, 75%, max from one copy of the present
// values, the same numbers as count(), mean(), std(1), min(), quantile(q), max() one by one.
std::array<double, 8> describe_numbers(const Series& s) {
  // A float64 column without missing values is read where it lies; otherwise from a copy of the
  // present values.
  std::vector<double> copy;
  std::span<const double> v;
  if (s.dtype() == ColumnType::float64 && s.validity().empty()) {
    const auto& all = s.doubles();
    std::size_t nans = 0;
    for (const double x : all) nans += x != x;
    if (nans == 0) v = all;
  }
  if (v.empty()) {
    copy = present_numbers(s, "describe");
    v = copy;
  }
  const auto n = static_cast<double>(v.size());
  if (v.empty()) return {0.0, NAN, NAN, NAN, NAN, NAN, NAN, NAN};
  // One sweep for the sum and the extremes, each as its own function computes it (row order;
  // std::min_element's and max_element's comparisons), so the bits are the same.
  double sum = 0.0, lo = v[0], hi = v[0];
  for (const double x : v) {
    sum += x;
    lo = x < lo ? x : lo;
    hi = hi < x ? x : hi;
  }
  const double mean = sum / n;
  const double sd = std_of(v, 1, mean);
  constexpr double qs[] = {0.25, 0.5, 0.75};
  double q[3];
  quantiles_of(v, qs, q, copy.empty() ? nullptr : &copy);
  return {n, mean, sd, lo, q[0], q[1], q[2], hi};
}

}  // namespace detail

namespace {

Series compare_number(const Series& s, std::string_view op, double v, bool (*keep)(double, double)) {
  check(is_numeric(s.dtype()), "Series '{}' {} {}: the column is {}, not numeric; compare strings with == or !=",
        s.name(), op, v, column_type_name(s.dtype()));
  std::vector<std::uint8_t> out(static_cast<std::size_t>(s.size()));
  for (std::int64_t i = 0; i < s.size(); ++i) out[static_cast<std::size_t>(i)] = !missing(s, i) && keep(s.number_at(i), v);
  return Series(s.name(), std::move(out)).set_index(s.index());
}

// Missing values equal nothing (NaN == x is False in pandas).
Series equal(const Series& s, const Scalar& v, std::string_view op) {
  std::vector<std::uint8_t> out(static_cast<std::size_t>(s.size()), 0);
  const bool is_text = std::holds_alternative<std::string>(v);
  if (!std::holds_alternative<std::monostate>(v)) {
    const bool text_column = s.dtype() == ColumnType::string || s.dtype() == ColumnType::category;
    check(text_column == is_text, "Series '{}' {} {}: cannot compare a {} column with {}", s.name(), op,
          detail::label_of(v), column_type_name(s.dtype()), is_text ? "a string" : "a number");
    const double number = number_of(v).value_or(0.0);
    for (std::int64_t i = 0; i < s.size(); ++i) {
      if (missing(s, i)) continue;
      out[static_cast<std::size_t>(i)] = is_text ? std::get<std::string>(s.at(i)) == std::get<std::string>(v)
                                                 : s.number_at(i) == number;
    }
  }
  return Series(s.name(), std::move(out)).set_index(s.index());
}

Series logical(const Series& a, const Series& b, std::string_view op, bool both) {
  check(a.dtype() == ColumnType::boolean && b.dtype() == ColumnType::boolean,
        "Series '{}' {} Series '{}': both must be bool masks, got {} and {}", a.name(), op, b.name(),
        column_type_name(a.dtype()), column_type_name(b.dtype()));
  check<ShapeError>(a.size() == b.size(), "Series '{}' {} Series '{}': sizes differ ({} and {})", a.name(), op, b.name(),
                    a.size(), b.size());
  std::vector<std::uint8_t> out(static_cast<std::size_t>(a.size()));
  for (std::int64_t i = 0; i < a.size(); ++i) {
    const auto k = static_cast<std::size_t>(i);
    const bool x = !missing(a, i) && a.bools()[k], y = !missing(b, i) && b.bools()[k];
    out[k] = both ? (x && y) : (x || y);
  }
  return Series(a.name() == b.name() ? a.name() : "", std::move(out)).set_index(a.index());
}

}  // namespace

Series Series::operator>(double v) const { return compare_number(*this, ">", v, [](double a, double b) { return a > b; }); }
Series Series::operator>=(double v) const { return compare_number(*this, ">=", v, [](double a, double b) { return a >= b; }); }
Series Series::operator<(double v) const { return compare_number(*this, "<", v, [](double a, double b) { return a < b; }); }
Series Series::operator<=(double v) const { return compare_number(*this, "<=", v, [](double a, double b) { return a <= b; }); }
Series Series::operator==(const Scalar& v) const { return equal(*this, v, "=="); }
// x != v is !(x == v), so missing values are != everything (pandas).
Series Series::operator!=(const Scalar& v) const { return !equal(*this, v, "!="); }
Series Series::operator&(const Series& other) const { return logical(*this, other, "&", true); }
Series Series::operator|(const Series& other) const { return logical(*this, other, "|", false); }

Series Series::operator!() const {
  std::vector<std::uint8_t> out = bools();
  for (auto& b : out) b = !b;
  return Series(name_, std::move(out), valid_).set_index(index_);
}

Series& Series::set_index(std::vector<std::string> labels) {
  check<ShapeError>(labels.empty() || static_cast<std::int64_t>(labels.size()) == size(),
                    "Series '{}': set_index got {} labels for {} rows", name_, labels.size(), size());
  index_ = std::move(labels);
  return *this;
}

Tensor Series::to_tensor(Dtype dtype) const {
  check(is_numeric(this->dtype()), "Series '{}': to_tensor needs a numeric or bool column, got {}; encode it first "
        "(get_dummies, or astype(ColumnType::category) and its codes)", name_, column_type_name(this->dtype()));
  for (std::int64_t i = 0; i < size(); ++i)
    check(!missing(*this, i), "Series '{}': to_tensor: row {} is missing; use dropna() or fillna() first", name_, i);
  const Shape shape{size()};
  switch (this->dtype()) {
    case ColumnType::int64: return from_vector<std::int64_t>(ints(), shape, {.dtype = dtype});
    case ColumnType::boolean: return from_vector<std::uint8_t>(bools(), shape, {.dtype = dtype});
    default: return from_vector<double>(doubles(), shape, {.dtype = dtype});
  }
}

}  // namespace axon::frame
