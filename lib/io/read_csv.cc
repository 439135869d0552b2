// ReadCsv: a whole regular file into memory (within options.max_bytes),
// then ParseCsv.
#include <candor/csv.hpp>
#include <exception>
#include <new>
#include <string>

#include "common/read_file.hpp"

namespace candor {

Result<Table> ReadCsv(const std::string& path, const CsvOptions& options) {
  try {
    std::string contents;
    CANDOR_RETURN_IF_ERROR(internal::ReadRegularFile(path, options.max_bytes, &contents));
    Result<Table> table = ParseCsv(contents, options);
    if (!table.ok()) {
      return Status(table.status().code(), "'" + path + "': " + table.status().message());
    }
    return table;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory reading " + path);
  } catch (const std::exception& e) {
    return Status(CANDOR_INTERNAL, "unexpected error reading " + path + ": " + e.what());
  }
}

}  // namespace candor
