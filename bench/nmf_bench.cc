// NMF on a TF-IDF matrix written by bench/peers_theme_discovery.py --dump
// (row_ptr.i64, col.i32, value.f64 in DIR): median wall time of the start
// (max_iter = 0: randomized SVD + NNDSVDa) and of the whole fit, per k.
// Plain clocks; bench/RESULTS.md has the runs.
#include <candor/text_discovery.hpp>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "bench_io.hpp"

namespace {

using candor::text::CsrMatrix;

double SecondsOf(const CsrMatrix& x, int32_t k, const candor::text::NmfOptions& options,
                 candor::text::NmfResult* out) {
  const auto start = std::chrono::steady_clock::now();
  auto fit = candor::text::Nmf(x, k, options);
  const auto stop = std::chrono::steady_clock::now();
  if (!fit.ok()) {
    std::fprintf(stderr, "nmf failed: %s\n", fit.status().message().c_str());
    std::exit(1);
  }
  *out = std::move(fit).value();
  return std::chrono::duration<double>(stop - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  const candor::bench::BenchArgs args = candor::bench::ParseBenchArgs(argc, argv);
  CsrMatrix x;
  x.row_ptr = candor::bench::ReadAll<int64_t>(args.dir + "/row_ptr.i64");
  x.col = candor::bench::ReadAll<int32_t>(args.dir + "/col.i32");
  x.value = candor::bench::ReadAll<double>(args.dir + "/value.f64");
  x.rows = static_cast<int64_t>(x.row_ptr.size()) - 1;
  for (int32_t c : x.col) x.cols = std::max<int64_t>(x.cols, c + 1);
  std::printf("matrix %lld x %lld, %lld nonzeros; threads %d; median of %d\n",
              static_cast<long long>(x.rows), static_cast<long long>(x.cols),
              static_cast<long long>(x.nnz()), args.threads, args.reps);
  std::printf("| k | start s | fit s | iterations | loss |\n|---|---:|---:|---:|---:|\n");
  for (int32_t k : {10, 20}) {
    candor::text::NmfOptions options;
    options.threads = args.threads;
    std::vector<double> start, fit;
    candor::text::NmfResult result;
    for (int rep = 0; rep < args.reps; ++rep) {
      options.max_iter = 0;
      start.push_back(SecondsOf(x, k, options, &result));
      options.max_iter = 200;
      fit.push_back(SecondsOf(x, k, options, &result));
    }
    std::printf("| %d | %.4f | %.4f | %d | %.2f |\n", k, candor::bench::Median(start),
                candor::bench::Median(fit), result.iterations, result.loss.back());
  }
  return 0;
}
