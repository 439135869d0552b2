// Large scratch arrays whose pages are made present in one step. A fresh
// array of tens of megabytes from new[] is mapped lazily by the kernel, one
// page fault per 4 KiB page on first touch (at 160 MB, 40,000 faults, about
// a seventh of a paired DeLong test's time). Mapping it with MAP_POPULATE
// faults every page in within the one mmap call, which costs a fraction of
// that. Small arrays, or systems without mmap, or a failed mmap: new[].
#ifndef CANDOR_COMMON_PREFAULTED_BUFFER_HPP_
#define CANDOR_COMMON_PREFAULTED_BUFFER_HPP_

#include <cstddef>
#include <limits>
#include <new>
#include <type_traits>

namespace candor::internal {

// Raw memory of a given size, aligned for any fundamental type, contents
// unspecified. Move-only; released on destruction.
class PrefaultedMemory {
 public:
  // Below this many bytes the memory comes from new[] (the allocator's
  // pages are likely present already, and a mapping per call costs more).
  static constexpr size_t kMapThreshold = size_t{4} << 20;

  PrefaultedMemory() = default;
  // Throws std::bad_alloc when neither mmap nor new[] can provide `bytes`,
  // as new[] does.
  explicit PrefaultedMemory(size_t bytes);
  PrefaultedMemory(PrefaultedMemory&& other) noexcept;
  PrefaultedMemory& operator=(PrefaultedMemory&& other) noexcept;
  PrefaultedMemory(const PrefaultedMemory&) = delete;
  PrefaultedMemory& operator=(const PrefaultedMemory&) = delete;
  ~PrefaultedMemory();

  void* data() const { return data_; }
  size_t size() const { return size_; }
  // True when the memory is a prefaulted mapping (false: new[], or empty).
  bool mapped() const { return mapped_; }

 private:
  void Release();

  void* data_ = nullptr;
  size_t size_ = 0;
  bool mapped_ = false;
};

// An uninitialized array of n trivially copyable items on PrefaultedMemory.
template <typename Item>
class PrefaultedArray {
  static_assert(std::is_trivially_copyable<Item>::value &&
                    std::is_trivially_default_constructible<Item>::value,
                "items are plain bytes, written before they are read");

 public:
  // Throws std::bad_array_new_length when n items overflow size_t, as new[]
  // does.
  explicit PrefaultedArray(size_t n) : memory_(Bytes(n)) {}
  Item* get() const { return static_cast<Item*>(memory_.data()); }
  bool mapped() const { return memory_.mapped(); }

 private:
  static size_t Bytes(size_t n) {
    if (n > std::numeric_limits<size_t>::max() / sizeof(Item)) throw std::bad_array_new_length();
    return n * sizeof(Item);
  }

  PrefaultedMemory memory_;
};

}  // namespace candor::internal

#endif  // CANDOR_COMMON_PREFAULTED_BUFFER_HPP_
