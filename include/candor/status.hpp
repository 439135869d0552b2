// candor/status.hpp — error reporting for the C++ API.
//
// candor's C++ API reports failure by value, never by throwing across module
// boundaries: a Status (code + message) or a Result<T> (a value or a Status).
// The codes are the C ABI's candor_status values, so the shims pass them on
// unchanged. Own type rather than absl::Status: Abseil promises no ABI
// stability, and this header must not tie users to one Abseil build.
#ifndef CANDOR_STATUS_HPP_
#define CANDOR_STATUS_HPP_

#include <candor.h>

#include <string>
#include <utility>
#include <variant>

namespace candor {

using StatusCode = candor_status;

class Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  bool ok() const { return code_ == CANDOR_OK; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = CANDOR_OK;
  std::string message_;
};

inline Status OkStatus() { return Status(); }
inline Status InvalidArgument(std::string m) { return {CANDOR_INVALID_ARGUMENT, std::move(m)}; }
inline Status OutOfRange(std::string m) { return {CANDOR_OUT_OF_RANGE, std::move(m)}; }
inline Status Empty(std::string m) { return {CANDOR_EMPTY, std::move(m)}; }
inline Status LengthMismatch(std::string m) { return {CANDOR_LENGTH_MISMATCH, std::move(m)}; }
inline Status NotFound(std::string m) { return {CANDOR_NOT_FOUND, std::move(m)}; }
inline Status ParseError(std::string m) { return {CANDOR_PARSE_ERROR, std::move(m)}; }
inline Status InvalidUtf8(std::string m) { return {CANDOR_INVALID_UTF8, std::move(m)}; }
inline Status IoError(std::string m) { return {CANDOR_IO_ERROR, std::move(m)}; }
inline Status Unsupported(std::string m) { return {CANDOR_UNSUPPORTED, std::move(m)}; }
inline Status NotConverged(std::string m) { return {CANDOR_NOT_CONVERGED, std::move(m)}; }
inline Status Cancelled(std::string m) { return {CANDOR_CANCELLED, std::move(m)}; }

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}            // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {}     // NOLINT: must not be OK

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(data_);
  }
  const T& value() const& { return std::get<T>(data_); }
  T& value() & { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace candor

// Returns early from the enclosing function if `expr` (a Status) is not OK.
#define CANDOR_RETURN_IF_ERROR(expr)          \
  do {                                        \
    ::candor::Status candor_status_ = (expr); \
    if (!candor_status_.ok()) return candor_status_; \
  } while (0)

#endif  // CANDOR_STATUS_HPP_
