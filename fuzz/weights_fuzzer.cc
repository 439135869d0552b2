// Weighting and design entry points over arrays from the input: raking,
// post-stratification and linear calibration (codes, population totals and
// calibration variables from the input), inverse-propensity weights,
// summaries, recency, account, trimmed and combined weights, response rates,
// the recency adjustment and design-based estimates (weights, clusters,
// calibrations). Codes and indices are untrusted: an out-of-range one must
// be a status, never a read outside an array. Weights returned as CANDOR_OK
// are finite and >= 0; estimates keep their promises.
//
// Input: a mode byte, sizes, then per respondent its fields.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "fuzz_input.hpp"

namespace {

using candor_fuzz::CheckComparison;
using candor_fuzz::CheckEstimate;
using candor_fuzz::CheckStatus;
using candor_fuzz::FuzzInput;

constexpr size_t kMaxRespondents = 800;

// A code in 0..levels-1 mostly; sometimes one outside (or any int32).
int32_t Code(FuzzInput& in, size_t levels) {
  const uint8_t b = in.Byte();
  if (b < 0xf0) return static_cast<int32_t>(b % (levels == 0 ? 1 : levels));
  if (b < 0xf8) return static_cast<int32_t>(levels) + (b & 3) - 1;
  return in.Raw<int32_t>();
}

double Positive(FuzzInput& in) {
  const uint8_t b = in.Byte();
  if (b >= 0xf0) return candor_fuzz::InterestingDouble(in);
  return 0.25 + 0.25 * (b % 16);
}

void CheckWeights(const double* w, size_t n, const char* where) {
  for (size_t i = 0; i < n; ++i) {
    CANDOR_FUZZ_CHECK(std::isfinite(w[i]) && w[i] >= 0, where);
  }
}

// Linear calibration may give negative weights (as R's survey::calibrate;
// candor/weight.hpp): `nonnegative` false checks only that they are finite.
void CheckHandle(candor_status s, candor_weights* weights, size_t n, const char* where,
                 bool nonnegative = true) {
  CheckStatus(s, where);
  if (s != CANDOR_OK) return;
  size_t count = 0;
  const double* values = candor_weights_values(weights, &count);
  CANDOR_FUZZ_CHECK(count == n, where);
  if (nonnegative) {
    CheckWeights(values, count, where);
  } else {
    for (size_t i = 0; i < count; ++i) CANDOR_FUZZ_CHECK(std::isfinite(values[i]), where);
  }
  candor_weight_summary summary;
  CANDOR_FUZZ_CHECK(candor_weights_summary(weights, &summary) == CANDOR_OK, where);
  for (size_t i = 0; i < candor_weights_balance_count(weights); ++i) {
    const char* variable = nullptr;
    double before = 0;
    double after = 0;
    CANDOR_FUZZ_CHECK(
        candor_weights_balance_at(weights, i, &variable, &before, &after) == CANDOR_OK &&
            variable != nullptr,
        where);
  }
  for (size_t i = 0; i < candor_weights_terms(weights); ++i) {
    const char* name = nullptr;
    double coefficient = 0;
    CANDOR_FUZZ_CHECK(candor_weights_term_at(weights, i, &name, &coefficient) == CANDOR_OK, where);
  }
}

void Calibrations(FuzzInput& in, uint8_t mode) {
  const size_t n_margins = 1 + in.Below(3);
  size_t levels[3];
  std::vector<std::vector<double>> population(n_margins);
  for (size_t m = 0; m < n_margins; ++m) {
    levels[m] = 1 + in.Below(5);
    for (size_t l = 0; l < levels[m]; ++l) population[m].push_back(10 * Positive(in));
  }
  const size_t p = 1 + in.Below(3);
  std::vector<double> totals(p);
  for (double& t : totals) t = 10 * Positive(in);
  const bool base = in.Byte() & 1;
  std::vector<std::vector<int32_t>> codes(n_margins);
  std::vector<double> base_weights, x;
  while (in.remaining() > 0 && base_weights.size() < kMaxRespondents) {
    for (size_t m = 0; m < n_margins; ++m) codes[m].push_back(Code(in, levels[m]));
    base_weights.push_back(Positive(in));
    for (size_t j = 0; j < p; ++j) x.push_back(j == 0 ? 1.0 : static_cast<double>(in.Byte() % 4));
  }
  const size_t n = base_weights.size();
  std::vector<candor_margin> margins(n_margins);
  for (size_t m = 0; m < n_margins; ++m) {
    margins[m] = {"margin", codes[m].data(), population[m].data(), levels[m]};
  }
  candor_weights* weights = nullptr;
  candor_status s;
  if (mode == 0) {
    s = candor_rake(base ? base_weights.data() : nullptr, n, margins.data(), n_margins, 20, 1e-8,
                    &weights);
    CheckHandle(s, weights, n, "candor_rake");
  } else if (mode == 1) {
    s = candor_poststratify(base ? base_weights.data() : nullptr, n, margins.data(), &weights);
    CheckHandle(s, weights, n, "candor_poststratify");
  } else {
    s = candor_calibrate_linear(base ? base_weights.data() : nullptr, n, x.data(),
                                static_cast<int32_t>(p), totals.data(), &weights);
    CheckHandle(s, weights, n, "candor_calibrate_linear", /*nonnegative=*/false);
  }
  // A calibration carries its weights into a design estimate.
  if (s == CANDOR_OK) {
    std::vector<double> scores(n);
    for (size_t i = 0; i < n; ++i) scores[i] = static_cast<double>((codes[0][i] & 7) + 3);
    candor_score_options options;
    candor_score_options_init(&options);
    options.threads = 1;
    candor_design design;
    candor_design_init(&design);
    design.calibration = weights;
    candor_estimate e;
    const candor_status d = candor_score_design(&options, scores.data(), n, &design, &e);
    CheckStatus(d, "candor_score_design with a calibration");
    if (d == CANDOR_OK) CheckEstimate(e, "candor_score_design with a calibration");
  }
  candor_weights_free(weights);
}

void Ipw(FuzzInput& in) {
  const size_t n_covariates = in.Below(4);
  const double l2 = (in.Byte() & 1) ? candor_fuzz::InterestingDouble(in) : 1.0;
  std::vector<int32_t> levels(n_covariates);
  std::vector<bool> numeric(n_covariates);
  for (size_t c = 0; c < n_covariates; ++c) {
    const uint8_t b = in.Byte();
    numeric[c] = b & 1;
    levels[c] = (b & 0x80) ? static_cast<int8_t>(in.Byte()) : 1 + (b >> 1) % 4;
  }
  std::vector<uint8_t> responded;
  std::vector<std::vector<double>> values(n_covariates);
  std::vector<std::vector<int32_t>> codes(n_covariates);
  while (in.remaining() > 0 && responded.size() < kMaxRespondents) {
    const uint8_t r = in.Byte();
    responded.push_back(r < 0xf0 ? (r & 1) : r);  // sometimes neither 0 nor 1
    for (size_t c = 0; c < n_covariates; ++c) {
      if (numeric[c]) {
        values[c].push_back(Positive(in) - 2);
      } else {
        codes[c].push_back(Code(in, levels[c] > 0 ? static_cast<size_t>(levels[c]) : 1));
      }
    }
  }
  std::vector<candor_covariate> covariates(n_covariates);
  for (size_t c = 0; c < n_covariates; ++c) {
    covariates[c] = {"covariate", numeric[c] ? values[c].data() : nullptr,
                     numeric[c] ? nullptr : codes[c].data(), levels[c]};
  }
  size_t respondents = 0;
  for (uint8_t r : responded) respondents += r == 1;
  candor_weights* weights = nullptr;
  const candor_status s =
      candor_ipw(responded.data(), responded.size(), covariates.data(), n_covariates, l2, &weights);
  CheckHandle(s, weights, respondents, "candor_ipw");
  candor_weights_free(weights);
}

void Vectors(FuzzInput& in) {
  const uint8_t which = in.Byte();
  const double a = candor_fuzz::InterestingDouble(in);
  const double b = candor_fuzz::InterestingDouble(in);
  const double c = candor_fuzz::InterestingDouble(in);
  const int64_t reference = int64_t{1700000000} + in.Raw<int32_t>();
  const size_t n_roles = in.Below(4);
  std::vector<double> role_weights(n_roles);
  for (double& w : role_weights) w = Positive(in);
  std::vector<double> weights, values;
  std::vector<int64_t> times;
  std::vector<int32_t> accounts, roles;
  while (in.remaining() > 0 && weights.size() < kMaxRespondents) {
    weights.push_back(Positive(in));
    const uint8_t t = in.Byte();
    times.push_back(t >= 0xf8 ? in.Raw<int64_t>() : 1700000000 - int64_t{86400} * t);
    accounts.push_back(Code(in, 6));
    roles.push_back(Code(in, n_roles));
    values.push_back(100.0 * (1 + accounts.back() % 3));  // constant within an account
  }
  const size_t n = weights.size();
  std::string& context = candor_fuzz::Context();
  context = "which " + std::to_string(which % 6) + ", a " + std::to_string(a) + ", b " +
            std::to_string(b) + ", c " + std::to_string(c) + ", weights";
  for (size_t i = 0; i < n && i < 16; ++i) {
    char item[40];
    std::snprintf(item, sizeof(item), " %.17g", weights[i]);
    context += item;
  }
  std::vector<double> out(n);
  candor_status s;
  switch (which % 6) {
    case 0: {
      candor_weight_summary summary;
      s = candor_weight_summarize(weights.data(), n, &summary);
      CheckStatus(s, "candor_weight_summarize");
      if (s == CANDOR_OK) {
        CANDOR_FUZZ_CHECK(std::isfinite(summary.effective_n) && summary.effective_n >= 0,
                          "Kish effective n finite");
      }
      return;
    }
    case 1:
      s = candor_recency_weights(times.data(), n, a, reference, out.data());
      CheckStatus(s, "candor_recency_weights");
      break;
    case 2:
      s = candor_account_weights(accounts.data(), n, static_cast<candor_account_mode>(in.Below(4)),
                                 values.data(), (which & 8) ? roles.data() : nullptr,
                                 role_weights.data(), (which & 8) ? n_roles : 0, out.data());
      CheckStatus(s, "candor_account_weights");
      break;
    case 3:
      s = candor_trim_weights(weights.data(), n, (which & 8) ? 0.0 : a, b, c, out.data());
      CheckStatus(s, "candor_trim_weights");
      break;
    case 4: {
      const double* parts[3] = {weights.data(), nullptr, weights.data()};
      s = candor_combine_weights(parts, 1 + (which >> 4) % 3, n, out.data());
      CheckStatus(s, "candor_combine_weights");
      break;
    }
    default: {
      std::vector<uint8_t> responded(n);
      for (size_t i = 0; i < n; ++i) responded[i] = static_cast<uint8_t>(roles[i] & 1);
      const size_t levels = (which & 8) ? 6 : 1;
      std::vector<candor_response_rate> rates(levels);
      s = candor_response_rates(responded.data(), (which & 8) ? accounts.data() : nullptr, n,
                                levels, a, rates.data());
      CheckStatus(s, "candor_response_rates");
      for (size_t j = 0; s == CANDOR_OK && j < levels; ++j) {
        if (rates[j].invited == 0) continue;
        CANDOR_FUZZ_CHECK(rates[j].ci_low <= rates[j].rate && rates[j].rate <= rates[j].ci_high &&
                              rates[j].ci_low >= 0 && rates[j].ci_high <= 1,
                          "response rate within its interval within [0, 1]");
      }
      return;
    }
  }
  if (s == CANDOR_OK) CheckWeights(out.data(), n, "weights returned as CANDOR_OK");
}

void Design(FuzzInput& in) {
  const candor_score_options options = candor_fuzz::ScoreOptions(in);
  const uint8_t flags = in.Byte();
  const int32_t kinds = static_cast<int32_t>(in.Below(4));
  const double decay = candor_fuzz::InterestingDouble(in);
  std::vector<double> shares(kinds > 0 ? kinds : 1);
  for (double& s : shares) s = 0.1 * (in.Byte() % 11);
  std::vector<double> scores, weights, days;
  std::vector<int32_t> clusters, events;
  std::vector<int8_t> groups;
  std::vector<int32_t> segment;
  const int64_t range = static_cast<int64_t>(options.scale_max) - options.scale_min + 1;
  while (in.remaining() > 0 && scores.size() < kMaxRespondents) {
    const uint8_t b = in.Byte();
    scores.push_back(range > 0 && range < 256 ? static_cast<double>(options.scale_min + b % range)
                                              : static_cast<double>(b));
    weights.push_back(Positive(in));
    clusters.push_back(Code(in, 5));
    groups.push_back(static_cast<int8_t>(in.Byte() % 3));
    const int32_t event = Code(in, static_cast<size_t>(kinds) + 1);
    events.push_back(event == INT32_MIN ? event : event - 1);  // -1: no event
    days.push_back(0.5 * (in.Byte() % 60));
    segment.push_back(static_cast<int32_t>(scores.size() % 3));
  }
  const size_t n = scores.size();
  std::string& context = candor_fuzz::Context();
  context = candor_fuzz::Describe(options) + (flags & 1 ? " weighted" : "") +
            (flags & 2 ? " clustered" : "") + ", scores (weight, cluster, group)";
  for (size_t i = 0; i < n && i < 24; ++i) {
    char item[80];
    std::snprintf(item, sizeof(item), " %g (%.17g, %d, %d)", scores[i], weights[i], clusters[i],
                  groups[i]);
    context += item;
  }
  candor_design design;
  candor_design_init(&design);
  design.weights = (flags & 1) ? weights.data() : nullptr;
  design.clusters = (flags & 2) ? clusters.data() : nullptr;
  candor_estimate e;
  const candor_status s = candor_score_design(&options, scores.data(), n, &design, &e);
  CheckStatus(s, "candor_score_design");
  if (s == CANDOR_OK) CheckEstimate(e, "candor_score_design");
  candor_comparison c;
  const candor_status g =
      candor_compare_groups(&options, scores.data(), n, &design, groups.data(), &c);
  CheckStatus(g, "candor_compare_groups");
  if (g == CANDOR_OK) CheckComparison(c, "candor_compare_groups");
  const int32_t* columns[1] = {segment.data()};
  candor_breakdown* breakdown = nullptr;
  const candor_status b =
      candor_breakdown_design(&options, scores.data(), n, &design, columns, 1, &breakdown);
  CheckStatus(b, "candor_breakdown_design");
  candor_breakdown_free(breakdown);
  candor_recency_effect effect;
  std::vector<double> coefficients(static_cast<size_t>(kinds) + 1);
  std::vector<double> std_errors(static_cast<size_t>(kinds) + 1);
  const candor_status r = candor_adjust_recency(
      &options, scores.data(), design.weights, events.data(), days.data(), n, kinds, decay,
      shares.data(), design.clusters, &effect, coefficients.data(), std_errors.data());
  CheckStatus(r, "candor_adjust_recency");
  if (r == CANDOR_OK) {
    CANDOR_FUZZ_CHECK(std::isfinite(effect.standardized_value) && std::isfinite(effect.std_error) &&
                          effect.ci_low <= effect.ci_high,
                      "recency adjustment finite and ordered");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  const uint8_t mode = in.Byte() % 6;
  switch (mode) {
    case 0:
    case 1:
    case 2:
      Calibrations(in, mode);
      break;
    case 3:
      Ipw(in);
      break;
    case 4:
      Vectors(in);
      break;
    case 5:
      Design(in);
      break;
  }
  return 0;
}
