// BusinessCalendar: business-hour arithmetic over local working days
// (include/candor/business_hours.hpp).
#include <algorithm>
#include <array>
#include <atomic>
#include <candor/business_hours.hpp>
#include <cmath>
#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <utility>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "trend_buckets/time_zone.hpp"

namespace candor {

namespace {

constexpr int kMinutesPerDay = 1440;
const absl::CivilDay kEpochDay(1970, 1, 1);

// The days a walk can visit: from three before the first local day of
// kEarliestBusinessTime to three after the last, in blocks of kBlockDays.
constexpr int64_t kFirstTableDay = kEarliestBusinessDay - 3;
constexpr int64_t kLastTableDay = kLatestBusinessDay + 3;
constexpr int64_t kBlockDays = 256;
constexpr size_t kBlockCount =
    static_cast<size_t>((kLastTableDay - kFirstTableDay) / kBlockDays + 1);

}  // namespace

// A local day's business interval, cached: the civil-time conversions are
// most of a deadline's cost, and a queue asks for millions of deadlines.
struct DayHours {
  int64_t opens;
  int64_t closes;
  bool working;
};

struct BusinessCalendar::Impl {
  using Block = std::array<DayHours, kBlockDays>;

  BusinessCalendarSpec spec;
  absl::TimeZone zone;
  // Blocks of days, each built on first use (by whichever thread gets there
  // first; the others' copies, equal, are dropped).
  mutable std::array<std::atomic<const Block*>, kBlockCount> blocks{};

  Impl() = default;
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  ~Impl() {
    for (auto& block : blocks) delete block.load(std::memory_order_relaxed);
  }
};

namespace {

std::string DayText(int32_t day) {
  const absl::CivilDay d = kEpochDay + day;
  char text[32];
  std::snprintf(text, sizeof text, "%04lld-%02d-%02d", static_cast<long long>(d.year()), d.month(),
                d.day());
  return text;
}

Status CheckSpec(const BusinessCalendarSpec& spec) {
  if (spec.open_minute < 0 || spec.open_minute > kMinutesPerDay || spec.close_minute < 0 ||
      spec.close_minute > kMinutesPerDay) {
    return InvalidArgument("business calendar: open (" + std::to_string(spec.open_minute) +
                           ") and close (" + std::to_string(spec.close_minute) +
                           ") must be minutes after local midnight in [0, 1440]");
  }
  if (spec.close_minute <= spec.open_minute) {
    return InvalidArgument("business calendar: close (minute " + std::to_string(spec.close_minute) +
                           ") must be after open (minute " + std::to_string(spec.open_minute) +
                           "); a day open overnight is not supported");
  }
  if ((spec.weekdays & 0x7F) == 0) {
    return InvalidArgument(
        "business calendar: no working weekday (weekdays is a bit set, Monday = bit 0 ... Sunday "
        "= bit 6)");
  }
  if ((spec.weekdays & 0x80) != 0) {
    return InvalidArgument(
        "business calendar: weekdays has bit 7 set; weekdays are bits 0 "
        "(Monday) to 6 (Sunday)");
  }
  return OkStatus();
}

Status CheckTime(int64_t t, const char* what) {
  if (t < kEarliestBusinessTime || t >= kLatestBusinessTime) {
    return OutOfRange(std::string(what) + " " + std::to_string(t) +
                      " (Unix seconds) is outside 1900-01-01..2200-01-01 UTC");
  }
  return OkStatus();
}

// Whole seconds in `hours`, rounded up unless within 1e-6 s of an integer.
int64_t HoursToSeconds(double hours) {
  const double seconds = hours * 3600.0;
  const double nearest = std::nearbyint(seconds);
  if (std::fabs(seconds - nearest) <= 1e-6) return static_cast<int64_t>(nearest);
  return static_cast<int64_t>(std::ceil(seconds));
}

Status PrefixIndex(Status status, size_t i) {
  return Status(status.code(), "row " + std::to_string(i) + ": " + status.message());
}

}  // namespace

// The local-day arithmetic, on the calendar's zone.
class DayWalker {
 public:
  explicit DayWalker(const BusinessCalendar::Impl& impl) : impl_(impl) {}

  absl::CivilDay LocalDay(int64_t t) const {
    return absl::CivilDay(impl_.zone.At(absl::FromUnixSeconds(t)).cs);
  }

  bool IsWorkingDay(absl::CivilDay day) const {
    const int weekday = static_cast<int>(absl::GetWeekday(day));  // Monday = 0
    if ((impl_.spec.weekdays & (1u << weekday)) == 0) return false;
    const int64_t n = day - kEpochDay;
    const auto& holidays = impl_.spec.holidays;
    return !std::binary_search(holidays.begin(), holidays.end(), static_cast<int32_t>(n));
  }

  // The first instant whose local civil time is at or after `day` plus
  // `minute` minutes: a skipped time maps to the jump, a repeated one to its
  // first occurrence.
  int64_t FirstInstantAtOrAfter(absl::CivilDay day, int minute) const {
    const absl::CivilSecond civil = absl::CivilSecond(day) + int64_t{minute} * 60;
    const absl::TimeZone::TimeInfo info = impl_.zone.At(civil);
    const absl::Time t = info.kind == absl::TimeZone::TimeInfo::SKIPPED ? info.trans : info.pre;
    return absl::ToUnixSeconds(t);
  }

  // The hours of `day`, days since 1970-01-01 in [kFirstTableDay,
  // kLastTableDay].
  const DayHours& Hours(int64_t day) const {
    const int64_t k = day - kFirstTableDay;
    const size_t b = static_cast<size_t>(k / kBlockDays);
    const BusinessCalendar::Impl::Block* block = impl_.blocks[b].load(std::memory_order_acquire);
    if (block == nullptr) block = BuildBlock(b);
    return (*block)[static_cast<size_t>(k % kBlockDays)];
  }

  // Business seconds in [start, end), start <= end. Days from one before the
  // start's local day to one after the end's: a clock set back across
  // midnight can put a neighbouring day's hours inside the range.
  int64_t SecondsBetween(int64_t start, int64_t end) const {
    int64_t total = 0;
    const int64_t last = (LocalDay(end) + 1) - kEpochDay;
    for (int64_t day = (LocalDay(start) - 1) - kEpochDay; day <= last; ++day) {
      const DayHours& hours = Hours(day);
      if (!hours.working) continue;
      const int64_t lo = std::max(hours.opens, start);
      const int64_t hi = std::min(hours.closes, end);
      if (hi > lo) total += hi - lo;
    }
    return total;
  }

  // The walk starts two days before the UTC day of `start`, at or before the
  // day before its local day (UTC offsets are under a day). The extra days
  // add nothing: a day before the local day's eve closes at or before the
  // first instant of that eve, which is at or before start.
  Result<int64_t> Deadline(int64_t start, int64_t seconds) const {
    int64_t remaining = seconds;
    const int64_t utc_day = start >= 0 ? start / 86400 : -((-start + 86399) / 86400);
    for (int64_t day = utc_day - 2;; ++day) {
      const DayHours& hours = Hours(day);
      const int64_t opens = hours.opens;
      if (opens >= kLatestBusinessTime) break;
      if (!hours.working) continue;
      const int64_t lo = std::max(opens, start);
      const int64_t hi = hours.closes;
      if (hi <= lo) continue;
      if (remaining == 0) return lo;  // the first business instant
      if (hi - lo >= remaining) {
        if (lo + remaining >= kLatestBusinessTime) break;
        return lo + remaining;
      }
      remaining -= hi - lo;
    }
    return OutOfRange("the calendar has " +
                      std::string(remaining == seconds ? "no open hour" : "not enough open hours") +
                      " after " + std::to_string(start) +
                      " (Unix seconds) before 2200-01-01 to reach the deadline");
  }

 private:
  const BusinessCalendar::Impl::Block* BuildBlock(size_t b) const {
    auto block = std::make_unique<BusinessCalendar::Impl::Block>();
    const int64_t first = kFirstTableDay + static_cast<int64_t>(b) * kBlockDays;
    for (int64_t k = 0; k < kBlockDays; ++k) {
      const absl::CivilDay day = kEpochDay + (first + k);
      (*block)[static_cast<size_t>(k)] = {FirstInstantAtOrAfter(day, impl_.spec.open_minute),
                                          FirstInstantAtOrAfter(day, impl_.spec.close_minute),
                                          IsWorkingDay(day)};
    }
    const BusinessCalendar::Impl::Block* expected = nullptr;
    if (impl_.blocks[b].compare_exchange_strong(expected, block.get(), std::memory_order_acq_rel,
                                                std::memory_order_acquire)) {
      return block.release();
    }
    return expected;  // another thread's, equal
  }

  const BusinessCalendar::Impl& impl_;
};

Result<BusinessCalendar> BusinessCalendar::Make(const BusinessCalendarSpec& spec) {
  try {
    CANDOR_RETURN_IF_ERROR(CheckSpec(spec));
    auto impl = std::make_shared<Impl>();
    impl->spec = spec;
    std::vector<int32_t>& holidays = impl->spec.holidays;
    for (const int32_t day : holidays) {
      if (day < kEarliestBusinessDay || day >= kLatestBusinessDay) {
        return InvalidArgument("business calendar: holiday " + std::to_string(day) +
                               " (days since 1970-01-01) is outside 1900-01-01..2200-01-01");
      }
    }
    std::sort(holidays.begin(), holidays.end());
    const auto repeated = std::adjacent_find(holidays.begin(), holidays.end());
    if (repeated != holidays.end()) {
      return InvalidArgument("business calendar: holiday " + DayText(*repeated) +
                             " is given twice (holidays overlap)");
    }
    CANDOR_RETURN_IF_ERROR(internal::LoadZone(spec.time_zone, &impl->zone));
    return BusinessCalendar(std::move(impl));
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "business calendar: out of memory");
  }
}

const BusinessCalendarSpec& BusinessCalendar::spec() const { return impl_->spec; }

Result<double> BusinessCalendar::BusinessHoursBetween(int64_t start, int64_t end) const {
  CANDOR_RETURN_IF_ERROR(CheckTime(start, "start"));
  CANDOR_RETURN_IF_ERROR(CheckTime(end, "end"));
  const DayWalker walker(*impl_);
  if (end < start) return -static_cast<double>(walker.SecondsBetween(end, start)) / 3600.0;
  return static_cast<double>(walker.SecondsBetween(start, end)) / 3600.0;
}

Result<int64_t> BusinessCalendar::Deadline(int64_t start, double hours) const {
  CANDOR_RETURN_IF_ERROR(CheckTime(start, "start"));
  if (!std::isfinite(hours) || hours < 0) {
    return InvalidArgument("hours must be finite and >= 0, not " + std::to_string(hours));
  }
  if (hours * 3600.0 >= static_cast<double>(kLatestBusinessTime - kEarliestBusinessTime)) {
    return OutOfRange("hours " + std::to_string(hours) + " reach beyond 2200-01-01 from any start");
  }
  return DayWalker(*impl_).Deadline(start, HoursToSeconds(hours));
}

Status BusinessCalendar::Deadlines(const int64_t* starts, const double* hours, size_t n,
                                   int64_t* out) const {
  if (n > 0 && (starts == nullptr || hours == nullptr || out == nullptr)) {
    return InvalidArgument("deadlines: starts, hours and out must not be null when n > 0");
  }
  for (size_t i = 0; i < n; ++i) {
    Result<int64_t> deadline = Deadline(starts[i], hours[i]);
    if (!deadline.ok()) return PrefixIndex(deadline.status(), i);
    out[i] = *deadline;
  }
  return OkStatus();
}

Status BusinessCalendar::BusinessHoursBetweenMany(const int64_t* starts, const int64_t* ends,
                                                  size_t n, double* out) const {
  if (n > 0 && (starts == nullptr || ends == nullptr || out == nullptr)) {
    return InvalidArgument(
        "business hours between: starts, ends and out must not be null when n > 0");
  }
  for (size_t i = 0; i < n; ++i) {
    Result<double> hours = BusinessHoursBetween(starts[i], ends[i]);
    if (!hours.ok()) return PrefixIndex(hours.status(), i);
    out[i] = *hours;
  }
  return OkStatus();
}

}  // namespace candor
