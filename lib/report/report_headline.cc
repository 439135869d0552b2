// The report's headline: the NPS with its interval, the score distribution,
// what the interval means in words, the weighting and its design effect, the
// response rate when the invited population is known, and the caveats.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "common/normal.hpp"
#include "report_format.hpp"
#include "report_intervals.hpp"
#include "report_sections.hpp"

namespace candor::report_internal {
namespace {

// Under about 30 effective responses the normal approximation behind the
// Wald interval is poor.
constexpr double kSmallEffectiveN = 30;

// Counts and weighted shares at each score 0..10 (the scores were validated
// by EstimateScores) in one pass.
void Distribution(const ReportContext& context, ReportHeadline* headline) {
  const Table& table = context.table;
  std::array<double, 11> weight_sums{};
  for (size_t i = 0; i < table.rows(); ++i) {
    const int score = static_cast<int>(table.scores[i]);
    ++headline->counts[score];
    weight_sums[score] += context.weights != nullptr ? context.weights[i] : 1.0;
  }
  double total = 0;
  for (double w : weight_sums) total += w;
  for (int s = 0; s <= 10; ++s) headline->distribution[s] = total > 0 ? weight_sums[s] / total : 0;
  for (int s = 0; s <= 6; ++s) headline->detractors += headline->distribution[s];
  headline->passives = headline->distribution[7] + headline->distribution[8];
  headline->promoters = headline->distribution[9] + headline->distribution[10];
}

// invited[i] is the population of row i's segment: the first segment column's
// value when there is one, else the whole survey. NaN: not known for that row.
// The population is each segment's (constant) value, summed over the segments
// where it is known; answered counts the responses of those segments. An
// inconsistent or impossible value leaves the rate unknown, with a caveat.
void ResponseRate(const ReportContext& context, ReportHeadline* headline) {
  const std::vector<double>& invited = context.extras.invited;
  if (invited.empty()) return;
  const Table& table = context.table;
  const CategoricalColumn* segment = table.segments.empty() ? nullptr : &table.segments[0];
  const size_t groups = segment != nullptr ? segment->dictionary.size() : 1;
  std::vector<double> population(groups, std::nan(""));
  std::vector<int64_t> answered(groups, 0);
  auto group_name = [&](size_t g) {
    return segment != nullptr ? segment->name + " '" + segment->dictionary.Label(g) + "'"
                              : std::string("the survey");
  };
  for (size_t i = 0; i < table.rows(); ++i) {
    const double value = invited[i];
    if (std::isnan(value)) continue;
    const size_t g = segment != nullptr ? static_cast<size_t>(segment->codes[i]) : 0;
    if (!std::isfinite(value) || value <= 0) {
      headline->caveats.push_back("The invited count of row " + std::to_string(i) + " is " +
                                  Fixed(value, 1) +
                                  ", not a positive number: no response rate is shown.");
      return;
    }
    if (std::isnan(population[g])) {
      population[g] = value;
    } else if (population[g] != value) {
      headline->caveats.push_back("The invited count of " + group_name(g) + " is not constant (" +
                                  Fixed(population[g], 0) + " and " + Fixed(value, 0) + " at row " +
                                  std::to_string(i) + "): no response rate is shown.");
      return;
    }
    ++answered[g];
  }
  double total_invited = 0;
  int64_t total_answered = 0;
  for (size_t g = 0; g < groups; ++g) {
    if (std::isnan(population[g])) continue;
    if (static_cast<double>(answered[g]) > population[g]) {
      headline->caveats.push_back(group_name(g) + " has " + std::to_string(answered[g]) +
                                  " responses but " + Fixed(population[g], 0) +
                                  " invited: no response rate is shown.");
      return;
    }
    total_invited += population[g];
    total_answered += answered[g];
  }
  if (total_answered == 0) return;
  headline->invited = total_invited;
  headline->answered = total_answered;
  headline->response_rate = static_cast<double>(total_answered) / total_invited;
  if (total_answered < static_cast<int64_t>(table.rows())) {
    headline->caveats.push_back(
        "The response rate counts only the " + std::to_string(total_answered) + " of " +
        std::to_string(table.rows()) + " responses whose invited population is known.");
  }
}

std::string Reading(const ReportHeadline& headline, double level) {
  const Estimate& e = headline.nps;
  std::string text =
      "If these responses are a fair sample of your customers, the NPS of all of "
      "them is between " +
      Fixed(e.ci_low, 1) + " and " + Fixed(e.ci_high, 1) + " with " + LevelPercent(level) +
      " confidence";
  // A clipped interval (tiny samples near +/-100) has no single margin.
  const bool clipped =
      e.value - headline.margin_of_error < -100 || e.value + headline.margin_of_error > 100;
  if (!clipped) text += " (margin of error +/- " + Points(headline.margin_of_error) + ")";
  text += ". A change smaller than " + Points(headline.minimal_detectable_change) +
          " between two periods of this size (" + std::to_string(e.n) +
          (e.n == 1 ? " response" : " responses") +
          " each) could not be told apart from sampling noise.";
  return text;
}

}  // namespace

Status BuildHeadline(const ReportContext& context, ReportHeadline* headline) {
  const Table& table = context.table;
  Result<Estimate> nps = EstimateScores(Metric::Nps(), table.scores.data(), context.weights,
                                        table.rows(), context.interval);
  if (!nps.ok()) {
    return Status(nps.status().code(), "report headline: " + nps.status().message());
  }
  headline->present = true;
  headline->nps = *nps;
  // All responses in one group (one response, or all promoters) give a Wald
  // SE of 0: the margin of error and detectable change then take the adjusted
  // Wald SE (Rocks 2016), and a caveat says so. The interval is the default
  // (Jeffreys), which has width.
  const bool zero_width = HasNoSamplingError(*nps);
  if (zero_width) {
    IntervalOptions adjusted = context.interval;
    adjusted.method = IntervalMethod::kAdjustedWald;
    Result<Estimate> wide =
        EstimateScores(Metric::Nps(), table.scores.data(), context.weights, table.rows(), adjusted);
    if (wide.ok()) headline->nps.std_error = wide->std_error;
  }
  Distribution(context, headline);

  const double z = internal::NormalQuantile((1 + context.options.level) / 2);
  headline->margin_of_error = z * headline->nps.std_error;
  // Two independent periods of this size and spread: the difference's SE is
  // sqrt(2) times one period's.
  headline->minimal_detectable_change = z * std::sqrt(2.0) * headline->nps.std_error;
  headline->design_effect =
      nps->effective_n > 0 ? static_cast<double>(nps->n) / nps->effective_n : 1.0;
  if (context.weights == nullptr) {
    headline->weighting = "none";
  } else {
    const std::string& column = context.options.columns.weight;
    headline->weighting =
        column.empty() ? std::string("weighted") : "weighted by column '" + column + "'";
  }
  headline->reading = Reading(*headline, context.options.level);
  ResponseRate(context, headline);

  std::string nonresponse =
      "The interval covers sampling noise only, not bias in who chose to answer";
  if (std::isfinite(headline->response_rate)) {
    nonresponse += " (" + Percent(headline->response_rate) + " of those invited answered)";
  }
  nonresponse += context.weights != nullptr
                     ? "; weighting corrects only for what the weights account for."
                     : ".";
  headline->caveats.insert(headline->caveats.begin(), nonresponse);
  if (zero_width) {
    headline->caveats.push_back(
        "Every response falls in one group (promoters, passives or detractors), so the usual "
        "(Wald) standard error is zero: the margin of error uses the adjusted Wald one, "
        "which adds a few pseudo-responses, and the interval is the Jeffreys interval.");
  }
  if (nps->effective_n < kSmallEffectiveN) {
    headline->caveats.push_back("With an effective sample of " + Fixed(nps->effective_n, 0) +
                                " (under 30) the normal approximation is poor: treat every "
                                "interval here as a rough guide.");
  }
  if (context.weights != nullptr && headline->design_effect > 1) {
    headline->caveats.push_back("Unequal weights widen every interval: with a design effect of " +
                                Fixed(headline->design_effect, 2) + ", the " +
                                std::to_string(nps->n) + " responses carry the information of " +
                                Fixed(nps->effective_n, 0) + ".");
  }
  return OkStatus();
}

}  // namespace candor::report_internal
