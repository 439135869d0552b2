// candor/progress.hpp — progress reports from long calls, and a way to stop
// them.
//
// A long call (today ReadCsv) calls `callback(done, total, user_data)` now
// and then, with `done` growing and at most `total` (units the call names:
// bytes for ReadCsv). Returning false asks the call to stop: it returns
// CANDOR_CANCELLED soon after (at its next report), with nothing leaked and
// no partial result. The callback runs on the calling thread; it must not
// throw. The struct is plain data (a function pointer and a pointer) so that
// the C ABI and Python can pass the same hook.
#ifndef CANDOR_PROGRESS_HPP_
#define CANDOR_PROGRESS_HPP_

#include <cstdint>

namespace candor {

struct Progress {
  bool (*callback)(int64_t done, int64_t total, void* user_data) = nullptr;
  void* user_data = nullptr;

  // Reports; false when the callback asks to stop (never without one).
  bool Report(int64_t done, int64_t total) const {
    return callback == nullptr || callback(done, total, user_data);
  }
};

}  // namespace candor

#endif  // CANDOR_PROGRESS_HPP_
