#include "common/parallel.hpp"

#include "common/progress_ticker.hpp"

#include <algorithm>
#include <atomic>
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
  return ParallelChunks(n, threads, work, nullptr);
}

size_t ParallelChunks(size_t n, int threads,
                      const std::function<void(size_t chunk, size_t begin, size_t end)>& work,
                      ProgressTicker* ticker) {
  const size_t chunks = ChunkCount(n, threads);
  auto begin_of = [&](size_t chunk) { return n / chunks * chunk + std::min(chunk, n % chunks); };
  if (chunks == 1) {
    work(0, 0, n);
    return 1;
  }
  // An exception (say std::bad_alloc) escaping a worker would end the
  // process: each chunk's is kept, and the first is rethrown on the calling
  // thread once every worker has joined.
  std::vector<std::exception_ptr> failures(chunks);
  std::mutex finished_mutex;
  std::condition_variable finished_changed;
  size_t finished = 0;
  auto run = [&](size_t chunk) {
    try {
      work(chunk, begin_of(chunk), begin_of(chunk + 1));
    } catch (...) {
      failures[chunk] = std::current_exception();
    }
    const std::lock_guard<std::mutex> lock(finished_mutex);
    ++finished;
    finished_changed.notify_all();
  };
  std::vector<std::thread> workers;
  std::vector<size_t> not_started;
  try {
    workers.reserve(chunks - 1);
    not_started.reserve(chunks - 1);
  } catch (const std::exception&) {
  }
  for (size_t chunk = 1; chunk < chunks; ++chunk) {
    try {
      workers.emplace_back(run, chunk);
    } catch (const std::exception&) {
      not_started.push_back(chunk);  // capacity was reserved where possible
    }
  }
  run(0);
  for (size_t chunk : not_started) run(chunk);
  if (ticker != nullptr && ticker->active()) {
    // Tell the callback while the other threads work (it may stop them).
    std::unique_lock<std::mutex> lock(finished_mutex);
    while (!finished_changed.wait_for(lock, ProgressTicker::kPollEvery,
                                      [&] { return finished == chunks; })) {
      lock.unlock();
      ticker->Poll();
      lock.lock();
    }
  }
  for (std::thread& worker : workers) worker.join();
  for (const std::exception_ptr& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
  return chunks;
}

void Barrier::Wait() {
  std::unique_lock<std::mutex> lock(mutex_);
  const uint64_t round = round_;
  if (++waiting_ == count_) {
    waiting_ = 0;
    ++round_;
    changed_.notify_all();
    return;
  }
  changed_.wait(lock, [&] { return round_ != round; });
}

int RunTeam(int threads, const std::function<void(int member, Barrier& barrier)>& body) {
  const int wanted = ResolveThreadCount(threads);
  Barrier barrier(wanted);
  if (wanted == 1) {
    body(0, barrier);
    return 1;
  }
  // Started threads wait at a gate until the team size is known.
  std::mutex gate_mutex;
  std::condition_variable gate_open;
  bool open = false;
  std::vector<std::thread> members;
  try {
    members.reserve(static_cast<size_t>(wanted - 1));
  } catch (const std::exception&) {
  }
  for (int member = 1; member < wanted; ++member) {
    try {
      members.emplace_back([&, member] {
        {
          std::unique_lock<std::mutex> lock(gate_mutex);
          gate_open.wait(lock, [&] { return open; });
        }
        body(member, barrier);
      });
    } catch (const std::exception&) {
      break;  // a smaller team
    }
  }
  const int size = static_cast<int>(members.size()) + 1;
  {
    const std::lock_guard<std::mutex> lock(gate_mutex);
    barrier.count_ = size;
    open = true;
  }
  gate_open.notify_all();
  body(0, barrier);
  for (std::thread& member : members) member.join();
  return size;
}

}  // namespace candor::internal
