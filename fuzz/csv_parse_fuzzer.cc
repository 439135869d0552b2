// CSV parsing through the C ABI: candor_table_parse_csv with options derived
// from the input (columns chosen among the header's names or raw, delimiter,
// skip_bad_rows; with flag 16 decimal ',', a time_format and encoding
// latin1), every accessor of the table it makes, the same bytes read
// from a file by candor_table_read_csv (same status and rows), and the C++
// ParseCsvColumns. Times in a time column go through lib/io/timestamp.cc.
//
// Input: flags, delimiter, one selector per column role, segment selectors,
// then the CSV.
#include <sys/mman.h>
#include <unistd.h>

#include <candor/csv.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "fuzz_input.hpp"

namespace {

using candor_fuzz::CheckStatus;
using candor_fuzz::FuzzInput;

// The header's names, split naively on the delimiter (quotes kept): enough to
// point options at real columns most of the time.
std::vector<std::string> HeaderNames(std::string_view csv, char delimiter) {
  std::string_view first = csv.substr(0, csv.find('\n'));
  if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
  std::vector<std::string> names;
  for (std::string_view name : candor_fuzz::Split(first, delimiter, 64)) {
    names.emplace_back(name);
  }
  return names;
}

const char* OrNull(const std::string& s) { return s.empty() ? nullptr : s.c_str(); }

// A regular, unnamed in-memory file holding `bytes`; -1 if one cannot be made.
int MemoryFile(std::string_view bytes) {
  const int fd = memfd_create("candor_fuzz_csv", MFD_CLOEXEC);
  if (fd < 0) return -1;
  size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t w = write(fd, bytes.data() + written, bytes.size() - written);
    if (w <= 0) {
      close(fd);
      return -1;
    }
    written += static_cast<size_t>(w);
  }
  return fd;
}

void CheckCategorical(const candor_table* table, const char* column, size_t rows) {
  const int32_t* codes = nullptr;
  size_t levels = 0;
  if (candor_table_codes(table, column, &codes, &levels) != CANDOR_OK) return;
  for (size_t i = 0; i < rows; ++i) {
    CANDOR_FUZZ_CHECK(codes[i] >= 0 && static_cast<size_t>(codes[i]) < levels, "table codes");
  }
  for (size_t code = 0; code < levels && code < 256; ++code) {
    const char* label = nullptr;
    CANDOR_FUZZ_CHECK(
        candor_table_label(table, column, static_cast<int32_t>(code), &label) == CANDOR_OK &&
            label != nullptr,
        "table label");
  }
  const char* label = nullptr;
  CANDOR_FUZZ_CHECK(candor_table_label(table, column, static_cast<int32_t>(levels), &label) ==
                        CANDOR_OUT_OF_RANGE,
                    "label past the last level");
}

void ExerciseTable(const candor_table* table, const candor_csv_options& options) {
  const size_t rows = candor_table_rows(table);
  const double* scores = candor_table_scores(table);
  CANDOR_FUZZ_CHECK(rows == 0 || scores != nullptr, "scores column");
  const double* weights = candor_table_weights(table);
  // An empty name (NULL or "") asks for no column.
  const bool weighted = options.weight_column != nullptr && options.weight_column[0] != '\0';
  CANDOR_FUZZ_CHECK(rows == 0 || (weights != nullptr) == weighted,
                    "weight column present iff asked for");
  for (size_t i = 0; weights != nullptr && i < rows; ++i) {
    CANDOR_FUZZ_CHECK(std::isfinite(weights[i]) && weights[i] >= 0, "weights are checked");
  }
  const int64_t* times = candor_table_times(table);
  for (size_t i = 0; times != nullptr && i < rows; ++i) (void)times[i];
  if (options.account_column != nullptr) CheckCategorical(table, "account", rows);
  if (options.role_column != nullptr) CheckCategorical(table, "role", rows);
  const size_t segments = candor_table_segment_count(table);
  for (size_t j = 0; j < segments; ++j) {
    const char* name = candor_table_segment_name(table, j);
    CANDOR_FUZZ_CHECK(name != nullptr, "segment name");
    CheckCategorical(table, name, rows);
  }
  CANDOR_FUZZ_CHECK(candor_table_segment_name(table, segments) == nullptr, "segment past end");
  for (size_t i = 0; i < rows; ++i) {
    const char* text = nullptr;
    size_t length = 0;
    CANDOR_FUZZ_CHECK(candor_table_comment(table, i, &text, &length) == CANDOR_OK, "comment");
    CANDOR_FUZZ_CHECK(!candor::FindInvalidUtf8(std::string_view(text, length)).has_value(),
                      "comments are valid UTF-8");
  }
  const char* text = nullptr;
  size_t length = 0;
  CANDOR_FUZZ_CHECK(candor_table_comment(table, rows, &text, &length) == CANDOR_OUT_OF_RANGE,
                    "comment past the last row");

  // What a caller does next: score the column.
  std::string& context = candor_fuzz::Context();
  context = "scores (weights)";
  for (size_t i = 0; i < rows && i < 24; ++i) {
    char item[64];
    std::snprintf(item, sizeof(item), " %.17g (%.17g)", scores[i], weights ? weights[i] : 1.0);
    context += item;
  }
  candor_score_options score_options;
  candor_score_options_init(&score_options);
  score_options.threads = 1;
  candor_estimate estimate;
  const candor_status s = candor_score(&score_options, scores, weights, rows, &estimate);
  CheckStatus(s, "candor_score of a parsed table");
  if (s == CANDOR_OK) candor_fuzz::CheckEstimate(estimate, "candor_score of a parsed table");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  const uint8_t flags = in.Byte();
  static const char kDelimiters[] = {',', ';', '\t', '|', ',', ',', ' ', '"'};
  uint8_t delimiter_choice = in.Byte();
  char delimiter = kDelimiters[delimiter_choice % sizeof(kDelimiters)];
  if (delimiter_choice >= 0xf0) delimiter = static_cast<char>(in.Byte());

  // Selectors come before the body: read them raw, resolve names afterwards.
  uint8_t selectors[10];
  std::string raw_names[10];
  for (int k = 0; k < 10; ++k) {
    selectors[k] = in.Byte();
    if (selectors[k] == 1) raw_names[k] = in.String(32);
  }
  const std::string_view csv = in.Rest();
  std::vector<std::string> header = HeaderNames(csv, delimiter);
  std::string names[10];
  for (int k = 0; k < 10; ++k) {
    if (selectors[k] == 0) continue;
    names[k] = selectors[k] == 1 ? raw_names[k] : header[(selectors[k] - 2) % header.size()];
  }

  candor_csv_options options;
  candor_csv_options_init(&options);
  if (!names[0].empty() || selectors[0] == 1) options.score_column = names[0].c_str();
  options.time_column = OrNull(names[1]);
  options.account_column = OrNull(names[2]);
  options.role_column = OrNull(names[3]);
  options.weight_column = OrNull(names[4]);
  options.comment_column = OrNull(names[5]);
  std::vector<const char*> segment_columns;
  for (int k = 6; k < 6 + (flags >> 5) % 5; ++k) segment_columns.push_back(names[k].c_str());
  options.segment_columns = segment_columns.empty() ? nullptr : segment_columns.data();
  options.n_segment_columns = segment_columns.size();
  options.delimiter = delimiter;
  options.skip_bad_rows = flags & 1;
  if (flags & 16) {  // the dialect options: decimal commas, a time format, Latin-1
    options.decimal = ',';
    options.time_format = "%d.%m.%Y %H:%M";
    options.encoding = "latin1";
  }

  candor_table* table = nullptr;
  const candor_status status = candor_table_parse_csv(csv.data(), csv.size(), &options, &table);
  CheckStatus(status, "candor_table_parse_csv");
  CANDOR_FUZZ_CHECK((status == CANDOR_OK) == (table != nullptr), "a table iff CANDOR_OK");
  if (table != nullptr) ExerciseTable(table, options);

  // The same bytes from a file: the same answer.
  if (flags & 2) {
    const int fd = MemoryFile(csv);
    if (fd >= 0) {
      const std::string path = "/proc/self/fd/" + std::to_string(fd);
      candor_table* from_file = nullptr;
      const candor_status file_status = candor_table_read_csv(path.c_str(), &options, &from_file);
      CheckStatus(file_status, "candor_table_read_csv");
      CANDOR_FUZZ_CHECK(file_status == status, "read_csv and parse_csv agree on the status");
      if (from_file != nullptr) {
        CANDOR_FUZZ_CHECK(candor_table_rows(from_file) == candor_table_rows(table),
                          "read_csv and parse_csv agree on the rows");
      }
      candor_table_free(from_file);
      close(fd);
    }
  }
  candor_table_free(table);

  // The raw text columns the text pipeline reads.
  if (flags & 4) {
    std::vector<std::string> wanted;
    for (int k = 0; k < 3; ++k) {
      if (!names[5 + k].empty()) wanted.push_back(names[5 + k]);
    }
    auto columns = candor::ParseCsvColumns(csv, wanted, delimiter, (flags & 8) != 0);
    if (columns.ok()) {
      CANDOR_FUZZ_CHECK(columns->size() == wanted.size(), "ParseCsvColumns: one per name");
    }
  }
  return 0;
}
