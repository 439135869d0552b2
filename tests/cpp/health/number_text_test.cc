// The reasons' number formatters against printf's "%.6g" and "%.1f", whose
// text they must reproduce byte for byte (the words are part of the output
// of every surface and of the recorded CLI outputs).
#include "number_text.hpp"

#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace candor::health_internal {
namespace {

std::string Printf(const char* format, double x) {
  char buffer[400];
  std::snprintf(buffer, sizeof(buffer), format, x);
  return buffer;
}

std::string SixDigits(double x) {
  std::string s = "prefix ";  // appends, keeping what is there
  AppendSixDigits(&s, x);
  return s.substr(7);
}

std::string OneDecimal(double x) {
  std::string s = "prefix ";
  AppendOneDecimal(&s, x);
  return s.substr(7);
}

// Edge cases: signed zeros, infinities, NaNs of both signs, subnormals, the
// extremes, and values at or next to the halfway points of the rounding
// ("%.1f": x.x5; "%.6g": the seventh digit 5, and the switch to exponents
// at 1e-5 and 1e6).
std::vector<double> EdgeCases() {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> v = {0.0,
                           -0.0,
                           inf,
                           -inf,
                           nan,
                           -nan,
                           DBL_MIN,
                           -DBL_MIN,
                           DBL_MAX,
                           -DBL_MAX,
                           DBL_TRUE_MIN,
                           0.05,
                           0.15,
                           0.25,
                           0.35,
                           0.45,
                           -0.05,
                           -0.25,
                           -0.04,
                           2.5,
                           99.95,
                           100.05,
                           9.95,
                           0.0001,
                           0.00001,
                           0.000099999949,
                           0.0000099999995,
                           999999.0,
                           999999.5,
                           9999995.0,
                           1000000.0,
                           123456.5,
                           1234565.0,
                           9.999995,
                           1.0000005,
                           0.1,
                           1.0 / 3,
                           2.0 / 3,
                           1e15,
                           1e16,
                           1e17,
                           1e21,
                           1e22,
                           1e23,
                           1e300,
                           -1e300,
                           4503599627370496.5,
                           9007199254740993.0,
                           0.95,
                           18.0};
  for (int i = -2000; i <= 2000; ++i) {  // every x.x5 and x.xx5 near zero, and neighbors
    for (double base : {i / 20.0, i / 200.0, i * 0.05, i * 0.005, i / 2e6}) {
      v.push_back(base);
      v.push_back(std::nextafter(base, inf));
      v.push_back(std::nextafter(base, -inf));
    }
  }
  for (int e = -320; e <= 308; ++e) {  // every decade, and the halfway points of 6 digits
    const double p = std::pow(10.0, e);
    for (double x : {p, 9.999995 * p, 1.000005 * p, 1.234565 * p, 5.0 * p, 0.5 * p}) {
      v.push_back(x);
      v.push_back(-x);
      v.push_back(std::nextafter(x, inf));
      v.push_back(std::nextafter(x, -inf));
    }
  }
  return v;
}

TEST(AppendSixDigits, EqualsPrintfOnEdgeCases) {
  for (double x : EdgeCases()) EXPECT_EQ(SixDigits(x), Printf("%.6g", x)) << Printf("%a", x);
}

TEST(AppendOneDecimal, EqualsPrintfOnEdgeCases) {
  for (double x : EdgeCases()) EXPECT_EQ(OneDecimal(x), Printf("%.1f", x)) << Printf("%a", x);
}

// Random bit patterns (every magnitude, subnormals and NaN payloads
// included) and random values in the ranges reasons hold.
TEST(NumberText, EqualsPrintfOnRandomValues) {
  std::mt19937_64 rng(13);
  std::uniform_real_distribution<double> points(-150, 150);
  std::uniform_real_distribution<double> counts(0, 1e7);
  int differences = 0;
  for (int trial = 0; trial < 100000 && differences < 10; ++trial) {
    const uint64_t bits = rng();
    double x;
    std::memcpy(&x, &bits, sizeof(x));
    for (double value : {x, points(rng), std::round(counts(rng)) / 100, counts(rng)}) {
      const bool same =
          SixDigits(value) == Printf("%.6g", value) && OneDecimal(value) == Printf("%.1f", value);
      EXPECT_TRUE(same) << Printf("%a", value) << ": " << SixDigits(value) << " / "
                        << OneDecimal(value);
      differences += same ? 0 : 1;
    }
  }
}

}  // namespace
}  // namespace candor::health_internal
