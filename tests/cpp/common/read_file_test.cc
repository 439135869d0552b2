// internal::ReadRegularFile (lib/common/export/common/read_file.hpp): only regular files, never
// blocking, within max_bytes before and while reading.
#include "common/read_file.hpp"

#include <gtest/gtest.h>

#include <string>

#include "support/special_files.hpp"

namespace candor::internal {
namespace {

using testing_files::ExpectStatus;
using testing_files::ReadsFifoWithoutBlocking;
using testing_files::ScratchDir;

TEST(ReadRegularFile, ReadsARegularFile) {
  ScratchDir dir;
  const std::string text = "score\n10\n";
  const std::string path = dir.File("a.csv", text.size(), text);
  ASSERT_FALSE(path.empty());
  std::string contents = "replaced";
  ASSERT_TRUE(ReadRegularFile(path, 0, &contents).ok());
  EXPECT_EQ(contents, text);
  const std::string empty = dir.File("empty.csv", 0);
  ASSERT_TRUE(ReadRegularFile(empty, 0, &contents).ok());
  EXPECT_EQ(contents, "");
}

TEST(ReadRegularFile, ReadsAFileLargerThanItsFirstBuffer) {
  // 3 MiB of a sparse file: zeros after the head, read across many reads.
  ScratchDir dir;
  const uint64_t size = uint64_t{3} << 20;
  const std::string path = dir.File("big.bin", size, "head");
  ASSERT_FALSE(path.empty());
  std::string contents;
  ASSERT_TRUE(ReadRegularFile(path, size, &contents).ok());
  ASSERT_EQ(contents.size(), size);
  EXPECT_EQ(contents.substr(0, 4), "head");
  EXPECT_EQ(contents.find_first_not_of('\0', 4), std::string::npos);
}

TEST(ReadRegularFile, MaxBytesIsInclusiveAndCheckedBeforeReading) {
  ScratchDir dir;
  const std::string path = dir.File("ten.txt", 10, "0123456789");
  ASSERT_FALSE(path.empty());
  std::string contents;
  EXPECT_TRUE(ReadRegularFile(path, 10, &contents).ok());
  EXPECT_EQ(contents, "0123456789");
  contents = "kept";
  ExpectStatus(ReadRegularFile(path, 9, &contents, "lexicon file"), CANDOR_INVALID_ARGUMENT,
               {"lexicon file '" + path + "'", "is 10 bytes", "limit of 9 bytes"});
  EXPECT_EQ(contents, "kept");  // untouched on error
  // Far over the limit: a sparse 1 TiB file is refused, not allocated.
  const std::string huge = dir.File("huge.bin", uint64_t{1} << 40);
  if (!huge.empty()) {  // file systems without sparse files of that size
    ExpectStatus(ReadRegularFile(huge, 1 << 20, &contents), CANDOR_INVALID_ARGUMENT,
                 {"is 1099511627776 bytes"});
  }
  // The largest limit does not wrap around.
  EXPECT_TRUE(ReadRegularFile(path, UINT64_MAX, &contents).ok());
}

TEST(ReadRegularFile, StopsWhenAFileOutgrowsItsLimitWhileRead) {
  // Files in /proc are regular but report size 0: the limit is enforced by
  // counting what is read, not only by the size seen before.
  std::string contents;
  ASSERT_TRUE(ReadRegularFile("/proc/self/status", 0, &contents).ok());
  EXPECT_NE(contents.find("Name:"), std::string::npos);
  ASSERT_GT(contents.size(), 10u);
  ExpectStatus(ReadRegularFile("/proc/self/status", 10, &contents), CANDOR_INVALID_ARGUMENT,
               {"/proc/self/status", "grew past the limit of 10 bytes"});
}

TEST(ReadRegularFile, RefusesAFifoWithoutBlocking) {
  ScratchDir dir;
  const std::string fifo = dir.Fifo("in.fifo");
  ASSERT_FALSE(fifo.empty());
  std::string contents;
  const Status status =
      ReadsFifoWithoutBlocking(fifo, [&] { return ReadRegularFile(fifo, 0, &contents); });
  ExpectStatus(status, CANDOR_IO_ERROR,
               {"file '" + fifo + "'", "a FIFO (named pipe), not a regular file"});
}

TEST(ReadRegularFile, RefusesDirectoriesAndDevices) {
  ScratchDir dir;
  std::string contents;
  ExpectStatus(ReadRegularFile(dir.path(), 0, &contents, "taxonomy file"), CANDOR_IO_ERROR,
               {"taxonomy file '" + dir.path() + "'", "a directory, not a regular file"});
  ExpectStatus(ReadRegularFile("/dev/null", 0, &contents), CANDOR_IO_ERROR,
               {"'/dev/null'", "a character device, not a regular file"});
  // Unbounded: a regression here would read until memory runs out, so the
  // limit bounds it to a failure.
  ExpectStatus(ReadRegularFile("/dev/zero", 1 << 20, &contents), CANDOR_IO_ERROR,
               {"'/dev/zero'", "a character device, not a regular file"});
}

TEST(ReadRegularFile, MissingAndBadPaths) {
  std::string contents;
  ExpectStatus(ReadRegularFile("/nonexistent/x.csv", 0, &contents), CANDOR_NOT_FOUND,
               {"cannot open file '/nonexistent/x.csv'", "No such file"});
  ExpectStatus(ReadRegularFile("", 0, &contents), CANDOR_NOT_FOUND, {"''"});
  // A path component that is a file.
  ExpectStatus(ReadRegularFile("/dev/null/x", 0, &contents), CANDOR_NOT_FOUND, {"/dev/null/x"});
  // C would see the path cut at the NUL, another file.
  ExpectStatus(ReadRegularFile(std::string("/etc/hostname\0.csv", 18), 0, &contents),
               CANDOR_INVALID_ARGUMENT, {"NUL"});
}

}  // namespace
}  // namespace candor::internal
