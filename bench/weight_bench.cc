// bench/weight_bench.cc — how fast candor weights and estimates under a
// design, next to R's survey package and statsmodels on the same data
// (bench/peers_weight.R, bench/peers_weight.py; bench/run_weight.sh runs all
// three and prints them side by side).
//
// This program generates the seeded data once, writes it as little-endian
// binary columns under --out_dir (R and Python read those bytes, so all sides
// see identical data; a manifest with column checksums lets them prove it),
// times candor and writes its timings and results (raked weights, design
// estimates, logistic coefficients) for the peers to compare against.
//
// The calls are seconds long, so timing is plain wall and CPU clocks around
// each call, medians of --reps runs (Google Benchmark adds nothing here).
// Flags: --rows=N (1000000) --accounts=K (20000) --covariates=P (20)
//   --seed=S (20240601) --reps=R (7) --out_dir=DIR (bench/out/weight)
#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <string>
#include <vector>

#include <candor/design.hpp>
#include <candor/score.hpp>
#include <candor/weight.hpp>

#include "bench_flags.hpp"
#include "splitmix64.hpp"

namespace candor_bench {
namespace {

using candor::bench::SplitMix64;

struct Flags {
  size_t rows = 1'000'000;
  int32_t accounts = 20'000;
  int covariates = 20;
  uint64_t seed = 20240601;
  int reps = 7;
  std::string out_dir = "bench/out/weight";
};

Flags ParseFlags(int argc, char** argv) {
  using candor::bench::Flag;
  Flags flags;
  candor::bench::TakeFlags(&argc, argv,
                           {Flag("rows", &flags.rows), Flag("accounts", &flags.accounts),
                            Flag("covariates", &flags.covariates), Flag("seed", &flags.seed),
                            Flag("reps", &flags.reps), Flag("out_dir", &flags.out_dir)});
  if (argc > 1) {
    std::fprintf(stderr, "unknown flag %s\n", argv[1]);
    std::exit(2);
  }
  if (flags.rows < 1000 || flags.accounts < 2 || flags.covariates < 1 || flags.reps < 1) {
    std::fprintf(stderr, "need --rows >= 1000, --accounts >= 2, --covariates >= 1, --reps >= 1\n");
    std::exit(2);
  }
  return flags;
}

// Counter-based SplitMix64 (bench/splitmix64.hpp): value i of stream k
// does not depend on how many values were drawn before it.
double Uniform(uint64_t seed, uint64_t stream, uint64_t i) {
  const uint64_t bits = SplitMix64(seed ^ SplitMix64(stream * 0x100000001B3ULL + i));
  return static_cast<double>(bits >> 11) * 0x1.0p-53;  // [0, 1)
}
// Standard normal by Box-Muller from two streams.
double Normal(uint64_t seed, uint64_t stream, uint64_t i) {
  const double u1 = 1.0 - Uniform(seed, stream, i);  // (0, 1]
  const double u2 = Uniform(seed, stream + 1, i);
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}
int32_t Draw(double u, const std::vector<double>& probabilities) {
  double cumulative = 0;
  for (size_t k = 0; k + 1 < probabilities.size(); ++k) {
    cumulative += probabilities[k];
    if (u < cumulative) return static_cast<int32_t>(k);
  }
  return static_cast<int32_t>(probabilities.size() - 1);
}

struct Data {
  // Raking: three correlated categorical margins and base weights.
  std::vector<int32_t> a, b, c;
  std::vector<double> w0;
  std::vector<double> pop_a, pop_b, pop_c;
  // Design: NPS scores 0..10 correlated within accounts, weights, accounts.
  std::vector<double> score, w;
  std::vector<int32_t> account;
  // IPW: covariates column-major (column j at x[j * n]) and response flags.
  std::vector<double> x;
  std::vector<uint8_t> responded;
};

Data Generate(const Flags& flags) {
  const size_t n = flags.rows;
  const uint64_t s = flags.seed;
  Data d;
  d.a.resize(n);
  d.b.resize(n);
  d.c.resize(n);
  d.w0.resize(n);
  d.score.resize(n);
  d.w.resize(n);
  d.account.resize(n);
  for (size_t i = 0; i < n; ++i) {
    d.a[i] = Draw(Uniform(s, 1, i), {0.4, 0.3, 0.2, 0.1});
    d.b[i] = (d.a[i] + Draw(Uniform(s, 2, i), {0.5, 0.2, 0.1, 0.1, 0.1})) % 5;
    d.c[i] = Uniform(s, 3, i) < 0.5 ? (2 * d.b[i] + static_cast<int32_t>(3 * Uniform(s, 4, i))) % 10
                                    : static_cast<int32_t>(10 * Uniform(s, 5, i));
    d.w0[i] = 0.5 + 1.5 * Uniform(s, 6, i);
    d.account[i] = static_cast<int32_t>(flags.accounts * Uniform(s, 7, i));
    // Half of each account's responses repeat its typical score.
    const int32_t typical = static_cast<int32_t>(11 * Uniform(s, 8, d.account[i]));
    d.score[i] = Uniform(s, 9, i) < 0.5 ? typical : static_cast<int32_t>(11 * Uniform(s, 10, i));
    d.w[i] = 0.25 + 3.0 * Uniform(s, 11, i);
  }
  const double population = 5'000'000;
  for (int l = 0; l < 4; ++l) d.pop_a.push_back(population * 0.25);
  for (double share : {0.1, 0.15, 0.2, 0.25, 0.3}) d.pop_b.push_back(population * share);
  for (int l = 0; l < 10; ++l) d.pop_c.push_back(population * (l + 1) / 55.0);

  const int p = flags.covariates;
  d.x.resize(n * static_cast<size_t>(p));
  d.responded.resize(n);
  for (size_t i = 0; i < n; ++i) {
    double eta = -1.0;
    double previous = 0;
    for (int j = 0; j < p; ++j) {
      const double z = Normal(s, 100 + 2 * static_cast<uint64_t>(j), i);
      const double mean = 10.0 * j - 50;
      const double sd = 0.5 + j;
      d.x[static_cast<size_t>(j) * n + i] = mean + sd * (z + 0.3 * previous);
      eta += 0.1 * ((j % 5) - 2) * z;
      previous = z;
    }
    d.responded[i] = Uniform(s, 99, i) < 1.0 / (1.0 + std::exp(-eta)) ? 1 : 0;
  }
  return d;
}

// Checksums every side recomputes from the bytes it read: the sum of the
// column and the sum of value * ((i mod 9973) + 1), which also catches
// reordering. Long double, in index order.
template <typename T>
void Checksum(const T* v, size_t n, double* sum, double* indexed) {
  long double plain = 0;
  long double weighted = 0;
  for (size_t i = 0; i < n; ++i) {
    plain += static_cast<long double>(v[i]);
    weighted += static_cast<long double>(v[i]) * static_cast<long double>(i % 9973 + 1);
  }
  *sum = static_cast<double>(plain);
  *indexed = static_cast<double>(weighted);
}

template <typename T>
void WriteColumn(const std::string& dir, const std::string& name, const T* v, size_t n,
                 std::FILE* manifest, bool* first) {
  const std::string path = dir + "/" + name + ".bin";
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr || std::fwrite(v, sizeof(T), n, f) != n || std::fclose(f) != 0) {
    std::fprintf(stderr, "cannot write %s\n", path.c_str());
    std::exit(1);
  }
  double sum = 0;
  double indexed = 0;
  Checksum(v, n, &sum, &indexed);
  std::fprintf(manifest, "%s    \"%s\": {\"length\": %zu, \"sum\": %.17g, \"indexed_sum\": %.17g}",
               *first ? "" : ",\n", name.c_str(), n, sum, indexed);
  *first = false;
}

void PrintVector(std::FILE* f, const std::vector<double>& v) {
  std::fprintf(f, "[");
  for (size_t i = 0; i < v.size(); ++i) std::fprintf(f, "%s%.17g", i ? ", " : "", v[i]);
  std::fprintf(f, "]");
}

void WriteData(const Flags& flags, const Data& d) {
  const size_t n = flags.rows;
  std::FILE* manifest = std::fopen((flags.out_dir + "/manifest.json").c_str(), "w");
  if (manifest == nullptr) {
    std::fprintf(stderr, "cannot write %s/manifest.json (does the directory exist?)\n",
                 flags.out_dir.c_str());
    std::exit(1);
  }
  std::fprintf(manifest, "{\n  \"rows\": %zu, \"accounts\": %d, \"covariates\": %d, "
               "\"seed\": %" PRIu64 ",\n  \"pop_a\": ", n, flags.accounts, flags.covariates,
               flags.seed);
  PrintVector(manifest, d.pop_a);
  std::fprintf(manifest, ",\n  \"pop_b\": ");
  PrintVector(manifest, d.pop_b);
  std::fprintf(manifest, ",\n  \"pop_c\": ");
  PrintVector(manifest, d.pop_c);
  std::fprintf(manifest, ",\n  \"columns\": {\n");
  bool first = true;
  WriteColumn(flags.out_dir, "a", d.a.data(), n, manifest, &first);
  WriteColumn(flags.out_dir, "b", d.b.data(), n, manifest, &first);
  WriteColumn(flags.out_dir, "c", d.c.data(), n, manifest, &first);
  WriteColumn(flags.out_dir, "w0", d.w0.data(), n, manifest, &first);
  WriteColumn(flags.out_dir, "score", d.score.data(), n, manifest, &first);
  WriteColumn(flags.out_dir, "w", d.w.data(), n, manifest, &first);
  WriteColumn(flags.out_dir, "account", d.account.data(), n, manifest, &first);
  WriteColumn(flags.out_dir, "x", d.x.data(), d.x.size(), manifest, &first);
  WriteColumn(flags.out_dir, "responded", d.responded.data(), n, manifest, &first);
  std::fprintf(manifest, "\n  }\n}\n");
  std::fclose(manifest);
}

double CpuSeconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

struct Timing {
  std::vector<double> wall, cpu;
};

// Runs `call` reps times; each call must succeed (a failed call is a bug,
// not a time).
Timing Time(int reps, const std::function<void()>& call) {
  Timing timing;
  for (int r = 0; r < reps; ++r) {
    const double cpu_start = CpuSeconds();
    const auto start = std::chrono::steady_clock::now();
    call();
    const auto stop = std::chrono::steady_clock::now();
    timing.cpu.push_back(CpuSeconds() - cpu_start);
    timing.wall.push_back(std::chrono::duration<double>(stop - start).count());
  }
  return timing;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t m = v.size() / 2;
  return v.size() % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

void Die(const std::string& what, const candor::Status& status) {
  std::fprintf(stderr, "%s failed: %s\n", what.c_str(), status.message().c_str());
  std::exit(1);
}

void PrintTiming(std::FILE* f, const char* name, const Timing& t, bool last = false) {
  std::fprintf(f, "    \"%s\": {\"median_wall\": %.6g, \"median_cpu\": %.6g, \"wall\": ", name,
               Median(t.wall), Median(t.cpu));
  PrintVector(f, t.wall);
  std::fprintf(f, "}%s\n", last ? "" : ",");
}

int Main(int argc, char** argv) {
  const Flags flags = ParseFlags(argc, argv);
  const size_t n = flags.rows;
  std::printf("generating %zu rows, %d accounts, %d covariates, seed %" PRIu64 "\n", n,
              flags.accounts, flags.covariates, flags.seed);
  const Data d = Generate(flags);
  WriteData(flags, d);

  // 1. Raking, as survey::rake(maxit = 100, epsilon = 1e-10).
  const std::vector<candor::Margin> margins = {
      {d.a.data(), d.pop_a, "a"}, {d.b.data(), d.pop_b, "b"}, {d.c.data(), d.pop_c, "c"}};
  candor::RakeOptions rake_options;
  rake_options.max_iterations = 100;
  rake_options.tolerance = 1e-10;
  candor::CalibrationResult raked;
  const Timing rake_time = Time(flags.reps, [&] {
    candor::Result<candor::CalibrationResult> r = candor::Rake(d.w0.data(), n, margins,
                                                               rake_options);
    if (!r.ok()) Die("Rake", r.status());
    raked = std::move(r).value();
  });
  {
    const std::string path = flags.out_dir + "/rake_candor.bin";
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr || std::fwrite(raked.weights.data(), 8, n, f) != n || std::fclose(f)) {
      std::fprintf(stderr, "cannot write %s\n", path.c_str());
      return 1;
    }
  }
  std::printf("Rake: %d iterations, converged %d, max margin error %.3g, median %.4f s\n",
              raked.iterations, raked.converged ? 1 : 0, raked.max_margin_error,
              Median(rake_time.wall));

  // 2. NPS under a design, with and without clusters (single-threaded API).
  candor::SurveyDesign clustered;
  clustered.weights = d.w.data();
  clustered.clusters = d.account.data();
  candor::SurveyDesign unclustered;
  unclustered.weights = d.w.data();
  candor::Estimate with_clusters, without_clusters;
  const Timing design_clustered_time = Time(flags.reps, [&] {
    candor::Result<candor::Estimate> r = candor::EstimateDesign(
        candor::Metric::Nps(), d.score.data(), n, clustered, candor::IntervalOptions());
    if (!r.ok()) Die("EstimateDesign (clusters)", r.status());
    with_clusters = r.value();
  });
  const Timing design_time = Time(flags.reps, [&] {
    candor::Result<candor::Estimate> r = candor::EstimateDesign(
        candor::Metric::Nps(), d.score.data(), n, unclustered, candor::IntervalOptions());
    if (!r.ok()) Die("EstimateDesign (no clusters)", r.status());
    without_clusters = r.value();
  });
  std::printf("EstimateDesign: NPS %.6f, SE %.9f (clusters) %.9f (none); medians %.4f %.4f s\n",
              with_clusters.value, with_clusters.std_error, without_clusters.std_error,
              Median(design_clustered_time.wall), Median(design_time.wall));

  // 3. Inverse-propensity weights, unpenalized logistic fit.
  std::vector<candor::Covariate> covariates;
  for (int j = 0; j < flags.covariates; ++j) {
    candor::Covariate covariate;
    covariate.name = "x" + std::to_string(j + 1);
    covariate.numeric = d.x.data() + static_cast<size_t>(j) * n;
    covariates.push_back(covariate);
  }
  candor::IpwOptions ipw_options;
  ipw_options.l2_penalty = 0;
  candor::IpwResult ipw;
  const Timing ipw_time = Time(std::max(1, flags.reps - 2), [&] {
    candor::Result<candor::IpwResult> r =
        candor::InversePropensityWeights(d.responded.data(), n, covariates, ipw_options);
    if (!r.ok()) Die("InversePropensityWeights", r.status());
    ipw = std::move(r).value();
  });
  std::printf("InversePropensityWeights: %d iterations, median %.4f s\n", ipw.iterations,
              Median(ipw_time.wall));

  std::FILE* out = std::fopen((flags.out_dir + "/candor.json").c_str(), "w");
  if (out == nullptr) {
    std::fprintf(stderr, "cannot write %s/candor.json\n", flags.out_dir.c_str());
    return 1;
  }
  std::fprintf(out, "{\n  \"timings\": {\n");
  PrintTiming(out, "rake", rake_time);
  PrintTiming(out, "design_clusters", design_clustered_time);
  PrintTiming(out, "design_no_clusters", design_time);
  PrintTiming(out, "ipw", ipw_time, true);
  std::fprintf(out, "  },\n  \"rake\": {\"iterations\": %d, \"converged\": %s, "
               "\"max_margin_error\": %.17g},\n", raked.iterations,
               raked.converged ? "true" : "false", raked.max_margin_error);
  std::fprintf(out, "  \"design_clusters\": {\"value\": %.17g, \"std_error\": %.17g},\n",
               with_clusters.value, with_clusters.std_error);
  std::fprintf(out, "  \"design_no_clusters\": {\"value\": %.17g, \"std_error\": %.17g},\n",
               without_clusters.value, without_clusters.std_error);
  std::fprintf(out, "  \"ipw\": {\"iterations\": %d, \"converged\": %s, \"coefficients\": ",
               ipw.iterations, ipw.converged ? "true" : "false");
  PrintVector(out, ipw.coefficients);
  std::fprintf(out, "}\n}\n");
  std::fclose(out);
  return 0;
}

}  // namespace
}  // namespace candor_bench

int main(int argc, char** argv) { return candor_bench::Main(argc, argv); }
