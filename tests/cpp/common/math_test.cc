// Numerical building blocks in lib/common against scipy and closed forms.
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <cstdint>
#include <new>
#include <set>
#include <vector>

#include "common/beta.hpp"
#include "common/normal.hpp"
#include "common/parallel.hpp"
#include "common/quadrature.hpp"
#include "common/random.hpp"

namespace candor::internal {
namespace {

// /usr/bin/python3 -c "from scipy import stats; print('%.17g' % stats.norm.ppf(p))"
// for each p (see the list; scipy uses Cephes ndtri, a different algorithm).
TEST(NormalQuantile, MatchesScipy) {
  const double cases[][2] = {
      {1e-300, -37.047096299361201},
      {1e-100, -21.273453560965322},
      {9.9999999999999995e-21, -9.2623400897984087},
      {1e-10, -6.3613409024040557},
      {1.0000000000000001e-05, -4.2648907939228247},
      {0.001, -3.0902323061678132},
      {0.024250000000000001, -1.9729610513118849},
      {0.074999999999999997, -1.4395314709384563},
      {0.10000000000000001, -1.2815515655446004},
      {0.29999999999999999, -0.52440051270804089},
      {0.5, 0},
      {0.69999999999999996, 0.52440051270804067},
      {0.91249999999999998, 1.3563117453352471},
      {0.97499999999999998, 1.959963984540054},
      {0.999, 3.0902323061678132},
      {0.99999999989999999, 6.3613408896974217},
  };
  for (const auto& c : cases) {
    EXPECT_NEAR(NormalQuantile(c[0]), c[1], 1e-12 * std::fabs(c[1]) + 1e-15) << "p = " << c[0];
  }
}

TEST(NormalQuantile, EdgesAndInverse) {
  EXPECT_EQ(NormalQuantile(0.0), -INFINITY);
  EXPECT_EQ(NormalQuantile(1.0), INFINITY);
  EXPECT_TRUE(std::isnan(NormalQuantile(-0.1)));
  EXPECT_TRUE(std::isnan(NormalQuantile(NAN)));
  // Round trip through the lower tail, where Phi keeps relative precision.
  for (double x = 0; x <= 30; x += 0.37) {
    EXPECT_NEAR(NormalQuantile(NormalCdf(-x)), -x, 1e-12 * (1 + x)) << x;
    EXPECT_NEAR(NormalQuantile(NormalSurvival(x)), -x, 1e-12 * (1 + x)) << x;
  }
  // Phi(1.959963984540054) = 0.975 (scipy above).
  EXPECT_NEAR(NormalCdf(1.959963984540054), 0.975, 1e-15);
  EXPECT_NEAR(TwoSidedPValue(1.959963984540054), 0.05, 1e-14);
}

// scipy.special.betainc(a, b, x), printed with %.17g; R's pbeta (TOMS 708)
// agrees to 1e-15 except for a = 1e4, b = 2e4, where scipy is off by 1.4e-11
// and the value is R's: Rscript -e 'print(pbeta(0.335, 10000, 20000), digits=17)'.
TEST(IncompleteBeta, MatchesScipy) {
  const double cases[][4] = {
      {0.5, 0.5, 0.3, 0.36901011956554541},
      {1, 2, 0.25, 0.4375},
      {2.5, 3.5, 0.6, 0.81968506586778389},
      {10, 20, 0.3, 0.36400408107194371},
      {0.1, 5, 0.01, 0.76908892078434599},
      {100, 200, 0.35, 0.73257146495753633},
      {10000.0, 20000.0, 0.335, 0.73013463424356995},
      {3, 0.2, 0.999, 0.66854148390108459},
  };
  for (const auto& c : cases) {
    EXPECT_NEAR(RegularizedIncompleteBeta(c[0], c[1], c[2]), c[3], 1e-12)
        << "a=" << c[0] << " b=" << c[1] << " x=" << c[2];
  }
  // Closed form: I_x(1, b) = 1 - (1 - x)^b.
  EXPECT_NEAR(RegularizedIncompleteBeta(1, 7, 0.2), 1 - std::pow(0.8, 7), 1e-15);
  EXPECT_EQ(RegularizedIncompleteBeta(2, 3, 0.0), 0.0);
  EXPECT_EQ(RegularizedIncompleteBeta(2, 3, 1.0), 1.0);
  EXPECT_TRUE(std::isnan(RegularizedIncompleteBeta(-1, 3, 0.5)));
}

// scipy.stats.beta.ppf(p, a, b), printed with %.17g.
TEST(BetaQuantile, MatchesScipy) {
  const double cases[][4] = {
      {0.5, 0.5, 0.025, 0.001541333133436012}, {2, 3, 0.5, 0.38572756813238951},
      {31, 31, 0.975, 0.62303202573687022},    {0.2, 10, 0.01, 6.7944317419373591e-12},
      {500, 20, 0.025, 0.94341949940723979},   {3, 0.2, 0.999, 0.99999999999999978},
  };
  for (const auto& c : cases) {
    EXPECT_NEAR(BetaQuantile(c[0], c[1], c[2]), c[3], 1e-10 * c[3] + 1e-14)
        << "a=" << c[0] << " b=" << c[1] << " p=" << c[2];
  }
}

// Extreme shapes, against the closed forms of Beta(1, B) (quantile
// 1 - (1 - p)^(1/B)) and Beta(B, 1) (quantile p^(1/B)). A fuzzed accumulator
// reached a = 2.5e158, b = 1: each quantile took seconds and came out as
// 6.2e-61; Beta(1, 1e17) gave a zero-width interval (lgamma cancellation).
// Near 1 only absolute accuracy exists; near 0 the relative error is checked.
TEST(BetaQuantile, ExtremeShapesMatchClosedForms) {
  for (double big : {1e6, 1e12, 1e13, 1e14, 1e17, 1e19, 1e25, 2.4733042061140377e158, 1e300}) {
    for (double p : {1e-10, 0.025, 0.5, 0.975, 1 - 1e-10}) {
      const double small_side = -std::expm1(std::log1p(-p) / big);
      EXPECT_NEAR(BetaQuantile(1, big, p), small_side, 1e-4 * small_side)
          << "Beta(1, " << big << ") p=" << p;
      const double large_side = std::exp(std::log(p) / big);
      EXPECT_NEAR(BetaQuantile(big, 1, p), large_side, 1e-14) << "Beta(" << big << ", 1) p=" << p;
    }
    // The interval of the mean's side holds its mean and has width when the
    // width is representable.
    const double low = BetaQuantile(1, big, 0.025);
    const double high = BetaQuantile(1, big, 0.975);
    EXPECT_LT(low, 1 / (1 + big));
    EXPECT_GT(high, 1 / (1 + big));
  }
}

// A small shape's low quantiles lie far below 1e-60: 200 halvings of [0, 1]
// stopped at 2^-200. Beta(s, b) near 0 has I_x ~ x^s (b x)^0 / (s B(s, b)),
// so for s = 0.001, b = 1 the quantile is p^(1/s) to first order.
TEST(BetaQuantile, FarBelowOneInTenToTheSixty) {
  const double q = BetaQuantile(0.001, 1, 0.5);  // Beta(s, 1): exactly p^(1/s)
  EXPECT_NEAR(q / std::pow(0.5, 1000), 1.0, 1e-9) << q;
  const double r = BetaQuantile(0.02, 5, 1e-3);  // about 1e-151
  EXPECT_GT(r, 0);
  EXPECT_LT(r, 1e-140);
  EXPECT_NEAR(RegularizedIncompleteBeta(0.02, 5, r) / 1e-3, 1.0, 1e-10) << r;
}

// log B(a, b) for one large argument: -log(b) for a = 1 (lgamma differences
// lost everything past b = 1e15), and lgamma(a) - a log(b) to O(a^2 / b).
TEST(LogBeta, LargeArgumentsWithoutCancellation) {
  for (double b : {1e3, 1e15, 1e17, 1e100, 1e300}) {
    EXPECT_NEAR(LogBetaFunction(1, b), -std::log(b), 1e-13 * std::log(b)) << b;
    EXPECT_NEAR(LogBetaFunction(b, 0.5), LogGamma(0.5) - 0.5 * std::log(b), 1e-12 + 1.0 / b) << b;
  }
  EXPECT_NEAR(LogBetaFunction(2.5, 3.5), std::log(0.036815538909255395), 1e-14);
}

TEST(Quadrature, ClosedForms) {
  // int_0^1 x^5 = 1/6; int_0^pi sin = 2; int_0^1 x^-1/2 = 2 (end singularity).
  EXPECT_NEAR(IntegrateAdaptive([](double x) { return std::pow(x, 5); }, 0, 1, 1e-14, 1e-13).value,
              1.0 / 6.0, 1e-14);
  EXPECT_NEAR(IntegrateAdaptive([](double x) { return std::sin(x); }, 0, 3.14159265358979323846,
                                1e-14, 1e-13)
                  .value,
              2.0, 1e-13);
  const QuadratureResult singular =
      IntegrateAdaptive([](double x) { return 1 / std::sqrt(x); }, 0, 1, 1e-10, 1e-10);
  EXPECT_NEAR(singular.value, 2.0, 1e-8);
  // A narrow peak: int of the N(0.3, 0.001^2) density over [0, 1] = 1.
  const QuadratureResult peak = IntegrateAdaptive(
      [](double x) {
        const double z = (x - 0.3) / 0.001;
        return std::exp(-0.5 * z * z) / (0.001 * std::sqrt(2 * 3.14159265358979323846));
      },
      0, 1, 1e-12, 1e-12);
  EXPECT_NEAR(peak.value, 1.0, 1e-9);
}

TEST(RandomStream, DeterministicAndDistinct) {
  RandomStream a(7), b(7), c(8);
  const uint64_t first = a.Next();
  EXPECT_EQ(first, b.Next());
  EXPECT_NE(first, c.Next());
  RandomStream r0 = RandomStream::ForReplicate(1, 0, 0);
  RandomStream r1 = RandomStream::ForReplicate(1, 0, 1);
  RandomStream s0 = RandomStream::ForReplicate(1, 1, 0);
  std::set<uint64_t> seen = {r0.Next(), r1.Next(), s0.Next()};
  EXPECT_EQ(seen.size(), 3u);
}

TEST(RandomStream, UniformMoments) {
  RandomStream random(123);
  const int draws = 1000000;
  double sum = 0, sum_squares = 0;
  for (int i = 0; i < draws; ++i) {
    const double u = random.Uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
    sum_squares += u * u;
  }
  // Mean 1/2 (SD of the mean 0.289/1000), E[U^2] = 1/3: 6-sigma bounds.
  EXPECT_NEAR(sum / draws, 0.5, 6 * 0.2887 / 1000);
  EXPECT_NEAR(sum_squares / draws, 1.0 / 3.0, 6 * 0.2981 / 1000);
}

// Poisson(mean): sample mean and variance of 400000 draws within 6 standard
// errors (CLT: SE of the mean sqrt(mu / N); SE of the sample variance
// sqrt((mu + 2 mu^2) / N), from the Poisson fourth central moment mu + 3mu^2).
// A mean near 2^63 (the fuzz target's bootstrap of absurd counts,
// fuzz/regressions/accumulator/poisson_mean_near_int64_max) drew a k past the
// int64 range and overflowed the conversion (UBSan); it saturates now.
TEST(RandomStream, PoissonOfAHugeMeanSaturates) {
  RandomStream stream(3);
  for (int i = 0; i < 1000; ++i) {
    const int64_t k = stream.Poisson(9.2233720368547e18);
    EXPECT_GT(k, int64_t{9000000000000000000});
  }
}

TEST(RandomStream, PoissonMoments) {
  for (double mean : {0.5, 5.0, 9.99, 10.0, 50.0, 5000.0, 1e8}) {
    RandomStream random(static_cast<uint64_t>(mean * 1000) + 17);
    const int draws = 400000;
    double sum = 0, sum_squares = 0;
    for (int i = 0; i < draws; ++i) {
      const double k = static_cast<double>(random.Poisson(mean));
      ASSERT_GE(k, 0.0);
      sum += k;
      sum_squares += k * k;
    }
    const double sample_mean = sum / draws;
    const double sample_variance = (sum_squares - draws * sample_mean * sample_mean) / (draws - 1);
    EXPECT_NEAR(sample_mean, mean, 6 * std::sqrt(mean / draws)) << "mean " << mean;
    EXPECT_NEAR(sample_variance, mean, 6 * std::sqrt((mean + 2 * mean * mean) / draws))
        << "mean " << mean;
  }
}

TEST(RandomStream, PoissonSmallMeanProbabilities) {
  // P(K = 0) = exp(-mean) for mean 5 (inversion) and 12 (PTRS): 6-sigma.
  for (double mean : {5.0, 12.0}) {
    RandomStream random(99);
    const int draws = 400000;
    int zeros_or_mode = 0;
    const int64_t mode = static_cast<int64_t>(mean);
    for (int i = 0; i < draws; ++i) zeros_or_mode += random.Poisson(mean) == mode;
    const double p = std::exp(-mean + mode * std::log(mean) - std::lgamma(mode + 1.0));
    EXPECT_NEAR(static_cast<double>(zeros_or_mode) / draws, p, 6 * std::sqrt(p * (1 - p) / draws));
  }
}

// Normal(): mean 0, variance 1, and P(Z <= x) against Phi at a few points,
// each within 6 standard errors of 400000 draws.
TEST(RandomStream, NormalMomentsAndCdf) {
  RandomStream random(2026);
  const int draws = 400000;
  const double points[] = {-2.5, -1.0, 0.0, 0.7, 1.96};
  int below[5] = {0, 0, 0, 0, 0};
  double sum = 0, sum_squares = 0;
  for (int i = 0; i < draws; ++i) {
    const double z = random.Normal();
    sum += z;
    sum_squares += z * z;
    for (int j = 0; j < 5; ++j) below[j] += z <= points[j];
  }
  EXPECT_NEAR(sum / draws, 0.0, 6 / std::sqrt(double{draws}));
  // Var(Z^2) = 2 for a standard normal.
  EXPECT_NEAR(sum_squares / draws, 1.0, 6 * std::sqrt(2.0 / draws));
  for (int j = 0; j < 5; ++j) {
    const double p = NormalCdf(points[j]);
    EXPECT_NEAR(static_cast<double>(below[j]) / draws, p, 6 * std::sqrt(p * (1 - p) / draws))
        << "x = " << points[j];
  }
}

TEST(Parallel, CoversRangeOnceInOrder) {
  for (int threads : {1, 2, 3, 8}) {
    std::vector<int> hits(1001, 0);
    std::vector<size_t> begins(16, 0), ends(16, 0);
    const size_t chunks =
        ParallelChunks(hits.size(), threads, [&](size_t chunk, size_t b, size_t e) {
          begins[chunk] = b;
          ends[chunk] = e;
          for (size_t i = b; i < e; ++i) ++hits[i];
        });
    EXPECT_EQ(chunks, static_cast<size_t>(threads));
    for (int h : hits) EXPECT_EQ(h, 1);
    for (size_t c = 1; c < chunks; ++c) EXPECT_EQ(begins[c], ends[c - 1]);
  }
  EXPECT_EQ(ChunkCount(3, 8), 3u);
  EXPECT_EQ(ChunkCount(0, 8), 1u);
  EXPECT_GE(ResolveThreadCount(0), 1);
}

TEST(Parallel, AWorkersExceptionReachesTheCaller) {
  // Out of memory on a worker thread used to end the process (an exception
  // escaping std::thread); now every chunk finishes and the caller gets it.
  for (size_t throwing_chunk : {size_t{0}, size_t{1}, size_t{3}}) {
    std::vector<int> done(4, 0);
    EXPECT_THROW(ParallelChunks(400, 4,
                                [&](size_t chunk, size_t, size_t) {
                                  done[chunk] = 1;
                                  if (chunk == throwing_chunk) throw std::bad_alloc();
                                }),
                 std::bad_alloc);
    for (int d : done) EXPECT_EQ(d, 1);
  }
}

TEST(Parallel, TeamMembersMeetAtEveryBarrier) {
  for (int threads : {1, 2, 4}) {
    // Each round, every member adds its contribution; after the barrier every
    // member must see all of them (a missing wait would let one run ahead).
    constexpr int kRounds = 200;
    std::atomic<int> sum{0};
    std::atomic<int> wrong{0};
    std::atomic<int> seen_members{0};
    const int size = RunTeam(threads, [&](int member, Barrier& barrier) {
      seen_members.fetch_add(1 << member);
      for (int round = 1; round <= kRounds; ++round) {
        sum.fetch_add(1);
        barrier.Wait();
        if (sum.load() != round * threads) wrong.fetch_add(1);
        barrier.Wait();
      }
    });
    EXPECT_EQ(size, threads);
    EXPECT_EQ(seen_members.load(), (1 << threads) - 1);
    EXPECT_EQ(sum.load(), kRounds * threads);
    EXPECT_EQ(wrong.load(), 0) << threads << " threads";
  }
}

}  // namespace
}  // namespace candor::internal
