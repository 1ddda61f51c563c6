// The engine behind read_csv: one pass over the bytes that splits records into fields and infers
// each column's type on the fly, run on several chunks of the input at once.
#pragma once

#include "axon/frame/csv.hpp"

#include <functional>
#include <string_view>

namespace axon::frame::csv_detail {

/// Told about byte ranges of the input that the parser has finished reading. read_csv(path) uses
/// it to drop those pages of its memory map, so peak memory stays near the size of the columns
/// rather than the size of the file. The parser may read a released range again (re-parsing a
/// column that turned out to hold strings); the map then pages it back in.
using ReleaseFn = std::function<void(const char* begin, const char* end)>;

/// Parses CSV text into a frame. `source` names the input in error messages ("data.csv:12:3: ...").
DataFrame parse(std::string_view text, const CsvOptions& options, std::string_view source,
                const ReleaseFn& release = {});

}  // namespace axon::frame::csv_detail
