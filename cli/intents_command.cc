// candor intents: the intents of each comment, counted or listed.
#include <candor/csv.hpp>
#include <candor/intents.hpp>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "commands.hpp"
#include "dialect.hpp"
#include "format.hpp"

namespace candor::cli {

int RunIntents(const IntentsArgs& args) {
  Result<std::string> data = ReadDialectText(args.file, args.max_bytes, args.dialect);
  if (!data.ok()) return FailData(data.status());
  auto columns = ParseCsvColumns(*data, {args.column}, args.delimiter, /*check_utf8=*/true);
  if (!columns.ok()) {
    return FailData(
        Status(columns.status().code(), "'" + args.file + "': " + columns.status().message()));
  }
  const std::vector<std::string>& texts = (*columns)[0];
  std::vector<std::string_view> views(texts.begin(), texts.end());
  auto batch = intents::ClassifyIntentsBatch(views);
  if (!batch.ok()) {
    return FailData(Status(batch.status().code(), "'" + args.file + "': column '" + args.column +
                                                      "': " + batch.status().message()));
  }
  using intents::Intent;
  using intents::IntentName;
  const size_t n = texts.size();
  int64_t counts[intents::kIntentCount] = {};
  int64_t with_text = 0;
  for (size_t i = 0; i < n; ++i) {
    with_text += !texts[i].empty();
    for (int k = 0; k < intents::kIntentCount; ++k) counts[k] += (batch->intents[i] >> k) & 1u;
  }
  if (args.format == OutputFormat::kCsv) {
    std::vector<std::string> header = {"row"};
    for (int k = 0; k < intents::kIntentCount; ++k) {
      header.push_back(IntentName(static_cast<Intent>(k)));
    }
    header.push_back("reasons");
    std::cout << CsvRow(header);
    for (size_t i = 0; i < n; ++i) {
      std::vector<std::string> row = {std::to_string(i + 1)};
      for (int k = 0; k < intents::kIntentCount; ++k) {
        row.push_back((batch->intents[i] >> k) & 1u ? "1" : "0");
      }
      row.push_back(batch->reasons[i]);
      std::cout << CsvRow(row);
    }
    return kExitOk;
  }
  if (args.format == OutputFormat::kJson) {
    nlohmann::json counted = nlohmann::json::object();
    for (int k = 0; k < intents::kIntentCount; ++k) {
      counted[IntentName(static_cast<Intent>(k))] = counts[k];
    }
    std::cout << DumpJson({{"rows", n}, {"comments", with_text}, {"intents", counted}}) << "\n";
    return kExitOk;
  }
  std::cout << "Intents of " << with_text << " comments (" << n << " rows) in '" << args.file
            << "', column '" << args.column << "'\n\n";
  TextTable table({"intent", "comments", "share"}, 1);
  for (int k = 0; k < intents::kIntentCount; ++k) {
    const double share = with_text > 0 ? 100.0 * counts[k] / with_text : 0.0;
    char percent[32];
    std::snprintf(percent, sizeof(percent), "%.1f%%", share);
    table.AddRow({IntentName(static_cast<Intent>(k)), std::to_string(counts[k]), percent});
  }
  std::cout << table.Render("  ");
  if (args.list > 0 && counts[static_cast<int>(Intent::kNeedsResponse)] > 0) {
    std::cout << "\nNeeds a response (first " << args.list << "):\n";
    int listed = 0;
    const uint32_t bit = intents::IntentBit(Intent::kNeedsResponse);
    for (size_t i = 0; i < n && listed < args.list; ++i) {
      if (!(batch->intents[i] & bit)) continue;
      std::cout << "  row " << (i + 1) << ": " << texts[i] << "\n    " << batch->reasons[i] << "\n";
      ++listed;
    }
  }
  return kExitOk;
}

}  // namespace candor::cli
