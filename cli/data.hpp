// Reading input for the candor tool: the header of a file and the bundled
// sample. Files are read with the library's candor::ReadWholeFile
// (candor/csv.hpp). Errors are data errors (exit 1).
#ifndef CANDOR_CLI_DATA_HPP_
#define CANDOR_CLI_DATA_HPP_

#include <candor/csv.hpp>
#include <candor/status.hpp>
#include <candor/table.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "args.hpp"

namespace candor::cli {

// The column names of the header row of `data` (candor::ParseCsvHeader), or
// nullopt when it cannot be read: ParseCsv on the same data then says why.
std::optional<std::vector<std::string>> HeaderColumns(const std::string& data, char delimiter);

// ParseCsv of `data`, read from `file`, with `input`'s score column,
// delimiter and skip_bad_rows set in `csv`; errors name the file.
Result<Table> ParseInput(const std::string& data, const std::string& file, const InputArgs& input,
                         CsvOptions csv);

// The header of `file` as ReadCsvHeader reads it (only as far as the header
// record); nullopt when it cannot be read (ReadInput then says why).
std::optional<std::vector<std::string>> ReadHeaderColumns(const std::string& file,
                                                          const InputArgs& input);

// ReadCsv of `file` with the input options (as ParseInput parses): read in
// chunks, with `progress` (the progress bar) told after each.
Result<Table> ReadInput(const std::string& file, const InputArgs& input, CsvOptions csv,
                        const Progress& progress);

// The whole of input.file (within input.max_bytes) as UTF-8: transcoded
// from input.encoding when one is given (errors name the file). ParseInput
// then parses it as UTF-8.
Result<std::string> ReadInputText(const InputArgs& input);

// A header that is one column holding ';', a tab, '|' or ',' (other than
// `delimiter`): the file likely has another delimiter, and ParseCsv's error
// (a column not found) asks "did you mean --delimiter ';'?"; a command that
// looks for a column in the header first leaves the error to ParseCsv.
bool OneColumnHoldingADelimiter(const std::vector<std::string>& header, char delimiter);

// The bundled sample survey: next to the installed executable
// (<prefix>/share/candor/survey.csv), else the source tree path baked in at
// build time. NotFound if neither exists.
Result<std::string> FindSampleCsv();

// The taxonomy file `name` names. A path that exists, or that has a '/', is
// used as it is. A bare name that does not exist in the working directory
// (`cx_starter.json`) is looked for in candor's taxonomies: when the
// executable runs from its build tree, the source tree's data/taxonomies;
// otherwise <prefix>/share/candor/taxonomies next to the executable
// (relocatable installs), then the data directory the build was configured to
// install to. NotFound lists every place looked in.
Result<std::string> FindTaxonomy(const std::string& name);

// The time column of a header: the first of the usual names (timestamp, time,
// date, submitted_at, created_at) present, or "" if none; and those names as
// a list for messages.
std::string FindTimeColumn(const std::vector<std::string>& header);
std::string TimeColumnNames();

}  // namespace candor::cli

#endif  // CANDOR_CLI_DATA_HPP_
