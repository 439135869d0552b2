// The library's readers of files (ReadCsv, Lexicon::LoadFile,
// Taxonomy::FromFile) refuse what is not a regular file, without blocking on
// a FIFO or reading a device without end, and honour their size limits.
#include <gtest/gtest.h>

#include <candor/csv.hpp>
#include <candor/text_sentiment.hpp>
#include <candor/text_taxonomy.hpp>
#include <string>

#include "support/special_files.hpp"

namespace candor {
namespace {

using testing_files::ExpectStatus;
using testing_files::ReadsFifoWithoutBlocking;
using testing_files::ScratchDir;
using text::Lexicon;
using text::LexiconFormat;
using text::Taxonomy;

Status ReadCsvStatus(const std::string& path, uint64_t max_bytes = 0) {
  CsvOptions options;
  options.max_bytes = max_bytes;
  return ReadCsv(path, options).status();
}
Status LoadLexiconStatus(const std::string& path) {
  return Lexicon::LoadFile(path, LexiconFormat::kCandor).status();
}
Status LoadTaxonomyStatus(const std::string& path) { return Taxonomy::FromFile(path).status(); }

// The three readers, by name, for the cases they share.
struct Reader {
  const char* name;
  Status (*read)(const std::string& path);
};
const Reader kReaders[] = {
    {"ReadCsv", [](const std::string& path) { return ReadCsvStatus(path); }},
    {"Lexicon::LoadFile", LoadLexiconStatus},
    {"Taxonomy::FromFile", LoadTaxonomyStatus},
};

TEST(FileReaders, RefuseAFifoWithoutBlocking) {
  ScratchDir dir;
  const std::string fifo = dir.Fifo("input.fifo");
  ASSERT_FALSE(fifo.empty());
  for (const Reader& reader : kReaders) {
    SCOPED_TRACE(reader.name);
    const Status status = ReadsFifoWithoutBlocking(fifo, [&] { return reader.read(fifo); });
    ExpectStatus(status, CANDOR_IO_ERROR, {fifo, "FIFO", "not a regular file"});
  }
}

TEST(FileReaders, RefuseADirectory) {
  // A directory used to load as an empty lexicon.
  ScratchDir dir;
  for (const Reader& reader : kReaders) {
    SCOPED_TRACE(reader.name);
    ExpectStatus(reader.read(dir.path()), CANDOR_IO_ERROR,
                 {dir.path(), "a directory, not a regular file"});
  }
}

TEST(FileReaders, RefuseCharacterDevices) {
  // /dev/null used to read as an empty file; /dev/zero never ends (bounded
  // here by a limit, so that a regression fails instead of filling memory).
  for (const Reader& reader : kReaders) {
    SCOPED_TRACE(reader.name);
    ExpectStatus(reader.read("/dev/null"), CANDOR_IO_ERROR,
                 {"/dev/null", "a character device, not a regular file"});
  }
  ExpectStatus(ReadCsvStatus("/dev/zero", 1 << 20), CANDOR_IO_ERROR,
               {"/dev/zero", "a character device"});
}

TEST(FileReaders, MissingFilesAreNotFound) {
  for (const Reader& reader : kReaders) {
    SCOPED_TRACE(reader.name);
    ExpectStatus(reader.read("/nonexistent/input"), CANDOR_NOT_FOUND, {"/nonexistent/input"});
  }
}

TEST(FileReaders, CsvMaxBytes) {
  ScratchDir dir;
  const std::string csv = "score\n10\n9\n0\n";
  const std::string path = dir.File("small.csv", csv.size(), csv);
  ASSERT_FALSE(path.empty());
  // Exactly max_bytes is read; one byte fewer allowed is refused, naming the
  // file, its size and the limit; 0 is no limit.
  Result<Table> exact = ReadCsv(path, [&] {
    CsvOptions o;
    o.max_bytes = csv.size();
    return o;
  }());
  ASSERT_TRUE(exact.ok()) << exact.status().message();
  EXPECT_EQ(exact->scores.size(), 3u);
  ExpectStatus(ReadCsvStatus(path, csv.size() - 1), CANDOR_INVALID_ARGUMENT,
               {path, std::to_string(csv.size()) + " bytes", std::to_string(csv.size() - 1)});
  EXPECT_TRUE(ReadCsvStatus(path, 0).ok());
  EXPECT_EQ(CsvOptions().max_bytes, 0u);
}

TEST(FileReaders, LexiconAndTaxonomyFilesHaveACap) {
  // A sparse file one byte over the cap is refused before it is read.
  ScratchDir dir;
  const std::string lexicon = dir.File("big_lexicon.txt", Lexicon::kMaxFileBytes + 1, "nice\t1\n");
  ASSERT_FALSE(lexicon.empty());
  ExpectStatus(LoadLexiconStatus(lexicon), CANDOR_INVALID_ARGUMENT,
               {lexicon, std::to_string(Lexicon::kMaxFileBytes)});
  const std::string taxonomy = dir.File("big_taxonomy.json", Taxonomy::kMaxFileBytes + 1, "{");
  ASSERT_FALSE(taxonomy.empty());
  ExpectStatus(LoadTaxonomyStatus(taxonomy), CANDOR_INVALID_ARGUMENT,
               {taxonomy, std::to_string(Taxonomy::kMaxFileBytes)});
  EXPECT_EQ(Lexicon::kMaxFileBytes, uint64_t{64} << 20);
  EXPECT_EQ(Taxonomy::kMaxFileBytes, uint64_t{64} << 20);
}

}  // namespace
}  // namespace candor
