// Progress of one long call, counted from any thread and told to the
// caller's callback (candor::Progress) from the calling thread only.
//
// Rule for threaded work: every thread adds the units it finishes with
// Add() and stops taking new work once Add() (or Running()) returns false;
// only the thread that made the ticker calls the callback (from Add(), or
// from Poll() while it waits for the others: ParallelChunks with a ticker
// does that every kPollEvery). Work is added in pieces of bounded time (well
// under kPollEvery), so a callback that asks to stop takes effect within
// about that long, whatever the input's size.
#ifndef CANDOR_COMMON_PROGRESS_TICKER_HPP_
#define CANDOR_COMMON_PROGRESS_TICKER_HPP_

#include <atomic>
#include <candor/progress.hpp>
#include <candor/status.hpp>
#include <chrono>
#include <cstdint>
#include <string>
#include <thread>

namespace candor::internal {

class ProgressTicker {
 public:
  // How often a waiting calling thread reports (ParallelChunks).
  static constexpr std::chrono::milliseconds kPollEvery{50};
  // The callback is called at most this often (but always by Finish), so
  // that counting small pieces of work costs little.
  static constexpr std::chrono::milliseconds kCallEvery{10};

  // `what` names the call in the cancel message ("theme discovery");
  // `total` is in the units the call counts (documented per call).
  ProgressTicker(const Progress& progress, int64_t total, std::string what)
      : progress_(progress),
        total_(total < 0 ? 0 : total),
        what_(std::move(what)),
        caller_(std::this_thread::get_id()) {}
  ProgressTicker(const ProgressTicker&) = delete;
  ProgressTicker& operator=(const ProgressTicker&) = delete;

  bool active() const { return progress_.callback != nullptr; }

  // Any thread: `units` more are done. False once the call is cancelled.
  bool Add(int64_t units) {
    if (!active()) return true;
    done_.fetch_add(units, std::memory_order_relaxed);
    if (std::this_thread::get_id() == caller_) return Poll();
    return Running();
  }

  // Any thread: false once the callback asked to stop.
  bool Running() const { return !cancelled_.load(std::memory_order_relaxed); }

  // Calling thread only: tells the callback the count now (never less than
  // it told before, never more than total; not when it was told less than
  // kCallEvery ago, unless `force`); false when cancelled.
  bool Poll(bool force = false) {
    if (!active()) return true;
    if (!Running()) return false;
    const auto now = std::chrono::steady_clock::now();
    if (!force && called_ && now - last_call_ < kCallEvery) return true;
    called_ = true;
    last_call_ = now;
    int64_t done = done_.load(std::memory_order_relaxed);
    if (done > total_) done = total_;
    if (done < reported_) done = reported_;
    reported_ = done;
    if (!progress_.Report(done, total_)) {
      cancelled_.store(true, std::memory_order_relaxed);
      return false;
    }
    return true;
  }

  // Calling thread only: the work is done; tells `total` once (a fit that
  // converged early skips its remaining units). False when cancelled.
  bool Finish() {
    if (!active()) return true;
    done_.store(total_, std::memory_order_relaxed);
    return Poll(/*force=*/true);
  }

  // CANDOR_CANCELLED naming the call and how far it got.
  Status CancelledStatus() const {
    return Cancelled(what_ + ": cancelled by the progress callback after " +
                     std::to_string(reported_) + " of " + std::to_string(total_) + " steps");
  }

 private:
  Progress progress_;
  int64_t total_;
  std::string what_;
  std::thread::id caller_;
  std::atomic<int64_t> done_{0};
  std::atomic<bool> cancelled_{false};
  int64_t reported_ = 0;  // calling thread only, as are the two below
  bool called_ = false;
  std::chrono::steady_clock::time_point last_call_;
};

}  // namespace candor::internal

#endif  // CANDOR_COMMON_PROGRESS_TICKER_HPP_
