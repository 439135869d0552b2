#include "int8_kernel.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "common/parallel.hpp"

namespace candor::internal {
namespace {

// Below this many scores a single thread is faster than starting others.
constexpr size_t kMinScoresPerThread = size_t{1} << 20;

typedef int8_t Int8x32 __attribute__((vector_size(32)));
typedef uint8_t Uint8x32 __attribute__((vector_size(32)));

constexpr size_t kNotFound = std::numeric_limits<size_t>::max();

// Compare-and-count: for each of the kPoints values, a vector of 32 uint8
// lane counters grows by one where a byte equals it (the comparison yields
// -1, which is subtracted). Lanes are flushed every 255 blocks, before they
// can wrap. Bytes equal to no point are simply not counted.
template <int kPoints>
inline __attribute__((always_inline)) void CountBlocks(const int8_t* data, size_t blocks,
                                                       int scale_min, int64_t* counts) {
  Int8x32 targets[kPoints];
  for (int p = 0; p < kPoints; ++p) {
    for (int lane = 0; lane < 32; ++lane) targets[p][lane] = static_cast<int8_t>(scale_min + p);
  }
  while (blocks > 0) {
    const size_t batch = std::min<size_t>(blocks, 255);
    Uint8x32 lanes[kPoints];
    for (int p = 0; p < kPoints; ++p) lanes[p] = Uint8x32{};
    for (size_t b = 0; b < batch; ++b) {
      Int8x32 bytes;
      std::memcpy(&bytes, data, sizeof(bytes));
      data += sizeof(bytes);
      for (int p = 0; p < kPoints; ++p) {
        lanes[p] -= reinterpret_cast<Uint8x32>(bytes == targets[p]);
      }
    }
    for (int p = 0; p < kPoints; ++p) {
      int64_t sum = 0;
      for (int lane = 0; lane < 32; ++lane) sum += lanes[p][lane];
      counts[p] += sum;
    }
    blocks -= batch;
  }
}

// One definition per instruction set, chosen at load time by the CPU.
// Not under ThreadSanitizer: target_clones makes an ifunc whose resolver the
// dynamic loader runs while relocating, before the TSan runtime is set up,
// and the instrumented resolver crashes the program at load. TSan builds
// check threads, not speed, so they take the default definition.
#if defined(__SANITIZE_THREAD__)
#define CANDOR_TARGET_CLONES
#else
#define CANDOR_TARGET_CLONES __attribute__((target_clones("avx2", "default")))
#endif
CANDOR_TARGET_CLONES void CountBlocksDispatch(const int8_t* data, size_t blocks, int scale_min,
                                              int points, int64_t* counts) {
  switch (points) {
#define CANDOR_POINTS_CASE(k)                        \
  case k:                                            \
    CountBlocks<k>(data, blocks, scale_min, counts); \
    return;
    CANDOR_POINTS_CASE(2)
    CANDOR_POINTS_CASE(3)
    CANDOR_POINTS_CASE(4)
    CANDOR_POINTS_CASE(5)
    CANDOR_POINTS_CASE(6)
    CANDOR_POINTS_CASE(7)
    CANDOR_POINTS_CASE(8)
    CANDOR_POINTS_CASE(9)
    CANDOR_POINTS_CASE(10)
    CANDOR_POINTS_CASE(11)
    CANDOR_POINTS_CASE(12)
    CANDOR_POINTS_CASE(13)
    CANDOR_POINTS_CASE(14)
    CANDOR_POINTS_CASE(15)
    CANDOR_POINTS_CASE(16)
#undef CANDOR_POINTS_CASE
    default:
      return;
  }
}

// Scalar histogram for the tail and for wide scales; returns the first index
// (relative to data) of a score outside the scale, or kNotFound.
size_t CountScalar(const int8_t* data, size_t n, int scale_min, int points, int64_t* counts) {
  for (size_t i = 0; i < n; ++i) {
    const unsigned offset = static_cast<unsigned>(static_cast<int>(data[i]) - scale_min);
    if (offset >= static_cast<unsigned>(points)) return i;
    ++counts[offset];
  }
  return kNotFound;
}

size_t FirstOutside(const int8_t* data, size_t n, int scale_min, int points) {
  for (size_t i = 0; i < n; ++i) {
    const unsigned offset = static_cast<unsigned>(static_cast<int>(data[i]) - scale_min);
    if (offset >= static_cast<unsigned>(points)) return i;
  }
  return kNotFound;
}

// Counts one contiguous piece; returns the first bad index within it.
size_t CountPiece(const int8_t* data, size_t n, int scale_min, int points, int64_t* counts) {
  const bool fits_int8 = scale_min >= -128 && scale_min + points - 1 <= 127;
  if (points > 16 || !fits_int8) return CountScalar(data, n, scale_min, points, counts);
  const size_t blocks = n / 32;
  CountBlocksDispatch(data, blocks, scale_min, points, counts);
  const size_t tail = CountScalar(data + blocks * 32, n - blocks * 32, scale_min, points, counts);
  if (tail != kNotFound) return FirstOutside(data, n, scale_min, points);
  int64_t counted = 0;
  for (int p = 0; p < points; ++p) counted += counts[p];
  if (counted != static_cast<int64_t>(n)) return FirstOutside(data, n, scale_min, points);
  return kNotFound;
}

Status OutsideScale(size_t index, int score, int scale_min, int scale_max) {
  return OutOfRange("score at index " + std::to_string(index) + " (" + std::to_string(score) +
                    ") is outside the scale " + std::to_string(scale_min) + ".." +
                    std::to_string(scale_max));
}

int ThreadsFor(size_t n, int threads) {
  const size_t by_size = std::max<size_t>(1, n / kMinScoresPerThread);
  return static_cast<int>(std::min<size_t>(by_size, ResolveThreadCount(threads)));
}

// Counts scores[begin, end) into `table` by segment, through narrow
// counters (kept small to stay in L1) flushed every `flush_every` rows,
// before they can overflow. Returns the first bad index or kNotFound.
template <typename Counter>
size_t CountSegmentPiece(const int8_t* scores, const int32_t* codes, size_t begin, size_t end,
                         int scale_min, int points, int32_t n_segments, size_t flush_every,
                         std::vector<Counter>* narrow, std::vector<int64_t>* table) {
  const size_t cells = table->size();
  Counter* counters = narrow->data();
  for (size_t start = begin; start < end; start += flush_every) {
    const size_t stop = std::min(end, start + flush_every);
    for (size_t i = start; i < stop; ++i) {
      const unsigned offset = static_cast<unsigned>(static_cast<int>(scores[i]) - scale_min);
      const uint32_t code = static_cast<uint32_t>(codes[i]);
      if (offset >= static_cast<unsigned>(points) || code >= static_cast<uint32_t>(n_segments)) {
        return i;
      }
      ++counters[static_cast<size_t>(code) * points + offset];
    }
    for (size_t c = 0; c < cells; ++c) {
      (*table)[c] += counters[c];
      counters[c] = 0;
    }
  }
  return kNotFound;
}

}  // namespace

Status CountInt8Scores(const int8_t* scores, size_t n, int scale_min, int scale_max, int threads,
                       int64_t* counts) {
  if (n > 0 && scores == nullptr) return InvalidArgument("scores is null but n > 0");
  if (scale_min > scale_max) return InvalidArgument("scale_min is above scale_max");
  const int points = scale_max - scale_min + 1;
  const int chunks = ThreadsFor(n, threads);
  std::vector<std::vector<int64_t>> chunk_counts(chunks, std::vector<int64_t>(points, 0));
  std::vector<size_t> first_bad(chunks, kNotFound);
  std::vector<size_t> chunk_begin(chunks, 0);
  ParallelChunks(n, chunks, [&](size_t chunk, size_t begin, size_t end) {
    chunk_begin[chunk] = begin;
    first_bad[chunk] =
        CountPiece(scores + begin, end - begin, scale_min, points, chunk_counts[chunk].data());
  });
  for (int chunk = 0; chunk < chunks; ++chunk) {
    if (first_bad[chunk] != kNotFound) {
      const size_t index = chunk_begin[chunk] + first_bad[chunk];
      return OutsideScale(index, scores[index], scale_min, scale_max);
    }
  }
  for (const std::vector<int64_t>& piece : chunk_counts) {
    for (int p = 0; p < points; ++p) counts[p] += piece[p];
  }
  return OkStatus();
}

Status CountInt8ScoresBySegment(const int8_t* scores, const int32_t* codes, size_t n, int scale_min,
                                int scale_max, int32_t n_segments, int threads, int64_t* counts) {
  if (n > 0 && (scores == nullptr || codes == nullptr)) {
    return InvalidArgument("scores or codes is null but n > 0");
  }
  if (scale_min > scale_max) return InvalidArgument("scale_min is above scale_max");
  if (n_segments <= 0) return InvalidArgument("n_segments must be positive");
  const int points = scale_max - scale_min + 1;
  const size_t cells = static_cast<size_t>(n_segments) * static_cast<size_t>(points);
  int chunks = ThreadsFor(n, threads);
  // Private tables per thread; very many cells would cost more memory and
  // merging than they save.
  if (cells > (size_t{1} << 22)) chunks = 1;
  std::vector<std::vector<int64_t>> chunk_counts(chunks, std::vector<int64_t>(cells, 0));
  // 16-bit counters while the table fits in a 32 KiB L1 cache, else 32-bit.
  const bool narrow16 = cells <= 16384;
  std::vector<std::vector<uint16_t>> counters16(narrow16 ? chunks : 0,
                                                std::vector<uint16_t>(cells, 0));
  std::vector<std::vector<uint32_t>> counters32(narrow16 ? 0 : chunks,
                                                std::vector<uint32_t>(cells, 0));
  std::vector<size_t> first_bad(chunks, kNotFound);
  ParallelChunks(n, chunks, [&](size_t chunk, size_t begin, size_t end) {
    if (narrow16) {
      first_bad[chunk] = CountSegmentPiece(scores, codes, begin, end, scale_min, points, n_segments,
                                           65535, &counters16[chunk], &chunk_counts[chunk]);
    } else {
      first_bad[chunk] =
          CountSegmentPiece(scores, codes, begin, end, scale_min, points, n_segments,
                            size_t{1} << 31, &counters32[chunk], &chunk_counts[chunk]);
    }
  });
  for (int chunk = 0; chunk < chunks; ++chunk) {
    const size_t index = first_bad[chunk];
    if (index == kNotFound) continue;
    const int score = scores[index];
    if (score < scale_min || score > scale_max) {
      return OutsideScale(index, score, scale_min, scale_max);
    }
    return OutOfRange("segment code at index " + std::to_string(index) + " (" +
                      std::to_string(codes[index]) + ") is outside 0.." +
                      std::to_string(n_segments - 1));
  }
  for (const std::vector<int64_t>& table : chunk_counts) {
    for (size_t c = 0; c < cells; ++c) counts[c] += table[c];
  }
  return OkStatus();
}

}  // namespace candor::internal
