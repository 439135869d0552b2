// The outer loop through the C ABI: scores (some off the scale), accounts,
// theme masks, ARR values and sentiments from InterestingDouble (NaN, inf,
// negatives), options from bytes, and the comments' texts as arbitrary bytes
// (invalid UTF-8, PII-like strings), to candor_outer_loop_new.
// Results returned as CANDOR_OK must keep include/candor/outer_loop.hpp's
// promises: ranks 1..T in order, detractor_accounts <= accounts <= comments,
// detractor_comments <= comments, the ARR interval ordered, and every quote
// a comment that mentions its theme, no longer than max_quote_bytes, with
// the theme's tone sign, at most quotes_per_theme per segment.
//
// Input: n-1 byte (n <= 48), themes byte (1..6), flags byte (bit 0: ARR,
// bit 1: sentiments, bit 2: segments, bit 3: periods), rank byte, quotes
// byte, similarity byte; per comment: score byte (mod 12), account byte (mod
// 8), theme mask byte, [segment byte], [period byte], [sentiment]; per
// account [ARR]; then the texts, separated by '\n'.
#include <candor.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_input.hpp"

namespace {

using candor_fuzz::CheckStatus;
using candor_fuzz::FuzzInput;
using candor_fuzz::InterestingDouble;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  const size_t n = 1 + in.Below(48);
  const size_t themes = 1 + in.Below(6);
  const uint8_t flags = in.Byte();
  candor_outer_loop_options options;
  candor_outer_loop_options_init(&options);
  candor_fuzz::SetRawEnum(&options.rank_by, static_cast<int>(in.Below(5)));
  if (!(flags & 1) && candor_fuzz::RawEnumValue(options.rank_by) == 0) {
    options.rank_by = CANDOR_OUTER_LOOP_RANK_COMMENTS;
  }
  options.replicates = 100;
  options.threads = 1;
  options.quotes_per_theme = static_cast<int32_t>(in.Below(22));
  options.max_quote_similarity = (1 + in.Below(10)) / 10.0;
  options.max_quote_bytes = 1 + static_cast<int32_t>(in.Below(64));

  std::vector<double> scores(n), sentiments(n), arr(8);
  std::vector<int32_t> accounts(n), segments(n), periods(n);
  std::vector<int64_t> offsets{0};
  std::vector<int32_t> ids;
  for (size_t i = 0; i < n; ++i) {
    scores[i] = in.Below(12);
    accounts[i] = static_cast<int32_t>(in.Below(8));
    const uint8_t mask = in.Byte();
    for (size_t j = 0; j < themes; ++j) {
      if (mask & (1u << j)) ids.push_back(static_cast<int32_t>(j));
    }
    offsets.push_back(static_cast<int64_t>(ids.size()));
    if (flags & 4) segments[i] = static_cast<int32_t>(in.Below(3));
    if (flags & 8) periods[i] = static_cast<int32_t>(in.Below(3));
    if (flags & 2) sentiments[i] = InterestingDouble(in);
  }
  if (flags & 1) {
    for (double& value : arr) value = InterestingDouble(in);
  }
  std::vector<std::string_view> pieces = candor_fuzz::Split(in.Rest(), '\n', n);
  std::vector<const char*> texts(n, nullptr);
  std::vector<size_t> sizes(n, 0);
  for (size_t i = 0; i < pieces.size() && i < n; ++i) {
    texts[i] = pieces[i].data();
    sizes[i] = pieces[i].size();
  }

  candor_theme_mentions mentions = {};
  mentions.themes = themes;
  mentions.offsets = offsets.data();
  mentions.theme_ids = ids.data();
  candor_outer_loop_inputs inputs;
  candor_outer_loop_inputs_init(&inputs);
  inputs.accounts = accounts.data();
  if (flags & 1) {
    inputs.account_arr = arr.data();
    inputs.account_count = arr.size();
  }
  if (flags & 2) inputs.sentiments = sentiments.data();
  if (flags & 4) inputs.segments = segments.data();
  if (flags & 8) inputs.periods = periods.data();
  inputs.texts = texts.data();
  inputs.text_sizes = sizes.data();

  candor_outer_loop* loop = nullptr;
  const candor_status status =
      candor_outer_loop_new(nullptr, &options, scores.data(), n, &mentions, &inputs, &loop);
  CheckStatus(status, "candor_outer_loop_new");
  if (status != CANDOR_OK) {
    CANDOR_FUZZ_CHECK(loop == nullptr, "failed new leaves *out NULL");
    return 0;
  }
  CANDOR_FUZZ_CHECK(candor_outer_loop_rows(loop) == themes, "one row per theme");
  for (size_t r = 0; r < themes; ++r) {
    candor_outer_loop_row row;
    CheckStatus(candor_outer_loop_row_at(loop, r, &row), "row_at");
    CANDOR_FUZZ_CHECK(row.rank == static_cast<int32_t>(r) + 1, "ranks in order");
    CANDOR_FUZZ_CHECK(row.theme >= 0 && static_cast<size_t>(row.theme) < themes, "theme id");
    CANDOR_FUZZ_CHECK(row.detractor_comments <= row.comments, "detractor comments");
    CANDOR_FUZZ_CHECK(row.detractor_accounts <= row.accounts, "detractor accounts");
    CANDOR_FUZZ_CHECK(row.accounts <= row.comments, "accounts <= comments");
    candor_outer_loop_no_intervals reasons;
    CheckStatus(candor_outer_loop_no_intervals_at(loop, r, &reasons), "no_intervals_at");
    if (flags & 1) {
      // An interval has width, or it is NaN with a reason (no zero width).
      CANDOR_FUZZ_CHECK(row.arr_at_risk >= 0, "ARR at risk >= 0");
      CANDOR_FUZZ_CHECK(reasons.arr != CANDOR_OUTER_LOOP_NO_INTERVAL_NONE
                            ? std::isnan(row.arr_ci_low) && std::isnan(row.arr_ci_high)
                            : row.arr_ci_low < row.arr_ci_high,
                        "ARR interval: width > 0, or NaN with a reason");
    }
    CANDOR_FUZZ_CHECK(reasons.impact == CANDOR_OUTER_LOOP_NO_INTERVAL_NONE ||
                          (std::isnan(row.impact.ci_low) && std::isnan(row.impact.ci_high)),
                      "impact interval: NaN with a reason");
    CANDOR_FUZZ_CHECK(candor_outer_loop_no_interval_text(reasons.arr) != nullptr &&
                          candor_outer_loop_no_interval_text(reasons.impact) != nullptr &&
                          candor_outer_loop_no_interval_text(reasons.share_change) != nullptr,
                      "every reason has a text");
    std::vector<int> per_segment(4, 0);
    for (size_t k = 0; k < row.quotes; ++k) {
      candor_outer_loop_quote quote;
      CheckStatus(candor_outer_loop_quote_at(loop, r, k, &quote), "quote_at");
      CANDOR_FUZZ_CHECK(quote.comment >= 0 && static_cast<size_t>(quote.comment) < n,
                        "quote comment index");
      CANDOR_FUZZ_CHECK(quote.text_size <= static_cast<size_t>(options.max_quote_bytes),
                        "quote length");
      bool mentions_theme = false;
      for (int64_t m = offsets[quote.comment]; m < offsets[quote.comment + 1]; ++m) {
        mentions_theme |= ids[m] == row.theme;
      }
      CANDOR_FUZZ_CHECK(mentions_theme, "a quote mentions its theme");
      if (row.tone > 0) CANDOR_FUZZ_CHECK(quote.tone > 0, "tone sign");
      if (row.tone < 0) CANDOR_FUZZ_CHECK(quote.tone < 0, "tone sign");
      per_segment[quote.segment + 1] += 1;
      CANDOR_FUZZ_CHECK(per_segment[quote.segment + 1] <= options.quotes_per_theme,
                        "quotes per segment");
    }
  }
  candor_outer_loop_free(loop);
  return 0;
}
