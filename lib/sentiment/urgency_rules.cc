// Urgency triggers, written for this project: phrases that mean a customer
// is about to leave, wants money back, threatens legal action, is stuck
// with an unresolved problem, or reports harm. The categories follow
// common CX "closed-loop" triage practice (detractor alerts): churn, refund,
// legal, unresolved, safety.
#include "sentiment_rules.hpp"

namespace candor::text::internal {

std::vector<UrgencyTrigger> UrgencyTriggers() {
  using C = UrgencyCategory;
  // clang-format off
  return {
    {"{made|makes|making} me {sick|ill}", C::kSafety, "reports getting sick"},
    {"{got|get|getting|became|been} {sick|ill}", C::kSafety, "reports getting sick"},
    {"food poisoning|threw up|throwing up|vomited|vomiting|diarrhea|diarrhoea", C::kSafety, "reports getting sick"},
    {"allergic reaction|anaphylaxis|anaphylactic|hives|epipen", C::kSafety, "reports an allergic reaction"},
    {"choked|choking|choke hazard|glass in|metal in|plastic in|piece of glass|piece of metal|sharp piece", C::kSafety, "reports a safety hazard"},
    {"emergency room|er visit|the hospital|to the hospital|in the hospital|hospitalized|poison control", C::kSafety, "reports medical harm"},
    {"caught fire|burst into flames|exploded|electric shock|burned me|burned my", C::kSafety, "reports a safety hazard"},
    {"lawyer|lawyers|attorney|attorneys|lawsuit|sue|suing|sued|legal action|class action|small claims", C::kLegal, "threatens legal action"},
    {"bbb|better business bureau|attorney general|ftc|fda|consumer protection|report you|reporting you|file a complaint|filed a complaint|filing a complaint", C::kLegal, "mentions reporting to an authority"},
    {"cancel|cancelled|canceled|cancelling|canceling|cancellation|unsubscribe|unsubscribed", C::kChurn, "mentions cancelling"},
    {"{switch|switching|switched} to", C::kChurn, "mentions switching to another provider"},
    {"{to|with} {another|a different} {company|provider|brand|service|seller|supplier|store}", C::kChurn, "mentions switching to another provider"},
    {"to the competition|to a competitor|to your competitor|to your competition", C::kChurn, "mentions switching to another provider"},
    {"{close|closing|closed|delete|deleting|deleted} my account", C::kChurn, "mentions closing the account"},
    {"never again|never buying|never ordering|never using|lost a customer|lost my business|taking my business", C::kChurn, "says they will not come back"},
    {"refund|refunds|refunded|reimburse|reimbursement|money back", C::kRefund, "asks for money back", true},
    {"chargeback|charge back|dispute the charge|disputed the charge|dispute with my bank|called my bank|contacted my bank|credit card company", C::kRefund, "mentions a chargeback"},
    {"return it|return them|return this|returning it|returning them|returned it|returned them|sent it back|sending it back|send it back", C::kRefund, "mentions returning the product"},
    {"still broken|still not working|still doesn't work|still does not work|still isn't|still waiting|still haven't|still have not|still no|still not fixed|still not resolved", C::kUnresolved, "says the problem is still unresolved"},
    {"second time|third time|fourth time|fifth time|2nd time|3rd time|4th time|5th time|multiple times|several times|many times|numerous times|again and again|over and over", C::kUnresolved, "mentions repeated contact or failure"},
    {"nobody responded|no one responded|nobody replied|no one replied|no response|no reply|never responded|never replied|never heard back|never got back|never called back|ignored my|ignoring my|no one called|nobody called", C::kUnresolved, "says nobody responded"},
  };
  // clang-format on
}

}  // namespace candor::text::internal
