// What the parts of EstimateThemeDrivers share: the request, validated, and
// the per-theme computations (theme_table.cc, trending.cc, key_drivers.cc).
#ifndef CANDOR_DRIVERS_DRIVERS_INTERNAL_HPP_
#define CANDOR_DRIVERS_DRIVERS_INTERNAL_HPP_

#include <candor/drivers.hpp>
#include <candor/score.hpp>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "linearization.hpp"
#include "theme_tallies.hpp"

namespace candor::internal {

enum Category : uint8_t { kDetractor = 0, kPassive = 1, kPromoter = 2 };

struct DriverRequest {
  Metric metric;
  IntervalOptions interval;
  DriverOptions options;
  const DriverComments* comments = nullptr;
  std::vector<double> value_of_point;     // metric.ValueOf(scale_min + p)
  std::vector<uint8_t> category_of_point;  // Category
  double z = 1.96;                        // the normal quantile at the level
};

// Which of the two compared periods each of n period codes is in (kOtherSlot
// else), by options.earlier_period / later_period (-1: the largest code and
// the largest below it); a single period is CANDOR_INVALID_ARGUMENT.
Status AssignPeriods(const int32_t* periods, size_t n, const DriverOptions& options,
                     std::vector<uint8_t>* slot, int32_t* earlier, int32_t* later);

// The metric's category of each score point (drivers.hpp); UNSUPPORTED for means.
Result<std::vector<uint8_t>> CategoriesOfPoints(const Metric& metric);

// An estimate with NaN value, SE and interval (n kept): what a method cannot give.
Estimate NaNEstimate(int64_t n, double level);

// Estimate of a domain mean on `metric` (Wald with the design variance when
// clustered, else every method from the tally). `stream` keys the bootstrap.
Estimate EstimateFromTally(const Metric& metric, const Tally& tally,
                           const IntervalOptions& interval, uint64_t stream);
Estimate EstimateFromSums(const Metric& metric, const CellSums& sums, double variance,
                          const IntervalOptions& interval);

// The per-theme row except the key-driver fields.
ThemeDriver ThemeRow(const DriverRequest& request, const ThemeCells& cells,
                     const ThemeVariance& variance, const Estimate& overall, size_t theme);

// The trending row of a theme (slots kEarlierSlot, kLaterSlot); p_adjusted
// and trending are filled in later across themes.
TrendingTheme TrendingRow(const DriverRequest& request, const ThemeCells& cells,
                          const ThemeVariance& variance, size_t theme);

// Adjusts the trending rows' p-values across themes (options.adjust) and
// sets `trending`.
void AdjustTrending(const DriverOptions& options, std::vector<TrendingTheme>* rows);

// Fits the key-driver model over the themes with in_model[j], writing the
// coefficients into rows and the summary into *model.
void FitKeyDrivers(const DriverRequest& request, const ThemeMentions& mentions,
                   const std::vector<uint8_t>& detractor, const std::vector<bool>& in_model,
                   std::vector<ThemeDriver>* rows, KeyDriverModel* model);

}  // namespace candor::internal

#endif  // CANDOR_DRIVERS_DRIVERS_INTERNAL_HPP_
