// Runs work over an index range on a few std::threads.
#ifndef CANDOR_COMMON_PARALLEL_HPP_
#define CANDOR_COMMON_PARALLEL_HPP_

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>

namespace candor::internal {

// 0 means "all hardware threads"; the result is at least 1.
int ResolveThreadCount(int requested);

// Calls work(chunk, begin, end) for `chunks` contiguous, ordered pieces of
// [0, n) and returns the number of chunks used (at most max(1, threads),
// never more than n). Chunk 0 runs on the calling thread. If a thread cannot
// be started its chunk runs on the calling thread. If `work` throws, every
// chunk still finishes and the first chunk's exception is rethrown on the
// calling thread (callers turn std::bad_alloc into CANDOR_OUT_OF_MEMORY).
// Callers keep results independent of the thread count by combining per-chunk
// results exactly (integers) or by keying randomness on the index, not the
// chunk.
size_t ParallelChunks(size_t n, int threads,
                      const std::function<void(size_t chunk, size_t begin, size_t end)>& work);

class ProgressTicker;  // common/progress_ticker.hpp

// The same, telling `ticker` (may be null) while it waits: once the calling
// thread's chunk is done, it calls ticker->Poll() every
// ProgressTicker::kPollEvery until the other chunks end, so that a callback
// can stop the call while other threads still work (they see it through
// ticker->Add() or ticker->Running() and return early).
size_t ParallelChunks(size_t n, int threads,
                      const std::function<void(size_t chunk, size_t begin, size_t end)>& work,
                      ProgressTicker* ticker);

// The number of chunks ParallelChunks(n, threads, ...) will use.
size_t ChunkCount(size_t n, int threads);

// A reusable barrier for the members of one team (RunTeam).
class Barrier {
 public:
  explicit Barrier(int count) : count_(count) {}
  Barrier(const Barrier&) = delete;
  Barrier& operator=(const Barrier&) = delete;
  // Returns once all `count` members have called it in this round.
  void Wait();

 private:
  friend int RunTeam(int, const std::function<void(int, Barrier&)>&);
  std::mutex mutex_;
  std::condition_variable changed_;
  int count_;
  int waiting_ = 0;
  uint64_t round_ = 0;
};

// Runs body(member, barrier) on up to `threads` threads at once, the caller
// being member 0, and returns the team size. Unlike ParallelChunks, threads
// start once for work with many synchronized phases (an iteration that would
// otherwise start threads per phase). A thread that cannot be started makes
// the team smaller (down to the caller alone); the barrier counts only the
// members that run, so bodies must split work by what they take, not by
// their member number. `body` must not throw.
int RunTeam(int threads, const std::function<void(int member, Barrier& barrier)>& body);

}  // namespace candor::internal

#endif  // CANDOR_COMMON_PARALLEL_HPP_
