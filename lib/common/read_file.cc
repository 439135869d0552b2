// ReadRegularFile: open without blocking, check what the descriptor is, then
// read to the end within the limit.
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

// Closes the descriptor on every return path.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (fd_ >= 0) close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

// Grow the buffer by half again (at least this much) when a file outgrows the
// size fstat reported; read at most kMaxRead bytes per call (Linux returns at
// most about 2 GiB from one read anyway).
constexpr size_t kMinGrowth = size_t{1} << 16;
constexpr size_t kMaxRead = size_t{1} << 30;

}  // namespace

Status ReadRegularFile(const std::string& path, uint64_t max_bytes, std::string* contents,
                       std::string_view what) {
  const std::string named = std::string(what) + " '" + path + "'";
  if (path.find('\0') != std::string::npos) {
    return InvalidArgument(named + ": the path contains a NUL byte");
  }
  // O_NONBLOCK: opening a FIFO without a writer would otherwise wait forever
  // (it is refused below). O_NOCTTY: a terminal never becomes ours.
  int fd;
  do {
    fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    const int error = errno;
    const std::string why = "cannot open " + named + ": " + ErrnoText(error);
    return error == ENOENT || error == ENOTDIR ? NotFound(why) : IoError(why);
  }
  Descriptor file(fd);
  // The opened descriptor, not the path: what is read is what was checked.
  struct stat info;
  if (fstat(file.get(), &info) != 0) {
    return IoError("cannot inspect " + named + ": " + ErrnoText(errno));
  }
  if (!S_ISREG(info.st_mode)) {
    return IoError("cannot read " + named + ": it is " + FileKind(info.st_mode) +
                   ", not a regular file");
  }
  const uint64_t size = info.st_size > 0 ? static_cast<uint64_t>(info.st_size) : 0;
  // The most bytes accepted; one less than the type's maximum so that
  // limit + 1 (the buffer that detects growth past it) cannot wrap.
  const uint64_t limit = max_bytes == 0 ? UINT64_MAX - 1 : std::min(max_bytes, UINT64_MAX - 1);
  if (size > limit) {
    return InvalidArgument(named + " is " + std::to_string(size) +
                           " bytes, more than the limit of " + std::to_string(max_bytes) +
                           " bytes");
  }
  // Blocking reads from here on (O_NONBLOCK means nothing for a regular file
  // on local file systems, but some network file systems honour it).
  const int flags = fcntl(file.get(), F_GETFL);
  if (flags >= 0) fcntl(file.get(), F_SETFL, flags & ~O_NONBLOCK);

  try {
    std::string data;
    // One byte more than fstat's size: a file that did not change ends with
    // a read of 0 bytes into it, without regrowing. (Files in /proc report
    // size 0 and are read by growing.)
    data.resize(static_cast<size_t>(size) + 1);
    size_t used = 0;
    while (true) {
      if (used == data.size()) {
        const uint64_t grown = std::min<uint64_t>(
            static_cast<uint64_t>(used) + std::max(used / 2, kMinGrowth), limit + 1);
        data.resize(static_cast<size_t>(grown));
      }
      const size_t want = std::min(data.size() - used, kMaxRead);
      const ssize_t got = read(file.get(), &data[used], want);
      if (got < 0) {
        if (errno == EINTR) continue;
        return IoError("cannot read " + named + ": " + ErrnoText(errno));
      }
      if (got == 0) break;
      used += static_cast<size_t>(got);
      if (used > limit) {
        return InvalidArgument(named + " grew past the limit of " + std::to_string(max_bytes) +
                               " bytes while it was read");
      }
    }
    data.resize(used);
    contents->swap(data);
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY,
                  "out of memory reading " + named + " (" + std::to_string(size) + " bytes)");
  }
  return OkStatus();
}

}  // namespace internal
}  // namespace candor
