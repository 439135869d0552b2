// BuildFollowupQueue: drops, dedup into cases, priority with its reasons,
// order, routing and due times (include/candor/followup.hpp).
//
// Speed (10M responses over 1M accounts): rows are grouped by account with a
// counting sort (stable, so each account's rows stay in row order) that
// copies what the walk reads next to each other, and each account's few rows
// are then sorted by time; cases are made in one walk and ordered by small
// keys, sorted on the rules' threads.
#include <algorithm>
#include <candor/business_hours.hpp>
#include <candor/followup.hpp>
#include <cmath>
#include <cstring>
#include <numeric>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/parallel.hpp"
#include "names.hpp"

namespace candor {

using text::kUrgencyCategoryCount;
using text::UrgencyCategory;
using text::UrgencyCategoryName;
namespace {

constexpr double kSecondsPerDay = 86400.0;

bool IsDetractor(double score) { return score <= 6; }
bool IsPassive(double score) { return score > 6 && score < 9; }

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Status CheckInputs(const FollowupResponses& r, const FollowupAccounts& a,
                   const FollowupContacts& c) {
  if (r.n > 0 && (r.score == nullptr || r.time == nullptr || r.account == nullptr)) {
    return InvalidArgument(std::string("responses: ") +
                           (r.score == nullptr  ? "score"
                            : r.time == nullptr ? "time"
                                                : "account") +
                           " is missing");
  }
  if (r.n >= UINT32_MAX) return OutOfRange("responses: more than 4294967294 rows");
  if (r.n > 0 && r.role != nullptr) {
    for (size_t i = 0; i < r.n; ++i) {
      if (r.role[i] >= static_cast<int64_t>(r.role_names.size())) {
        return OutOfRange("responses: role code " + std::to_string(r.role[i]) + " of row " +
                          std::to_string(i) + " has no name (" +
                          std::to_string(r.role_names.size()) + " role names)");
      }
    }
  }
  if (r.theme != nullptr && r.theme_offsets != nullptr) {
    return InvalidArgument(
        "responses: themes are given both one per row (theme) and several "
        "per row (theme_offsets); give one of them");
  }
  if (r.theme_offsets == nullptr && r.theme_ids != nullptr) {
    return InvalidArgument("responses: theme_ids without theme_offsets");
  }
  if (r.n > 0 && r.theme_offsets != nullptr) {
    if (r.theme_offsets[0] != 0) {
      return InvalidArgument("responses: theme_offsets[0] is " +
                             std::to_string(r.theme_offsets[0]) + ", not 0");
    }
    for (size_t i = 0; i < r.n; ++i) {
      if (r.theme_offsets[i + 1] < r.theme_offsets[i]) {
        return InvalidArgument("responses: theme_offsets[" + std::to_string(i + 1) + "] = " +
                               std::to_string(r.theme_offsets[i + 1]) + " is below theme_offsets[" +
                               std::to_string(i) + "] = " + std::to_string(r.theme_offsets[i]));
      }
    }
    if (r.theme_offsets[r.n] > 0 && r.theme_ids == nullptr) {
      return InvalidArgument("responses: theme_ids is missing");
    }
    for (int64_t k = 0; k < r.theme_offsets[r.n]; ++k) {
      if (r.theme_ids[k] < 0 || r.theme_ids[k] >= static_cast<int64_t>(r.theme_names.size())) {
        return OutOfRange("responses: theme_ids[" + std::to_string(k) +
                          "] = " + std::to_string(r.theme_ids[k]) + " has no name (" +
                          std::to_string(r.theme_names.size()) + " theme names)");
      }
    }
  }
  if (r.n > 0 && r.theme != nullptr) {
    for (size_t i = 0; i < r.n; ++i) {
      if (r.theme[i] >= static_cast<int64_t>(r.theme_names.size())) {
        return OutOfRange("responses: theme code " + std::to_string(r.theme[i]) + " of row " +
                          std::to_string(i) + " has no name (" +
                          std::to_string(r.theme_names.size()) + " theme names)");
      }
    }
  }
  if (r.n > 0 && r.urgency != nullptr) {
    for (size_t i = 0; i < r.n; ++i) {
      if (r.urgency[i] > kUrgencyCategoryCount) {
        return OutOfRange("responses: urgency " + std::to_string(r.urgency[i]) + " of row " +
                          std::to_string(i) + " is not an urgency category (0..5)");
      }
    }
  }
  for (size_t i = 0; i < a.n; ++i) {
    if (a.owner != nullptr && a.owner[i] >= static_cast<int64_t>(a.owner_names.size())) {
      return OutOfRange("accounts: owner code " + std::to_string(a.owner[i]) + " of account " +
                        std::to_string(i) + " has no name");
    }
    if (a.region != nullptr && a.region[i] >= static_cast<int64_t>(a.region_names.size())) {
      return OutOfRange("accounts: region code " + std::to_string(a.region[i]) + " of account " +
                        std::to_string(i) + " has no name");
    }
    if (a.health_grade != nullptr &&
        a.health_grade[i] >= static_cast<int64_t>(a.health_grade_names.size())) {
      return OutOfRange("accounts: health grade code " + std::to_string(a.health_grade[i]) +
                        " of account " + std::to_string(i) + " has no name");
    }
  }
  if (c.n > 0 && (c.respondent == nullptr || c.time == nullptr)) {
    return InvalidArgument(std::string("contacts: ") +
                           (c.respondent == nullptr ? "respondent" : "time") + " is missing");
  }
  for (size_t i = 0; i < c.n; ++i) {
    if (c.time[i] == kFollowupNoTime) {
      return InvalidArgument("contacts: the time of contact " + std::to_string(i) + " is missing");
    }
  }
  return OkStatus();
}

// Respondents' contacts sorted by (respondent, time), for suppression.
class ContactIndex {
 public:
  ContactIndex(const FollowupContacts& c, double days) : window_(days * kSecondsPerDay) {
    if (days <= 0) return;
    for (size_t i = 0; i < c.n; ++i) {
      if (c.respondent[i] >= 0) contacts_.push_back({c.respondent[i], c.time[i]});
    }
    std::sort(contacts_.begin(), contacts_.end());
  }
  bool empty() const { return contacts_.empty(); }
  // A contact of `respondent` at or before `time`, less than the window before.
  bool Suppresses(int32_t respondent, int64_t time) const {
    auto it =
        std::upper_bound(contacts_.begin(), contacts_.end(), std::make_pair(respondent, time));
    if (it == contacts_.begin()) return false;
    --it;
    return it->first == respondent &&
           static_cast<double>(time) - static_cast<double>(it->second) < window_;
  }

 private:
  double window_;
  std::vector<std::pair<int32_t, int64_t>> contacts_;
};

// Strength of a row as a lead: smaller is stronger.
struct LeadKey {
  int urgency_rank;  // 1..5 urgent (safety first), 6 none
  double score;
  int64_t time;
  uint32_t row;
  bool operator<(const LeadKey& o) const {
    if (urgency_rank != o.urgency_rank) return urgency_rank < o.urgency_rank;
    if (score != o.score) return score < o.score;
    if (time != o.time) return time < o.time;
    return row < o.row;
  }
};

// A kept response, with what the walk reads.
struct Row {
  int64_t time;
  double score;
  uint32_t row;
  uint8_t urgency;
  bool strategic;  // its respondent's role is strategic
};

// One case before ordering.
struct Case {
  int32_t account;
  uint32_t lead;
  int32_t responses;
  double lead_score;
  uint8_t lead_urgency;
  int64_t lead_time;
  int64_t first_time;
  int64_t last_time;
  uint8_t category;
  bool strategic;
  bool repeat_detractor;
  double priority;
  uint32_t reason_begin;
  uint32_t reason_end;
};

class QueueBuilder {
 public:
  // poor_grade[k]: health grade code k is one of rules.poor_health_grades.
  QueueBuilder(const FollowupResponses& r, const FollowupAccounts& a, const FollowupRules& rules,
               std::vector<uint8_t> poor_grade)
      : r_(r), a_(a), rules_(rules), poor_grade_(std::move(poor_grade)) {}

  // Appends the reasons of `c` and sets its priority.
  void Score(Case* c) {
    const double score = c->lead_score;
    const FollowupPoints& p = rules_.points;
    c->reason_begin = static_cast<uint32_t>(reasons_.size());
    double sum = 0;
    auto add = [&](FollowupReason reason, double points) {
      if (points == 0) return;
      reasons_.push_back(static_cast<uint8_t>(reason));
      points_.push_back(points);
      sum += points;
    };
    if (IsDetractor(score)) add(FollowupReason::kDetractor, p.detractor);
    if (IsPassive(score)) add(FollowupReason::kPassive, p.passive);
    if (score <= p.very_low_max) add(FollowupReason::kVeryLowScore, p.very_low_score);
    const int urgency = c->lead_urgency;
    if (urgency > 0) {
      add(static_cast<FollowupReason>(static_cast<int>(FollowupReason::kUrgencySafety) + urgency -
                                      1),
          p.urgency[urgency - 1]);
    }
    const int32_t account = c->account;
    if (a_.n > 0) {
      if (a_.arr != nullptr) {
        const double arr = a_.arr[account];
        if (arr > p.arr_floor) {
          add(FollowupReason::kArr,
              std::min(p.arr_max, p.arr_per_decade * std::log10(arr / p.arr_floor)));
        }
      }
      if (a_.renewal != nullptr && a_.renewal[account] != kFollowupNoTime) {
        const double ahead =
            static_cast<double>(a_.renewal[account]) - static_cast<double>(c->lead_time);
        if (ahead >= 0 && ahead <= p.renewal_days * kSecondsPerDay) {
          add(FollowupReason::kRenewal, p.renewal);
        }
      }
      if (a_.health_change != nullptr && a_.health_change[account] < 0) {
        add(FollowupReason::kHealthDecline, p.health_decline);
      }
    }
    if (c->repeat_detractor) add(FollowupReason::kRepeatDetractor, p.repeat_detractor);
    if (c->strategic) add(FollowupReason::kStrategicRole, p.strategic_role);
    if (a_.n > 0 && a_.health_grade != nullptr && a_.health_grade[account] >= 0 &&
        poor_grade_[a_.health_grade[account]] != 0) {
      add(FollowupReason::kPoorHealthGrade, p.poor_health_grade);
    }
    c->reason_end = static_cast<uint32_t>(reasons_.size());
    c->priority = sum;
  }

  std::vector<uint8_t> reasons_;
  std::vector<double> points_;

 private:
  const FollowupResponses& r_;
  const FollowupAccounts& a_;
  const FollowupRules& rules_;
  const std::vector<uint8_t> poor_grade_;
};

// Owner names: each name once, codes in order of first appearance.
class NameTable {
 public:
  int32_t Code(const std::string& name) {
    auto [it, added] = codes_.emplace(name, static_cast<int32_t>(names_.size()));
    if (added) names_.push_back(name);
    return it->second;
  }
  std::vector<std::string> Take() { return std::move(names_); }

 private:
  std::unordered_map<std::string, int32_t> codes_;
  std::vector<std::string> names_;
};

int32_t IndexOf(const std::vector<std::string>& names, const std::string& name) {
  for (size_t k = 0; k < names.size(); ++k) {
    if (names[k] == name) return static_cast<int32_t>(k);
  }
  return -2;  // matches no code
}

}  // namespace

Result<FollowupQueue> BuildFollowupQueue(const FollowupResponses& r, const FollowupAccounts& a,
                                         const FollowupContacts& contacts,
                                         const FollowupRules& rules) {
  CANDOR_RETURN_IF_ERROR(rules.Validate());
  CANDOR_RETURN_IF_ERROR(CheckInputs(r, a, contacts));
  Result<BusinessCalendar> calendar = BusinessCalendar::Make(rules.calendar);
  if (!calendar.ok())
    return Status(calendar.status().code(), "rules: calendar: " + calendar.status().message());

  FollowupQueue queue;
  FollowupCounts& counts = queue.counts;
  counts.responses = static_cast<int64_t>(r.n);

  // 1. Drops.
  const ContactIndex contact_index(contacts, r.respondent == nullptr ? 0 : rules.suppress_days);
  std::vector<uint32_t> kept;
  kept.reserve(r.n);
  int64_t max_account = -1;
  for (size_t i = 0; i < r.n; ++i) {
    const double s = r.score[i];
    if (!(s >= 0 && s <= 10)) {
      ++counts.invalid_score;
      continue;
    }
    if (r.time[i] < kEarliestBusinessTime || r.time[i] >= kLatestBusinessTime) {
      ++counts.invalid_time;
      continue;
    }
    const int32_t account = r.account[i];
    if (account < 0 || (a.n > 0 && static_cast<size_t>(account) >= a.n)) {
      ++counts.no_account;
      continue;
    }
    if (a.opt_out != nullptr && a.n > 0 && a.opt_out[account] != 0) {
      ++counts.opted_out;
      continue;
    }
    if (!contact_index.empty() && r.respondent[i] >= 0 &&
        contact_index.Suppresses(r.respondent[i], r.time[i])) {
      ++counts.suppressed;
      continue;
    }
    max_account = std::max<int64_t>(max_account, account);
    kept.push_back(static_cast<uint32_t>(i));
  }

  std::vector<uint8_t> strategic_role(r.role_names.size(), 0);
  for (size_t k = 0; k < r.role_names.size(); ++k) {
    const std::string name = Lower(r.role_names[k]);
    for (const std::string& s : rules.strategic_roles) {
      if (Lower(s) == name) strategic_role[k] = 1;
    }
  }
  std::vector<uint8_t> poor_grade(a.health_grade_names.size(), 0);
  for (size_t k = 0; k < a.health_grade_names.size(); ++k) {
    const std::string name = Lower(a.health_grade_names[k]);
    for (const std::string& g : rules.poor_health_grades) {
      if (Lower(g) == name) poor_grade[k] = 1;
    }
  }
  auto make_row = [&](uint32_t i) {
    return Row{r.time[i], r.score[i], i, r.urgency == nullptr ? uint8_t{0} : r.urgency[i],
               r.role != nullptr && r.role[i] >= 0 && strategic_role[r.role[i]] != 0};
  };

  // 2. Group by account (stable), then time within an account. Group g is
  // rows[group_begin[g], group_begin[g + 1]).
  const size_t n_accounts = a.n > 0 ? a.n : static_cast<size_t>(max_account + 1);
  std::vector<Row> rows(kept.size());
  std::vector<uint32_t> group_begin;
  if (n_accounts <= 2 * kept.size() + (size_t{1} << 20)) {
    group_begin.assign(n_accounts + 1, 0);
    for (uint32_t i : kept) ++group_begin[static_cast<size_t>(r.account[i]) + 1];
    std::partial_sum(group_begin.begin(), group_begin.end(), group_begin.begin());
    std::vector<uint32_t> next(group_begin.begin(), group_begin.end() - 1);
    for (uint32_t i : kept) rows[next[r.account[i]]++] = make_row(i);
  } else {  // sparse codes without an account table
    std::stable_sort(kept.begin(), kept.end(),
                     [&](uint32_t x, uint32_t y) { return r.account[x] < r.account[y]; });
    for (size_t k = 0; k < kept.size(); ++k) {
      rows[k] = make_row(kept[k]);
      if (k == 0 || r.account[kept[k]] != r.account[kept[k - 1]]) {
        group_begin.push_back(static_cast<uint32_t>(k));
      }
    }
    group_begin.push_back(static_cast<uint32_t>(kept.size()));
  }
  kept.clear();
  kept.shrink_to_fit();
  auto by_time = [](const Row& x, const Row& y) {
    return x.time != y.time ? x.time < y.time : x.row < y.row;
  };

  // 3. Cases: one walk over each account's rows.
  const double window = rules.dedup_days * kSecondsPerDay;
  QueueBuilder builder(r, a, rules, std::move(poor_grade));
  builder.reasons_.reserve(rows.size() / 2 * 3 + 16);
  builder.points_.reserve(rows.size() / 2 * 3 + 16);
  std::vector<Case> cases;
  cases.reserve(rows.size() / 4 + 16);
  for (size_t g = 0; g + 1 < group_begin.size(); ++g) {
    const size_t start = group_begin[g];
    const size_t end = group_begin[g + 1];
    if (start == end) continue;
    const int32_t account = r.account[rows[start].row];
    if (end - start > 1) std::sort(rows.begin() + start, rows.begin() + end, by_time);
    int64_t detractors = 0;  // of the account so far
    size_t i = start;
    while (i < end) {
      Case c{};
      c.account = account;
      c.first_time = rows[i].time;
      LeadKey best{7, 0, 0, 0};
      size_t j = i;
      for (; j < end; ++j) {
        const Row& row = rows[j];
        const int64_t t = row.time;
        if (j > i && !(static_cast<double>(t) - static_cast<double>(c.first_time) < window)) break;
        const int urgency = row.urgency;
        const LeadKey key{urgency == 0 ? 6 : urgency, row.score, t, row.row};
        if (key < best) best = key;
        if (IsDetractor(row.score)) ++detractors;
        if (row.strategic) c.strategic = true;
        c.last_time = t;
      }
      c.lead = best.row;
      c.lead_time = best.time;
      c.lead_score = best.score;
      c.responses = static_cast<int32_t>(j - i);
      const int urgency = best.urgency_rank == 6 ? 0 : best.urgency_rank;
      c.lead_urgency = static_cast<uint8_t>(urgency);
      if (urgency > 0 && (rules.fire_alarm_categories >> (urgency - 1) & 1u)) {
        c.category = static_cast<uint8_t>(FollowupCategory::kFireAlarm);
      } else if (IsDetractor(best.score)) {
        c.category = static_cast<uint8_t>(FollowupCategory::kDetractor);
      } else if (IsPassive(best.score)) {
        c.category = static_cast<uint8_t>(FollowupCategory::kPassive);
      } else {
        c.category = static_cast<uint8_t>(FollowupCategory::kPromoter);
      }
      c.repeat_detractor = IsDetractor(best.score) && detractors >= 2;
      counts.merged += c.responses - 1;
      if (!rules.include[c.category]) {
        ++counts.not_included;
      } else {
        builder.Score(&c);
        cases.push_back(c);
      }
      i = j;
    }
  }
  rows.clear();
  rows.shrink_to_fit();

  // 4. Order: small keys, sorted in chunks on threads and merged. Two cases
  // of one account never share a lead time (their rows' times are apart), so
  // the case index breaks no tie that the first time would not: the order
  // is the queue's (fire alarms, priority, lead time, account, first time).
  struct OrderKey {
    double priority;
    int64_t lead_time;
    int32_t account;
    uint32_t index;
    bool fire;
  };
  std::vector<OrderKey> keys(cases.size());
  for (size_t k = 0; k < cases.size(); ++k) {
    const Case& c = cases[k];
    keys[k] = {c.priority, c.lead_time, c.account, static_cast<uint32_t>(k), c.category == 0};
  }
  auto before = [](const OrderKey& x, const OrderKey& y) {
    if (x.fire != y.fire) return x.fire;
    if (x.priority != y.priority) return x.priority > y.priority;
    if (x.lead_time != y.lead_time) return x.lead_time < y.lead_time;
    if (x.account != y.account) return x.account < y.account;
    return x.index < y.index;
  };
  std::vector<size_t> chunk_end(internal::ChunkCount(keys.size(), rules.threads), 0);
  internal::ParallelChunks(keys.size(), rules.threads,
                           [&](size_t chunk, size_t first, size_t last) {
                             std::sort(keys.begin() + first, keys.begin() + last, before);
                             chunk_end[chunk] = last;
                           });
  for (size_t k = 1; k < chunk_end.size(); ++k) {
    std::inplace_merge(keys.begin(), keys.begin() + chunk_end[k - 1], keys.begin() + chunk_end[k],
                       before);
  }

  // 5. Routing: route conditions as codes once.
  struct RouteCodes {
    int32_t theme = -1, region = -1;
    int urgency = -1, category = -1;
    std::vector<int32_t> members;
  };
  NameTable owners;
  std::vector<RouteCodes> routes(rules.routes.size());
  for (size_t k = 0; k < rules.routes.size(); ++k) {
    const FollowupRoute& route = rules.routes[k];
    RouteCodes& codes = routes[k];
    if (!route.theme.empty()) codes.theme = IndexOf(r.theme_names, route.theme);
    if (!route.region.empty()) codes.region = IndexOf(a.region_names, route.region);
    if (!route.urgency.empty()) codes.urgency = internal::UrgencyCategoryCode(route.urgency);
    if (!route.category.empty()) codes.category = internal::FollowupCategoryCode(route.category);
    for (const std::string& m : route.members) codes.members.push_back(owners.Code(m));
    queue.team_names.push_back(route.team.empty() ? "route " + std::to_string(k) : route.team);
  }
  std::vector<int32_t> account_owner;
  if (a.n > 0 && a.owner != nullptr) {
    for (const std::string& name : a.owner_names) account_owner.push_back(owners.Code(name));
  }
  const int32_t default_owner = rules.default_owner.empty() ? -1 : owners.Code(rules.default_owner);
  std::vector<size_t> turn(routes.size(), 0);

  const size_t n_cases = cases.size();
  queue.account.resize(n_cases);
  queue.lead_row.resize(n_cases);
  queue.responses.resize(n_cases);
  queue.first_time.resize(n_cases);
  queue.lead_time.resize(n_cases);
  queue.last_time.resize(n_cases);
  queue.score.resize(n_cases);
  queue.category.resize(n_cases);
  queue.urgency.resize(n_cases);
  queue.theme.resize(n_cases);
  queue.priority.resize(n_cases);
  queue.due.resize(n_cases);
  queue.owner.resize(n_cases);
  queue.route.resize(n_cases);
  queue.reason_begin.resize(n_cases + 1);
  queue.theme_begin.resize(n_cases + 1);
  queue.theme_begin[0] = 0;
  queue.themes.reserve(r.theme_offsets != nullptr || r.theme != nullptr ? n_cases : 0);
  queue.reason.reserve(builder.reasons_.size());
  queue.reason_points.reserve(builder.points_.size());
  queue.reason_begin[0] = 0;
  for (size_t q = 0; q < n_cases; ++q) {
    const Case& c = cases[keys[q].index];
    const uint32_t lead = c.lead;
    queue.account[q] = c.account;
    queue.lead_row[q] = lead;
    queue.responses[q] = c.responses;
    queue.first_time[q] = c.first_time;
    queue.lead_time[q] = c.lead_time;
    queue.last_time[q] = c.last_time;
    queue.score[q] = c.lead_score;
    queue.category[q] = c.category;
    const int urgency = c.lead_urgency;
    queue.urgency[q] = static_cast<uint8_t>(urgency);
    // The case's themes: the lead's, repeats once.
    const size_t themes_begin = queue.themes.size();
    if (r.theme_offsets != nullptr) {
      for (int64_t k = r.theme_offsets[lead]; k < r.theme_offsets[lead + 1]; ++k) {
        const int32_t id = r.theme_ids[k];
        if (std::find(queue.themes.begin() + themes_begin, queue.themes.end(), id) ==
            queue.themes.end()) {
          queue.themes.push_back(id);
        }
      }
    } else if (r.theme != nullptr && r.theme[lead] >= 0) {
      queue.themes.push_back(r.theme[lead]);
    }
    const size_t themes_end = queue.themes.size();
    queue.theme_begin[q + 1] = static_cast<int64_t>(themes_end);
    queue.theme[q] = themes_end > themes_begin ? queue.themes[themes_begin] : -1;
    auto has_theme = [&](int32_t code) {
      for (size_t k = themes_begin; k < themes_end; ++k) {
        if (queue.themes[k] == code) return true;
      }
      return false;
    };
    queue.priority[q] = c.priority;
    for (uint32_t k = c.reason_begin; k < c.reason_end; ++k) {
      queue.reason.push_back(builder.reasons_[k]);
      queue.reason_points.push_back(builder.points_[k]);
    }
    queue.reason_begin[q + 1] = static_cast<uint32_t>(queue.reason.size());

    const int32_t region = a.n > 0 && a.region != nullptr ? a.region[c.account] : -1;
    const int32_t own = a.n > 0 && a.owner != nullptr && a.owner[c.account] >= 0
                            ? account_owner[a.owner[c.account]]
                            : -1;
    int32_t owner = default_owner;
    int32_t matched = -1;
    for (size_t k = 0; k < routes.size(); ++k) {
      const RouteCodes& codes = routes[k];
      if (codes.theme != -1 && !has_theme(codes.theme)) continue;
      if (codes.region != -1 && codes.region != region) continue;
      if (codes.urgency != -1 && codes.urgency != urgency) continue;
      if (codes.category != -1 && codes.category != c.category) continue;
      if (rules.routes[k].account_owner) {
        if (own < 0) continue;
        owner = own;
      } else if (codes.members.empty()) {
        owner = -1;
      } else {
        owner = codes.members[turn[k]++ % codes.members.size()];
      }
      matched = static_cast<int32_t>(k);
      break;
    }
    queue.owner[q] = owner;
    queue.route[q] = matched;

    if (c.category == 0) ++counts.fire_alarms;
  }
  // 6. Due times, the calendar's work, in chunks on threads (each case's
  // due time is its own: the result does not depend on the threads).
  std::vector<Status> failed(internal::ChunkCount(n_cases, rules.threads));
  internal::ParallelChunks(n_cases, rules.threads, [&](size_t chunk, size_t first, size_t last) {
    for (size_t q = first; q < last; ++q) {
      Result<int64_t> due =
          calendar->Deadline(queue.lead_time[q], rules.due_hours[queue.category[q]]);
      if (!due.ok()) {
        failed[chunk] = Status(due.status().code(), "the due time of the case of account " +
                                                        std::to_string(queue.account[q]) + ": " +
                                                        due.status().message());
        return;
      }
      queue.due[q] = *due;
    }
  });
  for (const Status& status : failed) CANDOR_RETURN_IF_ERROR(status);
  counts.cases = static_cast<int64_t>(n_cases);
  queue.owner_names = owners.Take();
  queue.actions = rules.actions;
  return queue;
}

}  // namespace candor
