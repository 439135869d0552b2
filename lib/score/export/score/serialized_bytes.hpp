// Little-endian integers and doubles written byte by byte, the FNV-1a
// checksum, and the frame the mergeable states share: what the accumulators'
// serialized forms are made of.
#ifndef CANDOR_SCORE_SERIALIZED_BYTES_HPP_
#define CANDOR_SCORE_SERIALIZED_BYTES_HPP_

#include <candor/status.hpp>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace candor::internal {

inline void PutBytes(uint64_t value, int bytes, std::string* out) {
  for (int b = 0; b < bytes; ++b) out->push_back(static_cast<char>((value >> (8 * b)) & 0xff));
}

inline uint64_t GetBytes(std::string_view in, size_t offset, int bytes) {
  uint64_t value = 0;
  for (int b = 0; b < bytes; ++b) {
    value |= static_cast<uint64_t>(static_cast<unsigned char>(in[offset + b])) << (8 * b);
  }
  return value;
}

inline uint64_t DoubleBits(double x) {
  uint64_t bits;
  std::memcpy(&bits, &x, sizeof(bits));
  return bits;
}

inline double BitsToDouble(uint64_t bits) {
  double x;
  std::memcpy(&x, &bits, sizeof(x));
  return x;
}

// FNV-1a, 64-bit (Fowler, Noll and Vo): catches garbled bytes.
inline uint64_t Fnv1a(std::string_view bytes) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// The error for bytes too short to hold what they announce; `what` names the
// state ("account accumulator").
inline Status TruncatedBytes(std::string_view bytes, const std::string& what) {
  return ParseError(what + " bytes are truncated (" + std::to_string(bytes.size()) + " bytes)");
}

// The frame of the account, bucket and driver accumulators' bytes: 4 magic
// bytes, a u16 format version, the body, and a u64 FNV-1a hash of everything
// before it. OK when there are at least min_size bytes, the magic and
// version are these, and the hash matches; else CANDOR_PARSE_ERROR naming
// `what` and what is wrong.
inline Status CheckFrame(std::string_view bytes, const char (&magic)[4], uint16_t version,
                         size_t min_size, const std::string& what) {
  if (bytes.size() < min_size) return TruncatedBytes(bytes, what);
  if (std::memcmp(bytes.data(), magic, sizeof(magic)) != 0) {
    return ParseError("not a candor " + what + " (the magic bytes are not \"" +
                      std::string(magic, sizeof(magic)) + "\")");
  }
  const uint16_t found = static_cast<uint16_t>(GetBytes(bytes, 4, 2));
  if (found != version) {
    return ParseError(what + " format version " + std::to_string(found) +
                      " is not supported (this build reads version " + std::to_string(version) +
                      ")");
  }
  const size_t body = bytes.size() - 8;
  if (GetBytes(bytes, body, 8) != Fnv1a(bytes.substr(0, body))) {
    return ParseError(what + " bytes are corrupted (checksum mismatch)");
  }
  return OkStatus();
}

}  // namespace candor::internal

#endif  // CANDOR_SCORE_SERIALIZED_BYTES_HPP_
