// ProgressTicker and ParallelChunks with a ticker: counts from every thread,
// callbacks only on the calling thread, monotone, Finish at total, and a
// stop seen by the workers within a bounded piece of work.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <thread>
#include <vector>

#include "common/parallel.hpp"
#include "common/progress_ticker.hpp"

namespace candor::internal {
namespace {

struct Seen {
  std::thread::id caller = std::this_thread::get_id();
  std::vector<std::pair<int64_t, int64_t>> calls;
  bool other_thread = false;
  size_t stop_after = 0;  // 0: never
};

bool Record(int64_t done, int64_t total, void* self) {
  auto* seen = static_cast<Seen*>(self);
  if (std::this_thread::get_id() != seen->caller) seen->other_thread = true;
  seen->calls.emplace_back(done, total);
  return seen->stop_after == 0 || seen->calls.size() < seen->stop_after;
}

TEST(ProgressTicker, InactiveWithoutCallback) {
  ProgressTicker ticker(Progress(), 10, "x");
  EXPECT_FALSE(ticker.active());
  EXPECT_TRUE(ticker.Add(5));
  EXPECT_TRUE(ticker.Finish());
  EXPECT_TRUE(ticker.Running());
}

TEST(ProgressTicker, ChunksCountFromEveryThreadAndReportOnTheCaller) {
  Seen seen;
  ProgressTicker ticker({&Record, &seen}, 4000, "work");
  ParallelChunks(
      4000, 4,
      [&](size_t, size_t begin, size_t end) {
        for (size_t i = begin; i < end; ++i) {
          if (i % 100 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
          ticker.Add(1);
        }
      },
      &ticker);
  ASSERT_TRUE(ticker.Finish());
  EXPECT_FALSE(seen.other_thread);
  ASSERT_FALSE(seen.calls.empty());
  for (size_t i = 0; i < seen.calls.size(); ++i) {
    EXPECT_EQ(seen.calls[i].second, 4000);
    EXPECT_LE(seen.calls[i].first, 4000);
    if (i > 0) {
      EXPECT_GE(seen.calls[i].first, seen.calls[i - 1].first);
    }
  }
  EXPECT_EQ(seen.calls.back().first, 4000);
}

TEST(ProgressTicker, AStopReachesWorkersWhileTheCallerWaits) {
  // The caller's chunk is empty of work: it waits, polls every 50 ms, and
  // the callback's stop must end the other chunks long before their 20 s.
  Seen seen;
  seen.stop_after = 2;
  ProgressTicker ticker({&Record, &seen}, 1000000, "slow work");
  std::atomic<int64_t> pieces{0};
  const auto start = std::chrono::steady_clock::now();
  ParallelChunks(
      4, 4,
      [&](size_t chunk, size_t, size_t) {
        if (chunk == 0) return;
        for (int piece = 0; piece < 2000; ++piece) {  // 2000 x 10 ms
          std::this_thread::sleep_for(std::chrono::milliseconds(10));
          ++pieces;
          if (!ticker.Add(1)) return;
        }
      },
      &ticker);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_FALSE(ticker.Running());
  EXPECT_FALSE(seen.other_thread);
  EXPECT_EQ(seen.calls.size(), 2u);
  EXPECT_LT(seconds, 1.0);
  EXPECT_LT(pieces.load(), 3 * 100);
  const Status status = ticker.CancelledStatus();
  EXPECT_EQ(status.code(), CANDOR_CANCELLED);
  EXPECT_NE(status.message().find("slow work: cancelled by the progress callback"),
            std::string::npos);
}

TEST(ProgressTicker, CallsAtMostEveryTenMillisecondsButFinishAlways) {
  Seen seen;
  ProgressTicker ticker({&Record, &seen}, 100000, "x");
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 100000; ++i) ticker.Add(1);
  const double ms = std::chrono::duration<double, std::milli>(
                        std::chrono::steady_clock::now() - start).count();
  // The first call, then at most one per 10 ms (100,000 calls without it).
  EXPECT_LE(static_cast<double>(seen.calls.size()), 2 + ms / 10);
  ASSERT_TRUE(ticker.Finish());
  EXPECT_EQ(seen.calls.back(), std::make_pair(int64_t{100000}, int64_t{100000}));
}

}  // namespace
}  // namespace candor::internal
