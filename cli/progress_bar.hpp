// A one-line progress bar on stderr while a long read runs, and Ctrl-C as a
// clean stop: the bar is the library's Progress callback, and SIGINT makes
// that callback ask the library to stop (CANDOR_CANCELLED, exit code 130).
#ifndef CANDOR_CLI_PROGRESS_BAR_HPP_
#define CANDOR_CLI_PROGRESS_BAR_HPP_

#include <signal.h>

#include <candor/progress.hpp>
#include <chrono>
#include <cstdint>
#include <string>

namespace candor::cli {

class ProgressBar {
 public:
  // What done and total count: bytes read, steps of a computation (shown
  // as done/total), or units of work (shown as a percentage).
  enum class Unit { kBytes, kSteps, kWork };

  // Draws "reading <what> [####....] 42% 630/1500 MB 210 MB/s" (kSteps:
  // "<what> [####....] 3/6", kWork: "<what> [####....] 42% 12 s") on stderr when stderr is a terminal and not
  // `quiet`, once the work has taken a second (CANDOR_PROGRESS_AFTER_MS
  // milliseconds when set). While the object lives, Ctrl-C makes hook()'s
  // callback return false.
  ProgressBar(std::string what, bool quiet, Unit unit = Unit::kBytes);
  ~ProgressBar();  // erases the bar and restores SIGINT's handler
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  Progress hook() { return {&ProgressBar::Report, this}; }

 private:
  static bool Report(int64_t done, int64_t total, void* self);
  void Draw(int64_t done, int64_t total, double seconds);

  std::string what_;
  Unit unit_;
  bool visible_;
  bool drawn_ = false;
  std::chrono::milliseconds show_after_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  struct sigaction previous_ {};
  bool handler_installed_ = false;
};

}  // namespace candor::cli

#endif  // CANDOR_CLI_PROGRESS_BAR_HPP_
