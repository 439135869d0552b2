#include "progress_bar.hpp"

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace candor::cli {
namespace {

volatile sig_atomic_t interrupted = 0;

void OnInterrupt(int) { interrupted = 1; }

// The bar shows once a read has taken this long: a second, or
// CANDOR_PROGRESS_AFTER_MS milliseconds (the tests show it at once).
std::chrono::milliseconds ShowAfter() {
  const char* after = std::getenv("CANDOR_PROGRESS_AFTER_MS");
  if (after == nullptr || *after == '\0') return std::chrono::seconds(1);
  return std::chrono::milliseconds(std::strtol(after, nullptr, 10));
}
constexpr auto kRedrawEvery = std::chrono::milliseconds(100);
constexpr int kBarWidth = 24;

}  // namespace

ProgressBar::ProgressBar(std::string what, bool quiet, Unit unit)
    : what_(std::move(what)),
      unit_(unit),
      visible_(!quiet && isatty(STDERR_FILENO) == 1),
      show_after_(ShowAfter()),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {
  interrupted = 0;
  struct sigaction action {};
  action.sa_handler = OnInterrupt;
  sigemptyset(&action.sa_mask);
  handler_installed_ = sigaction(SIGINT, &action, &previous_) == 0;
}

ProgressBar::~ProgressBar() {
  if (handler_installed_) sigaction(SIGINT, &previous_, nullptr);
  if (drawn_) std::fputs("\r\x1b[K", stderr);  // erase the bar's line
}

bool ProgressBar::Report(int64_t done, int64_t total, void* self) {
  auto* bar = static_cast<ProgressBar*>(self);
  if (interrupted) return false;
  if (!bar->visible_) return true;
  const auto now = std::chrono::steady_clock::now();
  if (now - bar->start_ < bar->show_after_ ||
      (bar->drawn_ && now - bar->last_draw_ < kRedrawEvery)) {
    return true;
  }
  bar->last_draw_ = now;
  bar->Draw(done, total, std::chrono::duration<double>(now - bar->start_).count());
  return true;
}

void ProgressBar::Draw(int64_t done, int64_t total, double seconds) {
  const double fraction = total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 0;
  const int filled = static_cast<int>(fraction * kBarWidth);
  std::string bar(static_cast<size_t>(filled < kBarWidth ? filled : kBarWidth), '#');
  bar.resize(kBarWidth, '.');
  std::string name = what_;
  if (name.size() > 30) name = "..." + name.substr(name.size() - 27);
  if (unit_ == Unit::kWork) {
    std::fprintf(stderr, "\r\x1b[K%s [%s] %3d%% %.0f s", name.c_str(), bar.c_str(),
                 static_cast<int>(fraction * 100), seconds);
  } else if (unit_ == Unit::kSteps) {
    std::fprintf(stderr, "\r\x1b[K%s [%s] %lld/%lld", name.c_str(), bar.c_str(),
                 static_cast<long long>(done), static_cast<long long>(total));
  } else {
    std::fprintf(stderr, "\r\x1b[Kreading %s [%s] %3d%% %.0f/%.0f MB %.0f MB/s", name.c_str(),
               bar.c_str(), static_cast<int>(fraction * 100), static_cast<double>(done) / 1e6,
               static_cast<double>(total) / 1e6,
               seconds > 0 ? static_cast<double>(done) / 1e6 / seconds : 0.0);
  }
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace candor::cli
