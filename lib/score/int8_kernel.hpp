// Counting kernels for int8 scores: the hot path for very large inputs.
#ifndef CANDOR_SCORE_INT8_KERNEL_HPP_
#define CANDOR_SCORE_INT8_KERNEL_HPP_

#include <candor/status.hpp>
#include <cstddef>
#include <cstdint>

namespace candor::internal {

// Adds the histogram of `scores` to counts[0 .. scale_max - scale_min]
// (counts[s - scale_min] += 1). Vectorized (AVX2 where the CPU has it, SSE2
// otherwise) for scales of at most 16 points; split across up to `threads`
// threads (0: all cores) for large n. On a score outside the scale returns
// OUT_OF_RANGE naming the first such index, and leaves counts unchanged.
// The result never depends on the thread count.
Status CountInt8Scores(const int8_t* scores, size_t n, int scale_min, int scale_max, int threads,
                       int64_t* counts);

// Per-segment histograms: counts[code * points + (score - scale_min)] += 1,
// with points = scale_max - scale_min + 1 and codes in [0, n_segments);
// counts has n_segments * points entries. Multi-threaded like the above; on a
// bad score or code returns OUT_OF_RANGE naming the first bad index and
// leaves counts unchanged.
Status CountInt8ScoresBySegment(const int8_t* scores, const int32_t* codes, size_t n, int scale_min,
                                int scale_max, int32_t n_segments, int threads, int64_t* counts);

}  // namespace candor::internal

#endif  // CANDOR_SCORE_INT8_KERNEL_HPP_
