// Test helpers for readers of files: a scratch directory with a FIFO, a
// sparse file of any size, and a call that must not block on the FIFO.
#ifndef CANDOR_TESTS_CPP_SUPPORT_SPECIAL_FILES_HPP_
#define CANDOR_TESTS_CPP_SUPPORT_SPECIAL_FILES_HPP_

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <candor/status.hpp>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <future>
#include <initializer_list>
#include <string>
#include <thread>
#include <vector>

namespace candor::testing_files {

// A fresh directory under the test temp dir, removed with what the helpers
// made in it.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = ::testing::TempDir() + "/candor_files_XXXXXX";
    path_ = mkdtemp(&pattern[0]) == nullptr ? "" : pattern;
  }
  ~ScratchDir() {
    for (const std::string& made : made_) unlink(made.c_str());
    if (!path_.empty()) rmdir(path_.c_str());
  }
  const std::string& path() const { return path_; }

  // A FIFO named `name` in the directory; "" if mkfifo failed.
  std::string Fifo(const std::string& name) {
    const std::string fifo = path_ + "/" + name;
    if (mkfifo(fifo.c_str(), 0600) != 0) return "";
    made_.push_back(fifo);
    return fifo;
  }

  // A regular file of `size` bytes (sparse: costs no disk space), with
  // `head` at its start.
  std::string File(const std::string& name, uint64_t size, const std::string& head = "") {
    const std::string file = path_ + "/" + name;
    const int fd = open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return "";
    made_.push_back(file);
    const bool ok = write(fd, head.data(), head.size()) == static_cast<ssize_t>(head.size()) &&
                    ftruncate(fd, static_cast<off_t>(size)) == 0;
    close(fd);
    return ok ? file : "";
  }

 private:
  std::string path_;
  std::vector<std::string> made_;
};

// Runs `read` (which reads `fifo`) on a thread. A reader that blocks on the
// FIFO is a failure, not a hung test: after `seconds`, a writer opens and
// closes the FIFO so that the blocked reader sees its end, and the call's
// status is returned all the same.
inline Status ReadsFifoWithoutBlocking(const std::string& fifo, const std::function<Status()>& read,
                                       int seconds = 10) {
  std::promise<Status> promise;
  std::future<Status> status = promise.get_future();
  std::thread reader([&] { promise.set_value(read()); });
  if (status.wait_for(std::chrono::seconds(seconds)) != std::future_status::ready) {
    ADD_FAILURE() << "reading the FIFO " << fifo << " blocked for " << seconds << " s";
    // Succeeds once the reader holds the FIFO open (it is blocked in open or
    // read); closing it at once gives the reader end-of-file.
    const int writer = open(fifo.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
    if (writer >= 0) close(writer);
  }
  reader.join();
  return status.get();
}

// Fails unless `status` has `code` and its message contains every piece.
inline void ExpectStatus(const Status& status, StatusCode code,
                         std::initializer_list<std::string> pieces) {
  EXPECT_EQ(status.code(), code) << status.message();
  for (const std::string& piece : pieces) {
    EXPECT_NE(status.message().find(piece), std::string::npos)
        << "'" << piece << "' not in: " << status.message();
  }
}

}  // namespace candor::testing_files

#endif  // CANDOR_TESTS_CPP_SUPPORT_SPECIAL_FILES_HPP_
