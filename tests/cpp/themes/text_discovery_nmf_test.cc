// NMF: NNDSVD against a numpy transcription of the paper (fixture), a planted
// factorization recovered, the loss never increasing and equal to the direct
// ||X - W H||^2, determinism across thread counts and seeds, bad input.
#include <candor/text_discovery.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "common/random.hpp"
#include "text_discovery_fixtures.hpp"

namespace candor::text {
namespace {

using testing::FixtureLines;
using testing::Numbers;
using testing::ToCsr;
using testing::ToDense;

double DirectLoss(const CsrMatrix& x, const NmfResult& f) {
  const std::vector<double> d = ToDense(x);
  double s = 0;
  for (int64_t i = 0; i < x.rows; ++i) {
    for (int64_t j = 0; j < x.cols; ++j) {
      double wh = 0;
      for (int32_t t = 0; t < f.k; ++t) wh += f.w[i * f.k + t] * f.h[t * x.cols + j];
      s += (d[i * x.cols + j] - wh) * (d[i * x.cols + j] - wh);
    }
  }
  return s;
}

// Rows of the fixture: x (12 x 9), then W, H for nndsvd, then for nndsvda.
struct NndsvdFixture {
  std::vector<double> x, w[2], h[2];
};

NndsvdFixture ReadNndsvd() {
  const std::vector<std::string> lines = FixtureLines("nndsvd.txt");
  NndsvdFixture f;
  size_t line = 0;
  auto take = [&](size_t rows, std::vector<double>* out) {
    for (size_t r = 0; r < rows; ++r) {
      const std::vector<double> v = Numbers(lines.at(line++));
      out->insert(out->end(), v.begin(), v.end());
    }
  };
  take(12, &f.x);
  for (int variant = 0; variant < 2; ++variant) {
    take(12, &f.w[variant]);
    take(4, &f.h[variant]);
  }
  return f;
}

TEST(TextDiscoveryNmf, NndsvdEqualsNumpyTranscriptionOfThePaper) {
  const NndsvdFixture f = ReadNndsvd();
  ASSERT_EQ(f.x.size(), 108u);
  const CsrMatrix x = ToCsr(f.x, 12, 9);
  const NmfInit inits[2] = {NmfInit::kNndsvd, NmfInit::kNndsvda};
  for (int variant = 0; variant < 2; ++variant) {
    NmfOptions o;
    o.init = inits[variant];
    o.svd = SvdMethod::kExact;
    o.max_iter = 0;
    auto fit = Nmf(x, 4, o);
    ASSERT_TRUE(fit.ok()) << fit.status().message();
    ASSERT_EQ(fit->w.size(), f.w[variant].size());
    for (size_t i = 0; i < fit->w.size(); ++i) EXPECT_NEAR(fit->w[i], f.w[variant][i], 1e-10) << i;
    for (size_t i = 0; i < fit->h.size(); ++i) EXPECT_NEAR(fit->h[i], f.h[variant][i], 1e-10) << i;
    EXPECT_EQ(fit->iterations, 0);
    EXPECT_NEAR(fit->loss[0], DirectLoss(x, *fit), 1e-10);
  }
}

TEST(TextDiscoveryNmf, RandomizedSvdStartIsCloseToExactOnALowRankMatrix) {
  // Rank 4 exactly: the randomized range finder captures it, so NNDSVD agrees.
  candor::internal::RandomStream rng(3);
  const int64_t n = 80, m = 60;
  std::vector<double> a(n * 4), b(4 * m), x(n * m, 0.0);
  for (double& v : a) v = rng.Uniform();
  for (double& v : b) v = rng.Uniform();
  for (int64_t i = 0; i < n; ++i)
    for (int64_t j = 0; j < m; ++j)
      for (int t = 0; t < 4; ++t) x[i * m + j] += a[i * 4 + t] * b[t * m + j];
  const CsrMatrix csr = ToCsr(x, n, m);
  NmfOptions exact, randomized;
  exact.svd = SvdMethod::kExact;
  randomized.svd = SvdMethod::kRandomized;
  exact.max_iter = randomized.max_iter = 0;
  exact.init = randomized.init = NmfInit::kNndsvd;
  auto e = Nmf(csr, 3, exact);
  auto r = Nmf(csr, 3, randomized);
  ASSERT_TRUE(e.ok() && r.ok());
  for (size_t i = 0; i < e->w.size(); ++i) EXPECT_NEAR(e->w[i], r->w[i], 1e-8);
  for (size_t i = 0; i < e->h.size(); ++i) EXPECT_NEAR(e->h[i], r->h[i], 1e-8);
}

// X = W0 H0 with 3 themes on disjoint words: NMF finds H0's rows (up to order
// and scale) and fits X exactly.
TEST(TextDiscoveryNmf, RecoversPlantedFactors) {
  candor::internal::RandomStream rng(11);
  const int64_t n = 90, m = 45;
  const int32_t k = 3;
  std::vector<double> w0(n * k, 0.0), h0(k * m, 0.0), x(n * m, 0.0);
  for (int64_t i = 0; i < n; ++i) {
    w0[i * k + i % k] = 0.5 + rng.Uniform();
    if (i % 5 == 0) w0[i * k + (i + 1) % k] = 0.3 * rng.Uniform();  // some mixed rows
  }
  for (int32_t t = 0; t < k; ++t)
    for (int64_t j = t * 15; j < (t + 1) * 15; ++j) h0[t * m + j] = 0.2 + rng.Uniform();
  for (int64_t i = 0; i < n; ++i)
    for (int64_t j = 0; j < m; ++j)
      for (int32_t t = 0; t < k; ++t) x[i * m + j] += w0[i * k + t] * h0[t * m + j];
  const CsrMatrix csr = ToCsr(x, n, m);
  NmfOptions o;
  o.max_iter = 2000;
  o.tol = 1e-12;
  auto fit = Nmf(csr, k, o);
  ASSERT_TRUE(fit.ok()) << fit.status().message();
  double x2 = 0;
  for (double v : x) x2 += v * v;
  EXPECT_LT(fit->loss.back() / x2, 1e-8);
  for (int32_t t = 0; t < k; ++t) {  // each planted row matches one found row
    double best = 0;
    for (int32_t s = 0; s < k; ++s) {
      double dot = 0, a = 0, b = 0;
      for (int64_t j = 0; j < m; ++j) {
        dot += h0[t * m + j] * fit->h[s * m + j];
        a += h0[t * m + j] * h0[t * m + j];
        b += fit->h[s * m + j] * fit->h[s * m + j];
      }
      best = std::max(best, dot / std::sqrt(a * b));
    }
    EXPECT_GT(best, 0.9999) << "planted theme " << t;
  }
}

CsrMatrix FixtureTfidf() {
  VocabularyOptions v;
  v.min_df = 2;
  v.bigrams = false;
  auto terms = BuildDocumentTerms(testing::FixtureDocuments(), v);
  auto x = Tfidf(terms->counts, {});
  return *x;
}

TEST(TextDiscoveryNmf, LossNeverIncreasesAndEqualsTheDirectResidual) {
  const CsrMatrix x = FixtureTfidf();
  for (NmfInit init : {NmfInit::kNndsvd, NmfInit::kNndsvda, NmfInit::kNndsvdar}) {
    NmfOptions o;
    o.init = init;
    o.max_iter = 60;
    o.tol = 0;
    auto fit = Nmf(x, 6, o);
    ASSERT_TRUE(fit.ok()) << fit.status().message();
    ASSERT_EQ(fit->loss.size(), 61u);
    for (size_t i = 1; i < fit->loss.size(); ++i) {
      EXPECT_LE(fit->loss[i], fit->loss[i - 1] * (1 + 1e-12)) << "iteration " << i;
    }
    EXPECT_LT(fit->loss.back(), fit->loss.front());
    EXPECT_NEAR(fit->loss.back(), DirectLoss(x, *fit), 1e-9 * fit->loss.back());
    for (double v : fit->w) ASSERT_GE(v, 0);
    for (double v : fit->h) ASSERT_GE(v, 0);
  }
}

// Above kNmfParallelWork both the start and the iterations really run on
// several threads (below kNmfTeamWork, on one): still bit-identical.
TEST(TextDiscoveryNmf, SameResultOnAnyThreadCountAboveTheParallelThreshold) {
  constexpr int64_t kRows = 6000, kCols = 1500, kPerRow = 35;
  constexpr int32_t kThemes = 40;
  candor::internal::RandomStream rng(17);
  CsrMatrix x;
  x.rows = kRows;
  x.cols = kCols;
  x.row_ptr.push_back(0);
  for (int64_t i = 0; i < kRows; ++i) {
    const int64_t first = static_cast<int64_t>(rng.Uniform() * (kCols - kPerRow));
    for (int64_t j = 0; j < kPerRow; ++j) {  // a band: sorted, distinct columns
      x.col.push_back(static_cast<int32_t>(first + j));
      x.value.push_back(rng.Uniform());
    }
    x.row_ptr.push_back(static_cast<int64_t>(x.col.size()));
  }
  ASSERT_GE(static_cast<double>(x.nnz()) * kThemes, kNmfParallelWork);
  NmfOptions o;
  o.max_iter = 4;
  o.threads = 1;
  auto one = Nmf(x, kThemes, o);
  ASSERT_TRUE(one.ok()) << one.status().message();
  o.threads = 2;
  auto two = Nmf(x, kThemes, o);
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(two->w, one->w);
  EXPECT_EQ(two->h, one->h);
  EXPECT_EQ(two->loss, one->loss);
  EXPECT_LT(one->loss.back(), one->loss.front());
}

TEST(TextDiscoveryNmf, SameResultOnAnyThreadCount) {
  const CsrMatrix x = FixtureTfidf();
  NmfOptions o;
  o.init = NmfInit::kNndsvdar;
  o.svd = SvdMethod::kRandomized;
  o.seed = 42;
  o.threads = 1;
  auto one = Nmf(x, 5, o);
  ASSERT_TRUE(one.ok());
  for (int32_t threads : {2, 3, 8}) {
    o.threads = threads;
    auto many = Nmf(x, 5, o);
    ASSERT_TRUE(many.ok());
    EXPECT_EQ(many->w, one->w) << threads << " threads";  // bit-identical
    EXPECT_EQ(many->h, one->h);
    EXPECT_EQ(many->loss, one->loss);
  }
  o.seed = 43;  // another seed, another (valid) start
  auto other = Nmf(x, 5, o);
  ASSERT_TRUE(other.ok());
  EXPECT_NE(other->loss.front(), one->loss.front());
}

TEST(TextDiscoveryNmf, BadInput) {
  const CsrMatrix x = ToCsr({1, 0, 2, 3, 0, 1}, 2, 3);
  EXPECT_EQ(Nmf(x, 0, {}).status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(Nmf(x, 3, {}).status().code(), CANDOR_INVALID_ARGUMENT);  // k > min(2, 3)
  EXPECT_EQ(Nmf(ToCsr({0, 0, 0, 0}, 2, 2), 1, {}).status().code(), CANDOR_EMPTY);
  EXPECT_EQ(Nmf(ToCsr({1, -1, 0, 1}, 2, 2), 1, {}).status().code(), CANDOR_INVALID_ARGUMENT);
  NmfOptions o;
  o.tol = -1;
  EXPECT_EQ(Nmf(x, 1, o).status().code(), CANDOR_INVALID_ARGUMENT);
  o = {};
  o.max_iter = -1;
  EXPECT_EQ(Nmf(x, 1, o).status().code(), CANDOR_INVALID_ARGUMENT);
  CsrMatrix empty;
  empty.row_ptr = {0};
  EXPECT_EQ(Nmf(empty, 1, {}).status().code(), CANDOR_INVALID_ARGUMENT);
}

}  // namespace
}  // namespace candor::text
