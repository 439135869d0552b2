// Numbers as the report's sentences show them ("12.3", "95%"), shared by the
// section builders that write plain-language readings and caveats.
#ifndef CANDOR_LIB_REPORT_REPORT_WORDING_HPP_
#define CANDOR_LIB_REPORT_REPORT_WORDING_HPP_

#include <string>

namespace candor::report_internal {

// `value` with `digits` decimals ("-3.5"); "n/a" when not finite.
std::string Fixed(double value, int digits);
// A share in [0, 1] as a percentage with one decimal ("41.2%").
std::string Percent(double share);
// A confidence level as a percentage without trailing zeros ("95%", "99.5%").
std::string LevelText(double level);
// "1.0 point" / "3.2 points".
std::string Points(double value);

}  // namespace candor::report_internal

#endif  // CANDOR_LIB_REPORT_REPORT_WORDING_HPP_
