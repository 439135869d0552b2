#include "format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace candor::cli {
namespace {

// Code points, not bytes: labels may be UTF-8 (validated by the library).
size_t DisplayWidth(const std::string& text) {
  size_t width = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++width;
  }
  return width;
}

std::string Pad(const std::string& text, size_t width, bool left) {
  size_t have = DisplayWidth(text);
  std::string fill(width > have ? width - have : 0, ' ');
  return left ? text + fill : fill + text;
}

}  // namespace

std::string FormatFixed(double value, int decimals) {
  if (std::isnan(value)) return "-";
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%.*f", decimals, value);
  std::string text = buffer;
  if (text == "-0" || text.find_first_not_of("-0.") == std::string::npos) {
    // "-0.0" reads as a sign that is not there.
    if (!text.empty() && text[0] == '-') text.erase(0, 1);
  }
  return text;
}

std::string FormatSigned(double value, int decimals) {
  std::string text = FormatFixed(value, decimals);
  if (text != "-" && text[0] != '-' && text.find_first_not_of("0.") != std::string::npos) {
    text = "+" + text;
  }
  return text;
}

std::string FormatP(double p) {
  if (std::isnan(p)) return "-";
  if (p < 0.001) return "<0.001";
  return FormatFixed(p, 3);
}

std::string FormatInterval(double low, double high, int decimals) {
  return "[" + FormatFixed(low, decimals) + ", " + FormatFixed(high, decimals) + "]";
}

std::string FormatLevel(double level) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%g%%", level * 100);
  return buffer;
}

std::string CsvField(const std::string& text, char delimiter) {
  if (text.find_first_of(std::string("\"\r\n") + delimiter) == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string CsvRow(const std::vector<std::string>& fields, char delimiter) {
  std::string row;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) row += delimiter;
    row += CsvField(fields[i], delimiter);
  }
  return row + "\n";
}

TextTable::TextTable(std::vector<std::string> headers, size_t label_columns)
    : headers_(std::move(headers)), left_(headers_.size(), false) {
  for (size_t c = 0; c < label_columns && c < left_.size(); ++c) left_[c] = true;
}

void TextTable::SetLeftAligned(size_t column) {
  if (column < left_.size()) left_[column] = true;
}

void TextTable::AddRow(std::vector<std::string> cells) {
  cells.resize(headers_.size());
  rows_.push_back(std::move(cells));
}

std::string TextTable::Render(const std::string& indent) const {
  std::vector<size_t> widths(headers_.size());
  for (size_t c = 0; c < headers_.size(); ++c) {
    widths[c] = DisplayWidth(headers_[c]);
    for (const auto& row : rows_) widths[c] = std::max(widths[c], DisplayWidth(row[c]));
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out = indent;
    for (size_t c = 0; c < cells.size(); ++c) {
      if (c > 0) out += "  ";
      out += Pad(cells[c], widths[c], left_[c]);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = line(headers_);
  std::vector<std::string> rule;
  for (size_t width : widths) rule.push_back(std::string(width, '-'));
  out += line(rule);
  for (const auto& row : rows_) out += line(row);
  return out;
}

int DisplayDecimals(const Metric& metric) { return metric.kind == MetricKind::kMean ? 2 : 1; }

nlohmann::json NumberOrNull(double value) {
  if (!std::isfinite(value)) return nullptr;
  return value;
}

nlohmann::json EstimateJson(const Estimate& e) {
  return {{"value", NumberOrNull(e.value)},
          {"std_error", NumberOrNull(e.std_error)},
          {"ci_low", NumberOrNull(e.ci_low)},
          {"ci_high", NumberOrNull(e.ci_high)},
          {"level", e.level},
          {"n", e.n},
          {"effective_n", NumberOrNull(e.effective_n)}};
}

nlohmann::json ComparisonJson(const Comparison& c) {
  return {{"difference", NumberOrNull(c.difference)},
          {"std_error", NumberOrNull(c.std_error)},
          {"ci_low", NumberOrNull(c.ci_low)},
          {"ci_high", NumberOrNull(c.ci_high)},
          {"p_value", NumberOrNull(c.p_value)}};
}

std::string DumpJson(const nlohmann::json& value) {
  return value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace candor::cli
