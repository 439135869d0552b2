// CSV dialects of real exports: ';' and tab delimiters (never guessed; the
// error says what to pass), decimal commas, strftime-style time formats,
// other encodings than UTF-8 (ICU), and bad-row errors that name
// --skip-bad-rows. Fixtures: tests/data/csv (synthetic, see its README.md).
#include <gtest/gtest.h>

#include <candor/csv.hpp>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "csv_test_util.hpp"

namespace candor {
namespace {

using testing::CsvFixture;
using testing::ExpectError;

// ---------------------------------------------------------------- delimiter

TEST(CsvDialects, SemicolonFileWithTheDefaultDelimiterAsksForDelimiterSemicolon) {
  CsvOptions o;
  o.time_column = "timestamp";
  ExpectError(ReadCsv(CsvFixture("semicolon.csv"), o), CANDOR_NOT_FOUND,
              {"semicolon.csv", "'score' not found",
               "the header is one column holding ';': did you mean --delimiter ';'?"});
  // Only the score column chosen: the same hint.
  ExpectError(ReadCsv(CsvFixture("semicolon.csv"), CsvOptions()), CANDOR_NOT_FOUND,
              {"did you mean --delimiter ';'?"});
}

TEST(CsvDialects, SemicolonFileReadsWithDelimiterSemicolon) {
  CsvOptions o;
  o.delimiter = ';';
  o.time_column = "timestamp";
  o.segment_columns = {"region"};
  Result<Table> t = ReadCsv(CsvFixture("semicolon.csv"), o);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->scores, (std::vector<double>{10, 9, 6, 3, 8}));
  // date -u -d 2025-01-01T10:00:00Z +%s, then one day (86400 s) apart.
  EXPECT_EQ(t->times,
            (std::vector<int64_t>{1735725600, 1735812000, 1735898400, 1735984800, 1736071200}));
  EXPECT_EQ(t->segments[0].codes, (std::vector<int32_t>{0, 1, 0, 1, 0}));
}

TEST(CsvDialects, TabFileAsksForDelimiterTab) {
  ExpectError(ParseCsv("region\tscore\nNorth\t9\n", CsvOptions()), CANDOR_NOT_FOUND,
              {"did you mean --delimiter 'tab'?", "'\\t'"});
  // A header of one column without another delimiter: no hint.
  Result<Table> t = ParseCsv("nps\n9\n", CsvOptions());
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().message().find("did you mean --delimiter"), std::string::npos);
  // Text columns say it too.
  ExpectError(ParseCsvColumns("a;comment\n1;hi\n", {"comment"}), CANDOR_NOT_FOUND,
              {"did you mean --delimiter ';'?"});
}

// ------------------------------------------------------------------ decimal

TEST(CsvDialects, DecimalCommaReadsScoresWeightsAndNumbers) {
  CsvOptions o;
  o.delimiter = ';';
  o.decimal = ',';
  o.weight_column = "weight";
  o.number_columns = {"arr"};
  Result<Table> t = ReadCsv(CsvFixture("decimal_comma.csv"), o);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->scores, (std::vector<double>{9, 7, 3, 10}));
  EXPECT_EQ(t->weights, (std::vector<double>{1.5, 0.5, 2, 1.25}));
  ASSERT_EQ(t->numbers.size(), 1u);
  const std::vector<double>& arr = t->numbers[0].values;
  ASSERT_EQ(arr.size(), 4u);
  EXPECT_EQ(arr[0], 1200.5);
  EXPECT_TRUE(std::isnan(arr[1]));  // an empty cell
  EXPECT_EQ(arr[2], 99.9);
  EXPECT_EQ(arr[3], -3.5);
}

TEST(CsvDialects, DecimalCommaWithoutTheOptionSaysSo) {
  CsvOptions o;
  o.delimiter = ';';
  o.weight_column = "weight";
  ExpectError(ReadCsv(CsvFixture("decimal_comma.csv"), o), CANDOR_PARSE_ERROR,
              {"line 2, column 'weight': weight '1,5' is not a number",
               "a decimal comma? set decimal ','", "--decimal ,"});
}

TEST(CsvDialects, DecimalCommaRejectsPointsAndAClashWithTheDelimiter) {
  CsvOptions o;
  o.delimiter = ';';
  o.decimal = ',';
  ExpectError(ParseCsv("score\n8.5\n", o), CANDOR_PARSE_ERROR,
              {"'8.5' is not a number (the decimal separator is ','"});
  ExpectError(ParseCsv("score\n1,234,5\n", o), CANDOR_PARSE_ERROR, {"'1,234,5' is not a number"});
  o.delimiter = ',';
  ExpectError(ParseCsv("score\n8\n", o), CANDOR_INVALID_ARGUMENT,
              {"decimal and delimiter are both ','"});
  o.decimal = 'x';
  ExpectError(ParseCsv("score\n8\n", o), CANDOR_INVALID_ARGUMENT, {"decimal must be '.' or ','"});
}

// -------------------------------------------------------------- time_format

TEST(CsvDialects, TimeFormatReadsDottedDatesAsUtc) {
  CsvOptions o;
  o.time_column = "date";
  o.time_format = "%d.%m.%Y %H:%M";
  Result<Table> t = ReadCsv(CsvFixture("dotted_times.csv"), o);
  ASSERT_TRUE(t.ok()) << t.status().message();
  // Python: calendar.timegm(time.strptime("2025-01-01 00:16", "%Y-%m-%d %H:%M")), ...
  EXPECT_EQ(t->times, (std::vector<int64_t>{1735690560, 1739624700, 1767225540}));
  EXPECT_EQ(t->scores, (std::vector<double>{9, 7, 2}));
}

TEST(CsvDialects, TimeFormatWithAnOffsetUsesIt) {
  CsvOptions o;
  o.time_column = "date";
  o.time_format = "%d.%m.%Y %H:%M %z";
  Result<Table> t = ParseCsv("date,score\n01.01.2025 01:16 +0100,9\n", o);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->times, (std::vector<int64_t>{1735690560}));  // 00:16 UTC
}

TEST(CsvDialects, TimeFormatMismatchIsABadRow) {
  CsvOptions o;
  o.time_column = "date";
  o.time_format = "%d.%m.%Y %H:%M";
  const std::string csv = "date,score\n01.01.2025 00:16,9\n2025-01-02,7\n";
  ExpectError(ParseCsv(csv, o), CANDOR_PARSE_ERROR,
              {"line 3, column 'date': time '2025-01-02' does not match time_format "
               "'%d.%m.%Y %H:%M'",
               "--skip-bad-rows"});
  o.skip_bad_rows = true;
  Result<Table> t = ParseCsv(csv, o);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->rows(), 1u);
  EXPECT_EQ(t->skipped_rows, 1u);
  // Without time_format the dotted date is not ISO 8601.
  o.time_format.clear();
  o.skip_bad_rows = false;
  ExpectError(ParseCsv(csv, o), CANDOR_PARSE_ERROR, {"line 2, column 'date'"});
  o.time_format = "dd.mm.yyyy";
  ExpectError(ParseCsv(csv, o), CANDOR_INVALID_ARGUMENT, {"has no % field"});
}

// ----------------------------------------------------------------- encoding

TEST(CsvDialects, Windows1252WithoutEncodingSuggestsIt) {
  CsvOptions o;
  o.segment_columns = {"city"};
  ExpectError(ReadCsv(CsvFixture("windows1252.csv"), o), CANDOR_INVALID_UTF8,
              {"line 2: invalid UTF-8 at byte offset 22", "--encoding windows-1252"});
}

TEST(CsvDialects, Windows1252IsTranscoded) {
  CsvOptions o;
  o.segment_columns = {"city"};
  o.comment_column = "comment";
  for (const char* name : {"windows-1252", "cp1252", "WINDOWS-1252"}) {
    o.encoding = name;
    Result<Table> t = ReadCsv(CsvFixture("windows1252.csv"), o);
    ASSERT_TRUE(t.ok()) << name << ": " << t.status().message();
    EXPECT_EQ(t->scores, (std::vector<double>{9, 3}));
    EXPECT_EQ(t->segments[0].dictionary.Label(0), "Z\xC3\xBCrich");
    EXPECT_EQ(t->segments[0].dictionary.Label(1), "K\xC3\xB6ln");
    // "Très bien – 5 €": è U+00E8, – U+2013, € U+20AC in UTF-8.
    EXPECT_EQ(t->comments[0], "Tr\xC3\xA8s bien \xE2\x80\x93 5 \xE2\x82\xAC");
  }
  // The header alone, and parsing from memory, transcode too.
  Result<std::vector<std::string>> header = ReadCsvHeader(CsvFixture("windows1252.csv"), o);
  ASSERT_TRUE(header.ok()) << header.status().message();
  EXPECT_EQ(*header, (std::vector<std::string>{"score", "city", "comment"}));
  o.encoding = "latin1";
  o.comment_column.clear();
  Result<Table> t = ParseCsv("score,city\n5,M\xFCnchen\n", o);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->segments[0].dictionary.Label(0), "M\xC3\xBCnchen");
}

TEST(CsvDialects, EncodingErrors) {
  CsvOptions o;
  o.encoding = "no-such-encoding";
  ExpectError(ParseCsv("score\n9\n", o), CANDOR_INVALID_ARGUMENT,
              {"encoding 'no-such-encoding' is not known"});
  // 0xE9 is not a character of US-ASCII: an error, never a silent U+FFFD.
  o.encoding = "US-ASCII";
  ExpectError(ParseCsv("score,c\n9,a\n9,\xE9\n", o), CANDOR_INVALID_UTF8,
              {"line 3: byte offset 14", "is not a character of encoding 'US-ASCII'"});
  // UTF-8 named explicitly is the default: checked, not transcoded.
  o.encoding = "utf-8";
  Result<Table> t = ParseCsv("score\n9\n", o);
  ASSERT_TRUE(t.ok()) << t.status().message();
  ExpectError(ParseCsv("score,c\n9,\xFC\n", o), CANDOR_INVALID_UTF8, {"byte offset 10"});
}

TEST(CsvDialects, TranscodeToUtf8) {
  Result<std::string> utf8 = TranscodeToUtf8("\x80 \xE4", "windows-1252");
  ASSERT_TRUE(utf8.ok()) << utf8.status().message();
  EXPECT_EQ(*utf8, "\xE2\x82\xAC \xC3\xA4");
  // UTF-16LE with its byte-order mark ("UTF-16" reads the mark).
  const std::string utf16(
      "\xFF\xFE"
      "a\0\xE9\0",
      6);
  utf8 = TranscodeToUtf8(utf16, "UTF-16");
  ASSERT_TRUE(utf8.ok()) << utf8.status().message();
  EXPECT_EQ(*utf8, "a\xC3\xA9");
  // A large input (longer than the first output guess) converts whole.
  const std::string big(100000, '\xE9');
  utf8 = TranscodeToUtf8(big, "latin1");
  ASSERT_TRUE(utf8.ok()) << utf8.status().message();
  EXPECT_EQ(utf8->size(), 200000u);
  EXPECT_EQ(utf8->substr(199998), "\xC3\xA9");
}

// ------------------------------------------------------------ blank scores

TEST(CsvDialects, BlankScoreNamesSkipBadRows) {
  ExpectError(ReadCsv(CsvFixture("blank_score.csv"), CsvOptions()), CANDOR_PARSE_ERROR,
              {"line 3, column 'score': empty score", "--skip-bad-rows", "skip_bad_rows"});
  CsvOptions o;
  o.skip_bad_rows = true;
  Result<Table> t = ReadCsv(CsvFixture("blank_score.csv"), o);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->scores, (std::vector<double>{9, 7}));
  EXPECT_EQ(t->skipped_rows, 1u);
}

}  // namespace
}  // namespace candor
