// Reading the cross-check fixtures in tests/data: headed CSV files of plain
// fields (no quotes, no embedded commas), written by tests/crosscheck scripts.
#ifndef CANDOR_TESTS_CPP_FIXTURE_CSV_HPP_
#define CANDOR_TESTS_CPP_FIXTURE_CSV_HPP_

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace candor::testing {

using FixtureRow = std::map<std::string, std::string>;

inline std::vector<std::string> SplitFixtureLine(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  std::string field;
  while (std::getline(in, field, ',')) fields.push_back(field);
  return fields;
}

// Rows as column name -> text. A missing file or a row whose field count
// differs from the header's fails the calling test.
inline std::vector<FixtureRow> ReadFixtureCsv(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << path;
  std::string line;
  std::getline(in, line);
  const std::vector<std::string> header = SplitFixtureLine(line);
  std::vector<FixtureRow> rows;
  while (std::getline(in, line)) {
    const std::vector<std::string> fields = SplitFixtureLine(line);
    EXPECT_EQ(fields.size(), header.size()) << path << ": " << line;
    FixtureRow row;
    for (size_t i = 0; i < header.size() && i < fields.size(); ++i) row[header[i]] = fields[i];
    rows.push_back(row);
  }
  return rows;
}

}  // namespace candor::testing

#endif  // CANDOR_TESTS_CPP_FIXTURE_CSV_HPP_
