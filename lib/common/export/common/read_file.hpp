// Reading a whole input file into memory, safely: only a regular file, and
// at most a given number of bytes. Every reader of user-named files (CSV,
// lexicons, taxonomies, the command line's inputs) goes through here.
#ifndef CANDOR_COMMON_READ_FILE_HPP_
#define CANDOR_COMMON_READ_FILE_HPP_

#include <candor/status.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace candor {
namespace internal {

// Reads the file at `path` into *contents (replaced).
//
// Refuses what is not a regular file (a directory, a FIFO, a character or
// block device, a socket): a FIFO would block and a device such as /dev/zero
// never ends. The check is made on the opened descriptor, so the file cannot
// be swapped between the check and the read, and opening never blocks.
// With max_bytes > 0, refuses a file larger than max_bytes before reading it,
// and stops as soon as a file growing while read passes max_bytes; 0 means no
// limit (a regular file ends, and its size is known before reading).
//
// Errors name `what` and the path (e.g. "lexicon file '/tmp/x'"):
// CANDOR_NOT_FOUND when the path does not exist, CANDOR_IO_ERROR when it
// cannot be opened or read or is not a regular file, CANDOR_INVALID_ARGUMENT
// when it is larger than max_bytes.
Status ReadRegularFile(const std::string& path, uint64_t max_bytes, std::string* contents,
                       std::string_view what = "file");

// A regular file opened and checked as ReadRegularFile does, read piece by
// piece (the chunked CSV reader); the descriptor closes with the object.
class RegularFile {
 public:
  RegularFile() = default;
  RegularFile(const RegularFile&) = delete;
  RegularFile& operator=(const RegularFile&) = delete;
  ~RegularFile();

  // Opens `path` with ReadRegularFile's checks and errors.
  Status Open(const std::string& path, uint64_t max_bytes, std::string_view what = "file");

  // Reads at most `capacity` bytes into `buffer`; *got = 0 at the end of the
  // file. A file growing past max_bytes is CANDOR_INVALID_ARGUMENT.
  Status Read(char* buffer, size_t capacity, size_t* got);

  uint64_t size() const { return size_; }  // fstat's size when opened
  uint64_t bytes_read() const { return bytes_read_; }
  // The most bytes accepted (max_bytes, or UINT64_MAX - 1 without a limit:
  // one less than the type's maximum so that limit() + 1 cannot wrap).
  uint64_t limit() const { return limit_; }
  const std::string& named() const { return named_; }  // "file '/x'"

 private:
  int fd_ = -1;
  uint64_t size_ = 0;
  uint64_t max_bytes_ = 0;
  uint64_t limit_ = 0;
  uint64_t bytes_read_ = 0;
  std::string named_;
};

}  // namespace internal
}  // namespace candor

#endif  // CANDOR_COMMON_READ_FILE_HPP_
