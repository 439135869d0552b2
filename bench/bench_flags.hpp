// The benchmark programs' own --name=value flags. Google Benchmark programs
// take theirs out of argv before benchmark::Initialize, which then sees only
// its own; a plain-clock program can refuse whatever is left.
#ifndef CANDOR_BENCH_BENCH_FLAGS_HPP_
#define CANDOR_BENCH_BENCH_FLAGS_HPP_

#include <cstdlib>
#include <functional>
#include <initializer_list>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace candor::bench {

// Where a flag's value goes: an integer (base 10, strtoll / strtoull), a
// string, or a comma-separated list of sizes.
class FlagTarget {
 public:
  // The constructors are implicit, so that a flag reads Flag("rows", &flags.rows).
  template <typename Int, typename = std::enable_if_t<std::is_integral_v<Int>>>
  FlagTarget(Int* out)  // NOLINT(google-explicit-constructor)
      : set_([out](const std::string& value) {
          if constexpr (std::is_signed_v<Int>) {
            *out = static_cast<Int>(std::strtoll(value.c_str(), nullptr, 10));
          } else {
            *out = static_cast<Int>(std::strtoull(value.c_str(), nullptr, 10));
          }
        }) {}
  FlagTarget(std::string* out)  // NOLINT(google-explicit-constructor)
      : set_([out](const std::string& value) { *out = value; }) {}
  FlagTarget(std::vector<size_t>* out)  // NOLINT(google-explicit-constructor)
      : set_([out](const std::string& value) {
          out->clear();
          std::stringstream list(value);
          std::string item;
          while (std::getline(list, item, ',')) out->push_back(std::stoull(item));
        }) {}

  void Set(const std::string& value) const { set_(value); }

 private:
  std::function<void(const std::string&)> set_;
};

// A flag: its name, without the leading "--", and where its value goes.
class Flag {
 public:
  Flag(const char* name, FlagTarget target) : name_(name), target_(std::move(target)) {}

  const char* name() const { return name_; }
  void Set(const std::string& value) const { target_.Set(value); }

 private:
  const char* name_;
  FlagTarget target_;
};

// Sets every argument "--<name>=<value>" whose name is in `flags` (given
// twice, the later value stays) and removes it from argv; the other
// arguments keep their order and *argc counts them, argv[0] included.
inline void TakeFlags(int* argc, char** argv, std::initializer_list<Flag> flags) {
  int kept = 1;
  for (int i = 1; i < *argc; ++i) {
    const std::string arg = argv[i];
    const size_t eq = arg.find('=');
    const Flag* match = nullptr;
    if (arg.rfind("--", 0) == 0 && eq != std::string::npos) {
      for (const Flag& flag : flags) {
        if (arg.compare(2, eq - 2, flag.name()) == 0) match = &flag;
      }
    }
    if (match != nullptr) {
      match->Set(arg.substr(eq + 1));
    } else {
      argv[kept++] = argv[i];
    }
  }
  *argc = kept;
}

}  // namespace candor::bench

// The Google Benchmark part of a main(), once the program's own flags are out
// of argv (TakeFlags). Macros, so that this header does not pull in
// <benchmark/benchmark.h> for the plain-clock programs.
//
// CANDOR_BENCHMARK_INITIALIZE(&argc, argv): Google Benchmark takes its flags;
// main returns 2 for an argument that neither the program nor it knows.
#define CANDOR_BENCHMARK_INITIALIZE(argc_pointer, argv)                  \
  do {                                                                   \
    benchmark::Initialize(argc_pointer, argv);                           \
    if (benchmark::ReportUnrecognizedArguments(*(argc_pointer), argv)) { \
      return 2;                                                          \
    }                                                                    \
  } while (false)

// CANDOR_BENCHMARK_RUN(): runs the registered benchmarks; main returns 0.
#define CANDOR_BENCHMARK_RUN()           \
  do {                                   \
    benchmark::RunSpecifiedBenchmarks(); \
    benchmark::Shutdown();               \
    return 0;                            \
  } while (false)

// Both, for a main whose benchmarks are registered before it starts.
#define CANDOR_BENCHMARK_MAIN_END(argc_pointer, argv) \
  do {                                                \
    CANDOR_BENCHMARK_INITIALIZE(argc_pointer, argv);  \
    CANDOR_BENCHMARK_RUN();                           \
  } while (false)

#endif  // CANDOR_BENCH_BENCH_FLAGS_HPP_
