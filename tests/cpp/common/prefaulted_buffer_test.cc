// Prefaulted scratch memory: the right kind of memory for its size, usable
// to its last byte, moved and released cleanly, and bad_alloc (as new[])
// when there is none.
#include "common/prefaulted_buffer.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <new>
#include <utility>

#if defined(__linux__)
#include <sys/resource.h>
#include <unistd.h>

#include <fstream>
#endif

namespace candor::internal {
namespace {

void FillAndCheck(const PrefaultedMemory& memory) {
  auto* bytes = static_cast<unsigned char*>(memory.data());
  std::memset(bytes, 0xA5, memory.size());
  EXPECT_EQ(bytes[0], 0xA5);
  EXPECT_EQ(bytes[memory.size() / 2], 0xA5);
  EXPECT_EQ(bytes[memory.size() - 1], 0xA5);
}

TEST(PrefaultedMemory, SmallComesFromTheAllocator) {
  PrefaultedMemory memory(1000);
  ASSERT_NE(memory.data(), nullptr);
  EXPECT_EQ(memory.size(), 1000u);
  EXPECT_FALSE(memory.mapped());
  FillAndCheck(memory);
}

TEST(PrefaultedMemory, LargeIsMappedOnLinux) {
  PrefaultedMemory memory(PrefaultedMemory::kMapThreshold + 12345);
  ASSERT_NE(memory.data(), nullptr);
  EXPECT_EQ(memory.size(), PrefaultedMemory::kMapThreshold + 12345);
#if defined(__linux__)
  EXPECT_TRUE(memory.mapped());
#endif
  EXPECT_EQ(reinterpret_cast<uintptr_t>(memory.data()) % alignof(std::max_align_t), 0u);
  FillAndCheck(memory);
}

TEST(PrefaultedMemory, EmptyHasNoData) {
  PrefaultedMemory memory(0);
  EXPECT_EQ(memory.data(), nullptr);
  EXPECT_EQ(memory.size(), 0u);
  PrefaultedMemory none;
  EXPECT_EQ(none.data(), nullptr);
}

TEST(PrefaultedMemory, MovesOwnership) {
  for (size_t bytes : {size_t{64}, PrefaultedMemory::kMapThreshold}) {
    PrefaultedMemory a(bytes);
    void* const data = a.data();
    const bool mapped = a.mapped();
    PrefaultedMemory b(std::move(a));
    EXPECT_EQ(a.data(), nullptr);  // NOLINT(bugprone-use-after-move): the moved-from state
    EXPECT_EQ(b.data(), data);
    EXPECT_EQ(b.mapped(), mapped);
    PrefaultedMemory c(16);
    c = std::move(b);  // releases c's own memory
    EXPECT_EQ(c.data(), data);
    EXPECT_EQ(c.size(), bytes);
    FillAndCheck(c);
  }
}

TEST(PrefaultedArray, HoldsItemsAndRefusesAnOverflowingCount) {
  struct Item {
    uint64_t key;
    uint64_t row;
  };
  const size_t n = PrefaultedMemory::kMapThreshold / sizeof(Item) + 1;
  PrefaultedArray<Item> items(n);
  for (size_t i = 0; i < n; ++i) items.get()[i] = {i, n - i};
  EXPECT_EQ(items.get()[n - 1].key, n - 1);
  EXPECT_EQ(items.get()[n - 1].row, 1u);
  EXPECT_THROW(PrefaultedArray<Item>(std::numeric_limits<size_t>::max() / 8),
               std::bad_array_new_length);
}

#if defined(__linux__) && !defined(__SANITIZE_ADDRESS__)
// With the address space capped just above what the process uses, the mapping
// fails, and so does the fallback to new[]: std::bad_alloc, as new[] alone
// would throw, and no crash. (In a child process: the cap stays there. Not
// under AddressSanitizer, whose own allocator aborts instead of throwing.)
// Exits 0 when PrefaultedMemory throws std::bad_alloc for 256 MB under a
// 16 MB margin of address space, 2 when the cap cannot be set, 3 otherwise.
[[noreturn]] void AllocateUnderCappedAddressSpace() {
  std::ifstream statm("/proc/self/statm");
  size_t pages = 0;
  statm >> pages;
  const rlim_t used = static_cast<rlim_t>(pages) * static_cast<rlim_t>(sysconf(_SC_PAGESIZE));
  rlimit cap;
  cap.rlim_cur = cap.rlim_max = used + (rlim_t{16} << 20);
  if (setrlimit(RLIMIT_AS, &cap) != 0) std::_Exit(2);
  try {
    PrefaultedMemory memory(size_t{256} << 20);
    std::_Exit(3);
  } catch (const std::bad_alloc&) {
    std::_Exit(0);
  }
}

TEST(PrefaultedMemoryDeathTest, ThrowsBadAllocWithoutAddressSpace) {
  EXPECT_EXIT(AllocateUnderCappedAddressSpace(), ::testing::ExitedWithCode(0), "");
}
#endif

}  // namespace
}  // namespace candor::internal
