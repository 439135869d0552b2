#include <gtest/gtest.h>

#include <candor/status.hpp>

namespace candor {
namespace {

Status FailIfNegative(int x) {
  if (x < 0) return OutOfRange("negative");
  return OkStatus();
}

Status Chain(int x) {
  CANDOR_RETURN_IF_ERROR(FailIfNegative(x));
  return InvalidArgument("reached the end");
}

TEST(Status, OkByDefault) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.code(), CANDOR_OK);
}

TEST(Status, ReturnIfErrorStopsEarly) {
  EXPECT_EQ(Chain(-1).code(), CANDOR_OUT_OF_RANGE);
  EXPECT_EQ(Chain(-1).message(), "negative");
  EXPECT_EQ(Chain(1).code(), CANDOR_INVALID_ARGUMENT);
}

TEST(Result, HoldsValueOrStatus) {
  Result<int> good(3);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 3);
  EXPECT_TRUE(good.status().ok());
  Result<int> bad(Empty("nothing"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), CANDOR_EMPTY);
}

}  // namespace
}  // namespace candor
