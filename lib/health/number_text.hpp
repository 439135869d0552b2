// A number in an error message, with every digit it has ("%.17g"), for the
// scorecard checks of scorecard.cc and scorecard_json.cc.
#ifndef CANDOR_HEALTH_NUMBER_TEXT_HPP_
#define CANDOR_HEALTH_NUMBER_TEXT_HPP_

#include <cstdio>
#include <string>

namespace candor::health_internal {

inline std::string Num(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.17g", x);
  return buffer;
}

}  // namespace candor::health_internal

#endif  // CANDOR_HEALTH_NUMBER_TEXT_HPP_
