// Index structures a caller passes: theme mentions for candor_drivers_new
// (compressed rows with offsets and theme ids, or comment/theme pairs, every
// index from the input) with scores, weights, accounts and periods from the
// input; and candor_nmf of a CSR matrix whose row pointers, column indices
// and values come from the input. Arrays are exactly as long as the call's
// contract says (offsets n + 1, ids offsets[n], cols and values
// row_ptr[rows]); what they hold is untrusted.
//
// Input: a mode byte, then for drivers: score options, sizes, options, per
// comment its fields; for NMF: sizes, row pointers, entries.
#include <cmath>
#include <string>
#include <vector>

#include "fuzz_input.hpp"

namespace {

using candor_fuzz::CheckStatus;
using candor_fuzz::FuzzInput;

void CheckDrivers(const candor_drivers* drivers, size_t themes) {
  CANDOR_FUZZ_CHECK(candor_drivers_rows(drivers) == themes, "one row per theme");
  for (size_t t = 0; t < themes; ++t) {
    candor_driver_row row;
    CANDOR_FUZZ_CHECK(candor_drivers_row_at(drivers, t, &row) == CANDOR_OK, "row_at");
    CANDOR_FUZZ_CHECK(row.theme == static_cast<int32_t>(t) && row.name != nullptr, "row theme");
    CANDOR_FUZZ_CHECK(row.mentions >= 0, "mentions");
    CANDOR_FUZZ_CHECK(std::isnan(row.relative_risk_p_value) ||
                          (row.relative_risk_p_value >= 0 && row.relative_risk_p_value <= 1),
                      "relative risk p-value");
    CANDOR_FUZZ_CHECK(
        std::isnan(row.importance) || (row.importance >= 0 && row.importance <= 1 + 1e-9),
        "importance");
  }
  candor_driver_row past;
  CANDOR_FUZZ_CHECK(candor_drivers_row_at(drivers, themes, &past) == CANDOR_OUT_OF_RANGE,
                    "row past end");
  for (size_t i = 0; i < candor_drivers_trending_rows(drivers); ++i) {
    candor_trending_row row;
    CANDOR_FUZZ_CHECK(candor_drivers_trending_at(drivers, i, &row) == CANDOR_OK, "trending_at");
    CANDOR_FUZZ_CHECK(std::isnan(row.p_adjusted) || (row.p_adjusted >= 0 && row.p_adjusted <= 1),
                      "trending p");
  }
  candor_estimate overall;
  int64_t detractors = 0;
  CANDOR_FUZZ_CHECK(candor_drivers_overall(drivers, &overall, &detractors) == CANDOR_OK, "overall");
  CANDOR_FUZZ_CHECK(detractors >= 0 && detractors <= overall.n, "detractors");
  candor_key_driver_model model;
  CANDOR_FUZZ_CHECK(candor_drivers_model(drivers, &model) == CANDOR_OK && model.message != nullptr,
                    "model");
  int32_t earlier = 0;
  int32_t later = 0;
  CANDOR_FUZZ_CHECK(candor_drivers_periods(drivers, &earlier, &later) == CANDOR_OK, "periods");
}

void Drivers(FuzzInput& in) {
  const candor_score_options score_options = candor_fuzz::ScoreOptions(in);
  const uint8_t flags = in.Byte();
  const size_t themes = in.Below(24);
  candor_drivers_options options;
  candor_drivers_options_init(&options);
  if (flags & 1) {
    options.l2_penalty = candor_fuzz::InterestingDouble(in);
    options.fit_key_drivers = in.Byte() & 1;
    options.max_iterations = in.Byte();
    options.tolerance = candor_fuzz::InterestingDouble(in);
    options.earlier_period = static_cast<int8_t>(in.Byte());
    options.later_period = static_cast<int8_t>(in.Byte());
    candor_fuzz::SetRawEnum(&options.p_adjust, static_cast<int>(in.Below(4)));
    options.alpha = candor_fuzz::InterestingDouble(in);
  }
  const bool pairs = flags & 2;
  const bool raw_offsets = flags & 4;
  std::vector<double> scores, weights;
  std::vector<int32_t> accounts, periods, ids, pair_themes;
  std::vector<int64_t> offsets = {0}, pair_comments;
  const int64_t range = static_cast<int64_t>(score_options.scale_max) - score_options.scale_min + 1;
  while (in.remaining() > 0 && scores.size() < 1000) {
    const uint8_t s = in.Byte();
    scores.push_back(range > 0 && range < 256
                         ? static_cast<double>(score_options.scale_min + s % range)
                         : static_cast<double>(s));
    weights.push_back(0.5 * (in.Byte() % 8));
    accounts.push_back(in.Byte() % 16 - (flags & 64 ? 1 : 0));
    periods.push_back(in.Byte() % 4);
    // Themes this comment mentions: a count, then ids (mostly valid).
    const uint8_t count = in.Byte() % 4;
    for (uint8_t k = 0; k < count; ++k) {
      const uint8_t b = in.Byte();
      const int32_t id =
          b < 0xf0 || themes == 0 ? static_cast<int32_t>(b % (themes + 1)) : in.Raw<int32_t>();
      if (pairs) {
        pair_comments.push_back(raw_offsets && b >= 0xe0 ? in.Raw<int64_t>()
                                                         : static_cast<int64_t>(scores.size() - 1));
        pair_themes.push_back(id);
      } else {
        ids.push_back(id);
      }
    }
    offsets.push_back(static_cast<int64_t>(ids.size()));
  }
  const size_t n = scores.size();
  // Garbled offsets, keeping offsets[n] (the length of ids) honest.
  if (raw_offsets && !pairs && n > 1) {
    offsets[in.Below(static_cast<uint32_t>(n))] = in.Raw<int64_t>();
  }
  std::vector<std::string> name_storage(themes);
  std::vector<const char*> names(themes);
  for (size_t t = 0; t < themes; ++t) {
    name_storage[t] = "theme " + std::to_string(t);
    names[t] = name_storage[t].c_str();
  }
  candor_theme_mentions mentions = {themes,
                                    (flags & 8) ? names.data() : nullptr,
                                    pairs ? nullptr : offsets.data(),
                                    pairs ? nullptr : ids.data(),
                                    pairs ? pair_comments.data() : nullptr,
                                    pairs ? pair_themes.data() : nullptr,
                                    pair_comments.size()};
  candor_drivers* drivers = nullptr;
  const candor_status s = candor_drivers_new(
      &score_options, (flags & 128) ? nullptr : &options, scores.data(),
      (flags & 16) ? weights.data() : nullptr, (flags & 32) ? accounts.data() : nullptr,
      (flags & 8) ? periods.data() : nullptr, n, &mentions, &drivers);
  CheckStatus(s, "candor_drivers_new");
  CANDOR_FUZZ_CHECK((s == CANDOR_OK) == (drivers != nullptr), "a handle iff CANDOR_OK");
  if (drivers != nullptr) CheckDrivers(drivers, themes);
  candor_drivers_free(drivers);
}

void Nmf(FuzzInput& in) {
  const size_t rows = in.Below(12);
  const size_t cols = in.Below(12);
  const int32_t k = static_cast<int8_t>(in.Byte()) % 8;
  const uint8_t flags = in.Byte();
  candor_themes_options options;
  candor_themes_options_init(&options);
  candor_fuzz::SetRawEnum(&options.init, static_cast<int>(in.Below(4)));
  candor_fuzz::SetRawEnum(&options.svd, static_cast<int>(in.Below(4)));
  options.max_iter = in.Byte() % 60;
  options.seed = in.Byte();
  options.threads = 1;
  // Row pointers: lengths per row (valid), or raw values (flags bit 0).
  std::vector<int64_t> row_ptr(rows + 1, 0);
  for (size_t r = 0; r < rows; ++r) row_ptr[r + 1] = row_ptr[r] + in.Byte() % 6;
  const int64_t nnz = row_ptr[rows];
  if ((flags & 1) && rows > 0) row_ptr[in.Below(static_cast<uint32_t>(rows))] = in.Raw<int64_t>();
  std::vector<int32_t> col(static_cast<size_t>(nnz));
  std::vector<double> value(static_cast<size_t>(nnz));
  for (int64_t e = 0; e < nnz; ++e) {
    const uint8_t b = in.Byte();
    col[e] = b < 0xf0 ? static_cast<int32_t>(b % (cols + 1)) : in.Raw<int32_t>();
    value[e] = (flags & 2) ? candor_fuzz::InterestingDouble(in) : 0.5 * (in.Byte() % 8);
  }
  const size_t kk = k > 0 ? static_cast<size_t>(k) : 1;
  std::vector<double> w(rows * kk + 1), h(kk * cols + 1);
  double loss = -1;
  int32_t iterations = -1;
  const candor_status s = candor_nmf(&options, row_ptr.data(), col.data(), value.data(), rows, cols,
                                     k, w.data(), h.data(), &loss, &iterations);
  CheckStatus(s, "candor_nmf");
  if (s == CANDOR_OK) {
    if (!(std::isfinite(loss) && loss >= 0)) {
      candor_fuzz::Fail("candor_nmf", "loss " + std::to_string(loss) + " with k " +
                                          std::to_string(k) + ", " + std::to_string(rows) + " x " +
                                          std::to_string(cols) + ", max_iter " +
                                          std::to_string(options.max_iter));
    }
    CANDOR_FUZZ_CHECK(iterations >= 0, "NMF iterations");
    for (size_t i = 0; i < rows * kk; ++i) {
      CANDOR_FUZZ_CHECK(std::isfinite(w[i]) && w[i] >= 0, "W finite and >= 0");
    }
    for (size_t i = 0; i < kk * cols; ++i) {
      CANDOR_FUZZ_CHECK(std::isfinite(h[i]) && h[i] >= 0, "H finite and >= 0");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  if (in.Byte() & 1) {
    Nmf(in);
  } else {
    Drivers(in);
  }
  return 0;
}
