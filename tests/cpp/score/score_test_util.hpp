// Helpers shared by the score tests.
#ifndef CANDOR_TESTS_SCORE_TEST_UTIL_HPP_
#define CANDOR_TESTS_SCORE_TEST_UTIL_HPP_

#include <vector>

namespace candor::testing {

// NPS scores on 0..10 with the given numbers of detractors (score 3),
// passives (7) and promoters (10).
inline std::vector<double> NpsScores(int detractors, int passives, int promoters) {
  std::vector<double> scores;
  scores.insert(scores.end(), detractors, 3.0);
  scores.insert(scores.end(), passives, 7.0);
  scores.insert(scores.end(), promoters, 10.0);
  return scores;
}

}  // namespace candor::testing

#endif  // CANDOR_TESTS_SCORE_TEST_UTIL_HPP_
