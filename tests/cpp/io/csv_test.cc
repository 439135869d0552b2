// ParseCsv, ReadCsv and ParseTimestamp: RFC 4180, error paths, times.
#include <gtest/gtest.h>

#include <candor/csv.hpp>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <random>
#include <string>
#include <vector>

#include "csv_test_util.hpp"

namespace candor {
namespace {

using testing::CsvFixture;
using testing::ExpectError;

CsvOptions AllColumns() {
  CsvOptions o;
  o.score_column = "score";
  o.time_column = "time";
  o.account_column = "account";
  o.role_column = "role";
  o.weight_column = "weight";
  o.comment_column = "comment";
  o.segment_columns = {"region", "plan"};
  return o;
}

// ------------------------------------------------------------------ basics

TEST(Csv, ParsesEveryKindOfColumn) {
  const std::string csv =
      "id,score,time,account,role,region,plan,weight,comment\n"
      "1,9,2024-02-29T12:00:00Z,acme,admin,emea,pro,1.5,Love it\n"
      "2,3,1709208000,globex,user,apac,free,0,\"Slow, buggy\"\n"
      "3,10,2024-03-01,acme,user,emea,free,2,\n";
  Result<Table> t = ParseCsv(csv, AllColumns());
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->rows(), 3u);
  EXPECT_EQ(t->scores, (std::vector<double>{9, 3, 10}));
  // date -u -d 2024-02-29T12:00:00Z +%s -> 1709208000; date -u -d 2024-03-01 +%s -> 1709251200
  EXPECT_EQ(t->times, (std::vector<int64_t>{1709208000, 1709208000, 1709251200}));
  EXPECT_EQ(t->weights, (std::vector<double>{1.5, 0, 2}));
  EXPECT_EQ(t->comments, (std::vector<std::string>{"Love it", "Slow, buggy", ""}));
  EXPECT_EQ(t->account.name, "account");
  EXPECT_EQ(t->account.codes, (std::vector<int32_t>{0, 1, 0}));
  EXPECT_EQ(t->account.dictionary.labels(), (std::vector<std::string>{"acme", "globex"}));
  EXPECT_EQ(t->role.codes, (std::vector<int32_t>{0, 1, 1}));
  ASSERT_EQ(t->segments.size(), 2u);
  EXPECT_EQ(t->segments[0].name, "region");
  EXPECT_EQ(t->segments[1].dictionary.labels(), (std::vector<std::string>{"pro", "free"}));
  EXPECT_EQ(t->segments[1].codes, (std::vector<int32_t>{0, 1, 1}));
  EXPECT_EQ(t->skipped_rows, 0u);
  EXPECT_TRUE(t->Validate().ok()) << t->Validate().message();
}

TEST(Csv, OnlyTheScoreColumnByDefault) {
  Result<Table> t = ParseCsv("score,other\n7,x\n8,y", CsvOptions());
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->scores, (std::vector<double>{7, 8}));
  EXPECT_TRUE(t->times.empty());
  EXPECT_TRUE(t->weights.empty());
  EXPECT_TRUE(t->comments.empty());
  EXPECT_TRUE(t->account.codes.empty());
  EXPECT_TRUE(t->segments.empty());
  EXPECT_EQ(t->FindCategorical("account"), nullptr);
  EXPECT_TRUE(t->Validate().ok());
}

TEST(Csv, InterningFollowsFirstAppearanceAndFindCategoricalWorks) {
  CsvOptions o;
  o.account_column = "company";
  o.role_column = "persona";
  o.segment_columns = {"tier"};
  Result<Table> t = ParseCsv(
      "score,company,persona,tier\n"
      "9,zeta,buyer,gold\n8,alpha,user,silver\n7,zeta,user,gold\n6,mid,buyer,bronze\n",
      o);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->account.dictionary.labels(), (std::vector<std::string>{"zeta", "alpha", "mid"}));
  EXPECT_EQ(t->account.codes, (std::vector<int32_t>{0, 1, 0, 2}));
  EXPECT_EQ(t->account.dictionary.Find("mid"), 2);
  EXPECT_EQ(t->account.dictionary.Find("beta"), -1);
  const CategoricalColumn* tier = t->FindCategorical("tier");
  ASSERT_NE(tier, nullptr);
  EXPECT_EQ(tier->codes, (std::vector<int32_t>{0, 1, 0, 2}));
  EXPECT_EQ(tier->dictionary.Label(2), "bronze");
  EXPECT_EQ(t->FindCategorical("account"), &t->account);
  EXPECT_EQ(t->FindCategorical("company"), &t->account);
  EXPECT_EQ(t->FindCategorical("role"), &t->role);
  EXPECT_EQ(t->FindCategorical("persona"), &t->role);
  EXPECT_EQ(t->role.dictionary.labels(), (std::vector<std::string>{"buyer", "user"}));
  EXPECT_EQ(t->FindCategorical("score"), nullptr);
}

TEST(Csv, CategoricalLabelsAreVerbatimAndUnescaped) {
  CsvOptions o;
  o.segment_columns = {"seg"};
  Result<Table> t = ParseCsv("score,seg\n1, a\n2,a\n3,\"a\"\n4,\"say \"\"a\"\"\"\n5,\n", o);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->segments[0].dictionary.labels(),
            (std::vector<std::string>{" a", "a", "say \"a\"", ""}));
  EXPECT_EQ(t->segments[0].codes, (std::vector<int32_t>{0, 1, 1, 2, 3}));
}

// ------------------------------------------------------------------ RFC 4180

TEST(Csv, QuotesDoubledQuotesAndEmbeddedLineBreaks) {
  CsvOptions o;
  o.comment_column = "comment";
  Result<Table> t = ParseCsv(
      "score,comment\n"
      "1,\"He said \"\"hi\"\"\"\n"
      "2,\"line one\nline two\"\n"
      "3,\"crlf one\r\ncrlf two\"\n"
      "4,\"\"\n"
      "5,\"a,b;c\"\n"
      "\"6\",plain\n",
      o);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->scores, (std::vector<double>{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(t->comments, (std::vector<std::string>{"He said \"hi\"", "line one\nline two",
                                                   "crlf one\r\ncrlf two", "", "a,b;c", "plain"}));
}

TEST(Csv, CrlfLineEndingsAndByteOrderMark) {
  CsvOptions o;
  o.comment_column = "comment";
  Result<Table> t =
      ParseCsv("\xEF\xBB\xBFscore,comment\r\n9,good\r\n8,\"two\r\nlines\"\r\n7,ok\r\n", o);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->scores, (std::vector<double>{9, 8, 7}));
  EXPECT_EQ(t->comments, (std::vector<std::string>{"good", "two\r\nlines", "ok"}));
  // The mark is not part of the first column's name.
  Result<Table> bom_only_column = ParseCsv("\xEF\xBB\xBFscore\n1\n", CsvOptions());
  ASSERT_TRUE(bom_only_column.ok()) << bom_only_column.status().message();
  EXPECT_EQ(bom_only_column->scores, (std::vector<double>{1}));
}

TEST(Csv, TrailingNewlineOptionalAndTrailingBlankLinesIgnored) {
  for (const std::string csv : {"score\n1\n2", "score\n1\n2\n", "score\n1\n2\n\n\n",
                                "score\r\n1\r\n2\r\n\r\n\r\n", "score\n1\n2\r\n\n\r\n"}) {
    Result<Table> t = ParseCsv(csv, CsvOptions());
    ASSERT_TRUE(t.ok()) << t.status().message();
    EXPECT_EQ(t->scores, (std::vector<double>{1, 2})) << csv;
  }
}

TEST(Csv, BlankLineInTheMiddleIsABadRow) {
  ExpectError(ParseCsv("score,x\n1,a\n\n2,b\n", CsvOptions()), CANDOR_PARSE_ERROR,
              {"line 3: expected 2 fields, found 1"});
  // With one column the blank line is an empty score.
  ExpectError(ParseCsv("score\n1\n\n2\n", CsvOptions()), CANDOR_PARSE_ERROR,
              {"line 3, column 'score': empty score"});
  CsvOptions skip;
  skip.skip_bad_rows = true;
  Result<Table> t = ParseCsv("score,x\n1,a\n\n2,b\n", skip);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->scores, (std::vector<double>{1, 2}));
  EXPECT_EQ(t->skipped_rows, 1u);
}

TEST(Csv, SemicolonDelimiter) {
  CsvOptions o;
  o.delimiter = ';';
  o.comment_column = "comment";
  o.segment_columns = {"team"};
  Result<Table> t = ParseCsv("score;team;comment\n9;a,b;x,y\n7;\"c;d\";\"e;f\"\n", o);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->scores, (std::vector<double>{9, 7}));
  EXPECT_EQ(t->segments[0].dictionary.labels(), (std::vector<std::string>{"a,b", "c;d"}));
  EXPECT_EQ(t->comments, (std::vector<std::string>{"x,y", "e;f"}));
  // A decimal comma is not a number: the score column says so.
  ExpectError(ParseCsv("score;team;comment\n7,5;a;b\n", o), CANDOR_PARSE_ERROR,
              {"line 2, column 'score'", "'7,5' is not a number"});
}

TEST(Csv, TabDelimiter) {
  CsvOptions o;
  o.delimiter = '\t';
  Result<Table> t = ParseCsv("x\tscore\na\t5\n", o);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->scores, (std::vector<double>{5}));
}

TEST(Csv, BadDelimiterOrMissingScoreColumnOptionIsInvalidArgument) {
  CsvOptions o;
  o.delimiter = '"';
  ExpectError(ParseCsv("score\n1\n", o), CANDOR_INVALID_ARGUMENT, {"delimiter"});
  o.delimiter = '\n';
  ExpectError(ParseCsv("score\n1\n", o), CANDOR_INVALID_ARGUMENT, {"delimiter"});
  o.delimiter = static_cast<char>(0xC3);
  ExpectError(ParseCsv("score\n1\n", o), CANDOR_INVALID_ARGUMENT, {"delimiter"});
  CsvOptions none;
  none.score_column = "";
  ExpectError(ParseCsv("score\n1\n", none), CANDOR_INVALID_ARGUMENT, {"score_column"});
}

// ------------------------------------------------------------------ header

TEST(Csv, UnknownColumnIsNotFoundAndListsTheAvailableOnes) {
  CsvOptions o;
  o.weight_column = "wt";
  ExpectError(ParseCsv("score,weight,comment\n1,1,x\n", o), CANDOR_NOT_FOUND,
              {"weight column 'wt' not found", "'score', 'weight', 'comment'"});
  CsvOptions s;
  s.score_column = "nps";
  ExpectError(ParseCsv("score\n1\n", s), CANDOR_NOT_FOUND, {"'nps'", "'score'"});
  ExpectError(ParseCsv("Score,x\n1,2\n", CsvOptions()), CANDOR_NOT_FOUND,
              {"score column 'score' not found in the header (did you mean 'Score'?)"});
  CsvOptions seg;
  seg.segment_columns = {"region", "plan"};
  ExpectError(ParseCsv("score,region\n1,a\n", seg), CANDOR_NOT_FOUND, {"segment column 'plan'"});
  // Header-only input still checks the columns.
  ExpectError(ParseCsv("score,region\n", seg), CANDOR_NOT_FOUND, {"'plan'"});
}

TEST(Csv, DuplicateHeaderNamesAreAnError) {
  ExpectError(ParseCsv("score,a,b,a\n1,2,3,4\n", CsvOptions()), CANDOR_PARSE_ERROR,
              {"line 1", "duplicate column name 'a'", "fields 2 and 4"});
  ExpectError(ParseCsv("\"x\ny\",score,\"x\ny\"\n", CsvOptions()), CANDOR_PARSE_ERROR,
              {"duplicate column name 'x\\ny'"});
}

TEST(Csv, EmptyInputHasNoHeaderRow) {
  for (const std::string csv :
       {std::string(), std::string("\xEF\xBB\xBF"), std::string("\n\n"), std::string("\r\n")}) {
    ExpectError(ParseCsv(csv, CsvOptions()), CANDOR_PARSE_ERROR, {"empty input: no header row"});
  }
}

TEST(Csv, HeaderOnlyInputIsAnEmptyTable) {
  for (const std::string csv : {"score", "score\n", "score,time\r\n\r\n\n"}) {
    CsvOptions o;
    o.time_column = "time";
    if (csv.find("time") == std::string::npos) o.time_column.clear();
    Result<Table> t = ParseCsv(csv, o);
    ASSERT_TRUE(t.ok()) << t.status().message();
    EXPECT_EQ(t->rows(), 0u);
    EXPECT_EQ(t->skipped_rows, 0u);
    EXPECT_TRUE(t->Validate().ok());
  }
}

// ------------------------------------------------------------------ bad rows

TEST(Csv, WrongNumberOfFields) {
  ExpectError(ParseCsv("score,a,b\n1,2,3\n4,5\n", CsvOptions()), CANDOR_PARSE_ERROR,
              {"line 3: expected 3 fields, found 2"});
  ExpectError(ParseCsv("score,a,b\n1,2,3,4\n", CsvOptions()), CANDOR_PARSE_ERROR,
              {"line 2: expected 3 fields, found 4"});
  // A trailing delimiter is one more (empty) field.
  ExpectError(ParseCsv("score,a\n1,2,\n", CsvOptions()), CANDOR_PARSE_ERROR,
              {"line 2: expected 2 fields, found 3"});
}

TEST(Csv, EmbeddedLineBreaksShiftTheLineNumbersOfLaterErrors) {
  CsvOptions o;
  o.comment_column = "comment";
  // Record 2 spans lines 2-4 (LF and CRLF inside quotes); the bad score is on line 5.
  ExpectError(ParseCsv("score,comment\n1,\"a\nb\r\nc\"\nbad,x\n", o), CANDOR_PARSE_ERROR,
              {"line 5, column 'score': score 'bad' is not a number"});
  ExpectError(ParseCsv("score,comment\n1,\"a\nb\nc\"\n2\n", o), CANDOR_PARSE_ERROR,
              {"line 5: expected 2 fields, found 1"});
  // A field that starts on a later line of its record is reported there.
  CsvOptions late;
  late.comment_column = "comment";
  late.weight_column = "weight";
  ExpectError(ParseCsv("comment,weight,score\n\"x\ny\",-1,5\n", late), CANDOR_PARSE_ERROR,
              {"line 3, column 'weight'", "is negative"});
}

TEST(Csv, ScoresAreParsedWithoutLocale) {
  Result<Table> t =
      ParseCsv("score\n7\n+8\n 9 \n\t10\n8.5\n1e1\n-2\n.5\n\"3\"\n0.1\n", CsvOptions());
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->scores, (std::vector<double>{7, 8, 9, 10, 8.5, 10, -2, 0.5, 3, 0.1}));
}

TEST(Csv, BadScoresNameLineAndColumn) {
  struct Case {
    const char* field;
    const char* message;
  };
  const Case cases[] = {
      {"abc", "line 3, column 'score': score 'abc' is not a number"},
      {"", "line 3, column 'score': empty score"},
      {"  ", "line 3, column 'score': empty score"},
      {"7x", "score '7x' is not a number"},
      {"0x1A", "score '0x1A' is not a number"},
      {"NaN", "score 'NaN' is not a finite number"},
      {"nan", "score 'nan' is not a finite number"},
      {"inf", "score 'inf' is not a finite number"},
      {"-Infinity", "score '-Infinity' is not a finite number"},
      {"1e999", "score '1e999' is out of the range"},
      {"+-1", "score '+-1' is not a number"},
      {"++1", "score '++1' is not a number"},
      {"1 2", "score '1 2' is not a number"},
      {"7,0", "expected 2 fields, found 3"},
  };
  for (const Case& c : cases) {
    const std::string csv = std::string("id,score\na,5\nb,") + c.field + "\nc,6\n";
    ExpectError(ParseCsv(csv, CsvOptions()), CANDOR_PARSE_ERROR, {c.message});
    CsvOptions skip;
    skip.skip_bad_rows = true;
    Result<Table> t = ParseCsv(csv, skip);
    ASSERT_TRUE(t.ok()) << t.status().message();
    EXPECT_EQ(t->scores, (std::vector<double>{5, 6})) << c.field;
    EXPECT_EQ(t->skipped_rows, 1u);
  }
}

TEST(Csv, WeightsMustBeFiniteAndNonNegative) {
  CsvOptions o;
  o.weight_column = "w";
  Result<Table> ok = ParseCsv("score,w\n1,0\n2,2.5\n3, 1e-3 \n", o);
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->weights, (std::vector<double>{0, 2.5, 1e-3}));
  ExpectError(ParseCsv("score,w\n1,1\n2,-0.5\n", o), CANDOR_PARSE_ERROR,
              {"line 3, column 'w': weight '-0.5' is negative"});
  ExpectError(ParseCsv("score,w\n1,nan\n", o), CANDOR_PARSE_ERROR,
              {"line 2, column 'w': weight 'nan' is not a finite number"});
  ExpectError(ParseCsv("score,w\n1,inf\n", o), CANDOR_PARSE_ERROR, {"not a finite number"});
  ExpectError(ParseCsv("score,w\n1,\n", o), CANDOR_PARSE_ERROR,
              {"line 2, column 'w': empty weight"});
  ExpectError(ParseCsv("score,w\n1,heavy\n", o), CANDOR_PARSE_ERROR, {"'heavy' is not a number"});
}

TEST(Csv, BadTimesNameLineAndColumn) {
  CsvOptions o;
  o.time_column = "when";
  ExpectError(ParseCsv("score,when\n1,2024-01-01\n2,2023-02-29\n", o), CANDOR_PARSE_ERROR,
              {"line 3, column 'when'", "day 29"});
  ExpectError(ParseCsv("score,when\n1,yesterday\n", o), CANDOR_PARSE_ERROR,
              {"line 2, column 'when'", "'yesterday' is not a time"});
  ExpectError(ParseCsv("score,when\n1,\n", o), CANDOR_PARSE_ERROR,
              {"line 2, column 'when'", "empty time"});
  Result<Table> t = ParseCsv("score,when\n1, 2024-01-01 \n", o);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->times, (std::vector<int64_t>{1704067200}));  // date -u -d 2024-01-01 +%s
}

TEST(Csv, SkippedRowsLeaveNoTraceInTheColumns) {
  CsvOptions o = AllColumns();
  o.skip_bad_rows = true;
  Result<Table> t = ParseCsv(
      "score,time,account,role,region,plan,weight,comment\n"
      "9,0,a,r,x,p,1,keep\n"
      "bad,0,never,never,never,never,1,drop\n"
      "8,never-a-time,never,never,never,never,1,drop\n"
      "7,0,never,never,never,never,-1,drop\n"
      "6,0,b,s,y,q,2,keep too\n"
      "5,0,c\n",
      o);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->skipped_rows, 4u);
  EXPECT_EQ(t->scores, (std::vector<double>{9, 6}));
  EXPECT_EQ(t->weights, (std::vector<double>{1, 2}));
  EXPECT_EQ(t->comments, (std::vector<std::string>{"keep", "keep too"}));
  EXPECT_EQ(t->account.dictionary.labels(), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(t->segments[0].dictionary.Find("never"), -1);
  EXPECT_TRUE(t->Validate().ok()) << t->Validate().message();
}

TEST(Csv, WithoutSkippingTheFirstBadRowIsTheError) {
  ExpectError(ParseCsv("score\n1\nx\ny\n", CsvOptions()), CANDOR_PARSE_ERROR,
              {"line 3, column 'score': score 'x'"});
}

// ------------------------------------------------------------ malformed quoting

TEST(Csv, MalformedQuotingIsAlwaysAnError) {
  struct Case {
    std::string csv;
    std::string message;
  };
  const Case cases[] = {
      {"score,c\n1,ab\"c\n", "line 2, column 'c': quote inside an unquoted field"},
      {"score,c\n1, \"c\"\n", "line 2, column 'c': quote inside an unquoted field"},
      {"score,c\n1,\"abc\n2,x\n", "line 2, column 'c': quoted field is not terminated"},
      {"score,c\n1,\"ab\"c\n", "line 2, column 'c': unexpected character after the closing"},
      {"score,c\n1,\"a\nb\"x,\n", "line 3, column 'c': unexpected character after the closing"},
      {"score,c\n1,x\r2,y\n", "line 2, column 'c': carriage return not followed"},
      {"score,c\n1,\"x\"\r2,y\n", "line 2, column 'c': unexpected character"},
      {"sc\"ore\n1\n", "line 1, field 1: quote inside an unquoted field"},
      {"a,\"b\n", "line 1, field 2: quoted field is not terminated"},
      {"score,a,b,c\n1,2,3,4,5\"\n", "line 2, field 5: quote inside"},
  };
  for (const Case& c : cases) {
    for (bool skip : {false, true}) {
      CsvOptions o;
      o.skip_bad_rows = skip;
      ExpectError(ParseCsv(c.csv, o), CANDOR_PARSE_ERROR, {c.message});
    }
  }
}

// ------------------------------------------------------------------ UTF-8

TEST(Csv, InvalidUtf8AnywhereNamesLineAndByteOffset) {
  CsvOptions o;
  o.comment_column = "comment";
  // In the comment on line 3, at byte 21.
  ExpectError(ParseCsv("score,comment\n1,ok\n2,\xC3\x28\n", o), CANDOR_INVALID_UTF8,
              {"line 3", "byte offset 21"});
  // In a column nobody asked for, and with bad rows skipped: still an error.
  o.skip_bad_rows = true;
  ExpectError(ParseCsv("score,comment,other\n1,ok,\xED\xA0\x80\n", o), CANDOR_INVALID_UTF8,
              {"line 2", "byte offset 25"});
  // In the header; the offset counts the byte-order mark.
  ExpectError(ParseCsv("\xEF\xBB\xBFsc\xFFore\n1\n", o), CANDOR_INVALID_UTF8,
              {"line 1", "byte offset 5"});
  // A line break inside quotes counts as a line.
  ExpectError(ParseCsv("score,comment\n1,\"a\nb\"\n2,\xF4\x90\x80\x80\n", o), CANDOR_INVALID_UTF8,
              {"line 4"});
  // Valid multibyte text is kept as is.
  Result<Table> t = ParseCsv("score,comment\n1,caf\xC3\xA9 \xF0\x9F\x98\x80\n", o);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->comments[0], "caf\xC3\xA9 \xF0\x9F\x98\x80");
}

// ------------------------------------------------------------------ ReadCsv

TEST(ReadCsv, ReadsAFileWithBomCrlfAndQuotedLineBreaks) {
  CsvOptions o;
  o.account_column = "account";
  o.comment_column = "comment";
  o.time_column = "when";
  Result<Table> t = ReadCsv(CsvFixture("crlf_bom.csv"), o);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->scores, (std::vector<double>{10, 6, 9}));
  EXPECT_EQ(t->comments, (std::vector<std::string>{"great, really\r\ngreat", "said \"meh\"", ""}));
  // date -u -d 2024-02-29T12:00:00Z +%s; date -u -d 2024-03-01 +%s
  EXPECT_EQ(t->times, (std::vector<int64_t>{1709208000, 1709251200, 1709208000}));
  EXPECT_EQ(t->account.codes, (std::vector<int32_t>{0, 1, 0}));
}

TEST(ReadCsv, ErrorsNameThePath) {
  const std::string missing = CsvFixture("no_such_file.csv");
  ExpectError(ReadCsv(missing, CsvOptions()), CANDOR_NOT_FOUND, {missing});
  // A directory is refused: it is not a regular file.
  const std::string directory = std::string(CANDOR_TEST_DATA) + "/csv";
  ExpectError(ReadCsv(directory, CsvOptions()), CANDOR_IO_ERROR, {directory});
  // Parse errors keep their code and gain the path.
  CsvOptions o;
  o.score_column = "nps";
  const std::string fixture = CsvFixture("crlf_bom.csv");
  ExpectError(ReadCsv(fixture, o), CANDOR_NOT_FOUND, {fixture, "'nps'"});
}

TEST(ReadCsv, ReadsAFileLargerThanItsReadChunk) {
  const std::string path = ::testing::TempDir() + "/candor_io_large.csv";
  std::string csv = "score,comment\n";
  double sum = 0;
  for (int i = 0; i < 200000; ++i) {
    csv += std::to_string(i % 11) + ",\"row " + std::to_string(i) + "\"\n";
    sum += i % 11;
  }
  ASSERT_GT(csv.size(), 2u << 20);  // more than two 1 MiB reads
  std::FILE* f = std::fopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(std::fwrite(csv.data(), 1, csv.size(), f), csv.size());
  std::fclose(f);
  CsvOptions o;
  o.comment_column = "comment";
  Result<Table> t = ReadCsv(path, o);
  std::remove(path.c_str());
  ASSERT_TRUE(t.ok()) << t.status().message();
  ASSERT_EQ(t->rows(), 200000u);
  double got = 0;
  for (double s : t->scores) got += s;
  EXPECT_EQ(got, sum);
  EXPECT_EQ(t->comments[199999], "row 199999");
}

// ------------------------------------------------------------- robustness

TEST(Csv, RandomBytesAndTruncationsNeverCrash) {
  const std::string valid =
      "\xEF\xBB\xBFscore,time,account,role,region,plan,weight,comment\r\n"
      "9,2024-02-29T12:00:00Z,acme,admin,emea,pro,1.5,\"Love \"\"it\"\"\"\r\n"
      "3,1709208000,globex,user,apac,free,0,\"Slow,\nbuggy\"\r\n"
      "10,2024-03-01 08:00+02:00,acme,user,emea,free,2,caf\xC3\xA9\r\n";
  Result<Table> full = ParseCsv(valid, AllColumns());
  ASSERT_TRUE(full.ok()) << full.status().message();
  ASSERT_EQ(full->rows(), 3u);

  std::mt19937 random(12345);
  auto check = [&](const std::string& csv, bool skip) {
    CsvOptions o = AllColumns();
    o.skip_bad_rows = skip;
    Result<Table> t = ParseCsv(csv, o);
    if (t.ok()) {
      EXPECT_LE(t->rows(), 3u + csv.size());
      EXPECT_TRUE(t->Validate().ok()) << t->Validate().message();
    } else {
      const StatusCode code = t.status().code();
      EXPECT_TRUE(code == CANDOR_PARSE_ERROR || code == CANDOR_INVALID_UTF8 ||
                  code == CANDOR_NOT_FOUND)
          << code << " " << t.status().message();
      EXPECT_FALSE(t.status().message().empty());
    }
    return t.ok() ? t->rows() : 0;
  };
  // Every truncation: at most the full table's rows, and never more rows
  // than there were complete lines.
  for (size_t cut = 0; cut <= valid.size(); ++cut) {
    const size_t rows = check(valid.substr(0, cut), true);
    EXPECT_LE(rows, 3u);
  }
  // Random mutations of the valid text, and pure random bytes.
  for (int trial = 0; trial < 3000; ++trial) {
    std::string csv = valid;
    const int edits = 1 + static_cast<int>(random() % 4);
    for (int e = 0; e < edits; ++e) {
      const size_t at = random() % csv.size();
      const char pool[] = {'"',
                           ',',
                           '\n',
                           '\r',
                           'x',
                           '5',
                           '\0',
                           static_cast<char>(0xC3),
                           static_cast<char>(random() % 256)};
      csv[at] = pool[random() % sizeof pool];
    }
    check(csv, trial % 2 == 0);
    std::string noise(random() % 200, '\0');
    for (char& c : noise) c = static_cast<char>(random() % 256);
    check("score\n" + noise, trial % 2 == 1);
  }
}

// ------------------------------------------------------------- timestamps

TEST(Timestamp, KnownInstants) {
  // Each value checked with: date -u -d '<text>' +%s  (GNU coreutils)
  struct Case {
    const char* text;
    int64_t seconds;
  };
  const Case cases[] = {
      {"2024-02-29T12:00:00Z", 1709208000},
      {"1970-01-01T00:00:00Z", 0},
      {"1969-12-31T23:59:59Z", -1},
      {"2000-03-01T00:00:00Z", 951868800},
      {"1900-03-01T00:00:00Z", -2203891200},
      {"2100-03-01T00:00:00Z", 4107542400},
      {"1600-02-29T00:00:00Z", -11670998400},
      {"2023-12-31T23:59:59Z", 1704067199},
      {"2024-01-01", 1704067200},
      {"2038-01-19T03:14:08Z", 2147483648},
      {"9999-12-31T23:59:59Z", 253402300799},
      {"0001-01-01T00:00:00Z", -62135596800},
      {"2024-07-15T08:30:00+02:00", 1721025000},
      {"2024-07-15T08:30:00-05:30", 1721052000},
      {"2024-01-15T10:30:45Z", 1705314645},
      {"2024-01-15T10:30:45+0100", 1705311045},
  };
  for (const Case& c : cases) {
    Result<int64_t> t = ParseTimestamp(c.text);
    ASSERT_TRUE(t.ok()) << c.text << ": " << t.status().message();
    EXPECT_EQ(*t, c.seconds) << c.text;
  }
}

TEST(Timestamp, AcceptedForms) {
  const int64_t base = 1705314645;                          // date -u -d 2024-01-15T10:30:45Z +%s
  EXPECT_EQ(*ParseTimestamp("2024-01-15T10:30:45"), base);  // no offset: UTC
  EXPECT_EQ(*ParseTimestamp("2024-01-15 10:30:45"), base);  // space for T
  EXPECT_EQ(*ParseTimestamp("2024-01-15T10:30:45.999Z"), base);  // fraction dropped
  EXPECT_EQ(*ParseTimestamp("2024-01-15T10:30:45.1"), base);
  EXPECT_EQ(*ParseTimestamp("2024-01-15T10:30:45z"), base);
  EXPECT_EQ(*ParseTimestamp("2024-01-15T10:30Z"), base - 45);  // no seconds
  EXPECT_EQ(*ParseTimestamp("2024-01-15T10:30"), base - 45);
  EXPECT_EQ(*ParseTimestamp("2024-01-15T12:30:45+02:00"), base);
  EXPECT_EQ(*ParseTimestamp("2024-01-15T12:30:45+0200"), base);
  EXPECT_EQ(*ParseTimestamp("2024-01-15T05:00:45-05:30"), base);
  EXPECT_EQ(*ParseTimestamp("2024-01-15T10:30:45-00:00"), base);
  EXPECT_EQ(*ParseTimestamp("2024-01-16T00:30:45+14:00"), base);
  // Epoch seconds.
  EXPECT_EQ(*ParseTimestamp("1705314645"), base);
  EXPECT_EQ(*ParseTimestamp("+1705314645"), base);
  EXPECT_EQ(*ParseTimestamp("-86400"), -86400);
  EXPECT_EQ(*ParseTimestamp("0"), 0);
  EXPECT_EQ(*ParseTimestamp("9223372036854775807"), INT64_MAX);
  EXPECT_EQ(*ParseTimestamp("-9223372036854775808"), INT64_MIN);
}

TEST(Timestamp, InvalidDatesAndTimes) {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"2023-02-29", "day 29 is not in 1..28"},
      {"2100-02-29", "day 29 is not in 1..28"},  // divisible by 100, not by 400
      {"2024-02-30", "day 30 is not in 1..29"},
      {"2024-04-31", "day 31 is not in 1..30"},
      {"2024-01-00", "day 0"},
      {"2024-13-01", "month 13 is not in 1..12"},
      {"2024-00-10", "month 0"},
      {"2024-01-01T24:00", "hour 24"},
      {"2024-01-01T12:60", "minute 60"},
      {"2024-01-01T23:59:60Z", "second 60"},
      {"2024-01-01T12:00+24:00", "UTC offset"},
      {"2024-01-01T12:00+05:60", "UTC offset"},
      {"9223372036854775808", "overflow"},
      {"-9223372036854775809", "overflow"},
      {"99999999999999999999", "overflow"},
  };
  for (const Case& c : cases) {
    ExpectError(ParseTimestamp(c.text), CANDOR_PARSE_ERROR, {c.text, c.message});
  }
}

// The extreme corners of the ISO form (years 0000 and 9999 with the largest
// offsets: within +/-2^38 seconds, far from int64_t overflow) and an
// unbounded fraction are exact.
TEST(Timestamp, ExtremesOfTheIsoForm) {
  // 0000-01-01 is day -719528 (Hinnant's days_from_civil; year 0 is a leap year).
  EXPECT_EQ(*ParseTimestamp("0000-01-01T00:00:00+23:59"), -62167219200 - 86340);
  EXPECT_EQ(*ParseTimestamp("9999-12-31T23:59:59-23:59"), 253402300799 + 86340);
  EXPECT_EQ(*ParseTimestamp("0000-02-29"), -62167219200 + 59 * 86400);  // 31 + 28 days on
  const std::string long_fraction = "2024-01-15T10:30:45." + std::string(100000, '9') + "Z";
  EXPECT_EQ(*ParseTimestamp(long_fraction), 1705314645);
}

TEST(Timestamp, MalformedText) {
  for (const char* text : {"",
                           "abc",
                           "2024-1-01",
                           "2024-01-1",
                           "2024/01/01",
                           "2024-01-01T",
                           "2024-01-01T12",
                           "2024-01-01T12:0",
                           "2024-01-01T1200",
                           "2024-01-01T12:00:",
                           "2024-01-01T12:00:0",
                           "2024-01-01T12:00:00.",
                           "2024-01-01T12:00:00Zjunk",
                           "2024-01-01T12:00+5:00",
                           "2024-01-01T12:00+05",
                           "2024-01-01T12:00+05:0",
                           "2024-01-01T12:00 +05:00",
                           "2024-01-01Z",
                           "2024-01-01x",
                           "2024-01-01t12:00",
                           "1.5",
                           "1e9",
                           "+",
                           "-",
                           " 1",
                           "1 ",
                           "12:00",
                           "--1",
                           "2024-01-01T12:00:00+05:00:00"}) {
    Result<int64_t> t = ParseTimestamp(text);
    EXPECT_FALSE(t.ok()) << "'" << text << "' parsed as " << (t.ok() ? *t : 0);
    if (!t.ok()) EXPECT_EQ(t.status().code(), CANDOR_PARSE_ERROR);
  }
  // "2024" alone is epoch seconds, not a year.
  EXPECT_EQ(*ParseTimestamp("2024"), 2024);
}

// Every day from 1600 to 2400 at midnight and at a random time of day with a
// random offset, against glibc's timegm (an independent implementation).
TEST(Timestamp, EveryDayAgreesWithTimegm) {
  std::mt19937 random(99);
  char text[64];
  for (int year = 1600; year <= 2400; ++year) {
    for (int month = 1; month <= 12; ++month) {
      for (int day = 1; day <= 31; ++day) {
        std::tm tm{};
        tm.tm_year = year - 1900;
        tm.tm_mon = month - 1;
        tm.tm_mday = day;
        const time_t midnight = timegm(&tm);
        // timegm normalizes 02-30 to 03-01: then the date does not exist.
        const bool exists = tm.tm_mday == day;
        std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
        Result<int64_t> t = ParseTimestamp(text);
        ASSERT_EQ(t.ok(), exists) << text;
        if (!exists) continue;
        ASSERT_EQ(*t, static_cast<int64_t>(midnight)) << text;

        const int hour = static_cast<int>(random() % 24);
        const int minute = static_cast<int>(random() % 60);
        const int second = static_cast<int>(random() % 60);
        const int offset_minutes = static_cast<int>(random() % (2 * 14 * 60 + 1)) - 14 * 60;
        const int magnitude = std::abs(offset_minutes);
        std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", year, month,
                      day, hour, minute, second, offset_minutes < 0 ? '-' : '+', magnitude / 60,
                      magnitude % 60);
        std::tm local = tm;
        local.tm_hour = hour;
        local.tm_min = minute;
        local.tm_sec = second;
        const int64_t expected =
            static_cast<int64_t>(timegm(&local)) - int64_t{offset_minutes} * 60;
        t = ParseTimestamp(text);
        ASSERT_TRUE(t.ok()) << text << ": " << t.status().message();
        ASSERT_EQ(*t, expected) << text;
      }
    }
  }
}

}  // namespace
}  // namespace candor
