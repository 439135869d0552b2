// ReadCsv and ReadCsvHeader: a whole regular file into memory (within
// options.max_bytes), then ParseCsv or ParseCsvHeader; ReadWholeFile, the
// same reading for any input file.
#include <candor/csv.hpp>
#include <exception>
#include <new>
#include <string>
#include <vector>

#include "common/read_file.hpp"

namespace candor {
namespace {

// Reads `path` and parses it with `parse`; parse errors name the path.
template <typename Parse>
auto ReadThenParse(const std::string& path, uint64_t max_bytes, Parse&& parse)
    -> decltype(parse(std::string())) {
  try {
    std::string contents;
    CANDOR_RETURN_IF_ERROR(internal::ReadRegularFile(path, max_bytes, &contents));
    auto parsed = parse(contents);
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

Result<Table> ReadCsv(const std::string& path, const CsvOptions& options) {
  return ReadThenParse(path, options.max_bytes,
                       [&](const std::string& data) { return ParseCsv(data, options); });
}

Result<std::vector<std::string>> ReadCsvHeader(const std::string& path, const CsvOptions& options) {
  return ReadThenParse(path, options.max_bytes,
                       [&](const std::string& data) { return ParseCsvHeader(data, options); });
}

Result<std::string> ReadWholeFile(const std::string& path, uint64_t max_bytes) {
  std::string contents;  // ReadRegularFile reports running out of memory
  CANDOR_RETURN_IF_ERROR(internal::ReadRegularFile(path, max_bytes, &contents));
  return contents;
}

}  // namespace candor
