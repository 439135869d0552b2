// Reading input for the candor tool: the file, its header, the bundled
// sample, and calendar months of Unix times. Errors are data errors (exit 1).
#ifndef CANDOR_EXAMPLES_CLI_DATA_H_
#define CANDOR_EXAMPLES_CLI_DATA_H_

#include <candor/status.hpp>
#include <cstdint>
#include <string>
#include <vector>

namespace candor::cli {

// The whole file, through the library's reader of files: only a regular
// file (a FIFO, directory or device is IoError, refused before reading), of
// at most max_bytes bytes (0: no limit; larger is InvalidArgument); NotFound
// if missing. Errors name the path.
Result<std::string> ReadWholeFile(const std::string& path, uint64_t max_bytes);

// The column names of the first record (RFC 4180 quoting, BOM skipped).
// Validates nothing else: the library reports errors in the data itself.
std::vector<std::string> HeaderColumns(const std::string& data, char delimiter);

// The bundled sample survey: next to the installed executable
// (<prefix>/share/candor/survey.csv), else the source tree path baked in at
// build time. NotFound if neither exists.
Result<std::string> FindSampleCsv();

// The time column of a header: the first of the usual names (timestamp, time,
// date, submitted_at, created_at) present, or "" if none; and those names as
// a list for messages.
std::string FindTimeColumn(const std::vector<std::string>& header);
std::string TimeColumnNames();

// Calendar month of a Unix time (UTC) as a sortable code year * 12 + month - 1,
// and its "YYYY-MM" label.
int64_t MonthCode(int64_t unix_seconds);
std::string MonthLabel(int64_t month_code);

}  // namespace candor::cli

#endif  // CANDOR_EXAMPLES_CLI_DATA_H_
