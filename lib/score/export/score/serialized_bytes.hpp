// Little-endian integers and doubles written byte by byte, and the FNV-1a
// checksum: what the accumulators' serialized forms are made of.
#ifndef CANDOR_SCORE_SERIALIZED_BYTES_HPP_
#define CANDOR_SCORE_SERIALIZED_BYTES_HPP_

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

}  // namespace candor::internal

#endif  // CANDOR_SCORE_SERIALIZED_BYTES_HPP_
