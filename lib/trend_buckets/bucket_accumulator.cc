// BucketAccumulator: per (segment, local day) per-point sums, merged by
// segment label and day; a versioned little-endian serialization.
#include <algorithm>
#include <candor/trend_buckets.hpp>
#include <cmath>
#include <cstring>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include "bucket_cells.hpp"
#include "calendar.hpp"
#include "score/serialized_bytes.hpp"
#include "score/tally.hpp"
#include "trend_buckets/time_zone.hpp"

namespace candor {
namespace {

using internal::BitsToDouble;
using internal::DoubleBits;
using internal::Fnv1a;
using internal::GetBytes;
using internal::PutBytes;

// Layout, all little-endian, written byte by byte:
//   "CNDB" | u16 version | i32 scale_min | i32 scale_max | u16 zone name
//   length | zone name | f64 half-life days | u64 segments | per segment: u32
//   label length, label bytes | u64 cells | per cell: u32 segment index, i32
//   day, u8 weighted, per point: u64 count, f64 sum w, f64 sum w^2 (and with a
//   half-life f64 sum w d, f64 sum (w d)^2) | u64 FNV-1a hash of everything
//   before it.
constexpr char kMagic[4] = {'C', 'N', 'D', 'B'};
constexpr uint16_t kFormatVersion = 1;
constexpr size_t kTrailerBytes = 8;
constexpr double kSecondsPerDay = 86400.0;

// Local days of the sane range of times, in any zone (offsets are < 1 day).
constexpr int64_t kFirstDay = kEarliestBucketTime / 86400 - 2;
constexpr int64_t kLastDay = kLatestBucketTime / 86400 + 2;

Status CheckHalfLife(double half_life_days) {
  if (!(half_life_days >= 0) || !std::isfinite(half_life_days)) {
    return InvalidArgument("half_life_days must be positive and finite (or 0 for none), got " +
                           std::to_string(half_life_days));
  }
  return OkStatus();
}

// The local day holding t: the day d with DayStart(d) <= t < DayStart(d + 1),
// as TimeBuckets' grid assigns it (also where clocks fall back across a
// midnight, so that the civil date of t is the day before).
struct DayRange {
  int64_t day = 0;
  int64_t start = 1;  // empty until set
  int64_t end = 0;
};
DayRange DayOf(int64_t t, const absl::TimeZone& zone) {
  DayRange r;
  r.day = absl::ToCivilDay(absl::FromUnixSeconds(t), zone) - internal::kEpochDay;
  while (internal::DayStart(r.day + 1, zone) <= t) ++r.day;
  while (internal::DayStart(r.day, zone) > t) --r.day;
  r.start = internal::DayStart(r.day, zone);
  r.end = internal::DayStart(r.day + 1, zone);
  return r;
}

// The days of a batch's times: a table of day starts from the first time's
// day to the last's, searched per time (times come in any order), unless the
// span has more days than the batch has rows, when each time's day is
// computed from the zone.
class DayGrid {
 public:
  DayGrid(int64_t first, int64_t last, size_t n, const absl::TimeZone& zone) : zone_(zone) {
    if (n == 0) return;
    first_day_ = ::candor::DayOf(first, zone).day;
    const int64_t last_day = ::candor::DayOf(last, zone).day;
    if (static_cast<uint64_t>(last_day - first_day_) > n) return;
    for (int64_t d = first_day_; d <= last_day + 1; ++d) {
      starts_.push_back(internal::DayStart(d, zone));
    }
  }

  DayRange DayOf(int64_t t) const {
    if (starts_.empty()) return ::candor::DayOf(t, zone_);
    const size_t k = static_cast<size_t>(std::upper_bound(starts_.begin(), starts_.end(), t) -
                                         starts_.begin() - 1);
    return DayRange{first_day_ + static_cast<int64_t>(k), starts_[k], starts_[k + 1]};
  }

 private:
  const absl::TimeZone& zone_;
  int64_t first_day_ = 0;
  std::vector<int64_t> starts_;  // of the days first_day_ .. last + 1
};

// Whether every sum of the cells is finite (a weight near 1e300 squares to
// infinity): a state that could not be serialized and read back is refused.
Status CheckSumsFinite(const BucketAccumulator::Cells& c) {
  for (const std::vector<double>* sums :
       {&c.weight_sums, &c.weight_square_sums, &c.decayed_sums, &c.decayed_square_sums}) {
    for (double x : *sums) {
      if (!std::isfinite(x)) {
        return OutOfRange(
            "the bucket accumulator's weight sums would overflow a double; scale the weights "
            "down (estimates do not depend on their scale)");
      }
    }
  }
  return OkStatus();
}

}  // namespace

namespace internal {

int64_t DayStart(int64_t day, const absl::TimeZone& zone) {
  return StartOfDay(kEpochDay + day, zone);
}

}  // namespace internal

uint32_t BucketAccumulator::Cells::Slot(std::string_view label) {
  auto found = slot_of_label.find(absl::string_view(label.data(), label.size()));
  if (found != slot_of_label.end()) return found->second;
  const uint32_t slot = static_cast<uint32_t>(labels.size());
  labels.emplace_back(label);
  slot_of_label.emplace(labels.back(), slot);
  return slot;
}

uint32_t BucketAccumulator::Cells::Cell(uint32_t slot, int64_t d) {
  auto [it, added] = cell_of_key.emplace(Key(slot, d), static_cast<uint32_t>(size()));
  if (!added) return it->second;
  segment.push_back(slot);
  day.push_back(d);
  weighted.push_back(0);
  counts.resize(counts.size() + points, 0);
  weight_sums.resize(weight_sums.size() + points, 0.0);
  weight_square_sums.resize(weight_square_sums.size() + points, 0.0);
  if (decays()) {
    decayed_sums.resize(decayed_sums.size() + points, 0.0);
    decayed_square_sums.resize(decayed_square_sums.size() + points, 0.0);
  }
  return it->second;
}

void BucketAccumulator::Cells::SortSegments() {
  order.resize(labels.size());
  for (uint32_t j = 0; j < order.size(); ++j) order[j] = j;
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return labels[a] < labels[b]; });
}

BucketAccumulator::BucketAccumulator(std::unique_ptr<Cells> cells) : cells_(std::move(cells)) {}
BucketAccumulator::BucketAccumulator(BucketAccumulator&&) noexcept = default;
BucketAccumulator& BucketAccumulator::operator=(BucketAccumulator&&) noexcept = default;
BucketAccumulator::~BucketAccumulator() = default;

Result<BucketAccumulator> BucketAccumulator::Create(int scale_min, int scale_max,
                                                    std::string_view time_zone,
                                                    double half_life_days) {
  // The scale's checks are ScoreAccumulator's.
  Result<ScoreAccumulator> scale = ScoreAccumulator::Create(scale_min, scale_max);
  if (!scale.ok()) return scale.status();
  CANDOR_RETURN_IF_ERROR(CheckHalfLife(half_life_days));
  try {
    auto cells = std::make_unique<Cells>();
    CANDOR_RETURN_IF_ERROR(internal::LoadZone(time_zone, &cells->zone));
    cells->scale_min = scale_min;
    cells->scale_max = scale_max;
    cells->points = static_cast<size_t>(scale_max - scale_min + 1);
    cells->time_zone = std::string(time_zone);
    cells->half_life_days = half_life_days;
    return BucketAccumulator(std::move(cells));
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory creating a bucket accumulator");
  }
}

int BucketAccumulator::scale_min() const { return cells_->scale_min; }
int BucketAccumulator::scale_max() const { return cells_->scale_max; }
const std::string& BucketAccumulator::time_zone() const { return cells_->time_zone; }
double BucketAccumulator::half_life_days() const { return cells_->half_life_days; }
size_t BucketAccumulator::cells() const { return cells_->size(); }
size_t BucketAccumulator::segments() const { return cells_->labels.size(); }
std::string_view BucketAccumulator::segment(size_t j) const {
  return cells_->labels[cells_->order[j]];
}
int64_t BucketAccumulator::count() const {
  int64_t total = 0;
  for (int64_t c : cells_->counts) total += c;
  return total;
}

Status BucketAccumulator::Add(const double* scores, const int64_t* times, const double* weights,
                              const int32_t* segment_codes, size_t n,
                              const std::string_view* labels, size_t n_labels) {
  if (n > 0 && (scores == nullptr || times == nullptr)) {
    return InvalidArgument(scores == nullptr ? "scores is null" : "times is null");
  }
  if (n_labels > 0 && labels == nullptr) return InvalidArgument("labels are null");
  Cells& c = *cells_;
  CANDOR_RETURN_IF_ERROR(internal::ValidateResponses(c.scale_min, c.scale_max, scores, weights, n));
  int64_t first = 0, last = 0;
  CANDOR_RETURN_IF_ERROR(internal::CheckTimes(times, n, &first, &last));
  if (segment_codes != nullptr) {
    for (size_t i = 0; i < n; ++i) {
      if (segment_codes[i] < 0 || static_cast<size_t>(segment_codes[i]) >= n_labels) {
        return OutOfRange("segment code at index " + std::to_string(i) + " is " +
                          std::to_string(segment_codes[i]) + ", not one of the " +
                          std::to_string(n_labels) + " labels' codes");
      }
    }
  }
  int64_t total = 0;
  if (__builtin_add_overflow(count(), static_cast<int64_t>(n), &total)) {
    return OutOfRange("adding would hold more than 2^63 - 1 responses");
  }
  try {
    // Adds into a copy, so that running out of memory adds nothing.
    Cells added = c;
    std::vector<int64_t> slot_of(segment_codes != nullptr ? n_labels : 1, -1);
    const double half_life = c.half_life_days * kSecondsPerDay;
    const DayGrid grid(first, last, n, c.zone);
    DayRange today;
    for (size_t i = 0; i < n; ++i) {
      const size_t code = segment_codes != nullptr ? static_cast<size_t>(segment_codes[i]) : 0;
      int64_t& slot = slot_of[code];
      if (slot < 0) slot = added.Slot(segment_codes != nullptr ? labels[code] : "");
      if (times[i] < today.start || times[i] >= today.end) today = grid.DayOf(times[i]);
      const size_t cell = added.Cell(static_cast<uint32_t>(slot), today.day);
      const size_t at =
          cell * c.points + static_cast<size_t>(static_cast<int>(scores[i]) - c.scale_min);
      const double w = weights == nullptr ? 1.0 : weights[i];
      ++added.counts[at];
      added.weight_sums[at] += w;
      added.weight_square_sums[at] += w * w;
      if (w != 1.0) added.weighted[cell] = 1;
      if (c.decays()) {
        const double d = w * std::exp2(-static_cast<double>(today.end - times[i]) / half_life);
        added.decayed_sums[at] += d;
        added.decayed_square_sums[at] += d * d;
      }
    }
    CANDOR_RETURN_IF_ERROR(CheckSumsFinite(added));
    added.SortSegments();
    c = std::move(added);
    return OkStatus();
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory adding to a bucket accumulator");
  }
}

Status BucketAccumulator::Merge(const BucketAccumulator& other) {
  const Cells& b = *other.cells_;
  Cells& a = *cells_;
  if (a.scale_min != b.scale_min || a.scale_max != b.scale_max) {
    return InvalidArgument("cannot merge bucket accumulators on different scales (" +
                           std::to_string(a.scale_min) + ".." + std::to_string(a.scale_max) +
                           " and " + std::to_string(b.scale_min) + ".." +
                           std::to_string(b.scale_max) + ")");
  }
  if (a.time_zone != b.time_zone || a.half_life_days != b.half_life_days) {
    return InvalidArgument(
        "cannot merge bucket accumulators of different time zones or "
        "half-lives (\"" +
        a.time_zone + "\", " + std::to_string(a.half_life_days) + " days and \"" + b.time_zone +
        "\", " + std::to_string(b.half_life_days) + " days)");
  }
  int64_t total = 0;
  if (__builtin_add_overflow(count(), other.count(), &total)) {
    return OutOfRange("merging would hold more than 2^63 - 1 responses");
  }
  try {
    Cells merged = a;
    const Cells& from = &other == this ? a : b;  // merged is a's copy: a stays as it was
    for (size_t cell = 0; cell < from.size(); ++cell) {
      const uint32_t slot = merged.Slot(from.labels[from.segment[cell]]);
      const size_t to = merged.Cell(slot, from.day[cell]);
      merged.weighted[to] |= from.weighted[cell];
      for (size_t p = 0; p < a.points; ++p) {
        const size_t x = to * a.points + p, y = cell * a.points + p;
        merged.counts[x] += from.counts[y];
        merged.weight_sums[x] += from.weight_sums[y];
        merged.weight_square_sums[x] += from.weight_square_sums[y];
        if (a.decays()) {
          merged.decayed_sums[x] += from.decayed_sums[y];
          merged.decayed_square_sums[x] += from.decayed_square_sums[y];
        }
      }
    }
    CANDOR_RETURN_IF_ERROR(CheckSumsFinite(merged));
    merged.SortSegments();
    a = std::move(merged);
    return OkStatus();
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory merging bucket accumulators");
  }
}

std::string BucketAccumulator::Serialize() const {
  const Cells& c = *cells_;
  std::string out;
  out.append(kMagic, sizeof(kMagic));
  PutBytes(kFormatVersion, 2, &out);
  PutBytes(static_cast<uint32_t>(c.scale_min), 4, &out);
  PutBytes(static_cast<uint32_t>(c.scale_max), 4, &out);
  PutBytes(c.time_zone.size(), 2, &out);
  out += c.time_zone;
  PutBytes(DoubleBits(c.half_life_days), 8, &out);
  PutBytes(c.labels.size(), 8, &out);
  for (const std::string& label : c.labels) {
    PutBytes(label.size(), 4, &out);
    out += label;
  }
  PutBytes(c.size(), 8, &out);
  for (size_t cell = 0; cell < c.size(); ++cell) {
    PutBytes(c.segment[cell], 4, &out);
    PutBytes(static_cast<uint32_t>(static_cast<int32_t>(c.day[cell])), 4, &out);
    PutBytes(c.weighted[cell], 1, &out);
    for (size_t p = 0; p < c.points; ++p) {
      const size_t at = cell * c.points + p;
      PutBytes(static_cast<uint64_t>(c.counts[at]), 8, &out);
      PutBytes(DoubleBits(c.weight_sums[at]), 8, &out);
      PutBytes(DoubleBits(c.weight_square_sums[at]), 8, &out);
      if (c.decays()) {
        PutBytes(DoubleBits(c.decayed_sums[at]), 8, &out);
        PutBytes(DoubleBits(c.decayed_square_sums[at]), 8, &out);
      }
    }
  }
  PutBytes(Fnv1a(out), 8, &out);
  return out;
}

Result<BucketAccumulator> BucketAccumulator::Deserialize(std::string_view bytes) {
  auto truncated = [&] { return internal::TruncatedBytes(bytes, "bucket accumulator"); };
  auto bad = [](const std::string& what) {
    return ParseError("bucket accumulator bytes hold " + what);
  };
  CANDOR_RETURN_IF_ERROR(internal::CheckFrame(
      bytes, kMagic, kFormatVersion, 4 + 2 + 4 + 4 + 2 + kTrailerBytes, "bucket accumulator"));
  const size_t body = bytes.size() - kTrailerBytes;
  size_t at = 6;
  const int scale_min = static_cast<int32_t>(GetBytes(bytes, at, 4));
  const int scale_max = static_cast<int32_t>(GetBytes(bytes, at + 4, 4));
  const size_t zone_size = GetBytes(bytes, at + 8, 2);
  at += 10;
  if (body - at < zone_size + 8 + 8) return truncated();
  const std::string_view zone = bytes.substr(at, zone_size);
  at += zone_size;
  const double half_life = BitsToDouble(GetBytes(bytes, at, 8));
  at += 8;
  Result<BucketAccumulator> result = Create(scale_min, scale_max, zone, half_life);
  if (!result.ok()) return bad("an invalid header: " + result.status().message());
  try {
    Cells& c = *result->cells_;
    const uint64_t segments = GetBytes(bytes, at, 8);
    at += 8;
    for (uint64_t j = 0; j < segments; ++j) {
      if (body - at < 4) return truncated();
      const uint64_t size = GetBytes(bytes, at, 4);
      at += 4;
      if (body - at < size) return truncated();
      const std::string_view label = bytes.substr(at, size);
      at += size;
      if (c.slot_of_label.contains(absl::string_view(label.data(), label.size()))) {
        return bad("segment " + std::to_string(j) + "'s label twice");
      }
      c.Slot(label);
    }
    if (body - at < 8) return truncated();
    const uint64_t cells = GetBytes(bytes, at, 8);
    at += 8;
    const size_t per_point = c.decays() ? 40 : 24;
    int64_t total = 0;
    for (uint64_t cell = 0; cell < cells; ++cell) {
      if (body - at < 9 || (body - at - 9) / per_point < c.points) return truncated();
      const uint64_t slot = GetBytes(bytes, at, 4);
      const int64_t day = static_cast<int32_t>(GetBytes(bytes, at + 4, 4));
      const uint64_t weighted = GetBytes(bytes, at + 8, 1);
      at += 9;
      if (slot >= c.labels.size() || day < kFirstDay || day > kLastDay || weighted > 1) {
        return bad("an invalid segment, day or flag in cell " + std::to_string(cell));
      }
      if (c.cell_of_key.contains(Cells::Key(static_cast<uint32_t>(slot), day))) {
        return bad("cell " + std::to_string(cell) + "'s segment and day twice");
      }
      const size_t to = c.Cell(static_cast<uint32_t>(slot), day);
      c.weighted[to] = static_cast<uint8_t>(weighted);
      int64_t in_cell = 0;
      for (size_t p = 0; p < c.points; ++p) {
        const size_t x = to * c.points + p;
        const uint64_t count = GetBytes(bytes, at, 8);
        at += 8;
        if (count > static_cast<uint64_t>(INT64_MAX) ||
            __builtin_add_overflow(in_cell, static_cast<int64_t>(count), &in_cell)) {
          return bad("a bad response count in cell " + std::to_string(cell));
        }
        c.counts[x] = static_cast<int64_t>(count);
        double* sums[4] = {&c.weight_sums[x], &c.weight_square_sums[x], nullptr, nullptr};
        if (c.decays()) {
          sums[2] = &c.decayed_sums[x];
          sums[3] = &c.decayed_square_sums[x];
        }
        for (double* sum : sums) {
          if (sum == nullptr) continue;
          *sum = BitsToDouble(GetBytes(bytes, at, 8));
          at += 8;
          if (!std::isfinite(*sum) || *sum < 0 || (count == 0 && *sum != 0)) {
            return bad("an invalid weight sum in cell " + std::to_string(cell));
          }
        }
      }
      if (in_cell == 0 || __builtin_add_overflow(total, in_cell, &total)) {
        return bad("a cell without responses (cell " + std::to_string(cell) + ")");
      }
    }
    if (at != body) return ParseError("bucket accumulator bytes have bytes left over");
    c.SortSegments();
    return result;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory reading a bucket accumulator");
  }
}

}  // namespace candor
