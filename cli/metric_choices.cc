#include "metric_choices.hpp"

#include <candor.h>

#include <candor/enum_names.hpp>
#include <string>
#include <utility>
#include <vector>

namespace candor::cli {
namespace {

struct MetricChoice {
  std::string name;     // on the command line
  const char* display;  // in output
  Metric metric;
};

// The presets and "mean" are the library's names (enum_names.hpp); the box
// metrics are spelled "topbox" and "bottombox" here where the library and the
// Python package say "top_box" and "bottom_box".
const std::vector<MetricChoice>& MetricChoices() {
  static const auto* const choices = new std::vector<MetricChoice>{
      {EnumName(CANDOR_ENUM_PRESET, CANDOR_PRESET_NPS), "NPS", Metric::Nps()},
      {EnumName(CANDOR_ENUM_PRESET, CANDOR_PRESET_CSAT), "CSAT", Metric::Csat()},
      {EnumName(CANDOR_ENUM_PRESET, CANDOR_PRESET_CES), "CES", Metric::Ces()},
      {EnumName(CANDOR_ENUM_PRESET, CANDOR_PRESET_CES_AGREE), "CES agree", Metric::CesAgree()},
      {"topbox", "top box", Metric::TopBox(0, 10, 2)},
      {"bottombox", "bottom box", Metric::BottomBox(0, 10, 2)},
      {EnumName(CANDOR_ENUM_METRIC, CANDOR_METRIC_MEAN), "mean", Metric::Mean(0, 10)}};
  return *choices;
}

}  // namespace

std::vector<std::pair<std::string, Metric>> MetricChoiceList() {
  std::vector<std::pair<std::string, Metric>> list;
  for (const MetricChoice& choice : MetricChoices()) list.emplace_back(choice.name, choice.metric);
  return list;
}

std::string MetricDisplayName(const std::string& metric_name) {
  for (const MetricChoice& choice : MetricChoices()) {
    if (choice.name == metric_name) return choice.display;
  }
  return "mean";
}

}  // namespace candor::cli
