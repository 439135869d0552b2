// candor/outer_loop.hpp — the outer loop: which themes cost the most, ranked
// in one table a leadership meeting can act on, with representative quotes.
//
// Input: n comments with a score x_i, an account code a_i (the respondent's
// account), which of T themes each comment mentions (ThemeMentions, as
// drivers.hpp: a taxonomy's or discovered themes), and optionally the ARR of
// each account, a period code per comment, a sentiment per comment, the
// comments' texts and a segment code per comment (for quotes by segment).
//
// Per theme j (a detractor is the metric's bottom category, as drivers.hpp):
//  - comments n_j: comments mentioning j; detractor_comments: those that are
//    detractors; accounts: distinct accounts with a comment mentioning j;
//    detractor_accounts: distinct accounts with a detractor comment
//    mentioning j (the accounts "at risk" from j).
//  - arr_at_risk = sum of ARR over the detractor accounts of j. Interval: a
//    nonparametric bootstrap by account (the accounts are the sampled units;
//    Efron and Tibshirani 1993, ch. 6; Davison and Hinkley 1997, sec. 3.8):
//    each replicate draws K accounts with replacement from the K accounts
//    with a comment and sums ARR_a * [a at risk from j] over the draws; the
//    interval is the percentile interval at `level` (numpy's default linear
//    quantile, Hyndman and Fan type 7). Seeded and independent of the thread
//    count (one random stream per replicate). With few accounts and skewed
//    ARR the percentile interval undercovers (a seeded simulation in
//    tests/python/test_outer_loop.py: about 87% for a nominal 95% with 60
//    accounts, near 95% with 400).
//  - impact: drivers.hpp's NPS impact (overall - the metric without the
//    comments mentioning j) with its linearized SE, clustered by account.
//  - trend (with periods): drivers.hpp's share of comments mentioning j,
//    later period minus earlier, with the BH-adjusted p-value and flag.
//  - tone: the mean over the theme's comments of the comment's sentiment
//    when given, else of the metric value v_i (NPS: +1 / 0 / -1).
// No interval of zero width: an interval that would have zero width
// although the theme's statistic has a point value from n > 0 comments claims
// a certainty the data do not give, so it is not reported: its bounds are NaN
// and the theme's *_no_interval field says why (NoIntervalReason, with a
// sentence from NoIntervalReasonText); the point value is kept. This happens
// to the ARR at risk when ARR_a x [a at risk] is the same for every account
// (no detractor account mentions the theme, its detractor accounts have ARR
// 0, or every account is at risk with one ARR) or when the percentiles of a
// few-valued bootstrap coincide; to the impact when no comment mentions the
// theme (impact 0, SE 0), every comment does (no point either) or the
// metric values do not vary (SE 0); to the share change when in each of the
// two periods the theme is in every comment or in none (SE 0).
// Ranking: by rank_by (default the ARR at risk), descending; ties by
// detractor accounts, then comments, then theme id (deterministic); rank 1
// costs the most. kNpsImpact ranks by the points lost, -impact (the most
// negative impact first; a theme with NaN impact last).
//
// Quotes (texts given, quotes_per_theme > 0): per theme (and per segment
// when segments are given) up to quotes_per_theme verbatims:
//  - candidates: comments mentioning j with non-blank text of at most
//    max_quote_bytes bytes (after redaction) whose tone has the sign of the
//    theme's tone (any tone when the theme's is 0);
//  - typical: ranked by the cosine of the comment's TF-IDF vector to the
//    centroid of the theme's comments' normalized vectors (words: runs of
//    letters, digits and non-ASCII bytes, ASCII lowercased; tf = count,
//    idf = ln((1 + N) / (1 + df)) + 1 over the N comments with text, as
//    scikit-learn's TfidfVectorizer(smooth_idf=True)); ties by comment index;
//  - distinct: a candidate is skipped when the Jaccard similarity of its
//    word shingles (k consecutive words, k = min(3, its word count)) with an
//    already chosen quote is >= max_quote_similarity;
//  - redacted: every text passes through pii.hpp's RedactPii (default
//    options: emails, phones, cards, IBANs, URLs with secrets become
//    "[EMAIL]", "[PHONE]", ...) before anything else, so no quote carries
//    what it removes and the placeholders count as words.
//
// Errors: n = 0 is CANDOR_EMPTY; a null scores or accounts pointer, bad
// options, ARR without account_count, rank_by ARR without ARR, texts or
// sentiments of a length other than n are CANDOR_INVALID_ARGUMENT /
// CANDOR_LENGTH_MISMATCH; an account code outside [0, account_count) (or
// negative), a NaN / negative / infinite ARR of an account with comments, a
// non-finite sentiment, a negative segment code, a text that is not UTF-8
// are CANDOR_OUT_OF_RANGE naming the index. Everything drivers.hpp rejects
// (scores off the scale, a mean metric, fewer than two accounts...) is
// rejected with its status.
//
// Cost: drivers' O(n + mentions) per theme; the bootstrap
// O(replicates * (K + sum_a |themes at risk for a|)), parallel over
// replicates; quotes O(total words + mentions * words per comment).
#ifndef CANDOR_OUTER_LOOP_HPP_
#define CANDOR_OUTER_LOOP_HPP_

#include <candor/drivers.hpp>
#include <candor/progress.hpp>
#include <candor/score.hpp>
#include <candor/status.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace candor {

enum class OuterLoopRank {
  kArrAtRisk = 0,  // ARR of the detractor accounts mentioning the theme
  kNpsImpact = 1,  // drivers' impact (points the metric loses)
  kDetractorAccounts = 2,
  kComments = 3,
};

// Why an interval is not reported (NaN bounds); kNone: it is (or the
// statistic itself is absent: no ARR, no periods). Values are the C ABI's
// candor_outer_loop_no_interval.
enum class NoIntervalReason {
  kNone = 0,
  kNoDetractorAccount = 1,  // ARR: no detractor account mentions the theme
  kNoArrAtRisk = 2,         // ARR: its detractor accounts all have ARR 0
  kEveryAccountAtRisk = 3,  // ARR: every account at risk, all with one ARR
  kFewBootstrapValues = 4,  // ARR: the replicates' percentiles coincide
  kNoMentions = 5,          // impact: no comment mentions the theme
  kAllMention = 6,          // impact: every comment mentions it (NaN point)
  kMetricConstant = 7,      // impact: the metric values do not vary (SE 0)
  kShareAllOrNone = 8,      // share change: all or none in each period (SE 0)
};

// A sentence a user can read ("" for kNone), e.g. "no detractor account
// mentions this theme: nothing at risk to resample".
const char* NoIntervalReasonText(NoIntervalReason reason);

struct OuterLoopOptions {
  OuterLoopRank rank_by = OuterLoopRank::kArrAtRisk;
  int replicates = 2000;  // bootstrap by account, in [100, 1e6]
  uint64_t seed = 42;
  double level = 0.95;          // of every interval, in (0, 1)
  int threads = 0;              // 0: hardware concurrency
  int32_t earlier_period = -1;  // trend: as DriverOptions
  int32_t later_period = -1;
  double alpha = 0.05;                // trend: adjusted p <= alpha
  int quotes_per_theme = 3;           // in [0, 20]
  int max_quote_bytes = 280;          // >= 1
  double max_quote_similarity = 0.5;  // Jaccard of shingles, in (0, 1]
  // Told done of total = replicates of the ARR bootstrap (only when ARR is
  // given; the rest of the call is quick); false stops the call with
  // CANDOR_CANCELLED (candor/progress.hpp).
  Progress progress;

  Status Validate() const;
};

// Optional inputs (accounts are required); pointers are borrowed.
struct OuterLoopInputs {
  const int32_t* accounts = nullptr;                     // n codes in [0, account_count)
  const double* account_arr = nullptr;                   // account_count ARRs, or null
  size_t account_count = 0;                              // required with account_arr
  const int32_t* periods = nullptr;                      // n codes >= 0, or null
  const double* sentiments = nullptr;                    // n finite values, or null
  const std::vector<std::string_view>* texts = nullptr;  // n texts, or null
  const int32_t* segments = nullptr;  // n codes >= 0, or null (quotes by segment)
};

struct Quote {
  int64_t comment = 0;    // index of the comment
  int32_t segment = -1;   // -1 without segments
  std::string text;       // redacted
  double typicality = 0;  // cosine to the theme's (segment's) centroid
  double tone = 0;        // the comment's sentiment or metric value
};

struct ThemeCost {
  int32_t theme = 0;
  std::string name;
  int32_t rank = 0;  // 1 = costs the most
  int64_t comments = 0;
  int64_t detractor_comments = 0;
  int64_t accounts = 0;
  int64_t detractor_accounts = 0;
  double arr_at_risk = 0;  // NaN without ARR
  double arr_ci_low = 0;
  double arr_ci_high = 0;
  NoIntervalReason arr_no_interval = NoIntervalReason::kNone;
  Comparison impact;  // drivers' impact (difference)
  NoIntervalReason impact_no_interval = NoIntervalReason::kNone;
  bool has_trend = false;
  double share_change = 0;  // percentage points, later - earlier
  double share_change_ci_low = 0;
  double share_change_ci_high = 0;
  NoIntervalReason share_change_no_interval = NoIntervalReason::kNone;
  double trend_p_adjusted = 1;
  bool trending = false;
  double tone = 0;            // mean tone of its comments (NaN if none)
  std::vector<Quote> quotes;  // by segment, then typicality
};

struct OuterLoop {
  Estimate overall;                // the metric over every comment
  int64_t accounts = 0;            // K: accounts with a comment
  int64_t detractor_accounts = 0;  // accounts with a detractor comment
  double total_arr = 0;            // of the K accounts (NaN without ARR)
  int replicates = 0;
  std::vector<ThemeCost> themes;  // ranked, rank 1 first
};

Result<OuterLoop> RankThemesByCost(const Metric& metric, const double* scores, size_t n,
                                   const ThemeMentions& mentions,
                                   const std::vector<std::string>& names,
                                   const OuterLoopInputs& inputs, const OuterLoopOptions& options);

}  // namespace candor

#endif  // CANDOR_OUTER_LOOP_HPP_
