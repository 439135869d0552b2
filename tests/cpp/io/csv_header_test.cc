// ParseCsvHeader / ReadCsvHeader (candor/csv.hpp): the header row as
// ParseCsv reads it, failing where and as ParseCsv fails on it, and nothing
// after it read; ReadWholeFile, the library's reading of an input file.
#include <gtest/gtest.h>

#include <candor/csv.hpp>
#include <string>
#include <vector>

#include "support/special_files.hpp"

namespace candor {
namespace {

using testing_files::ScratchDir;
using Names = std::vector<std::string>;

Names HeaderOf(const std::string& data, char delimiter = ',') {
  CsvOptions options;
  options.delimiter = delimiter;
  Result<Names> names = ParseCsvHeader(data, options);
  EXPECT_TRUE(names.ok()) << names.status().message();
  return names.ok() ? *names : Names{"<failed>"};
}

TEST(ParseCsvHeader, ReadsNamesAsParseCsvDoes) {
  EXPECT_EQ(HeaderOf("score,region,time\n10,EU,0\n"), (Names{"score", "region", "time"}));
  EXPECT_EQ(HeaderOf("\"a,b\",\"say \"\"hi\"\"\",\"line\nbreak\",\r\n1,2,3,4\r\n"),
            (Names{"a,b", "say \"hi\"", "line\nbreak", ""}));
  EXPECT_EQ(HeaderOf("\xEF\xBB\xBFscore;r\xC3\xA9gion\n", ';'), (Names{"score", "r\xC3\xA9gion"}));
  EXPECT_EQ(HeaderOf("score"), (Names{"score"}));
  EXPECT_EQ(HeaderOf("\nscore\n"), (Names{""}));  // a blank first line is a record
  std::string with_nul("a,b\0c\n", 6);
  EXPECT_EQ(HeaderOf(with_nul), (Names{"a", std::string("b\0c", 3)}));
}

TEST(ParseCsvHeader, InputWithoutAHeaderRowHasNoColumns) {
  EXPECT_EQ(HeaderOf(""), Names{});
  EXPECT_EQ(HeaderOf("\n\r\n\n"), Names{});
  EXPECT_EQ(HeaderOf("\xEF\xBB\xBF"), Names{});
}

TEST(ParseCsvHeader, ReadsOnlyTheHeaderRow) {
  EXPECT_EQ(HeaderOf("a,b\n1,\"2\n3,\xFF\n"), (Names{"a", "b"}));
}

// Every way a header row can be wrong, with ParseCsv's own code and message.
TEST(ParseCsvHeader, FailsAsParseCsvFailsOnTheHeader) {
  const std::string bad_headers[] = {
      "score,\"region\n1,2\n",          // a quote never closed
      "score,reg\"ion\n1,2\n",          // a quote inside an unquoted field
      "score,\"region\"x\n1,2\n",       // text after a closing quote
      "score,region\r1,2\n",            // CR without LF
      "score,region,score\n1,2,3\n",    // a name twice
      "score,r\xC3gion\n1,2\n",         // invalid UTF-8
      "\xEF\xBB\xBFscore,\xFF\n1,2\n",  // invalid UTF-8 after a BOM (its offset counts it)
  };
  for (const std::string& data : bad_headers) {
    SCOPED_TRACE(data);
    CsvOptions options;
    Result<Names> header = ParseCsvHeader(data, options);
    Result<Table> table = ParseCsv(data, options);
    ASSERT_FALSE(header.ok());
    ASSERT_FALSE(table.ok());
    EXPECT_EQ(header.status().code(), table.status().code());
    EXPECT_EQ(header.status().message(), table.status().message());
  }
  CsvOptions quote;
  quote.delimiter = '"';
  Result<Names> header = ParseCsvHeader("a\"b\n", quote);
  ASSERT_FALSE(header.ok());
  EXPECT_EQ(header.status().message(), ParseCsv("a\"b\n", quote).status().message());
}

TEST(ReadCsvHeader, ReadsAFileAndNamesItInErrors) {
  ScratchDir dir;
  const std::string text = "score,plan\n9,pro\n";
  const std::string path = dir.File("h.csv", text.size(), text);
  ASSERT_FALSE(path.empty());
  CsvOptions options;
  Result<Names> names = ReadCsvHeader(path, options);
  ASSERT_TRUE(names.ok()) << names.status().message();
  EXPECT_EQ(*names, (Names{"score", "plan"}));

  const std::string twice = "a,a\n";
  const std::string bad = dir.File("bad.csv", twice.size(), twice);
  Result<Names> failed = ReadCsvHeader(bad, options);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), CANDOR_PARSE_ERROR);
  EXPECT_EQ(failed.status().message().rfind("'" + bad + "': line 1: duplicate column name", 0), 0u)
      << failed.status().message();

  options.max_bytes = 5;
  EXPECT_EQ(ReadCsvHeader(path, options).status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(ReadCsvHeader(dir.path(), options).status().code(), CANDOR_IO_ERROR);
  EXPECT_EQ(ReadCsvHeader(dir.path() + "/missing.csv", options).status().code(), CANDOR_NOT_FOUND);
}

TEST(ReadWholeFile, ReadsAsReadCsvReads) {
  ScratchDir dir;
  const std::string text = "score\n10\n";
  const std::string path = dir.File("w.csv", text.size(), text);
  Result<std::string> contents = ReadWholeFile(path, 0);
  ASSERT_TRUE(contents.ok()) << contents.status().message();
  EXPECT_EQ(*contents, text);
  EXPECT_EQ(ReadWholeFile(path, 3).status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(ReadWholeFile(dir.path(), 0).status().code(), CANDOR_IO_ERROR);
  Result<std::string> missing = ReadWholeFile(dir.path() + "/none.csv", 0);
  EXPECT_EQ(missing.status().code(), CANDOR_NOT_FOUND);
  EXPECT_NE(missing.status().message().find(dir.path() + "/none.csv"), std::string::npos);
}

}  // namespace
}  // namespace candor
