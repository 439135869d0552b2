// What the plain-clock benchmark programs share: reading the binary columns
// their peer scripts write and writing their answers back the same way, the
// median of timed passes, and the common --data=DIR --reps=N --threads=T
// arguments.
#ifndef CANDOR_BENCH_BENCH_IO_HPP_
#define CANDOR_BENCH_BENCH_IO_HPP_

#include <time.h>

#include <algorithm>
#include <candor/status.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "bench_flags.hpp"

namespace candor::bench {

// The whole file as an array of T; exits with status 2 if it cannot be read.
template <typename T>
std::vector<T> ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::exit(2);
  }
  const std::streamsize bytes = in.tellg();
  std::vector<T> out(static_cast<size_t>(bytes) / sizeof(T));
  in.seekg(0);
  in.read(reinterpret_cast<char*>(out.data()), bytes);
  return out;
}

// Writes `values` as they are in memory (little-endian on the machines we
// run on), the layout ReadAll and numpy's fromfile read.
template <typename T>
void WriteAll(const std::string& path, const std::vector<T>& values) {
  std::ofstream(path, std::ios::binary)
      .write(reinterpret_cast<const char*>(values.data()),
             static_cast<std::streamsize>(values.size() * sizeof(T)));
}

inline double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// The value of `r`, or its message on stderr and exit status 1.
template <typename T>
T Check(Result<T> r) {
  if (!r.ok()) {
    std::fprintf(stderr, "%s\n", r.status().message().c_str());
    std::exit(1);
  }
  return std::move(r).value();
}

// CPU seconds of the whole process (all its threads).
inline double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

struct BenchArgs {
  std::string dir;
  int reps = 7;
  int threads = 1;
};

// --data=DIR (required), --reps=N, --threads=T; exits with status 2 and a
// usage line when --data is missing or reps < 1.
inline BenchArgs ParseBenchArgs(int argc, char** argv) {
  BenchArgs args;
  TakeFlags(&argc, argv,
            {Flag("data", &args.dir), Flag("reps", &args.reps), Flag("threads", &args.threads)});
  if (args.dir.empty() || args.reps < 1) {
    std::fprintf(stderr, "usage: %s --data=DIR [--reps=N] [--threads=T]\n", argv[0]);
    std::exit(2);
  }
  return args;
}

}  // namespace candor::bench

#endif  // CANDOR_BENCH_BENCH_IO_HPP_
