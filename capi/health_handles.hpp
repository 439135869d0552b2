// capi/health_handles.hpp — the candor_scorecard and candor_health_scores
// handles, shared by the scorecard shims (health_capi.cc) and the shims over
// a dated history (health_history_capi.cc).
#ifndef CANDOR_CAPI_HEALTH_HANDLES_HPP_
#define CANDOR_CAPI_HEALTH_HANDLES_HPP_

#include <candor/health.hpp>

struct candor_scorecard {
  candor::Scorecard card;
};

struct candor_health_scores {
  candor::Scorecard card;  // a copy: the reasons are worded with it
  candor::HealthScores scores;
};

#endif  // CANDOR_CAPI_HEALTH_HANDLES_HPP_
