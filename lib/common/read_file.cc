// ReadRegularFile: open without blocking, check what the descriptor is, then
// read to the end within the limit (RegularFile reads the same way in pieces).
#include "common/read_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <new>
#include <string>
#include <system_error>

namespace candor {
namespace internal {
namespace {

std::string ErrnoText(int error) { return std::generic_category().message(error); }

// What a file that is not regular is, to say so in the error.
const char* FileKind(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "of an unknown kind";
}

// Grow the buffer by half again (at least this much) when a file outgrows the
// size fstat reported; read at most kMaxRead bytes per call (Linux returns at
// most about 2 GiB from one read anyway).
constexpr size_t kMinGrowth = size_t{1} << 16;
constexpr size_t kMaxRead = size_t{1} << 30;

}  // namespace

RegularFile::~RegularFile() {
  if (fd_ >= 0) close(fd_);
}

Status RegularFile::Open(const std::string& path, uint64_t max_bytes, std::string_view what) {
  named_ = std::string(what) + " '" + path + "'";
  if (path.find('\0') != std::string::npos) {
    return InvalidArgument(named_ + ": the path contains a NUL byte");
  }
  // O_NONBLOCK: opening a FIFO without a writer would otherwise wait forever
  // (it is refused below). O_NOCTTY: a terminal never becomes ours.
  int fd;
  do {
    fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    const int error = errno;
    const std::string why = "cannot open " + named_ + ": " + ErrnoText(error);
    return error == ENOENT || error == ENOTDIR ? NotFound(why) : IoError(why);
  }
  fd_ = fd;
  // The opened descriptor, not the path: what is read is what was checked.
  struct stat info;
  if (fstat(fd_, &info) != 0) {
    return IoError("cannot inspect " + named_ + ": " + ErrnoText(errno));
  }
  if (!S_ISREG(info.st_mode)) {
    return IoError("cannot read " + named_ + ": it is " + FileKind(info.st_mode) +
                   ", not a regular file");
  }
  size_ = info.st_size > 0 ? static_cast<uint64_t>(info.st_size) : 0;
  max_bytes_ = max_bytes;
  // The most bytes accepted; one less than the type's maximum so that
  // limit + 1 (the buffer that detects growth past it) cannot wrap.
  limit_ = max_bytes == 0 ? UINT64_MAX - 1 : std::min(max_bytes, UINT64_MAX - 1);
  if (size_ > limit_) {
    return InvalidArgument(named_ + " is " + std::to_string(size_) +
                           " bytes, more than the limit of " + std::to_string(max_bytes) +
                           " bytes");
  }
  // Blocking reads from here on (O_NONBLOCK means nothing for a regular file
  // on local file systems, but some network file systems honour it).
  const int flags = fcntl(fd_, F_GETFL);
  if (flags >= 0) fcntl(fd_, F_SETFL, flags & ~O_NONBLOCK);
  return OkStatus();
}

Status RegularFile::Read(char* buffer, size_t capacity, size_t* got) {
  *got = 0;
  ssize_t count;
  do {
    count = read(fd_, buffer, std::min(capacity, kMaxRead));
  } while (count < 0 && errno == EINTR);
  if (count < 0) return IoError("cannot read " + named_ + ": " + ErrnoText(errno));
  *got = static_cast<size_t>(count);
  bytes_read_ += *got;
  if (bytes_read_ > limit_) {
    return InvalidArgument(named_ + " grew past the limit of " + std::to_string(max_bytes_) +
                           " bytes while it was read");
  }
  return OkStatus();
}

Status ReadRegularFile(const std::string& path, uint64_t max_bytes, std::string* contents,
                       std::string_view what) {
  RegularFile file;
  CANDOR_RETURN_IF_ERROR(file.Open(path, max_bytes, what));
  try {
    std::string data;
    // One byte more than fstat's size: a file that did not change ends with
    // a read of 0 bytes into it, without regrowing. (Files in /proc report
    // size 0 and are read by growing.) Growth stops one byte past the limit,
    // which Read refuses.
    data.resize(static_cast<size_t>(file.size()) + 1);
    size_t used = 0;
    while (true) {
      if (used == data.size()) {
        const uint64_t grown = std::min<uint64_t>(
            static_cast<uint64_t>(used) + std::max(used / 2, kMinGrowth), file.limit() + 1);
        data.resize(static_cast<size_t>(grown));
      }
      size_t got = 0;
      CANDOR_RETURN_IF_ERROR(file.Read(&data[used], data.size() - used, &got));
      if (got == 0) break;
      used += got;
    }
    data.resize(used);
    contents->swap(data);
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory reading " + file.named() + " (" +
                                            std::to_string(file.size()) + " bytes)");
  }
  return OkStatus();
}

}  // namespace internal
}  // namespace candor
