// The last-error slot, status names and the version query.
#include "shim.hpp"

namespace candor::capi {
namespace {
thread_local std::string last_error;
}  // namespace

candor_status Fail(const Status& status) {
  try {
    last_error = status.message();
  } catch (...) {
    // Could not copy the message (out of memory): keep the code at least.
    last_error.clear();
  }
  return status.code();
}

}  // namespace candor::capi

extern "C" {

const char* candor_last_error(void) { return candor::capi::last_error.c_str(); }

const char* candor_status_name(candor_status status) {
  switch (status) {
    case CANDOR_OK: return "CANDOR_OK";
    case CANDOR_INVALID_ARGUMENT: return "CANDOR_INVALID_ARGUMENT";
    case CANDOR_OUT_OF_RANGE: return "CANDOR_OUT_OF_RANGE";
    case CANDOR_EMPTY: return "CANDOR_EMPTY";
    case CANDOR_LENGTH_MISMATCH: return "CANDOR_LENGTH_MISMATCH";
    case CANDOR_NOT_FOUND: return "CANDOR_NOT_FOUND";
    case CANDOR_PARSE_ERROR: return "CANDOR_PARSE_ERROR";
    case CANDOR_INVALID_UTF8: return "CANDOR_INVALID_UTF8";
    case CANDOR_IO_ERROR: return "CANDOR_IO_ERROR";
    case CANDOR_UNSUPPORTED: return "CANDOR_UNSUPPORTED";
    case CANDOR_OUT_OF_MEMORY: return "CANDOR_OUT_OF_MEMORY";
    case CANDOR_INTERNAL: return "CANDOR_INTERNAL";
    case CANDOR_NOT_CONVERGED: return "CANDOR_NOT_CONVERGED";
    case CANDOR_CANCELLED: return "CANDOR_CANCELLED";
  }
  return "CANDOR_UNKNOWN_STATUS";
}

#define CANDOR_STRINGIFY_(x) #x
#define CANDOR_STRINGIFY(x) CANDOR_STRINGIFY_(x)
const char* candor_version(void) {
  return CANDOR_STRINGIFY(CANDOR_VERSION_MAJOR) "." CANDOR_STRINGIFY(
      CANDOR_VERSION_MINOR) "." CANDOR_STRINGIFY(CANDOR_VERSION_PATCH);
}

}  // extern "C"
