// The outer loop: counts, ARR at risk and ranks against a hand count; the
// impact and trend equal drivers'; the bootstrap by account is seeded,
// independent of the thread count, covers the point and agrees with a
// closed-form variance of the resampled total; quotes are typical, distinct,
// tone-matched, short and by segment; bad input. The pandas / numpy
// cross-checks are in tests/python/test_outer_loop.py.
#include <gtest/gtest.h>

#include <candor/outer_loop.hpp>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "arr_bootstrap.hpp"
#include "quotes.hpp"

namespace candor {
namespace {

ThemeMentions Mentions(const std::vector<std::vector<int32_t>>& rows, size_t themes) {
  std::vector<int64_t> offsets{0};
  std::vector<int32_t> ids;
  for (const auto& row : rows) {
    ids.insert(ids.end(), row.begin(), row.end());
    offsets.push_back(static_cast<int64_t>(ids.size()));
  }
  return ThemeMentions::FromCsr(offsets.data(), ids.data(), rows.size(), themes).value();
}

// 8 comments, 4 accounts (ARR 100, 200, 400, 800), themes price (0),
// support (1), ui (2).
struct Small {
  std::vector<double> scores{2, 9, 5, 10, 6, 8, 3, 10};
  std::vector<int32_t> accounts{0, 0, 1, 1, 2, 2, 3, 3};
  std::vector<double> arr{100, 200, 400, 800};
  std::vector<std::vector<int32_t>> themes{{0}, {2}, {0, 1}, {2}, {1}, {1}, {0}, {}};
  std::vector<std::string> names{"price", "support", "ui"};
  OuterLoopInputs Inputs() const {
    OuterLoopInputs in;
    in.accounts = accounts.data();
    in.account_arr = arr.data();
    in.account_count = arr.size();
    return in;
  }
};

const ThemeCost& ByName(const OuterLoop& r, const std::string& name) {
  for (const auto& t : r.themes) {
    if (t.name == name) return t;
  }
  ADD_FAILURE() << "no theme " << name;
  return r.themes.front();
}

TEST(OuterLoopTest, CountsArrAndRankByHand) {
  Small s;
  auto r = RankThemesByCost(Metric::Nps(), s.scores.data(), s.scores.size(), Mentions(s.themes, 3),
                            s.names, s.Inputs(), OuterLoopOptions());
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->accounts, 4);
  EXPECT_EQ(r->detractor_accounts, 4);
  EXPECT_DOUBLE_EQ(r->total_arr, 1500);
  // price: detractor comments 0 (acct 0), 2 (acct 1), 6 (acct 3) -> 100+200+800.
  const ThemeCost& price = ByName(*r, "price");
  EXPECT_EQ(price.comments, 3);
  EXPECT_EQ(price.detractor_comments, 3);
  EXPECT_EQ(price.accounts, 3);
  EXPECT_EQ(price.detractor_accounts, 3);
  EXPECT_DOUBLE_EQ(price.arr_at_risk, 1100);
  // support: comments 2 (acct 1, detractor), 4 (acct 2, detractor), 5 (acct 2, passive).
  const ThemeCost& support = ByName(*r, "support");
  EXPECT_EQ(support.comments, 3);
  EXPECT_EQ(support.detractor_comments, 2);
  EXPECT_EQ(support.accounts, 2);
  EXPECT_EQ(support.detractor_accounts, 2);
  EXPECT_DOUBLE_EQ(support.arr_at_risk, 600);
  const ThemeCost& ui = ByName(*r, "ui");
  EXPECT_EQ(ui.detractor_accounts, 0);
  EXPECT_DOUBLE_EQ(ui.arr_at_risk, 0);  // a true point value, but no interval of zero width
  EXPECT_TRUE(std::isnan(ui.arr_ci_low));
  EXPECT_TRUE(std::isnan(ui.arr_ci_high));
  EXPECT_EQ(ui.arr_no_interval, NoIntervalReason::kNoDetractorAccount);
  EXPECT_EQ(price.arr_no_interval, NoIntervalReason::kNone);
  EXPECT_LT(price.arr_ci_low, price.arr_ci_high);
  ASSERT_EQ(r->themes.size(), 3u);
  EXPECT_EQ(r->themes[0].name, "price");
  EXPECT_EQ(r->themes[0].rank, 1);
  EXPECT_EQ(r->themes[1].name, "support");
  EXPECT_EQ(r->themes[2].name, "ui");
  EXPECT_EQ(r->themes[2].rank, 3);
  // Tone without sentiments: mean NPS value (-1, 0, +1) of the comments.
  EXPECT_DOUBLE_EQ(price.tone, -1);
  EXPECT_DOUBLE_EQ(ui.tone, 1);
  EXPECT_DOUBLE_EQ(support.tone, -2.0 / 3);
  // Impact: drivers' with accounts as clusters.
  DriverInputs din;
  din.accounts = s.accounts.data();
  DriverOptions dopt;
  dopt.fit_key_drivers = false;
  auto d = EstimateThemeDrivers(Metric::Nps(), s.scores.data(), s.scores.size(),
                                Mentions(s.themes, 3), s.names, din, IntervalOptions(), dopt);
  ASSERT_TRUE(d.ok());
  EXPECT_DOUBLE_EQ(price.impact.difference, d->themes[0].impact.difference);
  EXPECT_DOUBLE_EQ(price.impact.std_error, d->themes[0].impact.std_error);
  EXPECT_GT(price.impact.std_error, 0);
}

TEST(OuterLoopTest, RankByOtherCostsTiesDeterministic) {
  Small s;
  OuterLoopOptions o;
  o.rank_by = OuterLoopRank::kComments;  // price 3, support 3 (tie: detractor accounts 3 > 2), ui 2
  auto r = RankThemesByCost(Metric::Nps(), s.scores.data(), s.scores.size(), Mentions(s.themes, 3),
                            s.names, s.Inputs(), o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->themes[0].name, "price");
  EXPECT_EQ(r->themes[1].name, "support");
  o.rank_by = OuterLoopRank::kNpsImpact;
  OuterLoopInputs no_arr = s.Inputs();
  no_arr.account_arr = nullptr;
  r = RankThemesByCost(Metric::Nps(), s.scores.data(), s.scores.size(), Mentions(s.themes, 3),
                       s.names, no_arr, o);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(std::isnan(r->themes[0].arr_at_risk));
  EXPECT_EQ(r->themes[0].name, "price");  // NPS -100 among its comments: the largest loss
  EXPECT_LT(r->themes[0].impact.difference, 0);
  for (size_t i = 1; i < r->themes.size(); ++i) {
    EXPECT_LE(r->themes[i - 1].impact.difference, r->themes[i].impact.difference);
  }
}

// Every interval that would have zero width although n > 0 is NaN with a
// reason, and the point stays: a theme in no comment (impact 0, SE 0), in
// every comment, at risk for every account with one ARR, at risk only for
// accounts with ARR 0, and in every or no comment of each period.
TEST(OuterLoopTest, ZeroWidthIntervalsAreNotReported) {
  // 6 comments of 3 accounts (2 per account, the first a detractor), two
  // periods; themes: all (0, every comment), none (1), zero_arr (2: account
  // 2 only, ARR 0), split (3: every comment of period 1, none of period 0),
  // mixed (4: a theme with real intervals).
  std::vector<double> scores{2, 9, 3, 10, 1, 8};
  std::vector<int32_t> accounts{0, 0, 1, 1, 2, 2};
  std::vector<int32_t> periods{0, 1, 0, 1, 0, 1};
  std::vector<double> arr{500, 500, 0};
  std::vector<std::vector<int32_t>> rows{{0, 4}, {0, 3}, {0}, {0, 3, 4}, {0, 2}, {0, 3, 4}};
  std::vector<std::string> names{"all", "none", "zero_arr", "split", "mixed"};
  OuterLoopInputs in;
  in.accounts = accounts.data();
  in.account_arr = arr.data();
  in.account_count = arr.size();
  in.periods = periods.data();
  auto r = RankThemesByCost(Metric::Nps(), scores.data(), scores.size(), Mentions(rows, 5), names,
                            in, OuterLoopOptions());
  ASSERT_TRUE(r.ok()) << r.status().message();
  const ThemeCost& all = ByName(*r, "all");
  EXPECT_DOUBLE_EQ(all.arr_at_risk, 1000);
  // Accounts 0 and 1 (ARR 500) and 2 (ARR 0) are at risk: not one ARR, so
  // the resampled total varies and the bootstrap has width.
  EXPECT_LT(all.arr_ci_low, all.arr_ci_high);
  EXPECT_EQ(all.arr_no_interval, NoIntervalReason::kNone);
  EXPECT_EQ(all.impact_no_interval, NoIntervalReason::kAllMention);
  EXPECT_TRUE(std::isnan(all.impact.ci_low) && std::isnan(all.impact.ci_high));
  EXPECT_EQ(all.share_change_no_interval, NoIntervalReason::kShareAllOrNone);
  EXPECT_DOUBLE_EQ(all.share_change, 0);
  EXPECT_TRUE(std::isnan(all.share_change_ci_low) && std::isnan(all.share_change_ci_high));
  const ThemeCost& none = ByName(*r, "none");
  EXPECT_EQ(none.comments, 0);
  EXPECT_DOUBLE_EQ(none.arr_at_risk, 0);
  EXPECT_EQ(none.arr_no_interval, NoIntervalReason::kNoDetractorAccount);
  EXPECT_DOUBLE_EQ(none.impact.difference, 0);
  EXPECT_EQ(none.impact_no_interval, NoIntervalReason::kNoMentions);
  EXPECT_TRUE(std::isnan(none.impact.ci_low) && std::isnan(none.impact.ci_high));
  EXPECT_EQ(none.share_change_no_interval, NoIntervalReason::kShareAllOrNone);
  const ThemeCost& zero = ByName(*r, "zero_arr");
  EXPECT_EQ(zero.detractor_accounts, 1);
  EXPECT_DOUBLE_EQ(zero.arr_at_risk, 0);
  EXPECT_EQ(zero.arr_no_interval, NoIntervalReason::kNoArrAtRisk);
  EXPECT_TRUE(std::isnan(zero.arr_ci_low) && std::isnan(zero.arr_ci_high));
  const ThemeCost& split = ByName(*r, "split");
  EXPECT_DOUBLE_EQ(split.share_change, 100);
  EXPECT_EQ(split.share_change_no_interval, NoIntervalReason::kShareAllOrNone);
  EXPECT_TRUE(std::isnan(split.share_change_ci_low));
  const ThemeCost& mixed = ByName(*r, "mixed");
  EXPECT_EQ(mixed.impact_no_interval, NoIntervalReason::kNone);
  EXPECT_LT(mixed.impact.ci_low, mixed.impact.ci_high);
  EXPECT_EQ(mixed.share_change_no_interval, NoIntervalReason::kNone);
  EXPECT_LT(mixed.share_change_ci_low, mixed.share_change_ci_high);
  // Every account at risk with one ARR: the total cannot vary.
  arr = {300, 300, 300};
  r = RankThemesByCost(Metric::Nps(), scores.data(), scores.size(), Mentions(rows, 5), names, in,
                       OuterLoopOptions());
  ASSERT_TRUE(r.ok());
  EXPECT_DOUBLE_EQ(ByName(*r, "all").arr_at_risk, 900);
  EXPECT_EQ(ByName(*r, "all").arr_no_interval, NoIntervalReason::kEveryAccountAtRisk);
  EXPECT_TRUE(std::isnan(ByName(*r, "all").arr_ci_high));
  EXPECT_EQ(std::string(NoIntervalReasonText(NoIntervalReason::kNoDetractorAccount)),
            "no detractor account mentions this theme: nothing at risk to resample");
  EXPECT_EQ(std::string(NoIntervalReasonText(NoIntervalReason::kNone)), "");
  // Only the NPS metric constant: every comment a detractor.
  std::vector<double> low(6, 1);
  r = RankThemesByCost(Metric::Nps(), low.data(), low.size(), Mentions(rows, 5), names, in,
                       OuterLoopOptions());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(ByName(*r, "mixed").impact_no_interval, NoIntervalReason::kMetricConstant);
  EXPECT_DOUBLE_EQ(ByName(*r, "mixed").impact.difference, 0);
  EXPECT_TRUE(std::isnan(ByName(*r, "mixed").impact.ci_low));
}

// Accounts with random ARR and at-risk flags: the bootstrap is seeded,
// thread-count independent, covers the point, has width > 0, and its spread
// matches the closed form of a resampled total's SD: sqrt(K) * sd(ARR_a x_a)
// (population SD), so the 95% width is about 2 * 1.96 of it.
TEST(OuterLoopTest, BootstrapByAccount) {
  std::mt19937_64 rng(7);
  const int k = 400;
  internal::AccountsAtRisk a;
  std::vector<double> values;
  for (int i = 0; i < k; ++i) {
    const double arr = std::uniform_real_distribution<double>(1000, 50000)(rng);
    const bool risk = std::bernoulli_distribution(0.3)(rng);
    a.arr.push_back(arr);
    if (risk) a.themes.push_back(0);
    a.offsets.push_back(static_cast<int64_t>(a.themes.size()));
    values.push_back(risk ? arr : 0);
  }
  double mean = 0, total = 0;
  for (double v : values) mean += v / k, total += v;
  double var = 0;
  for (double v : values) var += (v - mean) * (v - mean) / k;
  const double sd = std::sqrt(k * var);
  auto one = internal::BootstrapArrAtRisk(a, 1, 4000, 42, 0.95, 1);
  auto two = internal::BootstrapArrAtRisk(a, 1, 4000, 42, 0.95, 2);
  EXPECT_EQ(one[0].low, two[0].low);
  EXPECT_EQ(one[0].high, two[0].high);
  EXPECT_LT(one[0].low, total);
  EXPECT_GT(one[0].high, total);
  EXPECT_NEAR(one[0].high - one[0].low, 2 * 1.959964 * sd, 0.08 * 2 * 1.959964 * sd);
  auto other_seed = internal::BootstrapArrAtRisk(a, 1, 4000, 43, 0.95, 1);
  EXPECT_NE(one[0].low, other_seed[0].low);
}

TEST(OuterLoopTest, BootstrapQuantileIsNumpyLinear) {
  std::vector<double> v{1, 2, 4, 8};
  EXPECT_DOUBLE_EQ(internal::BootstrapQuantile(v, 0.5), 3);        // np.quantile -> 3.0
  EXPECT_DOUBLE_EQ(internal::BootstrapQuantile(v, 0.025), 1.075);  // 1 + 0.075 * 1
  EXPECT_DOUBLE_EQ(internal::BootstrapQuantile(v, 1), 8);
}

TEST(OuterLoopQuotesTest, TypicalDistinctToneMatchedShort) {
  std::vector<double> scores{2, 3, 1, 4, 10, 0, 5};
  std::vector<int32_t> accounts{0, 1, 2, 3, 4, 5, 6};
  std::vector<std::string_view> texts{
      "the price is too high for what we get",
      "the price is too high for what we get!",  // near-duplicate of 0
      "price went up again and the invoice was wrong",
      "too high a price, we may leave",
      "the price is fair and the value great",  // promoter: tone does not match
      std::string_view("price price price price price price price price price price"),  // long
      "   "};
  std::vector<std::vector<int32_t>> themes{{0}, {0}, {0}, {0}, {0}, {0}, {0}};
  OuterLoopInputs in;
  in.accounts = accounts.data();
  in.texts = &texts;
  OuterLoopOptions o;
  o.rank_by = OuterLoopRank::kComments;
  o.quotes_per_theme = 5;
  o.max_quote_bytes = 50;
  auto r =
      RankThemesByCost(Metric::Nps(), scores.data(), scores.size(), Mentions(themes, 1), {}, in, o);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const auto& quotes = r->themes[0].quotes;
  std::vector<int64_t> chosen;
  for (const auto& q : quotes) chosen.push_back(q.comment);
  // 0 and 1 are near-duplicates (one kept), 4 is positive, 5 is too long, 6 blank.
  ASSERT_EQ(quotes.size(), 3u);
  EXPECT_EQ(
      std::count(chosen.begin(), chosen.end(), 0) + std::count(chosen.begin(), chosen.end(), 1), 1);
  EXPECT_EQ(std::count(chosen.begin(), chosen.end(), 4), 0);
  EXPECT_EQ(std::count(chosen.begin(), chosen.end(), 5), 0);
  for (size_t i = 1; i < quotes.size(); ++i) {
    EXPECT_GE(quotes[i - 1].typicality, quotes[i].typicality);
  }
  for (const auto& q : quotes) EXPECT_LT(q.tone, 0);
  EXPECT_EQ(quotes[0].segment, -1);
}

TEST(OuterLoopQuotesTest, BySegment) {
  std::vector<double> scores{2, 3, 1, 4};
  std::vector<int32_t> accounts{0, 1, 2, 3};
  std::vector<int32_t> segments{1, 0, 1, 0};
  std::vector<std::string_view> texts{"slow support", "support never answers", "slow again",
                                      "no answer from support"};
  OuterLoopInputs in;
  in.accounts = accounts.data();
  in.texts = &texts;
  in.segments = segments.data();
  OuterLoopOptions o;
  o.rank_by = OuterLoopRank::kComments;
  o.quotes_per_theme = 1;
  auto r = RankThemesByCost(Metric::Nps(), scores.data(), 4, Mentions({{0}, {0}, {0}, {0}}, 1),
                            {"support"}, in, o);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->themes[0].quotes.size(), 2u);
  EXPECT_EQ(r->themes[0].quotes[0].segment, 0);
  EXPECT_EQ(r->themes[0].quotes[1].segment, 1);
}

TEST(OuterLoopQuotesTest, WordsShinglesJaccard) {
  auto words = internal::QuoteWords("Hello, WORLD! it's été");
  ASSERT_EQ(words.size(), 5u);
  EXPECT_EQ(words[0], "hello");
  EXPECT_EQ(words[1], "world");
  EXPECT_EQ(words[4], "été");
  auto a = internal::Shingles({"a", "b", "c", "d"});
  auto b = internal::Shingles({"a", "b", "c", "e"});
  EXPECT_EQ(a.size(), 2u);
  EXPECT_DOUBLE_EQ(internal::Jaccard(a, b), 1.0 / 3);
  EXPECT_DOUBLE_EQ(internal::Jaccard(a, a), 1.0);
}

TEST(OuterLoopTest, BadInput) {
  Small s;
  auto mentions = Mentions(s.themes, 3);
  auto run = [&](const OuterLoopInputs& in, const OuterLoopOptions& o) {
    return RankThemesByCost(Metric::Nps(), s.scores.data(), s.scores.size(), mentions, s.names, in,
                            o)
        .status();
  };
  OuterLoopOptions o;
  OuterLoopInputs in = s.Inputs();
  in.accounts = nullptr;
  EXPECT_EQ(run(in, o).code(), CANDOR_INVALID_ARGUMENT);
  in = s.Inputs();
  in.account_count = 3;  // account 3 has no ARR
  Status st = run(in, o);
  EXPECT_EQ(st.code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(st.message().find("accounts[6]"), std::string::npos) << st.message();
  std::vector<double> bad_arr{100, NAN, 1, 1};
  in = s.Inputs();
  in.account_arr = bad_arr.data();
  st = run(in, o);
  EXPECT_EQ(st.code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(st.message().find("account_arr[1]"), std::string::npos) << st.message();
  in = s.Inputs();
  in.account_arr = nullptr;
  EXPECT_EQ(run(in, o).code(), CANDOR_INVALID_ARGUMENT);  // rank by ARR without ARR
  in = s.Inputs();
  std::vector<std::string_view> short_texts{"a"};
  in.texts = &short_texts;
  EXPECT_EQ(run(in, o).code(), CANDOR_LENGTH_MISMATCH);
  std::vector<std::string_view> texts(8, "fine");
  texts[3] = "\xff";
  in.texts = &texts;
  st = run(in, o);
  EXPECT_EQ(st.code(), CANDOR_INVALID_UTF8);
  EXPECT_NE(st.message().find("texts[3]"), std::string::npos);
  in = s.Inputs();
  o.replicates = 5;
  EXPECT_EQ(run(in, o).code(), CANDOR_INVALID_ARGUMENT);
  o = OuterLoopOptions();
  o.max_quote_similarity = 0;
  EXPECT_EQ(run(in, o).code(), CANDOR_INVALID_ARGUMENT);
  o = OuterLoopOptions();
  std::vector<double> off_scale = s.scores;
  off_scale[0] = 11;
  EXPECT_EQ(RankThemesByCost(Metric::Nps(), off_scale.data(), 8, mentions, s.names, in, o)
                .status()
                .code(),
            CANDOR_OUT_OF_RANGE);
  EXPECT_EQ(RankThemesByCost(Metric::Nps(), s.scores.data(), 0, Mentions({}, 3), s.names, in, o)
                .status()
                .code(),
            CANDOR_EMPTY);
}

}  // namespace
}  // namespace candor

namespace candor {
namespace {

TEST(OuterLoopQuotesTest, QuotesAreRedacted) {
  std::vector<double> scores{2, 3};
  std::vector<int32_t> accounts{0, 1};
  std::vector<std::string_view> texts{
      "billing is wrong, write to jane.doe@example.com or call +44 20 7946 0958",
      "charged twice on card 4111 1111 1111 1111"};
  OuterLoopInputs in;
  in.accounts = accounts.data();
  in.texts = &texts;
  OuterLoopOptions o;
  o.rank_by = OuterLoopRank::kComments;
  auto r = RankThemesByCost(Metric::Nps(), scores.data(), 2, Mentions({{0}, {0}}, 1), {"billing"},
                            in, o);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->themes[0].quotes.size(), 2u);
  std::string all;
  for (const auto& q : r->themes[0].quotes) all += q.text + "\n";
  EXPECT_EQ(all.find("jane.doe"), std::string::npos) << all;
  EXPECT_EQ(all.find("7946"), std::string::npos) << all;
  EXPECT_EQ(all.find("4111"), std::string::npos) << all;
  EXPECT_NE(all.find("[EMAIL]"), std::string::npos) << all;
  EXPECT_NE(all.find("[PHONE]"), std::string::npos) << all;
  EXPECT_NE(all.find("[CARD]"), std::string::npos) << all;
}

}  // namespace
}  // namespace candor
