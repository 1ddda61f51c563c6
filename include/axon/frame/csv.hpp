// Reading and writing CSV (pandas read_csv / to_csv names and defaults).
#pragma once

#include "axon/frame/dataframe.hpp"

#include <filesystem>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace axon::frame {

/// pandas.read_csv's options, with its defaults. Fields may be quoted (quotechar): a quoted field
/// holds delimiters and line ends, and "" inside it is one quote. Lines end with \n, \r\n or \r;
/// a UTF-8 byte order mark is skipped; blank (or whitespace-only) lines are skipped.
struct CsvOptions {
  char delimiter = ',';
  /// First row holds the names (pandas header=0); false: columns are named "0", "1", ... or `names`.
  /// An empty name in the header becomes "Unnamed: <i>", as in pandas.
  bool header = true;
  /// Column names; with header = true they replace the header's. Their count must match the fields.
  std::vector<std::string> names{};
  /// Tokens read as missing, in addition to the defaults unless keep_default_na is false. Defaults
  /// (pandas'): "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND",
  /// "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null". Quoted or not.
  std::vector<std::string> na_values{};
  bool keep_default_na = true;
  /// Forced column types by name ("category" builds a Categorical with sorted categories); a value
  /// that does not parse is a ValueError with line and column. Missing values are allowed in every
  /// type (validity mask). A name that is not a column is a ValueError.
  std::map<std::string, ColumnType> dtype{};
  std::vector<std::string> usecols{};   ///< keep only these columns (in file order, as pandas)
  std::optional<std::int64_t> nrows{};  ///< read at most this many data rows (what follows is not read)
  std::int64_t skiprows = 0;            ///< lines skipped at the start of the file, before the header
  /// Starts a comment that runs to the end of the line (outside quotes); a line that is only a
  /// comment is skipped. '\0': no comments.
  char comment = '\0';
  /// '\0': no quoting.
  char quotechar = '"';
};

/// Parses a CSV file (memory-mapped, parsed by up to get_num_threads() threads; the result does
/// not depend on the thread count).
///
/// Types are inferred per column from its non-missing values, as pandas does: int64 if all are
/// integers, else float64 if all are numbers (decimal, exponent, inf/infinity; correctly rounded),
/// else bool if all are True/False/true/false/TRUE/FALSE, else string (the original text, e.g.
/// "007"). Unlike pandas, missing values do not change the type: an int64 or bool column with
/// missing values stays int64 or bool, with the missing rows masked (Series::is_na), where pandas
/// gives float64 with NaN or object. A column with no values at all is float64 (all missing); a
/// file with a header and no rows gives string columns, as pandas' object. An integer too large
/// for int64 makes the column float64 (pandas: uint64 or object).
///
/// Errors name the source, the 1-based line and the 1-based column (field number, and the column
/// name when known) and say what was expected and found, e.g.
/// `penguins.csv:12:9: expected 8 fields, found 9 (a value that contains ',' must be quoted)`:
///   IoError    the file cannot be opened or read;
///   ValueError a row with more or fewer fields than the header, a quote that never closes, a value
///              that does not parse as the type forced by `dtype`, no header or data at all,
///              duplicate column names (pandas would rename them "a.1"; both positions are named),
///              usecols/dtype naming a column that is not there.
DataFrame read_csv(const std::filesystem::path& path, const CsvOptions& options = {});
/// The same from text in memory; `source` names it in error messages.
DataFrame read_csv_string(std::string_view text, const CsvOptions& options = {}, std::string_view source = "<string>");
/// The same from a stream (read to its end first).
DataFrame read_csv(std::istream& in, const CsvOptions& options = {}, std::string_view source = "<stream>");

struct CsvWriteOptions {
  char delimiter = ',';
  bool header = true;
  std::string na_rep{};  ///< text for missing values (pandas default: empty)
};

/// Writes the frame as pandas' to_csv(index=False) does: fields that hold the delimiter, a quote or
/// a line end are quoted (quotes doubled); floats in the shortest text that reads back as the same
/// double, with ".0" on whole numbers (1.0, 1e+16, inf); bools as True/False; missing values (and
/// NaN) as na_rep. The row labels are not written. read_csv(to_csv(df)) gives df back, except that
/// text which reads as a number or an NA token changes type, as in pandas.
/// Writes atomically: to "<path>.tmp.<pid>" in the same folder, flushed and synced, then renamed over
/// `path`; on any error the temporary file is removed and an IoError names `path`.
void to_csv(const DataFrame& df, const std::filesystem::path& path, const CsvWriteOptions& options = {});
std::string to_csv_string(const DataFrame& df, const CsvWriteOptions& options = {});

}  // namespace axon::frame
