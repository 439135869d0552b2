// Helpers shared by the CSV reader tests (csv_test.cc, csv_dialects_test.cc).
#ifndef CANDOR_TESTS_IO_CSV_TEST_UTIL_HPP_
#define CANDOR_TESTS_IO_CSV_TEST_UTIL_HPP_

#include <gtest/gtest.h>

#include <candor/status.hpp>
#include <initializer_list>
#include <string>

namespace candor::testing {

// Fails unless `result` failed with `code` and a message containing every
// piece of `pieces`.
template <typename T>
void ExpectError(const Result<T>& result, StatusCode code,
                 std::initializer_list<std::string> pieces) {
  ASSERT_FALSE(result.ok()) << "expected an error";
  EXPECT_EQ(result.status().code(), code) << result.status().message();
  for (const std::string& piece : pieces) {
    EXPECT_NE(result.status().message().find(piece), std::string::npos)
        << "'" << piece << "' not in: " << result.status().message();
  }
}

// The path of tests/data/csv/<name> (the synthetic export shapes, see its
// README.md).
inline std::string CsvFixture(const std::string& name) {
  return std::string(CANDOR_TEST_DATA) + "/csv/" + name;
}

}  // namespace candor::testing

#endif  // CANDOR_TESTS_IO_CSV_TEST_UTIL_HPP_
