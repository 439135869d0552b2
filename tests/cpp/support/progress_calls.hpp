// tests/cpp/support/progress_calls.hpp — a progress callback that records
// what it hears and stops at its k-th call, and the checks the progress
// tests of several modules share.
#ifndef CANDOR_TESTS_SUPPORT_PROGRESS_CALLS_HPP_
#define CANDOR_TESTS_SUPPORT_PROGRESS_CALLS_HPP_

#include <gtest/gtest.h>

#include <candor/status.hpp>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace candor::testing {

struct Calls {
  int stop_at = 0;  // 0: never stop; k: return false at the k-th call
  std::vector<std::pair<int64_t, int64_t>> seen;
};

// A candor::Progress callback; user_data is a Calls.
inline bool Listen(int64_t done, int64_t total, void* user_data) {
  auto* calls = static_cast<Calls*>(user_data);
  calls->seen.emplace_back(done, total);
  return calls->stop_at == 0 || static_cast<int>(calls->seen.size()) < calls->stop_at;
}

// done stays in [0, total] and never decreases, total never changes, and
// the last call says done.
inline void ExpectCompleteReports(const Calls& calls, int64_t total) {
  ASSERT_FALSE(calls.seen.empty());
  for (size_t i = 0; i < calls.seen.size(); ++i) {
    EXPECT_EQ(calls.seen[i].second, total);
    EXPECT_GE(calls.seen[i].first, 0);
    EXPECT_LE(calls.seen[i].first, total);
    if (i > 0) EXPECT_GE(calls.seen[i].first, calls.seen[i - 1].first);
  }
  EXPECT_EQ(calls.seen.back().first, total);
}

// CANDOR_CANCELLED naming `what` and the last done the callback heard, and
// no call after the one that said stop.
inline void ExpectCancelled(const Status& status, const std::string& what, const Calls& calls) {
  EXPECT_EQ(status.code(), CANDOR_CANCELLED) << status.message();
  ASSERT_FALSE(calls.seen.empty());
  EXPECT_EQ(status.message(), what + ": cancelled by the progress callback after " +
                                  std::to_string(calls.seen.back().first) + " of " +
                                  std::to_string(calls.seen.back().second) + " steps");
  EXPECT_EQ(static_cast<int>(calls.seen.size()), calls.stop_at);
}

// For k = 1 and 2 (at least two calls come, the first and the last, however
// fast the work): a callback that says stop at its k-th call makes run()
// fail with ExpectCancelled's status. `options` is the one run() reads.
template <typename Options, typename Run>
void ExpectStopsWhereTold(Options* options, const std::string& what, Run run) {
  for (int k : {1, 2}) {
    Calls stop;
    stop.stop_at = k;
    options->progress = {Listen, &stop};
    const auto stopped = run();
    ASSERT_FALSE(stopped.ok());
    ExpectCancelled(stopped.status(), what, stop);
  }
}

}  // namespace candor::testing

#endif  // CANDOR_TESTS_SUPPORT_PROGRESS_CALLS_HPP_
