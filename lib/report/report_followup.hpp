// The follow-up queue (followup.hpp) as the report shows it: its summary by
// category and owner, and its fire alarms. Shared by the voice section (which
// has the comments' urgency) and next steps (which runs it on scores alone
// when there are no comments).
#ifndef CANDOR_LIB_REPORT_REPORT_FOLLOWUP_HPP_
#define CANDOR_LIB_REPORT_REPORT_FOLLOWUP_HPP_

#include <candor/report.hpp>
#include <candor/status.hpp>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "report_sections.hpp"

namespace candor::report_internal {

struct FollowupDigest {
  int64_t cases = 0;
  int64_t fire_alarms = 0;
  std::vector<ReportQueueCount> by_category;  // in category order, empty ones left out
  std::vector<ReportQueueCount> by_owner;     // by cases, descending; "unassigned" for none
  std::vector<ReportAlarm> alarms;            // queue order (most urgent first), at most max
};

// Urgency reasons by table row, only for the rows that have one (few of
// millions).
using RowReasons = std::unordered_map<size_t, std::string>;

// Redacts PII (pii.hpp, default kinds) from a comment for display; a text
// that cannot be redacted (invalid UTF-8) is withheld, never shown raw.
std::string RedactForReport(const std::string& text);

// Whole days from row's time to the table's latest time; -1 without times.
int64_t DaysBeforeLatest(const Table& table, size_t row);

// The queue over every row of the table with an account and a time.
// urgency: per row UrgencyCategory values, or null (no comments);
// reasons: the urgency reason of the rows that have one, by row, or null.
// CANDOR_INVALID_ARGUMENT when the table has no account or time column.
Result<FollowupDigest> DigestFollowup(const ReportContext& context, const uint8_t* urgency,
                                      const RowReasons* reasons, size_t max_alarms);

}  // namespace candor::report_internal

#endif  // CANDOR_LIB_REPORT_REPORT_FOLLOWUP_HPP_
