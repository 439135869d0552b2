// StringIndex against std::unordered_map: the same ids for the same keys,
// kNotFound for keys never added, across growth and Clear(), for keys the
// slot heads could confuse (shared prefixes and suffixes, every length
// around 4, 8 and 16 bytes, embedded zero bytes, long keys equal in their
// first and last 8 bytes), growing as keys come or reserved up front.
#include "common/string_index.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

namespace candor::internal {
namespace {

std::vector<std::string> TrickyKeys() {
  std::vector<std::string> keys = {"", std::string(1, '\0'), std::string(2, '\0'), "a",
                                   std::string("a\0", 2), std::string("\0a", 2)};
  for (size_t n = 1; n <= 40; ++n) {
    keys.push_back(std::string(n, 'x'));
    keys.push_back(std::string(n - 1, 'x') + 'y');
    keys.push_back('y' + std::string(n - 1, 'x'));
    if (n >= 3) keys.push_back('x' + std::string(n - 2, 'z') + 'x');
    if (n >= 17) {
      // Same first 8 and last 8 bytes, different middle.
      std::string middle = std::string(8, 'a') + std::string(n - 16, 'm') + std::string(8, 'b');
      keys.push_back(middle);
      middle[8] = 'n';
      keys.push_back(middle);
    }
  }
  return keys;
}

TEST(StringIndex, AgreesWithAnUnorderedMap) {
  std::vector<std::string> keys = TrickyKeys();
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<int> length(0, 24);
  std::uniform_int_distribution<int> letter(0, 5);  // few letters: many near-collisions
  for (int i = 0; i < 20000; ++i) {
    std::string key(static_cast<size_t>(length(rng)), 'a');
    for (char& c : key) c = static_cast<char>('a' + letter(rng));
    keys.push_back(key);
  }
  for (int round = 0; round < 2; ++round) {
    StringIndex index;
    std::unordered_map<std::string, uint32_t> expected;
    // Add the first half; look up everything (the second half is absent).
    const size_t half = keys.size() / 2;
    if (round == 1) index.Reserve(half);  // the second round grows at once
    for (size_t i = 0; i < half; ++i) {
      bool added = false;
      const uint32_t id = index.Insert(keys[i], &added);
      auto [it, inserted] = expected.emplace(keys[i], static_cast<uint32_t>(expected.size()));
      EXPECT_EQ(added, inserted) << i;
      EXPECT_EQ(id, it->second) << i;
    }
    ASSERT_EQ(index.size(), expected.size());
    for (const std::string& key : keys) {
      auto it = expected.find(key);
      const uint32_t want = it == expected.end() ? StringIndex::kNotFound : it->second;
      EXPECT_EQ(index.Find(key), want) << key.size();
      EXPECT_EQ(index.Find(key, index.Hash(key)), want);
      if (want != StringIndex::kNotFound) EXPECT_EQ(index.key(want), key);
    }
    index.Clear();
    EXPECT_EQ(index.size(), 0u);
    EXPECT_EQ(index.Find(keys[0]), StringIndex::kNotFound);
    std::shuffle(keys.begin(), keys.end(), rng);
  }
}

}  // namespace
}  // namespace candor::internal
