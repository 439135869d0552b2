// ReadCsv and ReadCsvHeader: a regular file (within options.max_bytes) read
// in chunks and parsed as it is read; ReadWholeFile, a whole file in memory.
#include <candor/csv.hpp>
#include <exception>
#include <new>
#include <string>
#include <vector>

#include "common/read_file.hpp"
#include "csv_records.hpp"

namespace candor {
namespace {

// Opens `path` and parses its bytes with `parse`; parse errors name the path.
template <typename Parse>
auto OpenThenParse(const std::string& path, uint64_t max_bytes, size_t chunk_size, Parse&& parse)
    -> decltype(parse(nullptr)) {
  try {
    internal::RegularFile file;
    CANDOR_RETURN_IF_ERROR(file.Open(path, max_bytes));
    internal::CsvBytes bytes(&file, chunk_size);
    auto parsed = parse(&bytes);
    if (!parsed.ok()) {
      return Status(parsed.status().code(), "'" + path + "': " + parsed.status().message());
    }
    return parsed;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory reading " + path);
  } catch (const std::exception& e) {
    return Status(CANDOR_INTERNAL, "unexpected error reading " + path + ": " + e.what());
  }
}

}  // namespace

namespace internal {

Result<Table> ReadCsvInChunks(const std::string& path, const CsvOptions& options,
                              size_t chunk_size) {
  return OpenThenParse(path, options.max_bytes, chunk_size,
                       [&](CsvBytes* bytes) { return ParseCsvBytes(bytes, options); });
}

}  // namespace internal

// Another encoding than UTF-8: the whole file is read (within max_bytes),
// transcoded and parsed; errors name the path as ReadCsv's do.
template <typename Parse>
auto ReadTranscoded(const std::string& path, const CsvOptions& options, Parse&& parse)
    -> decltype(parse(std::string_view())) {
  Result<std::string> data = ReadWholeFile(path, options.max_bytes);
  if (!data.ok()) return data.status();
  auto parsed = parse(*data);
  if (!parsed.ok()) {
    return Status(parsed.status().code(), "'" + path + "': " + parsed.status().message());
  }
  return parsed;
}

Result<Table> ReadCsv(const std::string& path, const CsvOptions& options) {
  if (internal::NeedsTranscoding(options.encoding)) {
    return ReadTranscoded(path, options,
                          [&](std::string_view data) { return ParseCsv(data, options); });
  }
  return internal::ReadCsvInChunks(path, options, internal::kCsvChunkBytes);
}

// Reads only as far as the end of the header record.
Result<std::vector<std::string>> ReadCsvHeader(const std::string& path, const CsvOptions& options) {
  if (internal::NeedsTranscoding(options.encoding)) {
    return ReadTranscoded(path, options,
                          [&](std::string_view data) { return ParseCsvHeader(data, options); });
  }
  return OpenThenParse(path, options.max_bytes, size_t{1} << 16, [&](internal::CsvBytes* bytes) {
    return internal::ParseCsvHeaderBytes(bytes, options.delimiter);
  });
}

Result<std::string> ReadWholeFile(const std::string& path, uint64_t max_bytes) {
  std::string contents;  // ReadRegularFile reports running out of memory
  CANDOR_RETURN_IF_ERROR(internal::ReadRegularFile(path, max_bytes, &contents));
  return contents;
}

}  // namespace candor
