// The engine behind read_csv: one pass over the bytes that splits records into fields and infers
// each column's type on the fly, run on several chunks of the input at once.
#pragma once

#include "axon/frame/csv.hpp"

#include <cstddef>
#include <functional>
#include <string_view>

namespace axon::frame::csv_detail {

/// Told about byte ranges of the input that the parser has finished reading. read_csv(path) uses
/// it to drop those pages of its memory map, so peak memory stays near the size of the columns
/// rather than the size of the file. The parser may read a released range again (re-parsing a
/// column that turned out to hold strings); the map then pages it back in.
using ReleaseFn = std::function<void(const char* begin, const char* end)>;

/// How the input is cut between threads. The defaults are read_csv's; the fuzzer cuts tiny inputs
/// into several chunks to check that the result does not depend on the cuts.
struct Split {
  int threads = 0;                           ///< 0: axon::get_num_threads()
  std::size_t min_chunk_bytes = 256 * 1024;  ///< below this much data per thread a thread costs more than it saves
};

/// Parses CSV text into a frame. `source` names the input in error messages ("data.csv:12:3: ...").
DataFrame parse(std::string_view text, const CsvOptions& options, std::string_view source,
                const ReleaseFn& release = {}, Split split = {});

}  // namespace axon::frame::csv_detail
