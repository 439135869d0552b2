// AccountAccumulator: the whole sample's per-point sums and each account's
// weight sum per point; merge by account label; a versioned little-endian
// serialization; the cluster-robust estimate of design_clustered_mean.cc
// computed from those sums.
#include <candor/score.hpp>
#include <cmath>
#include <cstring>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "score/estimate_internal.hpp"
#include "score/jeffreys.hpp"
#include "score/serialized_bytes.hpp"
#include "score/tally.hpp"

namespace candor {
namespace {

using internal::BitsToDouble;
using internal::DoubleBits;
using internal::Fnv1a;
using internal::GetBytes;
using internal::PutBytes;

// Layout, all little-endian, written byte by byte:
//   "CNDA" | u16 version | u32 length of the totals | the totals (a
//   ScoreAccumulator's bytes) | u64 accounts | per account: u32 label length,
//   label bytes, u64 responses, per point f64 weight sum | u64 FNV-1a hash of
//   everything before it.
constexpr char kMagic[4] = {'C', 'N', 'D', 'A'};
constexpr uint16_t kFormatVersion = 1;
constexpr size_t kTrailerBytes = 8;

absl::string_view Key(std::string_view s) { return {s.data(), s.size()}; }

}  // namespace

struct AccountAccumulator::Accounts {
  size_t points = 0;
  absl::flat_hash_map<std::string, uint32_t> index;
  std::vector<std::string> labels;
  std::vector<int64_t> responses;
  std::vector<double> weight_sums;  // accounts x points

  // The slot of `label`, made (with zero sums) if new.
  uint32_t Slot(std::string_view label) {
    auto found = index.find(Key(label));
    if (found != index.end()) return found->second;
    const uint32_t slot = static_cast<uint32_t>(labels.size());
    labels.emplace_back(label);
    index.emplace(labels.back(), slot);
    responses.push_back(0);
    weight_sums.resize(weight_sums.size() + points, 0.0);
    return slot;
  }
};

AccountAccumulator::AccountAccumulator(ScoreAccumulator totals)
    : totals_(std::move(totals)), accounts_(std::make_unique<Accounts>()) {
  accounts_->points = static_cast<size_t>(totals_.scale_max() - totals_.scale_min() + 1);
}
AccountAccumulator::AccountAccumulator(AccountAccumulator&&) noexcept = default;
AccountAccumulator& AccountAccumulator::operator=(AccountAccumulator&&) noexcept = default;
AccountAccumulator::~AccountAccumulator() = default;

Result<AccountAccumulator> AccountAccumulator::Create(int scale_min, int scale_max) {
  Result<ScoreAccumulator> totals = ScoreAccumulator::Create(scale_min, scale_max);
  if (!totals.ok()) return totals.status();
  try {
    return AccountAccumulator(std::move(totals).value());
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory creating an accumulator");
  }
}

const ScoreAccumulator& AccountAccumulator::totals() const { return totals_; }
size_t AccountAccumulator::accounts() const { return accounts_->labels.size(); }
std::string_view AccountAccumulator::account(size_t j) const { return accounts_->labels[j]; }
const double* AccountAccumulator::account_weight_sums(size_t j) const {
  return accounts_->weight_sums.data() + j * accounts_->points;
}

Status AccountAccumulator::Add(const double* scores, const double* weights,
                               const int32_t* account_codes, size_t n,
                               const std::string_view* labels, size_t n_labels) {
  if (n > 0 && (scores == nullptr || account_codes == nullptr)) {
    return InvalidArgument(scores == nullptr ? "scores is null" : "account codes are null");
  }
  if (n_labels > 0 && labels == nullptr) return InvalidArgument("labels are null");
  for (size_t i = 0; i < n; ++i) {
    if (account_codes[i] < 0 || static_cast<size_t>(account_codes[i]) >= n_labels) {
      return OutOfRange("account code at index " + std::to_string(i) + " is " +
                        std::to_string(account_codes[i]) + ", not one of the " +
                        std::to_string(n_labels) + " labels' codes");
    }
  }
  try {
    // Validates every score and weight, and adds nothing on error.
    ScoreAccumulator added = totals_;
    CANDOR_RETURN_IF_ERROR(added.Add(scores, weights, n));
    Accounts& a = *accounts_;
    std::vector<int64_t> slot_of(n_labels, -1);  // slots made as rows use labels
    const int low = totals_.scale_min();
    for (size_t i = 0; i < n; ++i) {
      int64_t& slot = slot_of[static_cast<size_t>(account_codes[i])];
      if (slot < 0) slot = a.Slot(labels[account_codes[i]]);
      const size_t point = static_cast<size_t>(static_cast<int>(scores[i]) - low);
      ++a.responses[static_cast<size_t>(slot)];
      a.weight_sums[static_cast<size_t>(slot) * a.points + point] +=
          weights == nullptr ? 1.0 : weights[i];
    }
    totals_ = std::move(added);
    return OkStatus();
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory adding scores by account");
  }
}

Status AccountAccumulator::Merge(const AccountAccumulator& other) {
  if (&other == this) {  // every account twice
    CANDOR_RETURN_IF_ERROR(totals_.Merge(totals_));
    for (int64_t& r : accounts_->responses) r *= 2;
    for (double& w : accounts_->weight_sums) w *= 2;
    return OkStatus();
  }
  try {
    ScoreAccumulator merged = totals_;
    CANDOR_RETURN_IF_ERROR(merged.Merge(other.totals_));
    Accounts& a = *accounts_;
    const Accounts& b = *other.accounts_;
    for (size_t j = 0; j < b.labels.size(); ++j) {
      const uint32_t slot = a.Slot(b.labels[j]);
      a.responses[slot] += b.responses[j];
      for (size_t k = 0; k < a.points; ++k) {
        a.weight_sums[slot * a.points + k] += b.weight_sums[j * b.points + k];
      }
    }
    totals_ = std::move(merged);
    return OkStatus();
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory merging accumulators");
  }
}

std::string AccountAccumulator::Serialize() const {
  const Accounts& a = *accounts_;
  const std::string totals = totals_.Serialize();
  std::string out;
  out.append(kMagic, sizeof(kMagic));
  PutBytes(kFormatVersion, 2, &out);
  PutBytes(totals.size(), 4, &out);
  out += totals;
  PutBytes(a.labels.size(), 8, &out);
  for (size_t j = 0; j < a.labels.size(); ++j) {
    PutBytes(a.labels[j].size(), 4, &out);
    out += a.labels[j];
    PutBytes(static_cast<uint64_t>(a.responses[j]), 8, &out);
    for (size_t k = 0; k < a.points; ++k)
      PutBytes(DoubleBits(a.weight_sums[j * a.points + k]), 8, &out);
  }
  PutBytes(Fnv1a(out), 8, &out);
  return out;
}

Result<AccountAccumulator> AccountAccumulator::Deserialize(std::string_view bytes) {
  auto truncated = [&] { return internal::TruncatedBytes(bytes, "account accumulator"); };
  CANDOR_RETURN_IF_ERROR(internal::CheckFrame(bytes, kMagic, kFormatVersion,
                                              4 + 2 + 4 + kTrailerBytes, "account accumulator"));
  const size_t body = bytes.size() - kTrailerBytes;
  size_t at = 6;
  const uint64_t totals_size = GetBytes(bytes, at, 4);
  at += 4;
  if (totals_size > body - at) return truncated();
  Result<ScoreAccumulator> totals = ScoreAccumulator::Deserialize(bytes.substr(at, totals_size));
  if (!totals.ok()) return totals.status();
  at += totals_size;
  try {
    AccountAccumulator result(std::move(totals).value());
    Accounts& a = *result.accounts_;
    if (body - at < 8) return truncated();
    const uint64_t accounts = GetBytes(bytes, at, 8);
    at += 8;
    int64_t responses = 0;
    for (uint64_t j = 0; j < accounts; ++j) {
      if (body - at < 4) return truncated();
      const uint64_t label_size = GetBytes(bytes, at, 4);
      at += 4;
      if (body - at < label_size + 8 + 8 * a.points) return truncated();
      const std::string_view label = bytes.substr(at, label_size);
      at += label_size;
      if (a.index.contains(Key(label))) {
        return ParseError("account accumulator bytes hold account " + std::to_string(j) +
                          "'s label twice");
      }
      const uint32_t slot = a.Slot(label);
      const uint64_t rows = GetBytes(bytes, at, 8);
      at += 8;
      if (rows == 0 || rows > static_cast<uint64_t>(INT64_MAX) ||
          __builtin_add_overflow(responses, static_cast<int64_t>(rows), &responses)) {
        return ParseError("account accumulator bytes hold a bad response count for account " +
                          std::to_string(j));
      }
      a.responses[slot] = static_cast<int64_t>(rows);
      for (size_t k = 0; k < a.points; ++k, at += 8) {
        const double sum = BitsToDouble(GetBytes(bytes, at, 8));
        if (!std::isfinite(sum) || sum < 0) {
          return ParseError("account accumulator bytes hold an invalid weight sum for account " +
                            std::to_string(j));
        }
        a.weight_sums[slot * a.points + k] = sum;
      }
    }
    if (at != body) return ParseError("account accumulator bytes have bytes left over");
    if (responses != result.totals_.count()) {
      return ParseError("account accumulator bytes: the accounts hold " +
                        std::to_string(responses) + " responses but the totals " +
                        std::to_string(result.totals_.count()));
    }
    return result;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory reading an accumulator");
  }
}

// design_clustered_mean.cc's estimate, from sums: the Hajek mean m = sum w v /
// W and the cluster totals of the influence values z_c = (sum_c w v - m
// sum_c w) / W, var = C / (C - 1) sum_c (z_c - mean z)^2 (survey's onestrat).
Result<Estimate> EstimateAccumulated(const Metric& metric, const AccountAccumulator& acc,
                                     const IntervalOptions& options) {
  CANDOR_RETURN_IF_ERROR(internal::ValidateRequest(metric, options));
  if (options.method != IntervalMethod::kWald && options.method != IntervalMethod::kJeffreys) {
    return Unsupported(
        "the cluster-robust estimate by account supports the Wald (linearization) and Jeffreys "
        "(design effective counts) intervals only");
  }
  const ScoreAccumulator& totals = acc.totals();
  if (metric.scale_min != totals.scale_min() || metric.scale_max != totals.scale_max()) {
    return InvalidArgument("the metric's scale " + std::to_string(metric.scale_min) + ".." +
                           std::to_string(metric.scale_max) + " is not the accumulator's " +
                           std::to_string(totals.scale_min()) + ".." +
                           std::to_string(totals.scale_max()));
  }
  internal::Tally tally = internal::Tally::FromAccumulator(totals);
  CANDOR_RETURN_IF_ERROR(internal::CheckEstimable(tally));
  if (acc.accounts() < 2) {
    return InvalidArgument(
        "the responses come from a single account: a cluster-robust variance needs at least "
        "two (C / (C - 1) is undefined)");
  }
  const size_t points = tally.counts.size();
  std::vector<double> value(points);
  for (size_t k = 0; k < points; ++k)
    value[k] = metric.ValueOf(totals.scale_min() + static_cast<int>(k));
  internal::DesignMoments moments;
  moments.n = tally.Total();
  double weighted = 0, weighted_squares = 0;
  for (size_t k = 0; k < points; ++k) {
    moments.weight_sum += tally.weight_sums[k];
    moments.square_sum += tally.weight_square_sums[k];
    weighted += tally.weight_sums[k] * value[k];
    weighted_squares += tally.weight_sums[k] * value[k] * value[k];
  }
  moments.mean = weighted / moments.weight_sum;
  moments.mean_of_squares = weighted_squares / moments.weight_sum;
  const size_t c = acc.accounts();
  std::vector<double> z(c);
  double z_total = 0;
  for (size_t j = 0; j < c; ++j) {
    const double* sums = acc.account_weight_sums(j);
    double w = 0, wv = 0;
    for (size_t k = 0; k < points; ++k) {
      w += sums[k];
      wv += sums[k] * value[k];
    }
    z[j] = (wv - moments.mean * w) / moments.weight_sum;
    z_total += z[j];
  }
  const double z_mean = z_total / static_cast<double>(c);
  double squares = 0;
  for (double zj : z) squares += (zj - z_mean) * (zj - z_mean);
  const double clusters = static_cast<double>(c);
  Estimate estimate = internal::EstimateFromDesignVariance(
      metric, moments, clusters / (clusters - 1.0) * squares, options);
  CANDOR_RETURN_IF_ERROR(internal::CheckReportable(estimate));
  return estimate;
}

}  // namespace candor
