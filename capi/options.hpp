// capi/options.hpp — reading and writing the size-versioned option structs of
// candor.h (docs/ARCHITECTURE.md: a leading `size` field, so new fields can be
// appended). An older caller's struct is shorter: read only its `size` bytes
// over the defaults, and never write past them.
#ifndef CANDOR_CAPI_OPTIONS_HPP_
#define CANDOR_CAPI_OPTIONS_HPP_

#include <candor.h>

#include <candor/progress.hpp>
#include <candor/status.hpp>
#include <cstddef>
#include <cstring>
#include <string>

#include "option_layouts.hpp"
#include "shim.hpp"

namespace candor::capi {

// CheckSize: `size` must end on a field boundary of the struct's layout
// (capi/option_layouts.hpp), cover at least `minimum` bytes (the oldest
// layout the library reads) and not exceed the struct this library knows;
// errors name the struct's init function.
template <typename Options>
Status CheckSize(size_t size, size_t minimum) {
  const char* name = OptionLayout<Options>::kName;
  if (size > sizeof(Options)) {
    return InvalidArgument(std::string(name) + " size " + std::to_string(size) +
                           " is larger than this library's (" + std::to_string(sizeof(Options)) +
                           "): the caller was built against a newer candor.h");
  }
  if (!IsFieldBoundary<Options>(size, minimum)) {
    return InvalidArgument(
        std::string(name) + " size " + std::to_string(size) +
        (size < minimum ? " is too small" : " ends inside a field, not on a field boundary") +
        ": initialize the options with " + OptionLayout<Options>::kInit + "()");
  }
  return OkStatus();
}

// CopySized: the fields `from` holds, over `*into` (the defaults); the caller
// has checked from.size with CheckSize.
template <typename Options>
void CopySized(const Options& from, Options* into) {
  std::memcpy(into, &from, from.size < sizeof(Options) ? from.size : sizeof(Options));
}

// The caller's options, if any, over `*into` (the defaults), after CheckSize.
template <typename Options>
Status ReadSized(const Options* from, size_t minimum, Options* into) {
  if (from == nullptr) return OkStatus();
  CANDOR_RETURN_IF_ERROR(CheckSize<Options>(from->size, minimum));
  CopySized(*from, into);
  return OkStatus();
}

// Where every struct of defaults starts: all bytes zero (padding too, so what
// WriteDefaults copies to a caller is fully determined) and `size` set.
template <typename Options>
Options ZeroedOptions() {
  Options options;
  std::memset(&options, 0, sizeof(options));
  options.size = sizeof(options);
  return options;
}

// The body of every candor_xxx_options_defaults(options, size): `defaults`
// into the first `size` bytes of the caller's struct, its `size` set to them.
// A size beyond this library's struct (a caller built against a newer
// header) gets the fields this library knows, and size says how many.
template <typename Options>
candor_status WriteDefaults(Options defaults, size_t size, Options* options,
                            size_t minimum = sizeof(size_t)) {
  if (options == nullptr) return Fail(InvalidArgument("options is NULL"));
  const size_t known = size < sizeof(Options) ? size : sizeof(Options);
  if (!IsFieldBoundary<Options>(known, minimum)) {
    return Fail(InvalidArgument(std::string(OptionLayout<Options>::kName) + " size " +
                                std::to_string(size) +
                                " is too small or ends inside a field; pass sizeof the struct"));
  }
  defaults.size = known;
  std::memcpy(options, &defaults, defaults.size);
  return CANDOR_OK;
}

// A caller's candor_progress as a candor::Progress. The hook must outlive
// the call it is given to (keep it a local of the C function).
struct ProgressHook {
  candor_progress callback = nullptr;
  void* user_data = nullptr;
  static bool Call(int64_t done, int64_t total, void* self) {
    const auto* hook = static_cast<const ProgressHook*>(self);
    return hook->callback(done, total, hook->user_data) != 0;
  }
  Progress progress() const {
    return callback == nullptr ? Progress() : Progress{&Call, const_cast<ProgressHook*>(this)};
  }
};

}  // namespace candor::capi

#endif  // CANDOR_CAPI_OPTIONS_HPP_
