// tests/cpp/support/nps_responses.hpp — seeded NPS responses with given
// shares of promoters and detractors, for the simulations of the trend tests.
#ifndef CANDOR_TESTS_SUPPORT_NPS_RESPONSES_HPP_
#define CANDOR_TESTS_SUPPORT_NPS_RESPONSES_HPP_

#include <cstddef>
#include <random>
#include <vector>

namespace candor::testing {

// Appends n scores: 0-6 with probability `detractors`, 9-10 with
// `promoters`, else 7-8, each uniform within its band.
inline void AppendNps(std::mt19937_64& rng, size_t n, double promoters, double detractors,
                      std::vector<double>* out) {
  std::uniform_real_distribution<double> u(0, 1);
  std::uniform_int_distribution<int> det(0, 6), pas(7, 8), pro(9, 10);
  for (size_t i = 0; i < n; ++i) {
    const double x = u(rng);
    out->push_back(x < detractors ? det(rng) : x < detractors + promoters ? pro(rng) : pas(rng));
  }
}

}  // namespace candor::testing

#endif  // CANDOR_TESTS_SUPPORT_NPS_RESPONSES_HPP_
