// Runs work over an index range on a few std::threads.
#ifndef CANDOR_COMMON_PARALLEL_HPP_
#define CANDOR_COMMON_PARALLEL_HPP_

#include <cstddef>
#include <functional>

namespace candor::internal {

// 0 means "all hardware threads"; the result is at least 1.
int ResolveThreadCount(int requested);

// Calls work(chunk, begin, end) for `chunks` contiguous, ordered pieces of
// [0, n) and returns the number of chunks used (at most max(1, threads),
// never more than n). Chunk 0 runs on the calling thread. If a thread cannot
// be started its chunk runs on the calling thread. `work` must not throw.
// Callers keep results independent of the thread count by combining per-chunk
// results exactly (integers) or by keying randomness on the index, not the
// chunk.
size_t ParallelChunks(size_t n, int threads,
                      const std::function<void(size_t chunk, size_t begin, size_t end)>& work);

// The number of chunks ParallelChunks(n, threads, ...) will use.
size_t ChunkCount(size_t n, int threads);

}  // namespace candor::internal

#endif  // CANDOR_COMMON_PARALLEL_HPP_
