// ScoreAccumulator and the int8 kernels.
#include <gtest/gtest.h>

#include <candor/score.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "common/random.hpp"
#include "int8_kernel.hpp"

namespace candor {
namespace {

std::vector<int8_t> RandomInt8Scores(size_t n, int low, int high, uint64_t seed) {
  internal::RandomStream random(seed);
  std::vector<int8_t> scores(n);
  for (int8_t& s : scores)
    s = static_cast<int8_t>(low + static_cast<int>(random.Next() % (high - low + 1)));
  return scores;
}

std::vector<int64_t> NaiveCounts(const std::vector<int8_t>& scores, int low, int high) {
  std::vector<int64_t> counts(high - low + 1, 0);
  for (int8_t s : scores) ++counts[s - low];
  return counts;
}

TEST(Accumulator, MergeOfHalvesEqualsWhole) {
  internal::RandomStream random(11);
  std::vector<double> scores(1000), weights(1000);
  for (size_t i = 0; i < scores.size(); ++i) {
    scores[i] = static_cast<double>(random.Next() % 11);
    weights[i] = 0.25 * static_cast<double>(1 + random.Next() % 8);  // exact in binary
  }
  auto whole = ScoreAccumulator::Create(0, 10);
  auto first = ScoreAccumulator::Create(0, 10);
  auto second = ScoreAccumulator::Create(0, 10);
  ASSERT_TRUE(whole.ok() && first.ok() && second.ok());
  ASSERT_TRUE(whole->Add(scores.data(), weights.data(), 1000).ok());
  ASSERT_TRUE(first->Add(scores.data(), weights.data(), 500).ok());
  ASSERT_TRUE(second->Add(scores.data() + 500, weights.data() + 500, 500).ok());
  ASSERT_TRUE(first->Merge(*second).ok());
  EXPECT_EQ(first->counts(), whole->counts());
  EXPECT_EQ(first->weight_sums(), whole->weight_sums());
  EXPECT_EQ(first->weight_square_sums(), whole->weight_square_sums());
  EXPECT_TRUE(first->weighted());
  EXPECT_EQ(first->count(), 1000);
  // Estimates from the accumulator equal those from the responses.
  Result<Estimate> from_acc = EstimateAccumulated(Metric::Nps(), *first, IntervalOptions());
  Result<Estimate> direct =
      EstimateScores(Metric::Nps(), scores.data(), weights.data(), 1000, IntervalOptions());
  ASSERT_TRUE(from_acc.ok() && direct.ok());
  EXPECT_DOUBLE_EQ(from_acc->std_error, direct->std_error);
  EXPECT_DOUBLE_EQ(from_acc->value, direct->value);
}

TEST(Accumulator, MergeRejectsOtherScale) {
  auto a = ScoreAccumulator::Create(0, 10);
  auto b = ScoreAccumulator::Create(1, 5);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->Merge(*b).code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(ScoreAccumulator::Create(3, 3).status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(EstimateAccumulated(Metric::Nps(), *b, IntervalOptions()).status().code(),
            CANDOR_INVALID_ARGUMENT);
}

TEST(Accumulator, AddValidatesWholeBatchFirst) {
  auto acc = ScoreAccumulator::Create(0, 10);
  ASSERT_TRUE(acc.ok());
  const std::vector<double> scores = {9, 10, 11};
  Status status = acc->Add(scores.data(), nullptr, 3);
  EXPECT_EQ(status.code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(status.message().find("index 2"), std::string::npos);
  EXPECT_EQ(acc->count(), 0);
}

TEST(Accumulator, SerializeRoundTrip) {
  auto acc = ScoreAccumulator::Create(-2, 7);
  ASSERT_TRUE(acc.ok());
  const std::vector<double> scores = {-2, 0, 7, 7, 3}, weights = {0.1, 2, 3.5, 1e-3, 1};
  ASSERT_TRUE(acc->Add(scores.data(), weights.data(), scores.size()).ok());
  const std::string bytes = acc->Serialize();
  EXPECT_EQ(bytes.substr(0, 4), "CNDR");
  Result<ScoreAccumulator> back = ScoreAccumulator::Deserialize(bytes);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->scale_min(), -2);
  EXPECT_EQ(back->scale_max(), 7);
  EXPECT_EQ(back->counts(), acc->counts());
  EXPECT_EQ(back->weight_sums(), acc->weight_sums());
  EXPECT_EQ(back->weight_square_sums(), acc->weight_square_sums());
  EXPECT_EQ(back->weighted(), acc->weighted());
  EXPECT_EQ(back->Serialize(), bytes);
}

TEST(Accumulator, DeserializeRejectsBadBytes) {
  auto acc = ScoreAccumulator::Create(0, 10);
  ASSERT_TRUE(acc.ok());
  const std::vector<double> scores = {9, 3, 7};
  ASSERT_TRUE(acc->Add(scores.data(), nullptr, 3).ok());
  const std::string bytes = acc->Serialize();
  auto code = [](const std::string& b) { return ScoreAccumulator::Deserialize(b).status().code(); };
  EXPECT_EQ(code(""), CANDOR_PARSE_ERROR);
  EXPECT_EQ(code(bytes.substr(0, bytes.size() - 1)), CANDOR_PARSE_ERROR);
  EXPECT_EQ(code(bytes + "x"), CANDOR_PARSE_ERROR);
  std::string wrong_magic = bytes;
  wrong_magic[0] = 'X';
  EXPECT_EQ(code(wrong_magic), CANDOR_PARSE_ERROR);
  std::string wrong_version = bytes;
  wrong_version[4] = 2;
  EXPECT_EQ(code(wrong_version), CANDOR_PARSE_ERROR);
  EXPECT_NE(ScoreAccumulator::Deserialize(wrong_version).status().message().find("version"),
            std::string::npos);
  // Every single flipped bit anywhere is caught.
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::string garbled = bytes;
    garbled[i] = static_cast<char>(garbled[i] ^ 0x10);
    EXPECT_EQ(code(garbled), CANDOR_PARSE_ERROR) << "byte " << i;
  }
}

TEST(Int8, EqualsDoublePath) {
  const std::vector<int8_t> scores = RandomInt8Scores(100003, 0, 10, 21);
  const std::vector<double> as_double(scores.begin(), scores.end());
  for (IntervalMethod method :
       {IntervalMethod::kWald, IntervalMethod::kAdjustedWald, IntervalMethod::kBootstrap}) {
    IntervalOptions options;
    options.method = method;
    Result<Estimate> a = EstimateInt8(Metric::Nps(), scores.data(), scores.size(), options);
    Result<Estimate> b =
        EstimateScores(Metric::Nps(), as_double.data(), nullptr, as_double.size(), options);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(a->value, b->value);
    EXPECT_EQ(a->std_error, b->std_error);
    EXPECT_EQ(a->ci_low, b->ci_low);
    EXPECT_EQ(a->n, 100003);
  }
}

TEST(Int8, CountsMatchNaiveOnManyScales) {
  for (auto [low, high] : std::vector<std::pair<int, int>>{
           {0, 10}, {1, 5}, {1, 7}, {-3, 3}, {0, 1}, {-128, 127}, {100, 127}, {0, 15}, {0, 16}}) {
    const std::vector<int8_t> scores = RandomInt8Scores(70001, low, high, 3 + low);
    std::vector<int64_t> counts(high - low + 1, 0);
    ASSERT_TRUE(
        internal::CountInt8Scores(scores.data(), scores.size(), low, high, 2, counts.data()).ok());
    EXPECT_EQ(counts, NaiveCounts(scores, low, high)) << low << ".." << high;
  }
}

TEST(Int8, LargeInputIsThreadIndependentAndReportsFirstBadIndex) {
  std::vector<int8_t> scores = RandomInt8Scores(5000000, 0, 10, 8);
  std::vector<int64_t> one(11, 0), two(11, 0);
  ASSERT_TRUE(internal::CountInt8Scores(scores.data(), scores.size(), 0, 10, 1, one.data()).ok());
  ASSERT_TRUE(internal::CountInt8Scores(scores.data(), scores.size(), 0, 10, 2, two.data()).ok());
  EXPECT_EQ(one, two);
  EXPECT_EQ(one, NaiveCounts(scores, 0, 10));
  // Bad values in the second half (second thread) and later: the first wins.
  scores[4000001] = 11;
  scores[4500000] = -1;
  std::vector<int64_t> untouched(11, 0);
  Status status =
      internal::CountInt8Scores(scores.data(), scores.size(), 0, 10, 2, untouched.data());
  EXPECT_EQ(status.code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(status.message().find("index 4000001 (11)"), std::string::npos) << status.message();
  EXPECT_EQ(untouched, std::vector<int64_t>(11, 0));
  scores[17] = 12;  // in a vector block of the first chunk
  Result<Estimate> r = EstimateInt8(Metric::Nps(), scores.data(), scores.size(), IntervalOptions());
  EXPECT_NE(r.status().message().find("index 17 "), std::string::npos) << r.status().message();
}

TEST(Int8, AccumulatorAddInt8) {
  const std::vector<int8_t> scores = RandomInt8Scores(1000, 1, 5, 4);
  auto acc = ScoreAccumulator::Create(1, 5);
  ASSERT_TRUE(acc.ok());
  ASSERT_TRUE(acc->AddInt8(scores.data(), scores.size(), 1).ok());
  EXPECT_EQ(acc->counts(), NaiveCounts(scores, 1, 5));
  EXPECT_FALSE(acc->weighted());
  const int8_t bad[] = {1, 2, 0};
  EXPECT_EQ(acc->AddInt8(bad, 3).code(), CANDOR_OUT_OF_RANGE);
  EXPECT_EQ(acc->count(), 1000);
  EXPECT_EQ(EstimateInt8(Metric::Nps(), nullptr, 0, IntervalOptions()).status().code(),
            CANDOR_EMPTY);
  EXPECT_EQ(EstimateInt8(Metric::Nps(), nullptr, 5, IntervalOptions()).status().code(),
            CANDOR_INVALID_ARGUMENT);
}

TEST(Int8, SegmentKernelMatchesNaive) {
  const size_t n = 3000000;
  const std::vector<int8_t> scores = RandomInt8Scores(n, 0, 10, 31);
  internal::RandomStream random(32);
  std::vector<int32_t> codes(n);
  for (int32_t& c : codes) c = static_cast<int32_t>(random.Next() % 1000);
  std::vector<int64_t> expected(1000 * 11, 0);
  for (size_t i = 0; i < n; ++i) ++expected[codes[i] * 11 + scores[i]];
  for (int threads : {1, 2}) {
    std::vector<int64_t> counts(1000 * 11, 0);
    ASSERT_TRUE(internal::CountInt8ScoresBySegment(scores.data(), codes.data(), n, 0, 10, 1000,
                                                   threads, counts.data())
                    .ok());
    EXPECT_EQ(counts, expected);
  }
  codes[2500000] = 1000;
  std::vector<int64_t> counts(1000 * 11, 0);
  Status status = internal::CountInt8ScoresBySegment(scores.data(), codes.data(), n, 0, 10, 1000, 2,
                                                     counts.data());
  EXPECT_EQ(status.code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(status.message().find("index 2500000"), std::string::npos) << status.message();
}

}  // namespace
}  // namespace candor
