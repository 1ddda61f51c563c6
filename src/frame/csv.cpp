// read_csv's inputs (a memory-mapped file, a stream, a string) and to_csv's output.
#include "axon/frame/csv.hpp"

#include "axon/core/error.hpp"
#include "csv_parser.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <istream>

namespace axon::frame {
namespace {

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() { if (fd_ >= 0) ::close(fd_); }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

class Mapping {
 public:
  Mapping(void* data, std::size_t size) : data_(data), size_(size) {}
  ~Mapping() { ::munmap(data_, size_); }
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  std::string_view text() const { return {static_cast<const char*>(data_), size_}; }

 private:
  void* data_;
  std::size_t size_;
};

// Drops the whole pages of [begin, end) from this process's map; the page cache keeps them, so
// reading them again costs a page fault, not a disk read.
void release_pages(const char* begin, const char* end) {
  static const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  const auto b = (reinterpret_cast<std::uintptr_t>(begin) + page - 1) / page * page;
  const auto e = reinterpret_cast<std::uintptr_t>(end) / page * page;
  if (e > b) ::madvise(reinterpret_cast<void*>(b), e - b, MADV_DONTNEED);
}

std::string read_all(int fd, const std::string& source) {
  std::string text;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0 && errno == EINTR) continue;
    check<IoError>(n > 0, "{}: cannot read the file: {}", source, std::strerror(errno));
    text.append(buffer, static_cast<std::size_t>(n));
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Writing.

// One column's data, looked up once rather than per cell.
struct ColumnView {
  const Series* series;
  ColumnType type;
  const std::vector<std::uint8_t>* valid;
};

class CsvWriter {
 public:
  CsvWriter(const DataFrame& df, const CsvWriteOptions& options) : df_(df), options_(options) {
    for (std::int64_t j = 0; j < df.shape().second; ++j) {
      const Series& s = df.column(j);
      columns_.push_back({&s, s.dtype(), &s.validity()});
    }
  }

  // Writes the text, handing it to `sink` in pieces of about 1 MiB.
  template <typename Sink>
  void write(Sink&& sink) {
    if (options_.header && !columns_.empty()) {
      for (std::size_t j = 0; j < columns_.size(); ++j) {
        if (j) buf_.push_back(options_.delimiter);
        text(columns_[j].series->name());
      }
      buf_.push_back('\n');
    }
    const std::int64_t rows = df_.rows();
    for (std::int64_t i = 0; i < rows; ++i) {
      for (std::size_t j = 0; j < columns_.size(); ++j) {
        if (j) buf_.push_back(options_.delimiter);
        cell(columns_[j], static_cast<std::size_t>(i));
      }
      buf_.push_back('\n');
      if (buf_.size() >= (1 << 20)) {
        sink(std::string_view(buf_.data(), buf_.size()));
        buf_.clear();
      }
    }
    if (buf_.size()) sink(std::string_view(buf_.data(), buf_.size()));
    buf_.clear();
  }

 private:
  void cell(const ColumnView& c, std::size_t i) {
    if (!c.valid->empty() && !(*c.valid)[i]) return text(options_.na_rep);
    const Series::Data& data = c.series->data();
    switch (c.type) {
      case ColumnType::float64: return number(std::get<std::vector<double>>(data)[i]);
      case ColumnType::int64: fmt::format_to(std::back_inserter(buf_), "{}", std::get<std::vector<std::int64_t>>(data)[i]); return;
      case ColumnType::boolean: return text(std::get<std::vector<std::uint8_t>>(data)[i] ? "True" : "False");
      case ColumnType::string: return text(std::get<std::vector<std::string>>(data)[i]);
      case ColumnType::category: {
        const auto& cat = std::get<Categorical>(data);
        const std::int32_t code = cat.codes[i];
        return text(code < 0 ? std::string_view(options_.na_rep) : std::string_view((*cat.categories)[static_cast<std::size_t>(code)]));
      }
    }
  }

  // Shortest text that reads back as the same double (fmt's "{}", Dragonbox), with ".0" added to
  // whole numbers so that the column reads back as float64, as pandas writes 1.0.
  void number(double v) {
    if (std::isnan(v)) return text(options_.na_rep);
    const std::size_t start = buf_.size();
    fmt::format_to(std::back_inserter(buf_), "{}", v);
    const std::string_view written(buf_.data() + start, buf_.size() - start);
    if (written.find_first_of(".en") == std::string_view::npos) buf_.append(std::string_view(".0"));
  }

  // Quoted when it holds the delimiter, a quote or a line end (pandas QUOTE_MINIMAL); in a
  // one-column frame also when it is blank, or read_csv would skip the line; and when it starts
  // with a UTF-8 byte order mark, which read_csv would drop from the start of the file (csv_fuzz).
  void text(std::string_view s) {
    const bool lone_blank = columns_.size() == 1 && s.find_first_not_of(" \t") == std::string_view::npos;
    const bool quote = lone_blank || s.find_first_of("\"\n\r") != std::string_view::npos ||
                       s.find(options_.delimiter) != std::string_view::npos || s.starts_with("\xEF\xBB\xBF");
    if (!quote) return buf_.append(s);
    buf_.push_back('"');
    for (char c : s) {
      if (c == '"') buf_.push_back('"');
      buf_.push_back(c);
    }
    buf_.push_back('"');
  }

  const DataFrame& df_;
  const CsvWriteOptions& options_;
  std::vector<ColumnView> columns_;
  fmt::memory_buffer buf_;
};

}  // namespace

DataFrame read_csv_string(std::string_view text, const CsvOptions& options, std::string_view source) {
  return csv_detail::parse(text, options, source);
}

DataFrame read_csv(std::istream& in, const CsvOptions& options, std::string_view source) {
  std::string text;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) text.append(buffer, static_cast<std::size_t>(in.gcount()));
  check<IoError>(!in.bad(), "{}: the stream failed while reading", source);
  return csv_detail::parse(text, options, source);
}

DataFrame read_csv(const std::filesystem::path& path, const CsvOptions& options) {
  const std::string source = path.string();
  const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  check<IoError>(fd.get() >= 0, "{}: cannot open the file: {}", source, std::strerror(errno));
  struct stat st {};
  check<IoError>(::fstat(fd.get(), &st) == 0, "{}: cannot read the file: {}", source, std::strerror(errno));
  check<IoError>(!S_ISDIR(st.st_mode), "{}: is a directory, expected a CSV file", source);
  if (S_ISREG(st.st_mode) && st.st_size > 0) {
    const auto size = static_cast<std::size_t>(st.st_size);
    void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd.get(), 0);
    if (data != MAP_FAILED) {
      const Mapping map(data, size);
      ::madvise(data, size, MADV_SEQUENTIAL);
      return csv_detail::parse(map.text(), options, source, release_pages);
    }
  }
  // Pipes, devices, empty files, or a map that failed: read the bytes once.
  const std::string text = read_all(fd.get(), source);
  return csv_detail::parse(text, options, source);
}

std::string to_csv_string(const DataFrame& df, const CsvWriteOptions& options) {
  std::string out;
  CsvWriter(df, options).write([&](std::string_view piece) { out.append(piece); });
  return out;
}

void to_csv(const DataFrame& df, const std::filesystem::path& path, const CsvWriteOptions& options) {
  const std::string target = path.string();
  const std::string temp = fmt::format("{}.tmp.{}", target, ::getpid());
  std::FILE* file = std::fopen(temp.c_str(), "wb");
  check<IoError>(file != nullptr, "{}: cannot write: {} (while creating {})", target, std::strerror(errno), temp);
  try {
    CsvWriter(df, options).write([&](std::string_view piece) {
      check<IoError>(std::fwrite(piece.data(), 1, piece.size(), file) == piece.size(), "{}: cannot write: {}", target,
                     std::strerror(errno));
    });
    check<IoError>(std::fflush(file) == 0 && ::fsync(::fileno(file)) == 0, "{}: cannot write: {}", target,
                   std::strerror(errno));
    const int closed = std::fclose(file);
    file = nullptr;
    check<IoError>(closed == 0, "{}: cannot write: {}", target, std::strerror(errno));
    std::error_code ec;
    std::filesystem::rename(temp, path, ec);
    check<IoError>(!ec, "{}: cannot replace the file with {}: {}", target, temp, ec.message());
  } catch (...) {
    if (file) std::fclose(file);
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    try {
      throw;
    } catch (const Error&) {
      throw;
    } catch (const std::exception& e) {
      throw IoError(fmt::format("{}: cannot write: {}", target, e.what()));
    }
  }
}

}  // namespace axon::frame
