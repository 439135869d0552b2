// The 4,000 fine-food reviews (bench/data/fine_foods_train.csv, provenance in
// bench/data/README.md) for the text tests: a minimal RFC 4180 reader of the
// "review" column, independent of candor's own CSV code.
#ifndef CANDOR_TESTS_TEXT_TOKENIZER_REVIEWS_HPP_
#define CANDOR_TESTS_TEXT_TOKENIZER_REVIEWS_HPP_

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace candor::testing {

inline std::string FineFoodsPath() {
  return std::string(CANDOR_TEST_DATA) + "/../../bench/data/fine_foods_train.csv";
}

// Rows of the file as fields (quotes removed, "" unescaped); empty if the
// file is missing.
inline std::vector<std::vector<std::string>> ReadCsvRows(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string data = buffer.str();
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < data.size(); ++i) {
    const char c = data[i];
    if (quoted) {
      if (c == '"' && i + 1 < data.size() && data[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < data.size() && data[i + 1] == '\n') ++i;
      row.push_back(field);
      field.clear();
      rows.push_back(row);
      row.clear();
    } else {
      field += c;
    }
  }
  if (!field.empty() || !row.empty()) {
    row.push_back(field);
    rows.push_back(row);
  }
  return rows;
}

// The review texts and their labels (true: 5 stars, "great").
struct Reviews {
  std::vector<std::string> text;
  std::vector<bool> great;
};

inline Reviews FineFoodReviews() {
  Reviews out;
  const auto rows = ReadCsvRows(FineFoodsPath());
  for (size_t r = 1; r < rows.size(); ++r) {  // row 0: product,review,score
    if (rows[r].size() != 3) continue;
    out.text.push_back(rows[r][1]);
    out.great.push_back(rows[r][2] == "great");
  }
  return out;
}

}  // namespace candor::testing

#endif  // CANDOR_TESTS_TEXT_TOKENIZER_REVIEWS_HPP_
