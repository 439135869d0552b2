// Time zone names are tz database identifiers, never file paths: absolute
// paths, '..' traversal, Abseil's "file:" prefix, NUL, backslash, overlong
// names and a FIFO behind '..' are refused before anything is opened; every
// name in the installed tz database is still accepted.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <candor/trend_buckets.hpp>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "trend_buckets/time_zone.hpp"

namespace candor {
namespace {

namespace fs = std::filesystem;

// 2026-01-01 04:00 UTC: still 2025-12-31 in zones west of UTC-4.
constexpr int64_t kJan1At4Utc = 1767225600 + 4 * 3600;

// Where Abseil looks up names: $TZDIR, else /usr/share/zoneinfo.
fs::path TzDir() {
  const char* dir = std::getenv("TZDIR");
  return dir != nullptr && *dir != '\0' ? fs::path(dir) : fs::path("/usr/share/zoneinfo");
}

// Enough '..' to climb from the tz directory to '/' (extra ones stay at '/').
std::string UpToRoot() {
  std::string up;
  for (int i = 0; i < 16; ++i) up += "../";
  return up;
}

Status AssignStatus(const std::string& zone) {
  const int64_t times[] = {kJan1At4Utc};
  return AssignCalendarBuckets(times, 1, BucketPeriod::kDay, zone).status();
}

// The name is refused as a name (not merely "unknown"), with the reason.
void ExpectRefused(const std::string& zone, const std::string& reason) {
  const Status s = AssignStatus(zone);
  EXPECT_EQ(s.code(), CANDOR_INVALID_ARGUMENT) << zone;
  EXPECT_NE(s.message().find("is not a tz database name"), std::string::npos)
      << zone << ": " << s.message();
  EXPECT_NE(s.message().find(reason), std::string::npos) << zone << ": " << s.message();
  // The message says what a valid name looks like.
  EXPECT_NE(s.message().find("\"Europe/London\""), std::string::npos) << s.message();
}

class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "candor_tz_XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

TEST(TimeZoneNameTest, IanaNamesStillWork) {
  for (const char* zone :
       {"UTC", "Etc/GMT+5", "Etc/GMT-14", "America/Argentina/Buenos_Aires", "EST5EDT", "GMT-0",
        "Europe/London", "America/Port-au-Prince", "America/Argentina/ComodRivadavia"}) {
    const int64_t times[] = {kJan1At4Utc};
    Result<CalendarBuckets> b = AssignCalendarBuckets(times, 1, BucketPeriod::kDay, zone);
    ASSERT_TRUE(b.ok()) << zone << ": " << b.status().message();
  }
  // Etc/GMT+5 is UTC-5 (POSIX sign): 04:00 UTC is the previous local day.
  const int64_t times[] = {kJan1At4Utc};
  Result<CalendarBuckets> west = AssignCalendarBuckets(times, 1, BucketPeriod::kDay, "Etc/GMT+5");
  ASSERT_TRUE(west.ok());
  EXPECT_EQ(west->labels[0], "2025-12-31");
  EXPECT_EQ(west->starts[0], 1767225600 - 86400 + 5 * 3600);
}

TEST(TimeZoneNameTest, EveryNameInTheTzDatabaseIsAccepted) {
  const fs::path dir = TzDir();
  ASSERT_TRUE(fs::is_directory(dir)) << dir << " (tzdata) is missing";
  size_t zones = 0;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream file(entry.path(), std::ios::binary);
    char magic[4] = {};
    if (!file.read(magic, 4) || std::string(magic, 4) != "TZif") continue;  // zone.tab etc.
    const std::string name = entry.path().lexically_relative(dir).string();
    EXPECT_TRUE(internal::CheckTimeZoneName(name).ok())
        << name << ": " << internal::CheckTimeZoneName(name).message();
    ++zones;
  }
  EXPECT_GT(zones, 300u) << "too few zones found under " << dir;
}

TEST(TimeZoneNameTest, FilePathsAreRefused) {
  const std::string tokyo = (TzDir() / "Asia" / "Tokyo").string();
  ASSERT_TRUE(fs::is_regular_file(tokyo)) << tokyo;
  ExpectRefused(tokyo, "starts with '/'");
  ExpectRefused(UpToRoot() + tokyo.substr(1), "'..' component");
  ExpectRefused("Asia/../Asia/Tokyo", "'..' component");
  ExpectRefused("./UTC", "'.' component");
  ExpectRefused("Asia/./Tokyo", "'.' component");
  ExpectRefused("file:" + tokyo, "contains ':'");  // Abseil opens "file:PATH" as PATH
  ExpectRefused("Asia\\Tokyo", "backslash");
  ExpectRefused("Asia//Tokyo", "empty component");
  ExpectRefused("Asia/Tokyo/", "empty component");
  ExpectRefused("-Asia/Tokyo", "starts with '-'");

  // A zone file copied anywhere else is not reachable either.
  TempDir temp;
  ASSERT_FALSE(temp.path().empty());
  const fs::path copy = temp.path() / "Tokyo";
  fs::copy_file(tokyo, copy);
  ExpectRefused(UpToRoot() + copy.string().substr(1), "'..' component");
  ExpectRefused(copy.string(), "starts with '/'");
}

TEST(TimeZoneNameTest, NulIsRefusedNotCut) {
  // Before: the name was cut at the NUL and Asia/Tokyo loaded.
  ExpectRefused(std::string("Asia/Tokyo\0/../../x", 19), "NUL");
  ExpectRefused(std::string("Asia/Tokyo\0", 11), "NUL");
}

TEST(TimeZoneNameTest, EmptyAndOverlongNamesAreRefused) {
  const Status empty = AssignStatus("");
  EXPECT_EQ(empty.code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(empty.message().find("empty"), std::string::npos) << empty.message();
  EXPECT_NE(empty.message().find("\"Europe/London\""), std::string::npos) << empty.message();

  std::string long_name = "Abcdefghijklmn";  // 14 characters: the longest component
  while (long_name.size() <= internal::kMaxTimeZoneNameLength) long_name += "/Abcdefghijklmn";
  ExpectRefused(long_name, "more than 64");
  ExpectRefused(std::string(100000, 'A'), "more than 14");
  ExpectRefused("Europe/Abcdefghijklmno", "more than 14");  // a 15-character component
}

TEST(TimeZoneNameTest, BucketOptionsRefuseAPath) {
  BucketOptions options;
  options.time_zone = "../../../../etc/localtime";
  const Status s = options.Validate();
  EXPECT_EQ(s.code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(s.message().find("'..' component"), std::string::npos) << s.message();

  const double scores[] = {10, 9, 3};
  const int64_t times[] = {kJan1At4Utc, kJan1At4Utc + 5, kJan1At4Utc + 9};
  options = BucketOptions{};
  options.time_zone = "/etc/localtime";
  const Status t =
      TimeBuckets(Metric::Nps(), IntervalOptions{},
                  BucketResponses{scores, times, 3, nullptr, nullptr, nullptr}, options)
          .status();
  EXPECT_EQ(t.code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(t.message().find("starts with '/'"), std::string::npos) << t.message();
}

// A FIFO reached through '..' must be refused by its name: opening it would
// block until a writer comes. A watchdog opens the write end after a few
// seconds, so a regression fails here instead of hanging.
TEST(TimeZoneNameTest, FifoBehindDotDotIsRefusedWithoutOpeningIt) {
  TempDir temp;
  ASSERT_FALSE(temp.path().empty());
  const fs::path fifo = temp.path() / "fifo";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);

  std::atomic<bool> done{false};
  std::atomic<bool> opened{false};
  std::thread watchdog([&] {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!done.load()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      if (std::chrono::steady_clock::now() < deadline) continue;
      // Succeeds only while a reader has the FIFO open; the reader then
      // sees end of file and returns.
      const int fd = open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
      if (fd >= 0) {
        opened = true;
        close(fd);
      }
    }
  });
  const Status s = AssignStatus(UpToRoot() + fifo.string().substr(1));
  done = true;
  watchdog.join();
  EXPECT_FALSE(opened.load()) << "the FIFO was opened as a zone file";
  EXPECT_EQ(s.code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(s.message().find("'..' component"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace candor
