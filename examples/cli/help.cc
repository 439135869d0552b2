// Help, version and the small shared helpers of the commands.
#include <candor.h>

#include <iostream>
#include <string>

#include "commands.h"

namespace candor::cli {
namespace {

constexpr const char* kMainHelp =
    R"(candor: honest customer-feedback analytics (NPS, CSAT, CES with intervals)

Usage:
  candor score FILE [options]   estimate a metric, optionally broken down by segments
  candor report [FILE]          a readable NPS report (the bundled sample if no FILE)
  candor help [score|report]    this help, or the help of one command
  candor --version

Exit status: 0 success, 1 a data error (bad file or values), 2 a usage error.
)";

constexpr const char* kScoreHelp = R"(Usage: candor score FILE [options]

Estimates a metric from the score column of a CSV file (RFC 4180, UTF-8, one
header row), with its standard error, interval, n and effective n. With --by,
one row per segment, each compared with all other responses.

Options:
  --metric M            nps (default), csat (top-2 of 1..5), ces (mean of 1..7),
                        ces_agree (top-3 of 1..7), topbox, bottombox, mean
  --scale MIN:MAX       the score scale (default: the metric's; 0:10 for
                        topbox, bottombox and mean)
  --box K               points in the top/bottom box
  --score-column NAME   column of scores (default: score)
  --weight-column NAME  column of weights (default: unweighted)
  --by COLUMN           break down by a segment column; repeat or use commas
                        (--by region,plan) to cross columns
  --interval I          wald (default), adjusted_wald, bayes, bootstrap
  --level L             confidence level in (0, 1) (default 0.95)
  --seed N              bootstrap seed (default 42)
  --replicates N        bootstrap replicates (default 2000)
  --p-adjust A          holm (default), bh, none: across breakdown rows
  --skip-bad-rows       skip (and count) rows that cannot be read
  --delimiter C         field delimiter (default ','; 'tab' or '\t' for tabs)
  --format F            table (default), json, csv
)";

constexpr const char* kReportHelp = R"(Usage: candor report [FILE] [options]

A readable NPS report: the overall NPS with its interval and what it means,
the NPS by segment (region, plan, role when present) with differences that
hold after Holm adjustment, and by calendar month (UTC). Without FILE, runs on
the bundled synthetic sample. Uses the 'weight' column when present.

Options:
  --score-column NAME   column of 0-10 scores (default: score)
  --weight-column NAME  column of weights (default: 'weight' if present)
  --unweighted          ignore weights
  --time-column NAME    column of times (default: timestamp, time, date,
                        submitted_at or created_at, the first present)
  --by COLUMN           segment columns to show instead of region, plan, role
  --level L             confidence level (default 0.95)
  --skip-bad-rows       skip (and count) rows that cannot be read
  --delimiter C         field delimiter (default ',')
  --format F            table (default) or json
)";

}  // namespace

int PrintHelp(const std::string& topic) {
  if (topic == "score") {
    std::cout << kScoreHelp;
  } else if (topic == "report") {
    std::cout << kReportHelp;
  } else {
    std::cout << kMainHelp;
  }
  return kExitOk;
}

int PrintVersion() {
  std::cout << "candor " << CANDOR_VERSION_MAJOR << "." << CANDOR_VERSION_MINOR << "."
            << CANDOR_VERSION_PATCH << "\n";
  return kExitOk;
}

int Fail(int exit_code, const std::string& message) {
  std::cerr << "candor: error: " << message << "\n";
  return exit_code;
}

int FailData(const Status& status) {
  return Fail(kExitDataError, status.message().empty() ? "failed without a message (status " +
                                                             std::to_string(status.code()) + ")"
                                                       : status.message());
}

std::string IntervalName(IntervalMethod method) {
  switch (method) {
    case IntervalMethod::kWald:
      return "wald";
    case IntervalMethod::kAdjustedWald:
      return "adjusted_wald";
    case IntervalMethod::kBayes:
      return "bayes";
    case IntervalMethod::kBootstrap:
      return "bootstrap";
  }
  return "?";
}

std::string PAdjustName(PAdjust method) {
  switch (method) {
    case PAdjust::kNone:
      return "none";
    case PAdjust::kHolm:
      return "holm";
    case PAdjust::kBenjaminiHochberg:
      return "bh";
  }
  return "?";
}

}  // namespace candor::cli
