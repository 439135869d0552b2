// capi/shim.hpp — what every C ABI shim shares: recording the last error of
// the calling thread and keeping C++ exceptions from crossing the boundary.
// Option structs: capi/options.hpp.
#ifndef CANDOR_CAPI_SHIM_HPP_
#define CANDOR_CAPI_SHIM_HPP_

#include <candor.h>

#include <candor/score.hpp>
#include <candor/status.hpp>
#include <cstring>
#include <exception>
#include <new>
#include <string>
#include <vector>

namespace candor::capi {

// Records `status` as this thread's last error (when not OK); returns its code.
candor_status Fail(const Status& status);
inline candor_status Report(const Status& status) { return status.ok() ? CANDOR_OK : Fail(status); }

// Runs `body` (returning candor_status) and turns any escaping exception into
// a status: allocation failure into CANDOR_OUT_OF_MEMORY, anything else into
// CANDOR_INTERNAL.
template <typename Body>
candor_status Guard(Body&& body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return Fail(Status(CANDOR_OUT_OF_MEMORY, "out of memory"));
  } catch (const std::exception& e) {
    return Fail(Status(CANDOR_INTERNAL, std::string("internal error: ") + e.what()));
  } catch (...) {
    return Fail(Status(CANDOR_INTERNAL, "internal error: unknown exception"));
  }
}

// A required pointer argument.
inline Status Required(const void* pointer, const char* name) {
  if (pointer == nullptr) return InvalidArgument(std::string(name) + " is NULL");
  return OkStatus();
}

// The integer a caller stored in a C enum field or argument. C lets callers
// store any int there; in C++ loading an out-of-range value through the enum
// type is undefined, so the bytes are read as an int instead.
template <typename Enum>
int RawEnum(const Enum& value) {
  static_assert(sizeof(Enum) == sizeof(int), "C enums are int-sized here");
  int raw;
  std::memcpy(&raw, &value, sizeof(raw));
  return raw;
}

// One C enum value and the C++ value it stands for.
template <typename Cpp>
struct EnumPair {
  int c;
  Cpp cpp;
};

// The C++ value of a raw C enum value (RawEnum) from `pairs`; any other value
// is CANDOR_INVALID_ARGUMENT "<unknown> <raw>", where `unknown` names the
// field, e.g. "options->every: unknown period".
template <typename Cpp, size_t N>
Status EnumFromC(int raw, const EnumPair<Cpp> (&pairs)[N], const char* unknown, Cpp* out) {
  for (const EnumPair<Cpp>& pair : pairs) {
    if (pair.c == raw) {
      *out = pair.cpp;
      return OkStatus();
    }
  }
  return InvalidArgument(std::string(unknown) + " " + std::to_string(raw));
}

// A raw candor_p_adjust as a PAdjust (EnumFromC with `unknown`).
Status PAdjustFromC(int raw, const char* unknown, PAdjust* out);

// Reads the C options (honouring their `size` for older callers) into the
// C++ metric and interval options, validating both.
Status FromOptions(const candor_score_options* options, Metric* metric, IntervalOptions* interval,
                   PAdjust* adjust);

void ToC(const Estimate& e, candor_estimate* out);
void ToC(const Comparison& c, candor_comparison* out);

// The body of every scoring shim: reads the options, checks `out`, runs
// `call(metric, interval)` (returning a Result) and converts what it returns.
template <typename Out, typename Call>
candor_status ScoreCall(const candor_score_options* options, Out* out, Call&& call) {
  return Guard([&] {
    Metric metric;
    IntervalOptions interval;
    Status s = FromOptions(options, &metric, &interval, nullptr);
    if (s.ok()) s = Required(out, "out");
    if (!s.ok()) return Fail(s);
    auto result = call(metric, interval);
    if (!result.ok()) return Fail(result.status());
    ToC(*result, out);
    return CANDOR_OK;
  });
}

// The segment columns of a breakdown: at least one, none NULL when n > 0.
Status SegmentColumns(const int32_t* const* segments, size_t n_columns, size_t n,
                      std::vector<const int32_t*>* out);

}  // namespace candor::capi

#endif  // CANDOR_CAPI_SHIM_HPP_
