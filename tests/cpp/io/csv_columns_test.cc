// ParseCsvColumns: raw text columns for the text pipeline.
#include <gtest/gtest.h>

#include <candor/csv.hpp>
#include <string>
#include <vector>

namespace candor {
namespace {

TEST(CsvColumns, ReturnsNamedColumnsInFileOrderWithQuotesRemoved) {
  const std::string data =
      "\xEF\xBB\xBFid,comment,score\n"
      "1,\"Great, \"\"really\"\" great\",10\n"
      "2,\"two\nlines\",3\n"
      "3,,7\n";
  auto columns = ParseCsvColumns(data, {"comment", "id"});
  ASSERT_TRUE(columns.ok()) << columns.status().message();
  ASSERT_EQ(columns->size(), 2u);
  EXPECT_EQ((*columns)[0], (std::vector<std::string>{"Great, \"really\" great", "two\nlines", ""}));
  EXPECT_EQ((*columns)[1], (std::vector<std::string>{"1", "2", "3"}));
}

TEST(CsvColumns, MissingColumnNamesTheAlternatives) {
  auto columns = ParseCsvColumns("id,text\n1,a\n", {"comment"});
  ASSERT_FALSE(columns.ok());
  EXPECT_EQ(columns.status().code(), CANDOR_NOT_FOUND);
  EXPECT_NE(columns.status().message().find("'text'"), std::string::npos)
      << columns.status().message();
}

TEST(CsvColumns, InvalidUtf8IsAnErrorUnlessTheCallerChecksItLater) {
  const std::string data = "comment\nok\nbad \xC3(\n";
  auto checked = ParseCsvColumns(data, {"comment"});
  ASSERT_FALSE(checked.ok());
  EXPECT_EQ(checked.status().code(), CANDOR_INVALID_UTF8);
  auto raw = ParseCsvColumns(data, {"comment"}, ',', /*check_utf8=*/false);
  ASSERT_TRUE(raw.ok()) << raw.status().message();
  EXPECT_EQ((*raw)[0][1], "bad \xC3(");
}

TEST(CsvColumns, RaggedRowsAndBadQuotesNameTheLine) {
  auto ragged = ParseCsvColumns("a,b\n1,2\n3\n", {"a"});
  ASSERT_FALSE(ragged.ok());
  EXPECT_EQ(ragged.status().code(), CANDOR_PARSE_ERROR);
  EXPECT_NE(ragged.status().message().find("line 3"), std::string::npos)
      << ragged.status().message();
  auto quote = ParseCsvColumns("a,b\n\"1,2\n", {"a"});
  EXPECT_EQ(quote.status().code(), CANDOR_PARSE_ERROR);
  EXPECT_EQ(ParseCsvColumns("", {"a"}).status().code(), CANDOR_PARSE_ERROR);
}

}  // namespace
}  // namespace candor
