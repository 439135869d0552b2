#include "population.hpp"

#include <absl/container/flat_hash_map.h>

#include <string>
#include <utility>
#include <vector>

namespace candor::cli {
namespace {

// Joint cell keys: labels joined by a unit separator, which CSV labels do
// not contain in practice and which only needs to keep the keys distinct.
constexpr char kJoin = '\x1f';

// Counts the population per level and maps each respondent to a level.
// `population_keys` / `respondent_keys` are one label (or joined labels) per row.
Result<Target> BuildTarget(const std::string& name, const std::vector<std::string>& display,
                           const std::vector<std::string>& population_keys,
                           const std::vector<std::string>& respondent_keys,
                           const std::string& population_file, const std::string& responses_file) {
  Target target;
  target.name = name;
  absl::flat_hash_map<std::string, int32_t> level_of;
  std::vector<std::string> keys;
  for (size_t r = 0; r < population_keys.size(); ++r) {
    auto [it, inserted] =
        level_of.emplace(population_keys[r], static_cast<int32_t>(target.population.size()));
    if (inserted) {
      target.population.push_back(0);
      target.labels.push_back(display[r]);
      keys.push_back(population_keys[r]);
    }
    target.population[it->second] += 1;
  }
  std::vector<int64_t> respondents(target.population.size(), 0);
  target.codes.reserve(respondent_keys.size());
  for (size_t i = 0; i < respondent_keys.size(); ++i) {
    auto it = level_of.find(respondent_keys[i]);
    if (it == level_of.end()) {
      std::string label = respondent_keys[i];
      for (char& c : label) c = c == kJoin ? '/' : c;
      return NotFound("margin '" + name + "': level '" + label + "' of '" + responses_file +
                      "' (data row " + std::to_string(i + 1) + ") has nobody in the population '" +
                      population_file + "'");
    }
    target.codes.push_back(it->second);
    ++respondents[it->second];
  }
  for (size_t level = 0; level < respondents.size(); ++level) {
    if (respondents[level] == 0) {
      return InvalidArgument("margin '" + name + "': level '" + target.labels[level] + "' has " +
                             std::to_string(static_cast<int64_t>(target.population[level])) +
                             " in the population '" + population_file +
                             "' but no respondents; it cannot be weighted up (merge it with "
                             "another level or drop the margin)");
    }
  }
  return target;
}

}  // namespace

Result<PopulationCalibration> CalibrateToPopulation(
    CalibrationKind kind, const Records& population, const std::vector<std::string>& margins,
    const std::vector<const CategoricalColumn*>& respondents, const double* base_weights,
    const std::string& responses_file, const Progress& progress) {
  if (margins.empty()) return InvalidArgument("no --margin column given");
  if (respondents.size() != margins.size()) {
    return InvalidArgument("internal: one respondent column per margin expected");
  }
  if (population.size() == 0) {
    return InvalidArgument("the population '" + population.file + "' has no rows");
  }
  const size_t n = respondents[0]->codes.size();
  std::vector<size_t> columns;
  for (const std::string& name : margins) {
    Result<size_t> column = population.Column(name);
    if (!column.ok()) {
      return NotFound("--margin '" + name + "': " + column.status().message());
    }
    columns.push_back(*column);
  }
  auto respondent_label = [&](size_t m, size_t i) -> const std::string& {
    return respondents[m]->dictionary.Label(respondents[m]->codes[i]);
  };

  PopulationCalibration out;
  out.kind = kind;
  out.population_size = population.size();
  if (kind == CalibrationKind::kRake) {
    for (size_t m = 0; m < margins.size(); ++m) {
      std::vector<std::string> pop_keys;
      pop_keys.reserve(population.size());
      for (const auto& row : population.rows) pop_keys.push_back(row[columns[m]]);
      std::vector<std::string> resp_keys;
      resp_keys.reserve(n);
      for (size_t i = 0; i < n; ++i) resp_keys.push_back(respondent_label(m, i));
      Result<Target> target =
          BuildTarget(margins[m], pop_keys, pop_keys, resp_keys, population.file, responses_file);
      if (!target.ok()) return target.status();
      out.targets.push_back(std::move(*target));
    }
  } else {
    std::string name;
    for (const std::string& m : margins) name += (name.empty() ? "" : " x ") + m;
    std::vector<std::string> pop_keys, display, resp_keys;
    for (const auto& row : population.rows) {
      std::string key, shown;
      for (size_t m = 0; m < margins.size(); ++m) {
        key += (m ? std::string(1, kJoin) : "") + row[columns[m]];
        shown += (m ? "/" : "") + row[columns[m]];
      }
      pop_keys.push_back(std::move(key));
      display.push_back(std::move(shown));
    }
    for (size_t i = 0; i < n; ++i) {
      std::string key;
      for (size_t m = 0; m < margins.size(); ++m) {
        key += (m ? std::string(1, kJoin) : "") + respondent_label(m, i);
      }
      resp_keys.push_back(std::move(key));
    }
    Result<Target> target =
        BuildTarget(name, display, pop_keys, resp_keys, population.file, responses_file);
    if (!target.ok()) return target.status();
    out.targets.push_back(std::move(*target));
  }

  std::vector<Margin> library_margins;
  for (const Target& target : out.targets) {
    Margin margin;
    margin.codes = target.codes.data();
    margin.population = target.population;
    margin.name = target.name;
    library_margins.push_back(std::move(margin));
  }
  RakeOptions rake;
  rake.progress = progress;
  PostStratifyOptions poststratify;
  poststratify.progress = progress;
  Result<CalibrationResult> result =
      kind == CalibrationKind::kRake
          ? Rake(base_weights, n, library_margins, rake)
          : PostStratify(base_weights, n, library_margins[0], poststratify);
  if (!result.ok()) return result.status();
  if (!result->converged) {
    return NotConverged("raking did not converge in " + std::to_string(result->iterations) +
                        " iterations (largest relative margin error " +
                        std::to_string(result->max_margin_error) + ")");
  }
  out.result = std::move(*result);
  return out;
}

}  // namespace candor::cli
