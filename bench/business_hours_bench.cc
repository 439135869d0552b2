// bench/business_hours_bench.cc — deadlines and business hours between over
// many random starts (2025-2026) in a business-hour calendar: UTC 09-17
// Monday to Friday with holidays (the calendar pandas' CustomBusinessHour can
// express, for bench/peers_business_hours.py), and America/New_York (DST).
// bench/run_business_hours.sh runs both sides.
//
// Flags, before Google Benchmark's own:
//   --rows=N (1000000)  --seed=S (20261206)  --data_out=PREFIX (writes
//   PREFIX.starts (int64 LE), PREFIX.hours (int32 LE) and PREFIX.deadlines
//   (int64 LE, candor's UTC deadlines, for the peer's agreement check)).
#include <benchmark/benchmark.h>

#include <candor/business_hours.hpp>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "bench_flags.hpp"

namespace {

struct Flags {
  size_t rows = 1'000'000;
  uint64_t seed = 20261206;
  std::string data_out;
};

struct Data {
  std::vector<int64_t> starts;
  std::vector<int32_t> hours_int;
  std::vector<double> hours;
  std::vector<int64_t> ends;
};

// The holidays of the benchmark's calendars (days since 1970-01-01): 2025-01-01,
// 2025-12-25, 2025-12-26, 2026-01-01, 2026-12-25.
const std::vector<int32_t> kHolidays = {20089, 20447, 20448, 20454, 20812};

Data Make(const Flags& flags) {
  Data d;
  std::mt19937_64 rng(flags.seed);
  std::uniform_int_distribution<int64_t> when(1735689600, 1798761599);  // 2025-2026
  std::uniform_int_distribution<int> hours(1, 40);
  std::uniform_int_distribution<int64_t> span(0, 14 * 86400);
  d.starts.resize(flags.rows);
  d.hours_int.resize(flags.rows);
  d.hours.resize(flags.rows);
  d.ends.resize(flags.rows);
  for (size_t i = 0; i < flags.rows; ++i) {
    d.starts[i] = when(rng);
    d.hours_int[i] = hours(rng);
    d.hours[i] = d.hours_int[i];
    d.ends[i] = d.starts[i] + span(rng);
  }
  return d;
}

const Data* g_data = nullptr;

candor::BusinessCalendar Calendar(const char* zone) {
  candor::BusinessCalendarSpec spec;
  spec.time_zone = zone;
  spec.holidays = kHolidays;
  return *candor::BusinessCalendar::Make(spec);
}

void BM_Deadlines(benchmark::State& state, const char* zone) {
  const candor::BusinessCalendar calendar = Calendar(zone);
  std::vector<int64_t> out(g_data->starts.size());
  for (auto _ : state) {
    const candor::Status s =
        calendar.Deadlines(g_data->starts.data(), g_data->hours.data(), out.size(), out.data());
    if (!s.ok()) state.SkipWithError(s.message().c_str());
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(out.size()));
}
BENCHMARK_CAPTURE(BM_Deadlines, utc, "UTC")->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_Deadlines, new_york, "America/New_York")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_Between(benchmark::State& state, const char* zone) {
  const candor::BusinessCalendar calendar = Calendar(zone);
  std::vector<double> out(g_data->starts.size());
  for (auto _ : state) {
    const candor::Status s = calendar.BusinessHoursBetweenMany(
        g_data->starts.data(), g_data->ends.data(), out.size(), out.data());
    if (!s.ok()) state.SkipWithError(s.message().c_str());
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(out.size()));
}
BENCHMARK_CAPTURE(BM_Between, new_york, "America/New_York")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

bool WriteData(const Flags& flags, const Data& d) {
  const auto write = [](const std::string& path, const void* data, size_t bytes) {
    FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) return false;
    const bool ok = std::fwrite(data, 1, bytes, f) == bytes;
    return std::fclose(f) == 0 && ok;
  };
  std::vector<int64_t> deadlines(d.starts.size());
  if (!Calendar("UTC")
           .Deadlines(d.starts.data(), d.hours.data(), d.starts.size(), deadlines.data())
           .ok()) {
    return false;
  }
  return write(flags.data_out + ".starts", d.starts.data(), d.starts.size() * 8) &&
         write(flags.data_out + ".hours", d.hours_int.data(), d.hours_int.size() * 4) &&
         write(flags.data_out + ".deadlines", deadlines.data(), deadlines.size() * 8);
}

}  // namespace

int main(int argc, char** argv) {
  using candor::bench::Flag;
  Flags flags;
  candor::bench::TakeFlags(
      &argc, argv,
      {Flag("rows", &flags.rows), Flag("seed", &flags.seed), Flag("data_out", &flags.data_out)});
  const Data data = Make(flags);
  g_data = &data;
  if (!flags.data_out.empty() && !WriteData(flags, data)) {
    std::fprintf(stderr, "cannot write %s.*\n", flags.data_out.c_str());
    return 1;
  }
  CANDOR_BENCHMARK_MAIN_END(&argc, argv);
}
