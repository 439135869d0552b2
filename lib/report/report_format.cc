#include "report_format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace candor::report_internal {
namespace {

size_t CodePoints(const std::string& text) {
  return static_cast<size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

}  // namespace

std::string Fixed(double value, int decimals) {
  if (!std::isfinite(value)) return "-";
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%.*f", decimals, value);
  std::string text = buffer;
  // A negative value that rounds to zero prints as "-0.0": drop the sign.
  if (text[0] == '-' && text.find_first_not_of("-0.") == std::string::npos) text.erase(0, 1);
  return text;
}

std::string Signed(double value, int decimals) {
  std::string text = Fixed(value, decimals);
  bool zero = text.find_first_not_of("0.") == std::string::npos;
  return (text == "-" || text[0] == '-' || zero) ? text : "+" + text;
}

std::string PValue(double p) {
  if (std::isnan(p)) return "-";
  return p < 0.001 ? "<0.001" : Fixed(p, 3);
}

std::string Interval(double low, double high, int decimals) {
  return "[" + Fixed(low, decimals) + ", " + Fixed(high, decimals) + "]";
}

std::string LevelPercent(double level) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%g%%", level * 100);
  return buffer;
}

std::string Percent(double share) { return Fixed(100 * share, 1) + "%"; }

std::string Money(double amount) {
  if (!std::isfinite(amount)) return "-";
  std::string digits = Fixed(std::fabs(amount), 0);
  std::string grouped;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return (amount < 0 && digits != "0" ? "-$" : "$") + grouped;
}

std::string Points(double value) {
  std::string text = Fixed(value, 1);
  return text + (text == "1.0" ? " point" : " points");
}

std::string Wrap(const std::string& text, size_t width, const std::string& indent) {
  std::istringstream words(text);
  std::string word, line, out;
  while (words >> word) {
    if (!line.empty() && CodePoints(indent + line + " " + word) > width) {
      out += indent + line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) out += indent + line + "\n";
  return out;
}

TextTable::TextTable(std::vector<std::string> headers, size_t label_columns)
    : headers_(std::move(headers)), label_columns_(label_columns) {}

void TextTable::AddRow(std::vector<std::string> cells) {
  cells.resize(headers_.size());
  rows_.push_back(std::move(cells));
}

std::string TextTable::Render(const std::string& indent) const {
  std::vector<size_t> widths(headers_.size());
  for (size_t c = 0; c < headers_.size(); ++c) {
    widths[c] = CodePoints(headers_[c]);
    for (const auto& row : rows_) widths[c] = std::max(widths[c], CodePoints(row[c]));
  }
  auto render_line = [&](const std::vector<std::string>& cells) {
    std::string line = indent;
    for (size_t c = 0; c < cells.size(); ++c) {
      std::string fill(widths[c] - CodePoints(cells[c]), ' ');
      line += (c > 0 ? "  " : "") + (c < label_columns_ ? cells[c] + fill : fill + cells[c]);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line + "\n";
  };
  std::string out = render_line(headers_);
  std::vector<std::string> rule;
  for (size_t width : widths) rule.emplace_back(width, '-');
  out += render_line(rule);
  for (const auto& row : rows_) out += render_line(row);
  return out;
}

}  // namespace candor::report_internal
