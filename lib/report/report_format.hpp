// Number and text formatting shared by the report's renderers, so that the
// text, the HTML and a reader of the JSON round the same way: NPS and points
// to 1 decimal, shares as percents to 1 decimal, p-values to 3.
#ifndef CANDOR_LIB_REPORT_REPORT_FORMAT_HPP_
#define CANDOR_LIB_REPORT_REPORT_FORMAT_HPP_

#include <string>
#include <vector>

namespace candor::report_internal {

// printf("%.*f"); "-" for NaN or infinity; never "-0.0".
std::string Fixed(double value, int decimals);
// "+3.2" / "-1.0" / "0.0".
std::string Signed(double value, int decimals);
// "<0.001" or 3 decimals; "-" for NaN.
std::string PValue(double p);
// "[12.3, 25.1]".
std::string Interval(double low, double high, int decimals);
// "95%" / "99.5%".
std::string LevelPercent(double level);
// A share in [0, 1] as "45.0%".
std::string Percent(double share);
// "$1,234,567" (whole units, thousands separated); "-" for NaN.
std::string Money(double amount);
// "1 point" / "2.5 points".
std::string Points(double value);
// Words wrapped at `width` columns, each line starting with `indent`.
std::string Wrap(const std::string& text, size_t width, const std::string& indent);

// A plain text table: header, rule, rows; the first `label_columns` columns
// left-aligned, the rest right-aligned. Widths count UTF-8 code points.
class TextTable {
 public:
  TextTable(std::vector<std::string> headers, size_t label_columns);
  void AddRow(std::vector<std::string> cells);
  std::string Render(const std::string& indent) const;

 private:
  std::vector<std::string> headers_;
  size_t label_columns_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace candor::report_internal

#endif  // CANDOR_LIB_REPORT_REPORT_FORMAT_HPP_
