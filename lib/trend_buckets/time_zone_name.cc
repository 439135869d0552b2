// CheckTimeZoneName: the form of a tz database identifier.
//
// The rules follow the tz database's guidelines for names (theory.html,
// "Timezone identifiers", https://data.iana.org/time-zones/theory.html):
// a name is not empty and has no empty component (no leading, trailing or
// double '/'); components are never '.' or '..', hold at most 14 characters
// and do not start with '-'. Those guidelines allow only ASCII letters, '.',
// '-' and '_' in new names; the legacy names still in the database add
// digits and '+' ("Etc/GMT+5", "EST5EDT", "GMT-0"). No zone in tzdata 2025b
// uses '.' (the '.' files next to the zones, zone.tab or tzdata.zi, are not
// zones), so '.' is refused too. ':' is refused with the other characters,
// which also shuts Abseil's "file:PATH" form.
#include "trend_buckets/time_zone.hpp"

#include <algorithm>
#include <string>
#include <string_view>

#include "common/quote.hpp"

namespace candor::internal {
namespace {

constexpr std::string_view kValidForm =
    "a tz database name is \"UTC\" or like \"Europe/London\", "
    "\"America/Argentina/Buenos_Aires\" or \"Etc/GMT+5\": components of 1 to 14 ASCII "
    "letters, digits, '_', '-' or '+' (not starting with '-') joined by '/', at most 64 "
    "characters in all, never a file path";

bool IsNameCharacter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '+';
}

Status NotAName(std::string_view name, const std::string& reason) {
  return InvalidArgument("time zone " + QuoteForMessage(name) +
                         " is not a tz database name: " + reason + "; " + std::string(kValidForm));
}

// Why `component` (between two '/' or the ends of the name) is not valid, or
// an empty string when it is.
std::string ComponentProblem(std::string_view component) {
  if (component.empty()) return "it has an empty component (a leading, trailing or double '/')";
  if (component == "." || component == "..") {
    return "it has a '" + std::string(component) + "' component";
  }
  for (const char c : component) {
    if (IsNameCharacter(c)) continue;
    if (c == '\0') return "it contains a NUL byte";
    if (c == '\\') return "it contains a backslash";
    return "it contains " + QuoteForMessage(std::string_view(&c, 1));
  }
  if (component.size() > kMaxTimeZoneComponentLength) {
    return "its component " + QuoteForMessage(component) + " has " +
           std::to_string(component.size()) + " characters, more than " +
           std::to_string(kMaxTimeZoneComponentLength);
  }
  if (component[0] == '-') {
    return "its component " + QuoteForMessage(component) + " starts with '-'";
  }
  return "";
}

}  // namespace

Status CheckTimeZoneName(std::string_view name) {
  if (name.empty()) return NotAName(name, "it is empty");
  if (name[0] == '/') return NotAName(name, "it starts with '/' (an absolute path)");
  // Components first: "it has a '..' component" says more than the length.
  size_t begin = 0;
  while (true) {
    const size_t end = std::min(name.find('/', begin), name.size());
    const std::string problem = ComponentProblem(name.substr(begin, end - begin));
    if (!problem.empty()) return NotAName(name, problem);
    if (end == name.size()) break;
    begin = end + 1;
  }
  if (name.size() > kMaxTimeZoneNameLength) {
    return NotAName(name, "it is " + std::to_string(name.size()) + " bytes long, more than " +
                              std::to_string(kMaxTimeZoneNameLength));
  }
  return OkStatus();
}

}  // namespace candor::internal
