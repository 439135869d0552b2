// CsvOptions::number_columns: numeric columns kept by name in Table::numbers
// (empty cell NaN, other text a bad row), the same read whole or in chunks.
#include <gtest/gtest.h>

#include <candor/csv.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "csv_records.hpp"
#include "support/special_files.hpp"

namespace candor {
namespace {

constexpr const char* kCsv =
    "score,arr,churned,region\n"
    "9,1200.5,0,EU\n"
    "3,,1,US\n"
    "7, 2e3 ,,EU\n";

CsvOptions WithNumbers() {
  CsvOptions options;
  options.number_columns = {"churned", "arr"};
  return options;
}

TEST(CsvNumbers, KeptByNameInTheOrderAskedWithEmptyAsNaN) {
  Result<Table> table = ParseCsv(kCsv, WithNumbers());
  ASSERT_TRUE(table.ok()) << table.status().message();
  ASSERT_EQ(table->numbers.size(), 2u);
  EXPECT_EQ(table->numbers[0].name, "churned");
  EXPECT_EQ(table->numbers[1].name, "arr");
  const NumberColumn* arr = table->FindNumber("arr");
  ASSERT_NE(arr, nullptr);
  ASSERT_EQ(arr->values.size(), 3u);
  EXPECT_EQ(arr->values[0], 1200.5);
  EXPECT_TRUE(std::isnan(arr->values[1]));
  EXPECT_EQ(arr->values[2], 2000);
  const NumberColumn* churned = table->FindNumber("churned");
  ASSERT_NE(churned, nullptr);
  EXPECT_EQ(churned->values[1], 1);
  EXPECT_TRUE(std::isnan(churned->values[2]));
  EXPECT_EQ(table->FindNumber("region"), nullptr);
  EXPECT_TRUE(table->Validate().ok());
}

TEST(CsvNumbers, NoneAskedNoneKept) {
  Result<Table> table = ParseCsv(kCsv, CsvOptions());
  ASSERT_TRUE(table.ok());
  EXPECT_TRUE(table->numbers.empty());
}

TEST(CsvNumbers, MissingColumnIsNotFoundNamingIt) {
  CsvOptions options;
  options.number_columns = {"ARR"};
  Result<Table> table = ParseCsv(kCsv, options);
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.status().code(), CANDOR_NOT_FOUND);
  EXPECT_NE(table.status().message().find("number column 'ARR' not found"), std::string::npos)
      << table.status().message();
  EXPECT_NE(table.status().message().find("did you mean 'arr'"), std::string::npos);
}

TEST(CsvNumbers, TextIsABadRowNamingLineAndColumn) {
  const std::string csv = "score,arr\n9,100\n8,lots\n7,inf\n6,50\n";
  CsvOptions options;
  options.number_columns = {"arr"};
  Result<Table> strict = ParseCsv(csv, options);
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.status().code(), CANDOR_PARSE_ERROR);
  EXPECT_NE(strict.status().message().find("line 3, column 'arr': value 'lots' is not a number"),
            std::string::npos)
      << strict.status().message();

  options.skip_bad_rows = true;
  Result<Table> skipping = ParseCsv(csv, options);
  ASSERT_TRUE(skipping.ok());
  EXPECT_EQ(skipping->skipped_rows, 2u);
  EXPECT_EQ(skipping->scores, (std::vector<double>{9, 6}));
  EXPECT_EQ(skipping->numbers[0].values, (std::vector<double>{100, 50}));
}

TEST(CsvNumbers, ChunkedReadGivesTheSameColumns) {
  testing_files::ScratchDir dir;
  const std::string data = kCsv;
  const std::string path = dir.File("numbers.csv", data.size(), data);
  ASSERT_FALSE(path.empty());
  Result<Table> whole = ParseCsv(data, WithNumbers());
  ASSERT_TRUE(whole.ok());
  for (size_t chunk : {size_t{1}, size_t{5}, size_t{64}}) {
    Result<Table> chunked = internal::ReadCsvInChunks(path, WithNumbers(), chunk);
    ASSERT_TRUE(chunked.ok()) << chunked.status().message();
    ASSERT_EQ(chunked->numbers.size(), whole->numbers.size());
    for (size_t c = 0; c < whole->numbers.size(); ++c) {
      EXPECT_EQ(chunked->numbers[c].name, whole->numbers[c].name);
      const auto& a = chunked->numbers[c].values;
      const auto& b = whole->numbers[c].values;
      ASSERT_EQ(a.size(), b.size());
      for (size_t i = 0; i < a.size(); ++i) {
        EXPECT_TRUE(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i]))) << chunk << " " << i;
      }
    }
  }
}

TEST(TableNumbers, ValidateChecksTheLength) {
  Table table;
  table.scores = {1, 2, 3};
  table.numbers.push_back({"arr", {1, 2}});
  const Status status = table.Validate();
  EXPECT_EQ(status.code(), CANDOR_LENGTH_MISMATCH);
  EXPECT_NE(status.message().find("number column 'arr'"), std::string::npos);
}

}  // namespace
}  // namespace candor
