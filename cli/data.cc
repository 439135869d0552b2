#include "data.h"

#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <string>
#include <vector>

#include "common/read_file.hpp"

namespace candor::cli {
namespace {

bool IsRegularFile(const std::string& path) {
  struct stat info;
  return stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

std::string Dirname(const std::string& path) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

constexpr const char* kTimeColumns[] = {"timestamp", "time", "date", "submitted_at", "created_at"};

std::string ExecutablePath() {
  char buffer[PATH_MAX];
  ssize_t size = readlink("/proc/self/exe", buffer, sizeof(buffer) - 1);
  if (size <= 0) return "";
  return std::string(buffer, static_cast<size_t>(size));
}

}  // namespace

std::string FindTimeColumn(const std::vector<std::string>& header) {
  for (const char* name : kTimeColumns) {
    for (const std::string& column : header) {
      if (column == name) return column;
    }
  }
  return "";
}

std::string TimeColumnNames() {
  std::string names;
  for (const char* name : kTimeColumns) names += (names.empty() ? "" : ", ") + std::string(name);
  return names;
}

Result<std::string> ReadWholeFile(const std::string& path, uint64_t max_bytes) {
  std::string contents;
  CANDOR_RETURN_IF_ERROR(internal::ReadRegularFile(path, max_bytes, &contents));
  return contents;
}

std::vector<std::string> HeaderColumns(const std::string& data, char delimiter) {
  std::vector<std::string> columns;
  size_t i = 0;
  if (data.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
  std::string field;
  bool quoted = false;
  for (; i < data.size(); ++i) {
    char c = data[i];
    if (quoted) {
      if (c != '"') {
        field += c;
      } else if (i + 1 < data.size() && data[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == delimiter) {
      columns.push_back(field);
      field.clear();
    } else if (c == '\n' || c == '\r') {
      break;
    } else {
      field += c;
    }
  }
  columns.push_back(field);
  return columns;
}

Result<std::string> FindSampleCsv() {
  std::vector<std::string> candidates;
  std::string exe = ExecutablePath();
  if (!exe.empty()) {
    candidates.push_back(Dirname(Dirname(exe)) + "/share/candor/survey.csv");
  }
#ifdef CANDOR_SAMPLE_CSV
  candidates.push_back(CANDOR_SAMPLE_CSV);
#endif
  for (const std::string& path : candidates) {
    if (IsRegularFile(path)) return path;
  }
  std::string tried;
  for (const std::string& path : candidates) tried += (tried.empty() ? "" : ", ") + path;
  return NotFound("the bundled sample survey.csv was not found (looked in: " + tried +
                  "); pass a FILE");
}

int64_t MonthCode(int64_t unix_seconds) {
  // Floor division: times before 1970 belong to the earlier day.
  int64_t days = unix_seconds / 86400 - (unix_seconds % 86400 < 0 ? 1 : 0);
  // Howard Hinnant's civil_from_days ("chrono-Compatible Low-Level Date
  // Algorithms", 2013): years counted from March, in 400-year eras.
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t day_of_era = days - era * 146097;
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t march_month = (5 * day_of_year + 2) / 153;
  const int64_t month = march_month < 10 ? march_month + 3 : march_month - 9;
  const int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  return year * 12 + month - 1;
}

std::string MonthLabel(int64_t month_code) {
  int64_t year = month_code / 12 - (month_code % 12 < 0 ? 1 : 0);
  int64_t month = month_code - year * 12 + 1;
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%04lld-%02lld", static_cast<long long>(year),
                static_cast<long long>(month));
  return buffer;
}

}  // namespace candor::cli
