// TranscodeToUtf8: input in another encoding (Windows-1252, Latin-1, ...)
// converted to UTF-8 with ICU's converters (ucnv), stopping at the first byte
// sequence that the encoding does not define.
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <candor/csv.hpp>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace candor {
namespace {

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Result<Converter> Open(const std::string& name) {
  UErrorCode error = U_ZERO_ERROR;
  Converter converter(ucnv_open(name.c_str(), &error));
  if (U_FAILURE(error) || converter == nullptr) {
    return InvalidArgument("encoding '" + name +
                           "' is not known (e.g. windows-1252, latin1, ISO-8859-15, UTF-16)");
  }
  // Stop at undefined or illegal bytes instead of substituting U+FFFD.
  error = U_ZERO_ERROR;
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &error);
  ucnv_setFromUCallBack(converter.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                        &error);
  if (U_FAILURE(error)) return InvalidArgument("encoding '" + name + "': " + u_errorName(error));
  return converter;
}

}  // namespace

Result<std::string> TranscodeToUtf8(std::string_view data, const std::string& encoding) {
  Result<Converter> source = Open(encoding);
  if (!source.ok()) return source.status();
  UErrorCode name_error = U_ZERO_ERROR;
  const char* canonical = ucnv_getName(source->get(), &name_error);
  if (U_SUCCESS(name_error) && canonical != nullptr && std::string(canonical) == "UTF-8") {
    return std::string(data);
  }
  Result<Converter> target = Open("UTF-8");
  if (!target.ok()) return target.status();

  std::string out;
  out.resize(std::max<size_t>(data.size() + data.size() / 2, 64));
  UChar pivot[1024];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  const char* in = data.data();
  const char* const in_end = data.data() + data.size();
  size_t written = 0;
  bool first = true;
  while (true) {
    char* target_start = &out[0] + written;
    char* target_now = target_start;
    UErrorCode error = U_ZERO_ERROR;
    ucnv_convertEx(target->get(), source->get(), &target_now, &out[0] + out.size(), &in, in_end,
                   pivot, &pivot_source, &pivot_target, pivot + 1024,
                   /*reset=*/first, /*flush=*/true, &error);
    first = false;
    written += static_cast<size_t>(target_now - target_start);
    if (error == U_BUFFER_OVERFLOW_ERROR) {
      out.resize(out.size() * 2);
      continue;
    }
    if (U_FAILURE(error)) {
      char bad[32];
      int8_t bad_length = sizeof(bad);
      UErrorCode ignored = U_ZERO_ERROR;
      ucnv_getInvalidChars(source->get(), bad, &bad_length, &ignored);
      const size_t offset = static_cast<size_t>(in - data.data()) -
                            static_cast<size_t>(std::max<int8_t>(bad_length, 0));
      const size_t line =
          1 + static_cast<size_t>(std::count(data.begin(), data.begin() + offset, '\n'));
      return InvalidUtf8("line " + std::to_string(line) + ": byte offset " +
                         std::to_string(offset) + " of the input is not a character of encoding '" +
                         encoding + "' (" + u_errorName(error) + ")");
    }
    break;
  }
  out.resize(written);
  return out;
}

}  // namespace candor
