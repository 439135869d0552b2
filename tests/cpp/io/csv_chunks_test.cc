// ReadCsv reads a file in chunks (internal::ReadCsvInChunks with tiny chunk
// sizes here): its table or error must be exactly ParseCsv's on the whole
// file, wherever the chunk boundaries fall (inside a quoted field, a CRLF, a
// UTF-8 sequence or the byte-order mark). Progress is reported per chunk and
// a callback returning false cancels.
#include <gtest/gtest.h>

#include <candor/csv.hpp>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "csv_records.hpp"
#include "support/special_files.hpp"

namespace candor {
namespace {

using testing_files::ScratchDir;

constexpr size_t kChunkSizes[] = {1, 2, 3, 7, 64};

void ExpectSameColumn(const CategoricalColumn& a, const CategoricalColumn& b) {
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.codes, b.codes);
  EXPECT_EQ(a.dictionary.labels(), b.dictionary.labels());
}

void ExpectSameTable(const Table& a, const Table& b) {
  EXPECT_EQ(a.scores, b.scores);
  EXPECT_EQ(a.times, b.times);
  EXPECT_EQ(a.weights, b.weights);
  EXPECT_EQ(a.comments, b.comments);
  ExpectSameColumn(a.account, b.account);
  ExpectSameColumn(a.role, b.role);
  ASSERT_EQ(a.segments.size(), b.segments.size());
  for (size_t s = 0; s < a.segments.size(); ++s) ExpectSameColumn(a.segments[s], b.segments[s]);
  EXPECT_EQ(a.skipped_rows, b.skipped_rows);
}

CsvOptions AllColumns(bool skip_bad_rows) {
  CsvOptions options;
  options.time_column = "time";
  options.account_column = "account";
  options.comment_column = "comment";
  options.segment_columns = {"segment"};
  options.skip_bad_rows = skip_bad_rows;
  return options;
}

class ChunkedCsv : public ::testing::Test {
 protected:
  std::string Write(const std::string& data) {
    const std::string path =
        dir_.File("input" + std::to_string(files_++) + ".csv", data.size(), data);
    EXPECT_FALSE(path.empty());
    return path;
  }

  // ReadCsvInChunks at every chunk size gives ParseCsv's result on `data`;
  // returns how many chunked reads succeeded.
  void ExpectSameAsWhole(const std::string& data, const CsvOptions& options) {
    const Result<Table> whole = ParseCsv(data, options);
    const std::string path = Write(data);
    for (size_t chunk : kChunkSizes) {
      SCOPED_TRACE("chunk size " + std::to_string(chunk) + ", input: " + data);
      const Result<Table> chunked = internal::ReadCsvInChunks(path, options, chunk);
      ASSERT_EQ(chunked.ok(), whole.ok()) << chunked.status().message();
      if (whole.ok()) {
        ExpectSameTable(*chunked, *whole);
      } else {
        EXPECT_EQ(chunked.status().code(), whole.status().code());
        EXPECT_EQ(chunked.status().message(), "'" + path + "': " + whole.status().message());
      }
      // In memory, shown a piece at a time (ParseCsv with a progress callback).
      internal::CsvBytes pieces(data, chunk);
      const Result<Table> pieced = internal::ParseCsvBytes(&pieces, options);
      ASSERT_EQ(pieced.ok(), whole.ok()) << pieced.status().message();
      if (whole.ok()) {
        ExpectSameTable(*pieced, *whole);
      } else {
        EXPECT_EQ(pieced.status().code(), whole.status().code());
        EXPECT_EQ(pieced.status().message(), whole.status().message());
      }
    }
  }

  ScratchDir dir_;
  int files_ = 0;
};

const char kHeader[] = "score,time,account,segment,comment\n";

TEST_F(ChunkedCsv, QuotedFieldsLineBreaksAndCrlfAcrossChunks) {
  const std::string data = std::string(kHeader) +
                           "10,2024-01-02,a1,\"EU\",\"two\nlines\"\r\n"
                           "7,1700000000,\"a\"\"2\",US,\"crlf\r\ninside, and \"\"quotes\"\"\"\r\n"
                           "0, 2024-03-04T05:06:07Z ,a1,EU,\"\"\n";
  for (bool skip : {false, true}) ExpectSameAsWhole(data, AllColumns(skip));
  const Result<Table> table = ParseCsv(data, AllColumns(false));
  ASSERT_TRUE(table.ok()) << table.status().message();
  EXPECT_EQ(table->rows(), 3u);  // the comparison above compared something
  EXPECT_EQ(table->comments[1], "crlf\r\ninside, and \"quotes\"");
}

TEST_F(ChunkedCsv, ByteOrderMarkAndMultibyteUtf8AcrossChunks) {
  const std::string data = "\xEF\xBB\xBF" + std::string(kHeader) +
                           "9,0,\xC3\xA9t\xC3\xA9,\xE6\x9D\xB1\xE4\xBA\xAC,\xF0\x9F\x98\x80 ok\n"
                           "8,0,\xC3\xA9t\xC3\xA9,\xE6\x9D\xB1\xE4\xBA\xAC,\xE2\x82\xAC\n";
  ExpectSameAsWhole(data, AllColumns(false));
  ExpectSameAsWhole("\xEF\xBB\xBF", AllColumns(false));
  ExpectSameAsWhole("\xEF\xBB", AllColumns(false));  // half a mark: a header named so
}

TEST_F(ChunkedCsv, EdgesOfTheInput) {
  for (const std::string data : {"", "\n", "\r\n\n", "score", "score\n", "score\n\n\n", "score\n5",
                                 "score\n5\n\n", "score\n\n5\n", "score\r\n5\r\n", "score\r"}) {
    CsvOptions options;
    for (bool skip : {false, true}) {
      options.skip_bad_rows = skip;
      ExpectSameAsWhole(data, options);
    }
  }
}

TEST_F(ChunkedCsv, BadRowsGiveTheSameMessagesAndCounts) {
  const std::string data = std::string(kHeader) +
                           "10,0,a,EU,fine\n"
                           "x,0,a,EU,\"not a score\nover two lines\"\n"
                           "5,yesterday,a,EU,bad time\n"
                           "5,0,a,EU\n"
                           "\n"
                           "6,0,a,EU,fine again\n";
  for (bool skip : {false, true}) ExpectSameAsWhole(data, AllColumns(skip));
  const Result<Table> skipped = ParseCsv(data, AllColumns(true));
  ASSERT_TRUE(skipped.ok());
  EXPECT_EQ(skipped->skipped_rows, 4u);
  const Result<Table> failed = ParseCsv(data, AllColumns(false));
  EXPECT_EQ(failed.status().message().rfind("line 3, column 'score'", 0), 0u)
      << failed.status().message();
}

TEST_F(ChunkedCsv, SyntaxAndHeaderErrorsAreTheSame) {
  for (const std::string data : {
           std::string("score,score\n1,2\n"),        // duplicate header
           std::string("nope\n1\n"),                 // no score column
           std::string("score,c\n1,\"open\n2,x\n"),  // unterminated quote
           std::string("score,c\n1,\"a\"b\n"),       // text after a quote
           std::string("score,c\n1,a\"b\n"),         // quote in unquoted
           std::string("score,c\n1,a\r2,b\n"),       // lone CR
           std::string("score,c\n1,\"a\"\r"),        // CR after quote at end
           std::string("\"sc\nore\"\n1\n"),          // header over two lines
       }) {
    CsvOptions options;
    ExpectSameAsWhole(data, options);
    options.skip_bad_rows = true;
    ExpectSameAsWhole(data, options);
  }
}

TEST_F(ChunkedCsv, InvalidUtf8AnywhereIsTheErrorWithItsLineAndOffset) {
  // After a bad row, after a syntax error, split sequences, a truncated end.
  for (const std::string data : {
           std::string("score,c\nx,1\n5,\xC3\x28\n"),
           std::string("score,c\n1,\"open\n\n\n\xFF"),
           std::string("score,c\n1,\xE2\x82"),
           std::string("score,c\n1,\xE2\x82\n"),
           std::string("score,c\n1,\xF0\x9F\x98"),
           std::string("score,c\n1,\xED\xA0\x80\n"),
           std::string("\xEF\xBB\xBF\xEF\xBB\n"),
           std::string("nope\n\x80"),
       }) {
    ASSERT_EQ(ParseCsv(data, CsvOptions()).status().code(), CANDOR_INVALID_UTF8) << data;
    ExpectSameAsWhole(data, CsvOptions());
  }
}

// Random inputs built from pieces that make chunk boundaries interesting.
TEST_F(ChunkedCsv, RandomInputsReadTheSameInChunks) {
  const std::vector<std::string> pieces = {"1",
                                           "10",
                                           "x",
                                           ",",
                                           ",",
                                           "\n",
                                           "\r\n",
                                           "\"",
                                           "\"\"",
                                           "\"q,\n\"",
                                           "\xC3\xA9",
                                           "\xE2\x82\xAC",
                                           "\xF0\x9F\x98\x80",
                                           " ",
                                           "\r",
                                           "2024-01-01",
                                           "a",
                                           "EU",
                                           "\xC3",
                                           "\xEF\xBB\xBF"};
  std::mt19937 random(20261206);
  int parsed = 0;
  for (int trial = 0; trial < 300; ++trial) {
    std::string data = trial % 3 == 0 ? "\xEF\xBB\xBF" : "";
    data += "score,time,account,segment,comment\n";
    const int length = std::uniform_int_distribution<int>(0, 40)(random);
    for (int i = 0; i < length; ++i) {
      // Mostly well-formed rows, with stray pieces now and then.
      if (std::uniform_int_distribution<int>(0, 3)(random) == 0) {
        data += pieces[std::uniform_int_distribution<size_t>(0, pieces.size() - 1)(random)];
      } else {
        data += std::to_string(random() % 11) + ",0,a" + std::to_string(random() % 3) +
                ",\"E\nU\",\xC3\xA9\r\n";
      }
    }
    for (bool skip : {false, true}) {
      CsvOptions options = AllColumns(skip);
      ExpectSameAsWhole(data, options);
      parsed += ParseCsv(data, options).ok();
    }
    if (HasFatalFailure()) return;
  }
  EXPECT_GT(parsed, 20);  // not only errors were compared
}

bool Record(int64_t done, int64_t total, void* user_data) {
  auto* calls = static_cast<std::vector<std::pair<int64_t, int64_t>>*>(user_data);
  calls->emplace_back(done, total);
  return true;
}

TEST_F(ChunkedCsv, ProgressReportsGrowingBytesOfTheFileSize) {
  std::string data = kHeader;
  for (int i = 0; i < 50; ++i) data += std::to_string(i % 11) + ",0,a,EU,\"c\nd\"\n";
  const std::string path = Write(data);
  std::vector<std::pair<int64_t, int64_t>> calls;
  CsvOptions options = AllColumns(false);
  options.progress.callback = Record;
  options.progress.user_data = &calls;
  const Result<Table> table = internal::ReadCsvInChunks(path, options, 64);
  ASSERT_TRUE(table.ok()) << table.status().message();
  EXPECT_EQ(table->rows(), 50u);
  ASSERT_EQ(calls.size(), (data.size() + 63) / 64);
  for (size_t i = 0; i < calls.size(); ++i) {
    EXPECT_EQ(calls[i].second, static_cast<int64_t>(data.size()));
    if (i > 0) EXPECT_GT(calls[i].first, calls[i - 1].first);
  }
  EXPECT_EQ(calls.back().first, static_cast<int64_t>(data.size()));

  calls.clear();  // ParseCsv: one report for an input within one 4 MiB piece
  ASSERT_TRUE(ParseCsv(data, options).ok());
  EXPECT_EQ(calls, (std::vector<std::pair<int64_t, int64_t>>{
                       {static_cast<int64_t>(data.size()), static_cast<int64_t>(data.size())}}));
}

struct StopAfter {
  int reports_left;
  int reports = 0;
};

bool StopWhenTold(int64_t, int64_t, void* user_data) {
  auto* stop = static_cast<StopAfter*>(user_data);
  ++stop->reports;
  return stop->reports_left-- > 0;
}

TEST_F(ChunkedCsv, ACallbackReturningFalseCancels) {
  std::string data = kHeader;
  for (int i = 0; i < 200; ++i) data += "5,0,a,EU,text\n";
  const std::string path = Write(data);
  for (bool bad_row_first : {false, true}) {
    // Cancelling while the rest is only checked for UTF-8 (after a bad row)
    // stops too.
    const std::string input =
        bad_row_first ? Write(std::string(kHeader) + "x,0,a,EU,t\n" + data) : path;
    StopAfter stop{3};
    CsvOptions options = AllColumns(false);
    options.progress.callback = StopWhenTold;
    options.progress.user_data = &stop;
    const Result<Table> table = internal::ReadCsvInChunks(input, options, 64);
    ASSERT_FALSE(table.ok());
    EXPECT_EQ(table.status().code(), CANDOR_CANCELLED) << table.status().message();
    EXPECT_NE(table.status().message().find("after reading 256 of "), std::string::npos)
        << table.status().message();
    EXPECT_EQ(stop.reports, 4);  // stopped at once
  }
  StopAfter stop{0};
  CsvOptions options;
  options.progress = {StopWhenTold, &stop};
  EXPECT_EQ(ParseCsv("score\n1\n", options).status().code(), CANDOR_CANCELLED);
  // ReadCsv itself (the default chunk) reads in chunks too.
  stop = StopAfter{0};
  EXPECT_EQ(ReadCsv(path, options).status().code(), CANDOR_CANCELLED);
}

// ParseCsv with a callback parses 4 MiB pieces of the input as they are
// shown (a file's chunks): the callback hears of each, can stop the parse
// part way, and the table is the one parsed without a callback.
TEST_F(ChunkedCsv, ParseCsvReportsAndCancelsAsItParses) {
  std::string data = kHeader;
  const std::string row = "7,0,a,EU,\"some comment, quoted\"\n";
  while (data.size() < (size_t{21} << 20) / 2) data += row;  // 10.5 MiB: 3 pieces
  CsvOptions options = AllColumns(false);
  const Result<Table> plain = ParseCsv(data, options);
  ASSERT_TRUE(plain.ok()) << plain.status().message();

  std::vector<std::pair<int64_t, int64_t>> calls;
  options.progress = {Record, &calls};
  const Result<Table> told = ParseCsv(data, options);
  ASSERT_TRUE(told.ok()) << told.status().message();
  ExpectSameTable(*told, *plain);
  const auto total = static_cast<int64_t>(data.size());
  ASSERT_EQ(calls.size(), 3u);
  for (size_t i = 0; i < calls.size(); ++i) {
    EXPECT_EQ(calls[i].second, total);
    if (i > 0) EXPECT_GT(calls[i].first, calls[i - 1].first);
  }
  EXPECT_EQ(calls[0].first, int64_t{4} << 20);
  EXPECT_EQ(calls.back().first, total);

  StopAfter stop{1};  // the second report stops it
  options.progress = {StopWhenTold, &stop};
  const Result<Table> stopped = ParseCsv(data, options);
  ASSERT_FALSE(stopped.ok());
  EXPECT_EQ(stopped.status().code(), CANDOR_CANCELLED);
  EXPECT_NE(stopped.status().message().find("cancelled by the progress callback after reading " +
                                            std::to_string(int64_t{8} << 20) + " of " +
                                            std::to_string(total) + " bytes"),
            std::string::npos)
      << stopped.status().message();
  EXPECT_EQ(stop.reports, 2);
}

TEST_F(ChunkedCsv, ReadCsvHeaderReadsTheHeaderAsParseCsvHeader) {
  for (const std::string data :
       {std::string("\xEF\xBB\xBFscore,r\xC3\xA9gion\n1,2\n"), std::string("\n\nscore\n"),
        std::string("a,\xC3\x28\n"), std::string("a,a\n"), std::string(""),
        std::string("\"a\nb\",c\n")}) {
    const Result<std::vector<std::string>> whole = ParseCsvHeader(data, CsvOptions());
    const Result<std::vector<std::string>> read = ReadCsvHeader(Write(data), CsvOptions());
    ASSERT_EQ(read.ok(), whole.ok()) << data;
    if (whole.ok()) {
      EXPECT_EQ(*read, *whole);
    } else {
      EXPECT_EQ(read.status().code(), whole.status().code());
    }
  }
}

}  // namespace
}  // namespace candor
