// ReportExtrasFromTable: ARR, outcome and invited from number columns.
#include <gtest/gtest.h>

#include <candor/csv.hpp>
#include <candor/report.hpp>
#include <cmath>
#include <string>

namespace candor {
namespace {

Result<Table> Read(const std::string& csv) {
  CsvOptions options;
  options.number_columns = {"arr", "churned", "invited"};
  return ParseCsv(csv, options);
}

ReportColumns Named() {
  ReportColumns columns;
  columns.arr = "arr";
  columns.outcome = "churned";
  columns.invited = "invited";
  return columns;
}

TEST(ReportExtras, TakesTheNamedColumns) {
  Result<Table> table = Read("score,arr,churned,invited\n9,100,0,50\n3,,1,50\n");
  ASSERT_TRUE(table.ok());
  Result<ReportExtras> extras = ReportExtrasFromTable(*table, Named());
  ASSERT_TRUE(extras.ok()) << extras.status().message();
  ASSERT_EQ(extras->arr.size(), 2u);
  EXPECT_EQ(extras->arr[0], 100);
  EXPECT_TRUE(std::isnan(extras->arr[1]));
  EXPECT_EQ(extras->outcome, (std::vector<double>{0, 1}));
  EXPECT_EQ(extras->invited, (std::vector<double>{50, 50}));

  Result<ReportExtras> none = ReportExtrasFromTable(*table, ReportColumns());
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->arr.empty() && none->outcome.empty() && none->invited.empty());
}

TEST(ReportExtras, OutOfRangeNamesColumnAndRow) {
  Result<Table> table = Read("score,arr,churned,invited\n9,100,0,50\n3,5,2,50\n");
  ASSERT_TRUE(table.ok());
  Result<ReportExtras> extras = ReportExtrasFromTable(*table, Named());
  ASSERT_FALSE(extras.ok());
  EXPECT_EQ(extras.status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(extras.status().message().find("outcome column 'churned', row 2"), std::string::npos)
      << extras.status().message();

  table = Read("score,arr,churned,invited\n9,-1,0,50\n");
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(ReportExtrasFromTable(*table, Named()).status().code(), CANDOR_INVALID_ARGUMENT);
}

TEST(ReportExtras, ColumnNotReadIsNotFound) {
  Result<Table> table = ParseCsv("score,arr\n9,1\n", CsvOptions());
  ASSERT_TRUE(table.ok());
  ReportColumns columns;
  columns.arr = "arr";
  Result<ReportExtras> extras = ReportExtrasFromTable(*table, columns);
  EXPECT_EQ(extras.status().code(), CANDOR_NOT_FOUND);
}

}  // namespace
}  // namespace candor
