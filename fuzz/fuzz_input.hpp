// fuzz/fuzz_input.hpp — what every fuzz target shares: splitting the
// fuzzer's bytes into control values and a body, and checks that abort (so
// libFuzzer reports them) when a result breaks an invariant.
//
// Input layout of every target: control values are read from the FRONT, in
// the order the target asks for them; whatever is left is the body (CSV,
// JSON, a lexicon, comments ...). When the input runs out every read returns
// zero, so a short input is still a valid one. fuzz/make_corpus.py writes
// seeds in the same layout (a control block, then a real file).
#ifndef CANDOR_FUZZ_FUZZ_INPUT_HPP_
#define CANDOR_FUZZ_FUZZ_INPUT_HPP_

#include <candor.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace candor_fuzz {

class FuzzInput {
 public:
  FuzzInput(const uint8_t* data, size_t size)
      : data_(reinterpret_cast<const char*>(data)), size_(size) {}

  size_t remaining() const { return size_ - pos_; }

  // The next byte; 0 once the input is used up.
  uint8_t Byte() { return pos_ < size_ ? static_cast<uint8_t>(data_[pos_++]) : 0; }

  // The next sizeof(T) bytes, little-endian as stored, zero-padded at the end.
  template <typename T>
  T Raw() {
    unsigned char bytes[sizeof(T)] = {};
    const size_t take = remaining() < sizeof(T) ? remaining() : sizeof(T);
    std::memcpy(bytes, data_ + pos_, take);
    pos_ += take;
    T value;
    std::memcpy(&value, bytes, sizeof(T));
    return value;
  }

  // A value in [0, n) from one byte (n <= 256) or four; 0 when n is 0.
  uint32_t Below(uint32_t n) {
    if (n == 0) return 0;
    if (n <= 256) return Byte() % n;
    return Raw<uint32_t>() % n;
  }

  // One of `values`, by one byte.
  template <typename T, size_t N>
  T Pick(const T (&values)[N]) {
    return values[Byte() % N];
  }

  // A length-prefixed string (one length byte, capped at max_length).
  std::string String(size_t max_length = 255) {
    size_t length = Byte();
    if (length > max_length) length = max_length;
    if (length > remaining()) length = remaining();
    std::string s(data_ + pos_, length);
    pos_ += length;
    return s;
  }

  // Everything not read yet.
  std::string_view Rest() {
    std::string_view rest(data_ + pos_, size_ - pos_);
    pos_ = size_;
    return rest;
  }

 private:
  const char* data_;
  size_t size_;
  size_t pos_ = 0;
};

// C lets callers store any int in an enum field; in C++ loading an
// out-of-range value through the enum type is undefined (UBSan reports it),
// so the targets read and write such fields as ints.
template <typename Enum>
int RawEnumValue(const Enum& field) {
  static_assert(sizeof(Enum) == sizeof(int), "C enums are int-sized");
  int value;
  std::memcpy(&value, &field, sizeof(value));
  return value;
}
template <typename Enum>
void SetRawEnum(Enum* field, int value) {
  static_assert(sizeof(Enum) == sizeof(int), "C enums are int-sized");
  std::memcpy(field, &value, sizeof(value));
}

// `text` cut at every `separator`, at most max_pieces pieces (the last one
// keeps the rest).
inline std::vector<std::string_view> Split(std::string_view text, char separator,
                                           size_t max_pieces) {
  std::vector<std::string_view> pieces;
  while (!text.empty() || pieces.empty()) {
    const size_t at = text.find(separator);
    if (at == std::string_view::npos || pieces.size() + 1 == max_pieces) {
      pieces.push_back(text);
      break;
    }
    pieces.push_back(text.substr(0, at));
    text.remove_prefix(at + 1);
  }
  return pieces;
}

// Doubles worth trying as weights, levels and options: ordinary values, the
// edges of the double range, and non-finite ones.
inline double InterestingDouble(FuzzInput& in) {
  static const double kValues[] = {0.0,   1.0,      0.5,       1.5,  2.0,  -1.0,  1e-300, 4.9e-324,
                                   1e300, 1e308,    1.7e308,   1e16, 0.95, 0.999, 1e-9,   100.0,
                                   -0.0,  INFINITY, -INFINITY, NAN,  0.05, 3.0,   1e-5,   30.0};
  const uint8_t choice = in.Byte();
  if (choice < 2 * (sizeof(kValues) / sizeof(kValues[0]))) {
    return kValues[choice % (sizeof(kValues) / sizeof(kValues[0]))];
  }
  return in.Raw<double>();
}

// What the current input asks for, in words, printed with a broken invariant
// (targets fill it when it helps to read a reproducer).
inline std::string& Context() {
  static std::string context;
  return context;
}

// Reports a broken invariant and aborts: libFuzzer records the input.
[[noreturn]] inline void Fail(const char* where, const std::string& what) {
  std::fprintf(stderr, "candor fuzz invariant broken in %s: %s\n", where, what.c_str());
  if (!Context().empty()) std::fprintf(stderr, "input: %s\n", Context().c_str());
  std::fflush(stderr);
  std::abort();
}

#define CANDOR_FUZZ_CHECK(condition, where)                                      \
  do {                                                                           \
    if (!(condition)) ::candor_fuzz::Fail((where), "check failed: " #condition); \
  } while (0)

// A status must be one of the enum's values: anything else is a bug.
inline void CheckStatus(candor_status status, const char* where) {
  if (static_cast<int>(status) < CANDOR_OK || static_cast<int>(status) > CANDOR_CANCELLED) {
    Fail(where, "unknown status " + std::to_string(static_cast<int>(status)));
  }
  if (status != CANDOR_OK && candor_last_error()[0] == '\0') {
    Fail(where, std::string(candor_status_name(status)) + " without a message");
  }
}

inline std::string Describe(const candor_estimate& e) {
  char text[256];
  std::snprintf(text, sizeof(text), "value %.17g, std_error %.17g, ci [%.17g, %.17g], n %lld",
                e.value, e.std_error, e.ci_low, e.ci_high, static_cast<long long>(e.n));
  return text;
}

// What an estimate returned as CANDOR_OK promises (issue 11, bug 3): a finite
// value, standard error and interval, with ci_low <= ci_high.
inline void CheckEstimate(const candor_estimate& e, const char* where) {
  if (!std::isfinite(e.value) || !std::isfinite(e.std_error) || !std::isfinite(e.ci_low) ||
      !std::isfinite(e.ci_high) || !(e.ci_low <= e.ci_high) || e.std_error < 0 || e.n < 0) {
    Fail(where, "estimate returned as CANDOR_OK: " + Describe(e));
  }
}

inline void CheckComparison(const candor_comparison& c, const char* where) {
  CheckEstimate(c.a, where);
  CheckEstimate(c.b, where);
  if (!std::isfinite(c.difference) || !std::isfinite(c.std_error) || !std::isfinite(c.ci_low) ||
      !std::isfinite(c.ci_high) || !(c.ci_low <= c.ci_high) || c.std_error < 0) {
    char text[256];
    std::snprintf(text, sizeof(text),
                  "comparison returned as CANDOR_OK: difference %.17g, std_error %.17g, "
                  "ci [%.17g, %.17g]",
                  c.difference, c.std_error, c.ci_low, c.ci_high);
    Fail(where, text);
  }
}

inline std::string Describe(const candor_score_options& o) {
  char text[320];
  std::snprintf(text, sizeof(text),
                "options{metric %d, scale %d..%d, promoter_min %d, detractor_max %d, box %d, "
                "interval %d, level %.17g, prior %.17g, replicates %d, seed %llu, p_adjust %d}",
                RawEnumValue(o.metric), o.scale_min, o.scale_max, o.promoter_min, o.detractor_max,
                o.box_size, RawEnumValue(o.interval), o.level, o.prior, o.replicates,
                static_cast<unsigned long long>(o.seed), RawEnumValue(o.p_adjust));
  return text;
}

// Score options from the input: mostly valid (a preset, then a few fields
// changed), sometimes every field raw. Bootstrap replicates are capped so a
// legitimately slow request does not read as a hang; threads are 1 (results
// never depend on them, and the fuzzer runs one thread).
inline candor_score_options ScoreOptions(FuzzInput& in) {
  candor_score_options o;
  candor_score_options_init(&o);
  const uint8_t mode = in.Byte();
  if ((mode & 3) == 3) {
    o = in.Raw<candor_score_options>();
    o.size = sizeof(o);
  } else {
    candor_score_options_preset(&o, sizeof(o), static_cast<candor_preset>(mode % 4));
    const uint8_t change = in.Byte();
    if (change & 1) SetRawEnum(&o.metric, static_cast<int>(in.Below(5)));
    if (change & 2) SetRawEnum(&o.interval, static_cast<int>(in.Below(5)));
    if (change & 4) {
      o.scale_min = static_cast<int8_t>(in.Byte());
      o.scale_max = o.scale_min + static_cast<int8_t>(in.Byte());
    }
    if (change & 8) {
      o.promoter_min = static_cast<int8_t>(in.Byte());
      o.detractor_max = static_cast<int8_t>(in.Byte());
    }
    if (change & 16) o.box_size = static_cast<int8_t>(in.Byte());
    if (change & 32) o.level = InterestingDouble(in);
    if (change & 64) o.prior = InterestingDouble(in);
    if (change & 128) SetRawEnum(&o.p_adjust, static_cast<int>(in.Below(4)));
  }
  if (o.replicates > 200) o.replicates = 200;
  o.threads = 1;
  return o;
}

// The serialized bytes of an accumulator from the rest of the input. Both
// accumulator formats end with the FNV-1a (64-bit) hash of what precedes it
// (lib/score/export/score/serialized_bytes.hpp); with fix_checksum that hash is written
// in, so that the fuzzer reaches the checks behind it instead of stopping at
// the checksum.
inline std::vector<uint8_t> SerializedBytes(std::string_view rest, bool fix_checksum) {
  std::vector<uint8_t> bytes(rest.begin(), rest.end());
  if (fix_checksum && bytes.size() >= 8) {
    uint64_t hash = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < bytes.size() - 8; ++i) {
      hash ^= bytes[i];
      hash *= 0x100000001b3ULL;
    }
    for (int b = 0; b < 8; ++b) bytes[bytes.size() - 8 + b] = static_cast<uint8_t>(hash >> (8 * b));
  }
  return bytes;
}

}  // namespace candor_fuzz

#endif  // CANDOR_FUZZ_FUZZ_INPUT_HPP_
