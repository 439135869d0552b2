// ScoreAccumulator: per-point counts and weight sums; merge and a versioned
// little-endian serialization.
#include <candor/score.hpp>
#include <cmath>
#include <cstring>
#include <new>
#include <string>

#include "int8_kernel.hpp"
#include "score/tally.hpp"
#include "score/serialized_bytes.hpp"

namespace candor {
namespace {

using internal::BitsToDouble;
using internal::DoubleBits;
using internal::Fnv1a;
using internal::GetBytes;
using internal::PutBytes;

// Layout, all little-endian, written byte by byte:
//   "CNDR" | u16 version | i32 scale_min | i32 scale_max | u8 flags (bit 0:
//   weighted) | per point: u64 count, f64 weight sum, f64 squared-weight sum
//   | u64 FNV-1a hash of everything before it.
constexpr char kMagic[4] = {'C', 'N', 'D', 'R'};
constexpr uint16_t kFormatVersion = 1;
constexpr size_t kHeaderBytes = 4 + 2 + 4 + 4 + 1;
constexpr size_t kPointBytes = 8 * 3;
constexpr size_t kTrailerBytes = 8;

Status ValidateScale(int scale_min, int scale_max) {
  return Metric::Mean(scale_min, scale_max).Validate();
}

// Per-point sums to add to an accumulator's.
struct PointSums {
  const std::vector<int64_t>& counts;
  const std::vector<double>& weight_sums;
  const std::vector<double>& weight_square_sums;
};

// into += added, all or nothing: no count, total count or weight sum may
// overflow. The sums are computed into copies first, so `added` may alias
// `into` (an accumulator merged with itself) and an error changes nothing.
Status AddPointSums(const PointSums& added, std::vector<int64_t>* counts,
                    std::vector<double>* weight_sums, std::vector<double>* weight_square_sums) {
  std::vector<int64_t> new_counts(counts->size());
  std::vector<double> new_sums(counts->size());
  std::vector<double> new_squares(counts->size());
  int64_t total = 0;
  for (size_t j = 0; j < counts->size(); ++j) {
    if (__builtin_add_overflow((*counts)[j], added.counts[j], &new_counts[j]) ||
        __builtin_add_overflow(total, new_counts[j], &total)) {
      return OutOfRange("the accumulator would hold more than 2^63 - 1 responses");
    }
    new_sums[j] = (*weight_sums)[j] + added.weight_sums[j];
    new_squares[j] = (*weight_square_sums)[j] + added.weight_square_sums[j];
    if (!std::isfinite(new_sums[j]) || !std::isfinite(new_squares[j])) {
      return OutOfRange(
          "the accumulator's weight sums would overflow a double; "
          "scale the weights down (estimates do not depend on their scale)");
    }
  }
  counts->swap(new_counts);
  weight_sums->swap(new_sums);
  weight_square_sums->swap(new_squares);
  return OkStatus();
}

}  // namespace

ScoreAccumulator::ScoreAccumulator(int scale_min, int scale_max)
    : scale_min_(scale_min),
      scale_max_(scale_max),
      counts_(static_cast<size_t>(scale_max - scale_min + 1), 0),
      weight_sums_(counts_.size(), 0.0),
      weight_square_sums_(counts_.size(), 0.0) {}

Result<ScoreAccumulator> ScoreAccumulator::Create(int scale_min, int scale_max) {
  CANDOR_RETURN_IF_ERROR(ValidateScale(scale_min, scale_max));
  try {
    return ScoreAccumulator(scale_min, scale_max);
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory creating an accumulator");
  }
}

int64_t ScoreAccumulator::count() const {
  // Add, Merge and Deserialize keep the total within int64_t.
  int64_t total = 0;
  for (int64_t c : counts_) total += c;
  return total;
}

Status ScoreAccumulator::Add(const double* scores, const double* weights, size_t n) {
  try {
    internal::Tally tally = internal::Tally::Empty(scale_min_, scale_max_);
    CANDOR_RETURN_IF_ERROR(internal::TallyResponses(scores, weights, n, &tally));
    CANDOR_RETURN_IF_ERROR(AddPointSums({tally.counts, tally.weight_sums, tally.weight_square_sums},
                                        &counts_, &weight_sums_, &weight_square_sums_));
    weighted_ = weighted_ || tally.weighted;
    return OkStatus();
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory adding scores");
  }
}

Status ScoreAccumulator::AddInt8(const int8_t* scores, size_t n, int threads) {
  if (threads < 0) return InvalidArgument("threads must be >= 0, got " + std::to_string(threads));
  try {
    std::vector<int64_t> added(counts_.size(), 0);
    CANDOR_RETURN_IF_ERROR(
        internal::CountInt8Scores(scores, n, scale_min_, scale_max_, threads, added.data()));
    // Unit weights: both weight sums grow by the count.
    const std::vector<double> added_sums(added.begin(), added.end());
    return AddPointSums({added, added_sums, added_sums}, &counts_, &weight_sums_,
                        &weight_square_sums_);
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory adding scores");
  }
}

Status ScoreAccumulator::Merge(const ScoreAccumulator& other) {
  if (other.scale_min_ != scale_min_ || other.scale_max_ != scale_max_) {
    return InvalidArgument("cannot merge an accumulator on " + std::to_string(other.scale_min_) +
                           ".." + std::to_string(other.scale_max_) + " into one on " +
                           std::to_string(scale_min_) + ".." + std::to_string(scale_max_));
  }
  try {
    CANDOR_RETURN_IF_ERROR(
        AddPointSums({other.counts_, other.weight_sums_, other.weight_square_sums_}, &counts_,
                     &weight_sums_, &weight_square_sums_));
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory merging accumulators");
  }
  weighted_ = weighted_ || other.weighted_;
  return OkStatus();
}

std::string ScoreAccumulator::Serialize() const {
  std::string out;
  out.reserve(kHeaderBytes + counts_.size() * kPointBytes + kTrailerBytes);
  out.append(kMagic, sizeof(kMagic));
  PutBytes(kFormatVersion, 2, &out);
  PutBytes(static_cast<uint32_t>(scale_min_), 4, &out);
  PutBytes(static_cast<uint32_t>(scale_max_), 4, &out);
  PutBytes(weighted_ ? 1 : 0, 1, &out);
  for (size_t j = 0; j < counts_.size(); ++j) {
    PutBytes(static_cast<uint64_t>(counts_[j]), 8, &out);
    PutBytes(DoubleBits(weight_sums_[j]), 8, &out);
    PutBytes(DoubleBits(weight_square_sums_[j]), 8, &out);
  }
  PutBytes(Fnv1a(out), 8, &out);
  return out;
}

Result<ScoreAccumulator> ScoreAccumulator::Deserialize(std::string_view bytes) {
  if (bytes.size() < kHeaderBytes + kTrailerBytes) {
    return ParseError("accumulator bytes are truncated: " + std::to_string(bytes.size()) +
                      " bytes, the header alone needs " +
                      std::to_string(kHeaderBytes + kTrailerBytes));
  }
  if (std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0) {
    return ParseError("not a candor accumulator (the magic bytes are not \"CNDR\")");
  }
  const uint16_t version = static_cast<uint16_t>(GetBytes(bytes, 4, 2));
  if (version != kFormatVersion) {
    return ParseError("accumulator format version " + std::to_string(version) +
                      " is not supported (this build reads version " +
                      std::to_string(kFormatVersion) + ")");
  }
  const int scale_min = static_cast<int32_t>(GetBytes(bytes, 6, 4));
  const int scale_max = static_cast<int32_t>(GetBytes(bytes, 10, 4));
  const uint64_t flags = GetBytes(bytes, 14, 1);
  Status scale_status = ValidateScale(scale_min, scale_max);
  if (!scale_status.ok()) {
    return ParseError("accumulator bytes hold a bad scale: " + scale_status.message());
  }
  if (flags > 1) return ParseError("accumulator flags byte has unknown bits set");
  const size_t points = static_cast<size_t>(scale_max - scale_min + 1);
  const size_t expected = kHeaderBytes + points * kPointBytes + kTrailerBytes;
  if (bytes.size() != expected) {
    return ParseError("accumulator bytes have length " + std::to_string(bytes.size()) +
                      ", expected " + std::to_string(expected) + " for the scale " +
                      std::to_string(scale_min) + ".." + std::to_string(scale_max));
  }
  const uint64_t stored_hash = GetBytes(bytes, expected - kTrailerBytes, 8);
  if (stored_hash != Fnv1a(bytes.substr(0, expected - kTrailerBytes))) {
    return ParseError("accumulator bytes are corrupted (checksum mismatch)");
  }
  try {
    ScoreAccumulator accumulator(scale_min, scale_max);
    accumulator.weighted_ = (flags & 1) != 0;
    int64_t total = 0;
    for (size_t j = 0; j < points; ++j) {
      const size_t offset = kHeaderBytes + j * kPointBytes;
      const uint64_t count = GetBytes(bytes, offset, 8);
      const double weight_sum = BitsToDouble(GetBytes(bytes, offset + 8, 8));
      const double square_sum = BitsToDouble(GetBytes(bytes, offset + 16, 8));
      if (count > static_cast<uint64_t>(INT64_MAX) || !std::isfinite(weight_sum) ||
          weight_sum < 0 || !std::isfinite(square_sum) || square_sum < 0) {
        return ParseError("accumulator bytes hold an invalid value for score " +
                          std::to_string(scale_min + static_cast<int>(j)));
      }
      if (count == 0 && (weight_sum != 0 || square_sum != 0)) {
        return ParseError("accumulator bytes hold a weight sum without responses for score " +
                          std::to_string(scale_min + static_cast<int>(j)));
      }
      if (__builtin_add_overflow(total, static_cast<int64_t>(count), &total)) {
        return ParseError("accumulator bytes hold more than 2^63 - 1 responses in total");
      }
      accumulator.counts_[j] = static_cast<int64_t>(count);
      accumulator.weight_sums_[j] = weight_sum;
      accumulator.weight_square_sums_[j] = square_sum;
    }
    return accumulator;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory reading an accumulator");
  }
}

}  // namespace candor
