// bench/followup_bench.cc — candor::BuildFollowupQueue on the responses that
// bench/peers_followup.py --make writes (issue 14: 10M responses over 1M
// accounts in under 5 s on two cores); the pandas peer and the Python API
// run on the same bytes in bench/run_followup.sh.
//
//   --data=DIR (required)  --reps=N (7)
// Reads DIR/{score.f64, time.i64, account.i32, urgency.u8, arr.f64}; writes
// candor's queue for the peer's check (candor_account.i32,
// candor_priority.f64, candor_lead.i64) and prints one JSON object with the
// median wall and CPU seconds.
#include <candor/followup.hpp>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "bench_io.hpp"

int main(int argc, char** argv) {
  using candor::bench::ReadAll;
  const candor::bench::BenchArgs args = candor::bench::ParseBenchArgs(argc, argv);
  const std::string& dir = args.dir;
  const auto score = ReadAll<double>(dir + "/score.f64");
  const auto time = ReadAll<int64_t>(dir + "/time.i64");
  const auto account = ReadAll<int32_t>(dir + "/account.i32");
  const auto urgency = ReadAll<uint8_t>(dir + "/urgency.u8");
  const auto arr = ReadAll<double>(dir + "/arr.f64");
  candor::FollowupResponses r;
  r.n = score.size();
  r.score = score.data();
  r.time = time.data();
  r.account = account.data();
  r.urgency = urgency.data();
  candor::FollowupAccounts a;
  a.n = arr.size();
  a.arr = arr.data();
  const candor::FollowupRules rules;
  std::vector<double> wall, cpu;
  candor::FollowupQueue queue;
  for (int rep = 0; rep < args.reps; ++rep) {
    const double cpu0 = candor::bench::CpuSeconds();
    const auto t0 = std::chrono::steady_clock::now();
    queue = candor::bench::Check(candor::BuildFollowupQueue(r, a, {}, rules));
    wall.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    cpu.push_back(candor::bench::CpuSeconds() - cpu0);
  }
  candor::bench::WriteAll(dir + "/candor_account.i32", queue.account);
  candor::bench::WriteAll(dir + "/candor_priority.f64", queue.priority);
  candor::bench::WriteAll(dir + "/candor_lead.i64", queue.lead_row);
  std::printf(
      "{\"responses\": %zu, \"accounts\": %zu, \"cases\": %zu, \"reps\": %d, "
      "\"wall_median_s\": %.4f, \"cpu_median_s\": %.4f}\n",
      r.n, a.n, queue.size(), args.reps, candor::bench::Median(wall), candor::bench::Median(cpu));
  return 0;
}
