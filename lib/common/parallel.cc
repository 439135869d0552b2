#include "common/parallel.hpp"

#include <algorithm>
#include <exception>
#include <thread>
#include <vector>

namespace candor::internal {

int ResolveThreadCount(int requested) {
  if (requested > 0) return requested;
  const unsigned hardware = std::thread::hardware_concurrency();
  return hardware == 0 ? 1 : static_cast<int>(hardware);
}

size_t ChunkCount(size_t n, int threads) {
  const size_t wanted = static_cast<size_t>(ResolveThreadCount(threads));
  return std::max<size_t>(1, std::min(wanted, n));
}

size_t ParallelChunks(size_t n, int threads,
                      const std::function<void(size_t chunk, size_t begin, size_t end)>& work) {
  const size_t chunks = ChunkCount(n, threads);
  auto begin_of = [&](size_t chunk) { return n / chunks * chunk + std::min(chunk, n % chunks); };
  if (chunks == 1) {
    work(0, 0, n);
    return 1;
  }
  std::vector<std::thread> workers;
  std::vector<size_t> not_started;
  try {
    workers.reserve(chunks - 1);
    not_started.reserve(chunks - 1);
  } catch (const std::exception&) {
  }
  for (size_t chunk = 1; chunk < chunks; ++chunk) {
    try {
      workers.emplace_back(work, chunk, begin_of(chunk), begin_of(chunk + 1));
    } catch (const std::exception&) {
      not_started.push_back(chunk);  // capacity was reserved where possible
    }
  }
  work(0, begin_of(0), begin_of(1));
  for (size_t chunk : not_started) work(chunk, begin_of(chunk), begin_of(chunk + 1));
  for (std::thread& worker : workers) worker.join();
  return chunks;
}

}  // namespace candor::internal
