// The metrics --metric names: the library's presets (nps, csat, ces,
// ces_agree) and metric kinds on 0..10 (topbox, bottombox, mean), each with
// the name output shows for it ("NPS", "top box").
#ifndef CANDOR_CLI_METRIC_CHOICES_HPP_
#define CANDOR_CLI_METRIC_CHOICES_HPP_

#include <candor/score.hpp>
#include <string>
#include <utility>
#include <vector>

namespace candor::cli {

// (--metric name, metric) in the order the usage errors list them.
std::vector<std::pair<std::string, Metric>> MetricChoiceList();

// "NPS", "CSAT", ... for a --metric name.
std::string MetricDisplayName(const std::string& metric_name);

}  // namespace candor::cli

#endif  // CANDOR_CLI_METRIC_CHOICES_HPP_
