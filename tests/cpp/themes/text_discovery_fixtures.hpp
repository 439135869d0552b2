// Readers of the fixtures in tests/data/text/discovery (made by
// make_fixtures.py there with scikit-learn / numpy / plain Python).
#ifndef CANDOR_TESTS_TEXT_DISCOVERY_FIXTURES_HPP_
#define CANDOR_TESTS_TEXT_DISCOVERY_FIXTURES_HPP_

#include <candor/text_discovery.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace candor::text::testing {

inline std::string FixturePath(const std::string& name) {
  return std::string(CANDOR_TEST_DATA) + "/text/discovery/" + name;
}

// Lines that are not comments.
inline std::vector<std::string> FixtureLines(const std::string& name) {
  std::ifstream in(FixturePath(name));
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] == '#') continue;
    lines.push_back(line);
  }
  return lines;
}

inline std::vector<std::string> SplitWords(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> words;
  std::string w;
  while (in >> w) words.push_back(w);
  return words;
}

// docs.txt: one document a line, words separated by spaces.
inline std::vector<std::vector<std::string>> FixtureDocuments() {
  std::vector<std::vector<std::string>> docs;
  for (const std::string& line : FixtureLines("docs.txt")) docs.push_back(SplitWords(line));
  return docs;
}

inline std::vector<double> Numbers(const std::string& line) {
  std::istringstream in(line);
  std::vector<double> out;
  double v;
  while (in >> v) out.push_back(v);
  return out;
}

// A dense row-major matrix as CSR (zeros not stored).
inline CsrMatrix ToCsr(const std::vector<double>& dense, int64_t rows, int64_t cols) {
  CsrMatrix m;
  m.rows = rows;
  m.cols = cols;
  m.row_ptr.push_back(0);
  for (int64_t r = 0; r < rows; ++r) {
    for (int64_t c = 0; c < cols; ++c) {
      const double v = dense[r * cols + c];
      if (v != 0) {
        m.col.push_back(static_cast<int32_t>(c));
        m.value.push_back(v);
      }
    }
    m.row_ptr.push_back(m.nnz());
  }
  return m;
}

inline std::vector<double> ToDense(const CsrMatrix& m) {
  std::vector<double> d(static_cast<size_t>(m.rows * m.cols), 0.0);
  for (int64_t r = 0; r < m.rows; ++r) {
    for (int64_t p = m.row_ptr[r]; p < m.row_ptr[r + 1]; ++p) d[r * m.cols + m.col[p]] = m.value[p];
  }
  return d;
}

}  // namespace candor::text::testing

#endif  // CANDOR_TESTS_TEXT_DISCOVERY_FIXTURES_HPP_
