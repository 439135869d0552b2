// ReadCsv: a whole file into memory, then ParseCsv.
#include <sys/stat.h>

#include <candor/csv.hpp>
#include <cerrno>
#include <cstdio>
#include <exception>
#include <new>
#include <string>
#include <system_error>

namespace candor {
namespace {

std::string ErrnoText(int error) { return std::generic_category().message(error); }

Status ReadFile(const std::string& path, std::string* contents) {
  const std::string quoted = "'" + path + "'";
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    const int error = errno;
    const std::string why = "cannot open " + quoted + ": " + ErrnoText(error);
    return error == ENOENT ? NotFound(why) : IoError(why);
  }
  // The size of a regular file spares regrowing the buffer. (Not ftell: on a
  // directory it returns LONG_MAX; reading a directory fails below instead.)
  struct stat info;
  if (fstat(fileno(file), &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0) {
    contents->reserve(static_cast<size_t>(info.st_size));
  }
  constexpr size_t kChunk = 1 << 20;
  size_t used = 0;
  while (true) {
    contents->resize(used + kChunk);
    const size_t got = std::fread(&(*contents)[used], 1, kChunk, file);
    used += got;
    if (got < kChunk) break;
  }
  contents->resize(used);
  const bool failed = std::ferror(file) != 0;
  const int error = errno;
  std::fclose(file);
  if (failed) return IoError("cannot read " + quoted + ": " + ErrnoText(error));
  return OkStatus();
}

}  // namespace

Result<Table> ReadCsv(const std::string& path, const CsvOptions& options) {
  try {
    std::string contents;
    CANDOR_RETURN_IF_ERROR(ReadFile(path, &contents));
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
