// candor redact: the CSV file back, one column's personal data replaced.
#include <candor/csv.hpp>
#include <candor/pii.hpp>
#include <iostream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "dialect.hpp"
#include "format.hpp"

namespace candor::cli {

int RunRedact(const RedactArgs& args) {
  Result<std::string> data = ReadDialectText(args.file, args.max_bytes, args.dialect);
  if (!data.ok()) return FailData(data.status());
  CsvOptions header_options;
  header_options.delimiter = args.delimiter;
  auto header = ParseCsvHeader(*data, header_options);
  if (!header.ok()) {
    return FailData(
        Status(header.status().code(), "'" + args.file + "': " + header.status().message()));
  }
  auto columns = ParseCsvColumns(*data, *header, args.delimiter, /*check_utf8=*/true);
  if (!columns.ok()) {
    return FailData(
        Status(columns.status().code(), "'" + args.file + "': " + columns.status().message()));
  }
  size_t target = header->size();
  for (size_t c = 0; c < header->size(); ++c) {
    if ((*header)[c] == args.column) target = c;
  }
  if (target == header->size()) {
    return FailData(NotFound("'" + args.file + "': no column '" + args.column + "'"));
  }
  pii::RedactOptions options;
  if (!args.kinds.empty()) {
    options.kinds = 0;
    for (const std::string& kind : args.kinds) {
      for (int k = 0; k < pii::kPiiKindCount; ++k) {
        if (kind == pii::PiiKindName(static_cast<pii::PiiKind>(k))) {
          options.kinds |= pii::PiiKindBit(static_cast<pii::PiiKind>(k));
        }
      }
    }
  }
  options.redact_all_urls = args.all_urls;
  std::vector<std::string>& texts = (*columns)[target];
  int64_t found[pii::kPiiKindCount] = {};
  for (size_t i = 0; i < texts.size(); ++i) {
    auto redacted = pii::RedactPii(texts[i], options);
    if (!redacted.ok()) {
      return FailData(Status(redacted.status().code(),
                             "'" + args.file + "': data row " + std::to_string(i + 1) +
                                 ", column '" + args.column + "': " + redacted.status().message()));
    }
    for (const pii::PiiSpan& span : redacted->spans) ++found[static_cast<int>(span.kind)];
    texts[i] = std::move(redacted->text);
  }
  std::ostream& out = std::cout;
  out << CsvRow(*header, args.delimiter);
  std::vector<std::string> row(header->size());
  for (size_t i = 0; i < texts.size(); ++i) {
    for (size_t c = 0; c < header->size(); ++c) row[c] = (*columns)[c][i];
    out << CsvRow(row, args.delimiter);
  }
  out.flush();
  if (!out) return FailData(IoError("writing the output failed"));
  std::cerr << "candor: redacted " << texts.size() << " rows of '" << args.column << "':";
  for (int k = 0; k < pii::kPiiKindCount; ++k) {
    std::cerr << (k ? ", " : " ") << found[k] << " "
              << pii::PiiKindName(static_cast<pii::PiiKind>(k));
  }
  std::cerr << "\n";
  return kExitOk;
}

}  // namespace candor::cli
