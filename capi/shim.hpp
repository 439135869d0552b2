// capi/shim.hpp — what every C ABI shim shares: recording the last error of
// the calling thread, keeping C++ exceptions from crossing the boundary, and
// the recurring shapes of a shim (checking pointer arguments and indices,
// mapping C enum values, making a handle, reading a row of one, writing a
// computed value). Option structs: capi/options.hpp.
#ifndef CANDOR_CAPI_SHIM_HPP_
#define CANDOR_CAPI_SHIM_HPP_

#include <candor.h>

#include <candor/score.hpp>
#include <candor/status.hpp>
#include <cstring>
#include <exception>
#include <new>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace candor::capi {

// Records `status` as this thread's last error (when not OK); returns its code.
candor_status Fail(const Status& status);
inline candor_status Report(const Status& status) { return status.ok() ? CANDOR_OK : Fail(status); }

// Runs `body` and turns any escaping exception into a status: allocation
// failure into CANDOR_OUT_OF_MEMORY, anything else into CANDOR_INTERNAL.
// `body` returns the call's candor_status, or a Status, which is reported.
template <typename Body>
candor_status Guard(Body&& body) noexcept {
  try {
    if constexpr (std::is_same_v<decltype(body()), Status>) {
      return Report(body());
    } else {
      return body();
    }
  } catch (const std::bad_alloc&) {
    return Fail(Status(CANDOR_OUT_OF_MEMORY, "out of memory"));
  } catch (const std::exception& e) {
    return Fail(Status(CANDOR_INTERNAL, std::string("internal error: ") + e.what()));
  } catch (...) {
    return Fail(Status(CANDOR_INTERNAL, "internal error: unknown exception"));
  }
}

// Required pointer arguments, given as (pointer, name) pairs in the order they
// are checked: the first NULL one is an error naming it.
inline Status Required(const void* pointer, const char* name) {
  if (pointer == nullptr) return InvalidArgument(std::string(name) + " is NULL");
  return OkStatus();
}
template <typename... More>
Status Required(const void* pointer, const char* name, const More&... more) {
  CANDOR_RETURN_IF_ERROR(Required(pointer, name));
  return Required(more...);
}

// An index into `count` items: past the end is CANDOR_OUT_OF_RANGE with
// `pattern`, whose {i} stands for the index and {n} for the count, as in
// "row {i} of a breakdown with {n} rows".
inline Status CheckIndex(size_t i, size_t count, const char* pattern) {
  if (i < count) return OkStatus();
  std::string message = pattern;
  message.replace(message.find("{i}"), 3, std::to_string(i));
  message.replace(message.find("{n}"), 3, std::to_string(count));
  return OutOfRange(std::move(message));
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

// The T of a Result<T>, and of the Result that `call()` returns.
template <typename R>
struct ResultValue;
template <typename T>
struct ResultValue<Result<T>> {
  using type = T;
};
template <typename Call>
using ResultValueOf = typename ResultValue<std::invoke_result_t<Call&>>::type;

// Sets *out to NULL, then to a new Handle holding the value of `make()`, which
// returns a Result (or, for bad arguments, a Status): on failure *out stays
// NULL. For shims that check other arguments before `out` is cleared.
template <typename Handle, typename Make>
Status MakeHandle(Handle** out, Make&& make) {
  *out = nullptr;
  auto made = make();
  if (!made.ok()) return made.status();
  *out = new Handle{std::move(made).value()};
  return OkStatus();
}

// The body of a shim that makes a handle: `out` is required, then MakeHandle.
template <typename Handle, typename Make>
candor_status NewHandle(Handle** out, Make&& make) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(out, "out"));
    return MakeHandle(out, make);
  });
}

// The row type of the vector that `rows(handle)` returns.
template <typename Rows, typename Handle>
using RowOf = typename std::decay_t<std::invoke_result_t<Rows&, const Handle&>>::value_type;

// The body of a row accessor candor_xxx_at(handle, i, out): the handle (named
// `handle_name` in the error) and `out` are required, `i` must index
// `rows(*handle)` (CheckIndex with `pattern`), and `to_c(row, out)` writes the
// row as its C struct. `to_c` is a function pointer so that a caller can pass
// an overloaded ToC by name: the row and C types pick the overload.
template <typename Handle, typename Out, typename Rows>
candor_status RowAt(const Handle* handle, const char* handle_name, size_t i, Out* out,
                    const char* pattern, Rows rows,
                    void (*to_c)(const RowOf<Rows, Handle>&, Out*)) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(handle, handle_name, out, "out"));
    const auto& all = rows(*handle);
    CANDOR_RETURN_IF_ERROR(CheckIndex(i, all.size(), pattern));
    to_c(all[i], out);
    return OkStatus();
  });
}

// The body of a shim that computes one value into the caller's `*out`: `out`
// is required, then `call()` (a Result) runs and `to_c(value, out)` writes its
// value; without `to_c` the value is assigned.
template <typename Out, typename Call>
candor_status ComputeInto(Out* out, Call&& call, void (*to_c)(const ResultValueOf<Call>&, Out*)) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(out, "out"));
    auto result = call();
    if (!result.ok()) return result.status();
    to_c(*result, out);
    return OkStatus();
  });
}
// The to_c of a value the caller receives as it is.
template <typename T>
void Assign(const T& value, T* out) {
  *out = value;
}
template <typename Out, typename Call>
candor_status ComputeInto(Out* out, Call&& call) {
  return ComputeInto(out, call, Assign<Out>);
}

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
