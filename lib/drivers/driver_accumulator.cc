// DriverAccumulator: per period tallies and per pattern weight sums, merged
// by period label and pattern; a versioned little-endian serialization.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include "driver_state.hpp"
#include "score/serialized_bytes.hpp"

namespace candor {
namespace {

using internal::BitsToDouble;
using internal::DoubleBits;
using internal::Fnv1a;
using internal::GetBytes;
using internal::PutBytes;
using internal::Tally;

// Layout, all little-endian, written byte by byte:
//   "CNDT" | u16 version | i32 scale_min | i32 scale_max | u32 themes | u8
//   periods given (0 unknown, 1 none, 2 given) | u8 weighted | u64 periods |
//   per period: u32 label length, label, the total tally, u32 themes
//   mentioned, per such theme: u32 theme, its tally | u64 patterns | per
//   pattern: u32 themes, u32 theme ids (ascending), u32 score point, u64
//   count, f64 weight sum | u64 FNV-1a hash of everything before it. A tally
//   is, per point, u64 count, f64 sum w, f64 sum w^2.
constexpr char kMagic[4] = {'C', 'N', 'D', 'T'};
constexpr uint16_t kFormatVersion = 1;
constexpr size_t kTrailerBytes = 8;
// Themes a state may hold (the C ABI's theme ids are int32; a bound keeps a
// forged header from asking for a huge allocation).
constexpr size_t kMaxThemes = size_t{1} << 20;

void AddTo(Tally* tally, size_t point, double w) {
  ++tally->counts[point];
  tally->weight_sums[point] += w;
  tally->weight_square_sums[point] += w * w;
}

void MergeInto(const Tally& from, Tally* into) {
  for (size_t p = 0; p < from.counts.size(); ++p) {
    into->counts[p] += from.counts[p];
    into->weight_sums[p] += from.weight_sums[p];
    into->weight_square_sums[p] += from.weight_square_sums[p];
  }
}

bool Empty(const Tally& tally) {
  return std::all_of(tally.counts.begin(), tally.counts.end(), [](int64_t c) { return c == 0; });
}

void PutTally(const Tally& tally, std::string* out) {
  for (size_t p = 0; p < tally.counts.size(); ++p) {
    PutBytes(static_cast<uint64_t>(tally.counts[p]), 8, out);
    PutBytes(DoubleBits(tally.weight_sums[p]), 8, out);
    PutBytes(DoubleBits(tally.weight_square_sums[p]), 8, out);
  }
}

// Reads a tally at *at (enough bytes checked by the caller); false when a
// count, sum or their agreement is invalid, or the counts' total overflows.
bool GetTally(std::string_view bytes, size_t* at, Tally* tally) {
  int64_t total = 0;
  for (size_t p = 0; p < tally->counts.size(); ++p, *at += 24) {
    const uint64_t count = GetBytes(bytes, *at, 8);
    const double w = BitsToDouble(GetBytes(bytes, *at + 8, 8));
    const double w2 = BitsToDouble(GetBytes(bytes, *at + 16, 8));
    if (count > static_cast<uint64_t>(INT64_MAX) || !std::isfinite(w) || w < 0 ||
        !std::isfinite(w2) || w2 < 0 || (count == 0 && (w != 0 || w2 != 0))) {
      return false;
    }
    if (__builtin_add_overflow(total, static_cast<int64_t>(count), &total)) return false;
    tally->counts[p] = static_cast<int64_t>(count);
    tally->weight_sums[p] = w;
    tally->weight_square_sums[p] = w2;
  }
  return true;
}

// Whether every sum of the state is finite (a weight near 1e300 squares to
// infinity): a state that could not be serialized and read back is refused.
Status CheckSumsFinite(const DriverAccumulator::State& s) {
  auto finite = [](const Tally& t) {
    for (size_t p = 0; p < t.counts.size(); ++p) {
      if (!std::isfinite(t.weight_sums[p]) || !std::isfinite(t.weight_square_sums[p])) {
        return false;
      }
    }
    return true;
  };
  bool ok = std::all_of(s.total.begin(), s.total.end(), finite);
  for (const auto& themes : s.mention) ok = ok && std::all_of(themes.begin(), themes.end(), finite);
  for (const auto& entry : s.patterns) ok = ok && std::isfinite(entry.second.second);
  if (ok) return OkStatus();
  return OutOfRange(
      "the driver accumulator's weight sums would overflow a double; scale the weights down "
      "(estimates do not depend on their scale)");
}

}  // namespace

uint32_t DriverAccumulator::State::Period(std::string_view label) {
  auto found = slot_of_label.find(absl::string_view(label.data(), label.size()));
  if (found != slot_of_label.end()) return found->second;
  const uint32_t slot = static_cast<uint32_t>(labels.size());
  labels.emplace_back(label);
  slot_of_label.emplace(labels.back(), slot);
  const Tally empty = Tally::Empty(scale_min, scale_max);
  total.push_back(empty);
  mention.emplace_back(themes, empty);
  return slot;
}

std::vector<uint32_t> DriverAccumulator::State::Order() const {
  std::vector<uint32_t> order(labels.size());
  for (uint32_t j = 0; j < order.size(); ++j) order[j] = j;
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return labels[a] < labels[b]; });
  return order;
}

DriverAccumulator::DriverAccumulator(std::unique_ptr<State> state) : state_(std::move(state)) {}
DriverAccumulator::DriverAccumulator(DriverAccumulator&&) noexcept = default;
DriverAccumulator& DriverAccumulator::operator=(DriverAccumulator&&) noexcept = default;
DriverAccumulator::~DriverAccumulator() = default;

Result<DriverAccumulator> DriverAccumulator::Create(int scale_min, int scale_max, size_t themes) {
  Result<ScoreAccumulator> scale = ScoreAccumulator::Create(scale_min, scale_max);
  if (!scale.ok()) return scale.status();  // the scale's checks are ScoreAccumulator's
  if (themes == 0 || themes > kMaxThemes) {
    return InvalidArgument("a driver accumulator needs 1 to " + std::to_string(kMaxThemes) +
                           " themes, got " + std::to_string(themes));
  }
  try {
    auto state = std::make_unique<State>();
    state->scale_min = scale_min;
    state->scale_max = scale_max;
    state->points = static_cast<size_t>(scale_max - scale_min + 1);
    state->themes = themes;
    return DriverAccumulator(std::move(state));
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory creating a driver accumulator");
  }
}

int DriverAccumulator::scale_min() const { return state_->scale_min; }
int DriverAccumulator::scale_max() const { return state_->scale_max; }
size_t DriverAccumulator::themes() const { return state_->themes; }
size_t DriverAccumulator::patterns() const { return state_->patterns.size(); }
bool DriverAccumulator::has_periods() const {
  return state_->periods_given == State::Periods::kGiven;
}
size_t DriverAccumulator::periods() const { return state_->labels.size(); }
std::string_view DriverAccumulator::period(size_t j) const {
  return state_->labels[state_->Order()[j]];
}
int64_t DriverAccumulator::count() const {
  int64_t n = 0;
  for (const Tally& t : state_->total) n += t.Total();
  return n;
}

Status DriverAccumulator::Add(const double* scores, const double* weights,
                              const ThemeMentions& mentions, const int32_t* period_codes,
                              const std::string_view* labels, size_t n_labels) {
  State& s = *state_;
  const size_t n = mentions.comments();
  if (n > 0 && scores == nullptr) return InvalidArgument("scores is null");
  if (mentions.themes() != s.themes) {
    return InvalidArgument("the mentions have " + std::to_string(mentions.themes()) +
                           " themes, the accumulator " + std::to_string(s.themes));
  }
  const State::Periods given =
      period_codes != nullptr ? State::Periods::kGiven : State::Periods::kNone;
  if (s.periods_given != State::Periods::kUnknown && s.periods_given != given) {
    return InvalidArgument(period_codes != nullptr
                               ? "this batch has periods but earlier ones had none"
                               : "this batch has no periods but earlier ones had");
  }
  if (n_labels > 0 && labels == nullptr) return InvalidArgument("labels are null");
  CANDOR_RETURN_IF_ERROR(internal::ValidateResponses(s.scale_min, s.scale_max, scores, weights, n));
  if (period_codes != nullptr) {
    for (size_t i = 0; i < n; ++i) {
      if (period_codes[i] < 0 || static_cast<size_t>(period_codes[i]) >= n_labels) {
        return OutOfRange("period code at index " + std::to_string(i) + " is " +
                          std::to_string(period_codes[i]) + ", not one of the " +
                          std::to_string(n_labels) + " labels' codes");
      }
    }
  }
  int64_t total = 0;
  if (__builtin_add_overflow(count(), static_cast<int64_t>(n), &total)) {
    return OutOfRange("adding would hold more than 2^63 - 1 comments");
  }
  try {
    State added = s;  // so that running out of memory adds nothing
    std::vector<int64_t> slot_of(period_codes != nullptr ? n_labels : 1, -1);
    const auto& offsets = mentions.offsets();
    const auto& ids = mentions.ids();
    std::vector<int32_t> key;
    for (size_t i = 0; i < n; ++i) {
      const size_t code = period_codes != nullptr ? static_cast<size_t>(period_codes[i]) : 0;
      int64_t& slot = slot_of[code];
      if (slot < 0) slot = added.Period(period_codes != nullptr ? labels[code] : "");
      const size_t point = static_cast<size_t>(static_cast<int>(scores[i]) - s.scale_min);
      const double w = weights == nullptr ? 1.0 : weights[i];
      added.weighted = added.weighted || w != 1.0;
      AddTo(&added.total[static_cast<size_t>(slot)], point, w);
      key.assign(ids.begin() + offsets[i], ids.begin() + offsets[i + 1]);
      for (int32_t theme : key) {
        AddTo(&added.mention[static_cast<size_t>(slot)][static_cast<size_t>(theme)], point, w);
      }
      key.push_back(static_cast<int32_t>(point));
      auto& pattern = added.patterns[key];
      ++pattern.first;
      pattern.second += w;
    }
    CANDOR_RETURN_IF_ERROR(CheckSumsFinite(added));
    if (n > 0) added.periods_given = given;
    s = std::move(added);
    return OkStatus();
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory adding to a driver accumulator");
  }
}

Status DriverAccumulator::Merge(const DriverAccumulator& other) {
  State& a = *state_;
  const State& b = *other.state_;
  if (a.scale_min != b.scale_min || a.scale_max != b.scale_max || a.themes != b.themes) {
    return InvalidArgument("cannot merge driver accumulators of different scales or themes (" +
                           std::to_string(a.scale_min) + ".." + std::to_string(a.scale_max) +
                           " with " + std::to_string(a.themes) + " themes and " +
                           std::to_string(b.scale_min) + ".." + std::to_string(b.scale_max) +
                           " with " + std::to_string(b.themes) + ")");
  }
  if (a.periods_given != State::Periods::kUnknown && b.periods_given != State::Periods::kUnknown &&
      a.periods_given != b.periods_given) {
    return InvalidArgument("cannot merge a driver accumulator with periods and one without");
  }
  int64_t total = 0;
  if (__builtin_add_overflow(count(), other.count(), &total)) {
    return OutOfRange("merging would hold more than 2^63 - 1 comments");
  }
  try {
    State merged = a;
    const State& from = &other == this ? a : b;  // merged is a's copy: a stays as it was
    for (size_t j = 0; j < from.labels.size(); ++j) {
      const uint32_t slot = merged.Period(from.labels[j]);
      MergeInto(from.total[j], &merged.total[slot]);
      for (size_t t = 0; t < a.themes; ++t) MergeInto(from.mention[j][t], &merged.mention[slot][t]);
    }
    for (const auto& [key, sums] : from.patterns) {
      auto& into = merged.patterns[key];
      into.first += sums.first;
      into.second += sums.second;
    }
    merged.weighted = a.weighted || b.weighted;
    if (merged.periods_given == State::Periods::kUnknown) merged.periods_given = b.periods_given;
    CANDOR_RETURN_IF_ERROR(CheckSumsFinite(merged));
    a = std::move(merged);
    return OkStatus();
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory merging driver accumulators");
  }
}

std::string DriverAccumulator::Serialize() const {
  const State& s = *state_;
  std::string out;
  out.append(kMagic, sizeof(kMagic));
  PutBytes(kFormatVersion, 2, &out);
  PutBytes(static_cast<uint32_t>(s.scale_min), 4, &out);
  PutBytes(static_cast<uint32_t>(s.scale_max), 4, &out);
  PutBytes(s.themes, 4, &out);
  PutBytes(static_cast<uint8_t>(s.periods_given), 1, &out);
  PutBytes(s.weighted ? 1 : 0, 1, &out);
  PutBytes(s.labels.size(), 8, &out);
  for (size_t j = 0; j < s.labels.size(); ++j) {
    PutBytes(s.labels[j].size(), 4, &out);
    out += s.labels[j];
    PutTally(s.total[j], &out);
    std::vector<uint32_t> mentioned;
    for (uint32_t t = 0; t < s.themes; ++t) {
      if (!Empty(s.mention[j][t])) mentioned.push_back(t);
    }
    PutBytes(mentioned.size(), 4, &out);
    for (uint32_t t : mentioned) {
      PutBytes(t, 4, &out);
      PutTally(s.mention[j][t], &out);
    }
  }
  // Patterns in key order, so that equal states serialize alike.
  std::vector<const std::vector<int32_t>*> keys;
  keys.reserve(s.patterns.size());
  for (const auto& entry : s.patterns) keys.push_back(&entry.first);
  std::sort(keys.begin(), keys.end(), [](auto* x, auto* y) { return *x < *y; });
  PutBytes(keys.size(), 8, &out);
  for (const std::vector<int32_t>* key : keys) {
    const auto& sums = s.patterns.at(*key);
    PutBytes(key->size() - 1, 4, &out);
    for (int32_t v : *key) PutBytes(static_cast<uint32_t>(v), 4, &out);
    PutBytes(static_cast<uint64_t>(sums.first), 8, &out);
    PutBytes(DoubleBits(sums.second), 8, &out);
  }
  PutBytes(Fnv1a(out), 8, &out);
  return out;
}

Result<DriverAccumulator> DriverAccumulator::Deserialize(std::string_view bytes) {
  auto truncated = [&] { return internal::TruncatedBytes(bytes, "driver accumulator"); };
  auto bad = [](const std::string& what) {
    return ParseError("driver accumulator bytes hold " + what);
  };
  CANDOR_RETURN_IF_ERROR(internal::CheckFrame(bytes, kMagic, kFormatVersion,
                                              4 + 2 + 4 + 4 + 4 + 2 + 8 + kTrailerBytes,
                                              "driver accumulator"));
  const size_t body = bytes.size() - kTrailerBytes;
  const int scale_min = static_cast<int32_t>(GetBytes(bytes, 6, 4));
  const int scale_max = static_cast<int32_t>(GetBytes(bytes, 10, 4));
  const size_t themes = GetBytes(bytes, 14, 4);
  const uint64_t periods_given = GetBytes(bytes, 18, 1);
  const uint64_t weighted = GetBytes(bytes, 19, 1);
  Result<DriverAccumulator> result = Create(scale_min, scale_max, themes);
  if (!result.ok()) return bad("an invalid header: " + result.status().message());
  if (periods_given > 2 || weighted > 1) return bad("an invalid flag");
  try {
    State& s = *result->state_;
    s.periods_given = static_cast<State::Periods>(periods_given);
    s.weighted = weighted != 0;
    size_t at = 20;
    const uint64_t periods = GetBytes(bytes, at, 8);
    at += 8;
    const size_t tally_bytes = 24 * s.points;
    int64_t comments = 0;
    std::vector<int64_t> period_total;
    for (uint64_t j = 0; j < periods; ++j) {
      if (body - at < 4) return truncated();
      const uint64_t size = GetBytes(bytes, at, 4);
      at += 4;
      if (body - at < size || body - at - size < tally_bytes + 4) return truncated();
      const std::string_view label = bytes.substr(at, size);
      at += size;
      if (s.slot_of_label.contains(absl::string_view(label.data(), label.size()))) {
        return bad("period " + std::to_string(j) + "'s label twice");
      }
      const uint32_t slot = s.Period(label);
      if (!GetTally(bytes, &at, &s.total[slot]))
        return bad("an invalid tally in period " + std::to_string(j));
      const int64_t in_period = s.total[slot].Total();
      if (in_period <= 0 || __builtin_add_overflow(comments, in_period, &comments)) {
        return bad("a period without comments or too many comments");
      }
      const uint64_t mentioned = GetBytes(bytes, at, 4);
      at += 4;
      int64_t previous = -1;
      for (uint64_t k = 0; k < mentioned; ++k) {
        if (body - at < 4 + tally_bytes) return truncated();
        const int64_t theme = static_cast<int64_t>(GetBytes(bytes, at, 4));
        at += 4;
        if (theme <= previous || static_cast<size_t>(theme) >= s.themes) {
          return bad("theme ids out of order or range in period " + std::to_string(j));
        }
        previous = theme;
        Tally& tally = s.mention[slot][static_cast<size_t>(theme)];
        if (!GetTally(bytes, &at, &tally) || Empty(tally)) {
          return bad("an invalid tally of theme " + std::to_string(theme));
        }
        for (size_t p = 0; p < s.points; ++p) {
          if (tally.counts[p] > s.total[slot].counts[p]) {
            return bad("more mentions of theme " + std::to_string(theme) + " than comments");
          }
        }
      }
    }
    if (body - at < 8) return truncated();
    const uint64_t patterns = GetBytes(bytes, at, 8);
    at += 8;
    int64_t in_patterns = 0;
    std::vector<int32_t> key, previous_key;
    for (uint64_t k = 0; k < patterns; ++k) {
      if (body - at < 4) return truncated();
      const uint64_t size = GetBytes(bytes, at, 4);
      at += 4;
      if (size > s.themes || (body - at) / 4 < size + 1 || body - at - 4 * (size + 1) < 16) {
        return truncated();
      }
      key.resize(size + 1);
      for (size_t t = 0; t <= size; ++t, at += 4)
        key[t] = static_cast<int32_t>(GetBytes(bytes, at, 4));
      for (size_t t = 0; t < size; ++t) {
        if (key[t] < 0 || static_cast<size_t>(key[t]) >= s.themes ||
            (t > 0 && key[t] <= key[t - 1])) {
          return bad("a pattern with theme ids out of order or range");
        }
      }
      if (key[size] < 0 || static_cast<size_t>(key[size]) >= s.points) {
        return bad("a pattern with a score point off the scale");
      }
      const uint64_t count = GetBytes(bytes, at, 8);
      const double w = BitsToDouble(GetBytes(bytes, at + 8, 8));
      at += 16;
      if (count == 0 || count > static_cast<uint64_t>(INT64_MAX) || !std::isfinite(w) || w < 0 ||
          __builtin_add_overflow(in_patterns, static_cast<int64_t>(count), &in_patterns)) {
        return bad("an invalid count or weight sum in pattern " + std::to_string(k));
      }
      if (k > 0 && !(previous_key < key)) return bad("patterns out of order or twice");
      s.patterns.emplace(key, std::make_pair(static_cast<int64_t>(count), w));
      previous_key.swap(key);
    }
    if (at != body) return ParseError("driver accumulator bytes have bytes left over");
    if (in_patterns != comments) {
      return bad("patterns of " + std::to_string(in_patterns) + " comments but tallies of " +
                 std::to_string(comments));
    }
    if ((comments > 0) != (s.periods_given != State::Periods::kUnknown)) {
      return bad("comments without knowing whether they have periods");
    }
    return result;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory reading a driver accumulator");
  }
}

}  // namespace candor
