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

struct CsvOptions {
  char delimiter = ',';
  /// First row holds the names (pandas header=0); false: columns are named "0", "1", ... or `names`.
  bool header = true;
  std::vector<std::string> names;
  /// Tokens read as missing, in addition to the defaults unless keep_default_na is false.
  /// Defaults: "", "NA", "N/A", "NaN", "nan", "-NaN", "null", "NULL", "None", "#N/A", "n/a".
  std::vector<std::string> na_values;
  bool keep_default_na = true;
  /// Forced column types by name; a value that does not parse is an error with line and column.
  std::map<std::string, ColumnType> dtype;
  std::vector<std::string> usecols;  ///< keep only these columns (in file order)
  std::optional<std::int64_t> nrows; ///< read at most this many data rows
  std::int64_t skiprows = 0;         ///< lines skipped at the start of the file
  char comment = '\0';               ///< lines starting with this character are skipped
  char quotechar = '"';
};

/// Parses a CSV file. Types are inferred per column: int64, else float64, else bool
/// (True/False/true/false), else string. Errors (IoError/ValueError) name the file, line and column.
DataFrame read_csv(const std::filesystem::path& path, const CsvOptions& options = {});
/// The same from text in memory; `source` names it in error messages.
DataFrame read_csv_string(std::string_view text, const CsvOptions& options = {}, std::string_view source = "<string>");
DataFrame read_csv(std::istream& in, const CsvOptions& options = {}, std::string_view source = "<stream>");

struct CsvWriteOptions {
  char delimiter = ',';
  bool header = true;
  std::string na_rep;  ///< text for missing values (pandas default: empty)
};

/// Writes atomically: to a temporary name in the same folder, then renamed over `path`.
void to_csv(const DataFrame& df, const std::filesystem::path& path, const CsvWriteOptions& options = {});
std::string to_csv_string(const DataFrame& df, const CsvWriteOptions& options = {});

}  // namespace axon::frame
