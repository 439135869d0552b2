// Help, version and the small shared helpers of the commands. A command's
// help comes from its option table (command_specs.hpp).
#include <candor.h>

#include <iostream>
#include <string>

#include "command_specs.hpp"
#include "commands.hpp"

namespace candor::cli {
namespace {

constexpr const char* kMainHelp =
    R"(candor: honest customer-feedback analytics (NPS, CSAT, CES with intervals)

Usage:
  candor score FILE [options]   estimate a metric, optionally broken down by segments
  candor report [FILE]          the whole story of a survey as text, JSON or one
                                HTML page (the bundled sample if no FILE)
  candor weight FILE --method M write FILE back with a weight column (raking,
                                post-stratification, inverse propensity,
                                recency, accounts) and say what it did
  candor trend FILE [options]   the metric per day/week/month/quarter with
                                changes, their minimal detectable change,
                                control limits, trend tests, change points
                                and accounts ranked by decline
  candor themes FILE [options]  what the comments say: sentiment, emotions,
                                urgent comments (churn, refund, legal,
                                safety, unresolved), themes from a taxonomy
                                or discovered, and which themes drive
                                detractors
  candor health FILE --scorecard CARD.json
                                a health score per account from a scorecard,
                                explained (points, contributions, reasons),
                                and validated against churn (AUC with its
                                DeLong interval, churn by grade, concordance,
                                Kaplan-Meier by grade, log-rank); with --as-of
                                from a dated history, with days in grade and
                                momentum; weights suggested from churn,
                                judged out of fold
  candor redact FILE [--column C]
                                FILE written back with emails, phones, card
                                numbers, IBANs and URLs with secrets in
                                column C replaced by placeholders
  candor intents FILE [--column C]
                                complaint, suggestion, question, praise and
                                needs_response per comment, with reasons
  candor followup FILE [--accounts ACCOUNTS.csv] [--rules rules.json]
                                the follow-up queue: one case per account per
                                dedup window, fire alarms first, a priority
                                made of named points (every reason with its
                                points), an action, an owner (routing, round
                                robin) and a due time in business hours;
                                every dropped row counted
  candor business-hours FILE [--hours H | --hours-column C | --end-column C]
                                deadlines a number of business hours after
                                each row's start, or the business hours
                                between start and end, in a time zone with
                                opening hours, weekdays and holidays
  candor outer-loop FILE [--taxonomy TAX.json | --themes K] [options]
                                themes ranked by what they cost: comments,
                                detractor accounts, ARR at risk (bootstrap
                                interval by account), NPS impact, trend; with
                                representative quotes (PII redacted); themes
                                from a column, a taxonomy or discovered
  candor cases LOG.csv [--calendar CAL.json]
                                SLA status per follow-up case from a log of
                                case events: time to first contact in
                                business hours (holds pause the clock), met,
                                breached, at risk or open, and breach rates
                                per owner and team with Wilson intervals
  candor recovery FILE          re-survey scores of followed-up vs other
                                detractors: the difference with its interval,
                                also within matched strata (follow-up is not
                                randomized: an association)
  candor monitor FILE --history-until DATE [--every day|week|month]
                                the online change monitor: the responses
                                before DATE are the history, each later bucket
                                updates a two-sided CUSUM; an alarm at a
                                stated false-alarm rate per bucket (--alpha),
                                with the change's estimated start and shift
  candor help [score|report|weight|trend|themes|health|redact|intents|
               followup|business-hours|outer-loop|cases|recovery|monitor]
                                this help, or one command's
  candor --version

Input files must be regular files (a FIFO, directory or device is refused);
--max-bytes N refuses larger ones (every command that reads a CSV file).

Exit status: 0 success, 1 a data error (bad file or values), 2 a usage error.
)";

}  // namespace

int PrintHelp(const std::string& topic) {
  std::cout << (topic.empty() ? kMainHelp : CommandHelp(topic));
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

}  // namespace candor::cli
