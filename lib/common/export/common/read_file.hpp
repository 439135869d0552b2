// Reading a whole input file into memory, safely: only a regular file, and
// at most a given number of bytes. Every reader of user-named files (CSV,
// lexicons, taxonomies, the command line's inputs) goes through here.
#ifndef CANDOR_COMMON_READ_FILE_HPP_
#define CANDOR_COMMON_READ_FILE_HPP_

#include <candor/status.hpp>
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

}  // namespace internal
}  // namespace candor

#endif  // CANDOR_COMMON_READ_FILE_HPP_
