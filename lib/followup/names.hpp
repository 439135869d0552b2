// The codes of category and urgency names, as rules.json and the routing
// rules name them (private to lib/followup).
#ifndef CANDOR_FOLLOWUP_NAMES_HPP_
#define CANDOR_FOLLOWUP_NAMES_HPP_

#include <string>

namespace candor::internal {

// The FollowupCategory of a name ("fire_alarm", ...), or -1.
int FollowupCategoryCode(const std::string& name);

// The UrgencyCategory (1..kUrgencyCategoryCount) of a name ("safety", ...),
// or -1; "none" is no urgency a rule can name.
int UrgencyCategoryCode(const std::string& name);

}  // namespace candor::internal

#endif  // CANDOR_FOLLOWUP_NAMES_HPP_
