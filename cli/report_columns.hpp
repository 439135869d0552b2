// candor report's columns: which input column plays which role (score,
// comment, time, account, weight, ARR, outcome, invited, segments). Options
// on the line win, then the --columns JSON file, then guesses from the
// header's names; each guess is told in a line the report shows.
#ifndef CANDOR_CLI_REPORT_COLUMNS_HPP_
#define CANDOR_CLI_REPORT_COLUMNS_HPP_

#include <candor/report.hpp>
#include <candor/status.hpp>
#include <string>
#include <vector>

#include "args.hpp"

namespace candor::cli {

// The roles named by the JSON object in file `path` ("" for a role it does
// not name). Unknown keys and values of the wrong type are errors naming the
// file and the key.
Result<ReportColumns> ReadColumnsConfig(const std::string& path);

// The columns of the report: args' options, else config's, else the first
// header name (compared without case) of the role's usual names not already
// used. *guesses gets "used column 'timestamp' for time (by name)" per guess.
ReportColumns ChooseReportColumns(const ReportArgs& args, const ReportColumns& config,
                                  const std::vector<std::string>& header,
                                  std::vector<std::string>* guesses);

}  // namespace candor::cli

#endif  // CANDOR_CLI_REPORT_COLUMNS_HPP_
