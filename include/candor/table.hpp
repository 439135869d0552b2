// candor/table.hpp — a columnar table of survey responses.
//
// One row per response: score, and optionally time (Unix seconds, UTC),
// account, respondent role, segments, weight and comment. Categorical columns
// (account, role, segments) are interned once into dense int32 codes, in order
// of first appearance, with a dictionary of labels. Numeric columns (ARR, a
// churn outcome, ...) are kept by name. Absent optional columns are empty
// vectors.
#ifndef CANDOR_TABLE_HPP_
#define CANDOR_TABLE_HPP_

#include <candor.h>
#include <candor/status.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace candor {

// Interns strings into dense codes 0..size()-1.
class Dictionary {
 public:
  Dictionary();
  ~Dictionary();
  Dictionary(Dictionary&&) noexcept;
  Dictionary& operator=(Dictionary&&) noexcept;
  Dictionary(const Dictionary&);
  Dictionary& operator=(const Dictionary&);

  int32_t Intern(std::string_view label);  // existing code or a new one
  // -1 if absent.
  int32_t Find(std::string_view label) const;
  const std::string& Label(int32_t code) const;  // "" for an unknown code
  size_t size() const { return labels_.size(); }
  const std::vector<std::string>& labels() const { return labels_; }

 private:
  struct Index;  // hash map from label to code (absl::flat_hash_map)
  std::vector<std::string> labels_;
  std::unique_ptr<Index> index_;
};

struct CategoricalColumn {
  std::string name;
  std::vector<int32_t> codes;
  Dictionary dictionary;
};

// A numeric column kept by name (CsvOptions::number_columns); NaN marks an
// empty cell.
struct NumberColumn {
  std::string name;
  std::vector<double> values;
};

struct Table {  // exported: FindCategorical, FindNumber, Validate
  std::vector<double> scores;
  std::vector<int64_t> times;        // empty if no time column
  std::vector<double> weights;       // empty if no weight column
  std::vector<std::string> comments; // empty if no comment column
  CategoricalColumn account;         // codes empty if absent
  CategoricalColumn role;            // codes empty if absent
  std::vector<CategoricalColumn> segments;
  size_t skipped_rows = 0;           // bad rows skipped by option
  std::vector<NumberColumn> numbers; // in the order asked for

  size_t rows() const { return scores.size(); }
  // A categorical column by name: a segment's name, or "account" / "role"
  // (also matched by the source column name). nullptr if none.
  const CategoricalColumn* FindCategorical(std::string_view name) const;
  // A numeric column by name; nullptr if none.
  const NumberColumn* FindNumber(std::string_view name) const;
  // Checks every present column (numeric ones too) has rows() entries
  // (CANDOR_LENGTH_MISMATCH)
  // and every categorical code names a label (CANDOR_OUT_OF_RANGE).
  Status Validate() const;
};

}  // namespace candor

#endif  // CANDOR_TABLE_HPP_
