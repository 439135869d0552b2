// The report's view of the follow-up queue: summary counts and fire alarms.
#include "report_followup.hpp"

#include <algorithm>
#include <candor/followup.hpp>
#include <candor/pii.hpp>
#include <cmath>
#include <utility>

#include "report_account_values.hpp"

namespace candor::report_internal {

std::string RedactForReport(const std::string& text) {
  Result<pii::Redaction> redaction = pii::RedactPii(text);
  if (!redaction.ok()) return "[comment withheld: " + redaction.status().message() + "]";
  return std::move(redaction->text);
}

int64_t DaysBeforeLatest(const Table& table, size_t row) {
  if (table.times.empty()) return -1;
  const int64_t latest = *std::max_element(table.times.begin(), table.times.end());
  return (latest - table.times[row]) / 86400;
}

Result<FollowupDigest> DigestFollowup(const ReportContext& context, const uint8_t* urgency,
                                      const RowReasons* reasons, size_t max_alarms) {
  const Table& table = context.table;
  if (table.account.codes.empty() || table.times.empty()) {
    return InvalidArgument("the follow-up queue needs an account and a time column");
  }
  const size_t accounts = table.account.dictionary.size();
  const std::vector<double> arr = context.extras.arr.empty()
                                      ? std::vector<double>()
                                      : FirstValuePerAccount(table, context.extras.arr);
  FollowupResponses responses;
  responses.n = table.rows();
  responses.score = table.scores.data();
  responses.time = table.times.data();
  responses.account = table.account.codes.data();
  responses.urgency = urgency;
  if (!table.role.codes.empty()) {
    responses.role = table.role.codes.data();
    responses.role_names = table.role.dictionary.labels();
  }
  FollowupAccounts account_table;
  account_table.n = accounts;
  account_table.arr = arr.empty() ? nullptr : arr.data();
  FollowupRules rules;
  Result<FollowupQueue> queue = BuildFollowupQueue(responses, account_table, {}, rules);
  if (!queue.ok()) return queue.status();

  FollowupDigest digest;
  digest.cases = queue->counts.cases;
  digest.fire_alarms = queue->counts.fire_alarms;
  std::vector<ReportQueueCount> categories(kFollowupCategoryCount);
  for (int c = 0; c < kFollowupCategoryCount; ++c) {
    categories[c].name = FollowupCategoryName(static_cast<FollowupCategory>(c));
  }
  std::vector<ReportQueueCount> owners(queue->owner_names.size() + 1);
  for (size_t o = 0; o < queue->owner_names.size(); ++o) owners[o].name = queue->owner_names[o];
  owners.back().name = "unassigned";
  for (size_t k = 0; k < queue->size(); ++k) {
    const bool alarm = queue->category[k] == static_cast<uint8_t>(FollowupCategory::kFireAlarm);
    ReportQueueCount& category = categories[queue->category[k]];
    ReportQueueCount& owner = queue->owner[k] >= 0 ? owners[queue->owner[k]] : owners.back();
    ++category.cases;
    ++owner.cases;
    category.fire_alarms += alarm;
    owner.fire_alarms += alarm;
    if (!alarm || digest.alarms.size() >= max_alarms) continue;
    const int64_t row = queue->lead_row[k];
    ReportAlarm item;
    item.account = table.account.dictionary.Label(queue->account[k]);
    item.text = table.comments.empty() ? "" : RedactForReport(table.comments[row]);
    item.score = static_cast<int>(std::lround(queue->score[k]));
    const auto reason =
        reasons != nullptr ? reasons->find(static_cast<size_t>(row)) : RowReasons::const_iterator();
    item.reason =
        reasons != nullptr && reason != reasons->end() && !reason->second.empty()
            ? reason->second
            : std::string("urgency: ") +
                  text::UrgencyCategoryName(static_cast<text::UrgencyCategory>(queue->urgency[k]));
    item.owner = queue->owner[k] >= 0 ? queue->owner_names[queue->owner[k]] : "";
    item.days_before_latest = DaysBeforeLatest(table, static_cast<size_t>(row));
    digest.alarms.push_back(std::move(item));
  }
  for (ReportQueueCount& category : categories) {
    if (category.cases > 0) digest.by_category.push_back(std::move(category));
  }
  for (ReportQueueCount& owner : owners) {
    if (owner.cases > 0) digest.by_owner.push_back(std::move(owner));
  }
  std::stable_sort(
      digest.by_owner.begin(), digest.by_owner.end(),
      [](const ReportQueueCount& a, const ReportQueueCount& b) { return a.cases > b.cases; });
  return digest;
}

}  // namespace candor::report_internal
