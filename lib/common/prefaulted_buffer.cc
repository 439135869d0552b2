#include "common/prefaulted_buffer.hpp"

#include <new>
#include <utility>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace candor::internal {

PrefaultedMemory::PrefaultedMemory(size_t bytes) : size_(bytes) {
  if (bytes == 0) return;
#if defined(__linux__) && defined(MAP_POPULATE)
  if (bytes >= kMapThreshold) {
    void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
    if (p != MAP_FAILED) {
      data_ = p;
      mapped_ = true;
      return;
    }
    // No mapping (address space or a limit): the ordinary allocator may
    // still succeed, or throws as new[] does.
  }
#endif
  data_ = ::operator new[](bytes);
}

PrefaultedMemory::PrefaultedMemory(PrefaultedMemory&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      mapped_(std::exchange(other.mapped_, false)) {}

PrefaultedMemory& PrefaultedMemory::operator=(PrefaultedMemory&& other) noexcept {
  if (this != &other) {
    Release();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
    mapped_ = std::exchange(other.mapped_, false);
  }
  return *this;
}

PrefaultedMemory::~PrefaultedMemory() { Release(); }

void PrefaultedMemory::Release() {
  if (data_ == nullptr) return;
#if defined(__linux__)
  if (mapped_) {
    munmap(data_, size_);
    data_ = nullptr;
    return;
  }
#endif
  ::operator delete[](data_);
  data_ = nullptr;
}

}  // namespace candor::internal
