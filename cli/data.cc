#include "data.hpp"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <candor/csv.hpp>
#include <climits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

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

// The real path of `path`, or `path` itself when it cannot be resolved.
std::string RealPath(const std::string& path) {
  char buffer[PATH_MAX];
  if (realpath(path.c_str(), buffer) == nullptr) return path;
  return buffer;
}

// <prefix>/share/candor as seen from <prefix>/bin (the install's relative
// layout, compiled in by cli/CMakeLists.txt), or "" if the executable's path
// is unknown.
std::string DataDirNextToExecutable(const std::string& exe) {
  if (exe.empty()) return "";
#ifdef CANDOR_DATA_FROM_BINDIR
  return Dirname(exe) + "/" + CANDOR_DATA_FROM_BINDIR;
#else
  return Dirname(Dirname(exe)) + "/share/candor";
#endif
}

std::string JoinPaths(const std::vector<std::string>& paths) {
  std::string joined;
  for (const std::string& path : paths) joined += (joined.empty() ? "" : ", ") + path;
  return joined;
}

CsvOptions WithInputOptions(const InputArgs& input, CsvOptions csv) {
  csv.score_column = input.score_column;
  csv.delimiter = input.delimiter;
  csv.skip_bad_rows = input.skip_bad_rows;
  csv.decimal = input.dialect.decimal;
  csv.time_format = input.dialect.time_format;
  return csv;
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

std::optional<std::vector<std::string>> HeaderColumns(const std::string& data, char delimiter) {
  CsvOptions options;
  options.delimiter = delimiter;
  Result<std::vector<std::string>> names = ParseCsvHeader(data, options);
  if (!names.ok()) return std::nullopt;
  return std::move(names).value();
}

Result<Table> ParseInput(const std::string& data, const std::string& file, const InputArgs& input,
                         CsvOptions csv) {
  Result<Table> table = ParseCsv(data, WithInputOptions(input, std::move(csv)));
  if (!table.ok()) {
    return Status(table.status().code(), "'" + file + "': " + table.status().message());
  }
  return table;
}

std::optional<std::vector<std::string>> ReadHeaderColumns(const std::string& file,
                                                          const InputArgs& input) {
  CsvOptions options;
  options.delimiter = input.delimiter;
  options.max_bytes = input.max_bytes;
  options.encoding = input.dialect.encoding;
  Result<std::vector<std::string>> names = ReadCsvHeader(file, options);
  if (!names.ok()) return std::nullopt;
  return std::move(names).value();
}

Result<Table> ReadInput(const std::string& file, const InputArgs& input, CsvOptions csv,
                        const Progress& progress) {
  csv = WithInputOptions(input, std::move(csv));
  csv.max_bytes = input.max_bytes;
  csv.encoding = input.dialect.encoding;
  csv.progress = progress;
  return ReadCsv(file, csv);  // its errors name the file
}

Result<std::string> ReadInputText(const InputArgs& input) {
  return ReadDialectText(input.file, input.max_bytes, input.dialect);
}

bool OneColumnHoldingADelimiter(const std::vector<std::string>& header, char delimiter) {
  if (header.size() != 1) return false;
  for (const char d : {';', '\t', '|', ','}) {
    if (d != delimiter && header[0].find(d) != std::string::npos) return true;
  }
  return false;
}

Result<std::string> FindSampleCsv() {
  std::vector<std::string> candidates;
  std::string exe = ExecutablePath();
  if (!exe.empty()) {
    candidates.push_back(DataDirNextToExecutable(exe) + "/survey.csv");
  }
#ifdef CANDOR_SAMPLE_CSV
  candidates.push_back(CANDOR_SAMPLE_CSV);
#endif
  for (const std::string& path : candidates) {
    if (IsRegularFile(path)) return path;
  }
  return NotFound("the bundled sample survey.csv was not found (looked in: " +
                  JoinPaths(candidates) + "); pass a FILE");
}

Result<std::string> FindTaxonomy(const std::string& name) {
  if (name.find('/') != std::string::npos || IsRegularFile(name)) return name;
  std::vector<std::string> directories;
  std::string exe = ExecutablePath();
  bool in_build_tree = false;
#if defined(CANDOR_CLI_BUILD_DIR) && defined(CANDOR_SOURCE_TAXONOMIES)
  in_build_tree = !exe.empty() && Dirname(exe) == RealPath(CANDOR_CLI_BUILD_DIR);
  if (in_build_tree) directories.push_back(CANDOR_SOURCE_TAXONOMIES);
#endif
  if (!in_build_tree && !exe.empty()) {
    directories.push_back(DataDirNextToExecutable(exe) + "/taxonomies");
  }
#ifdef CANDOR_INSTALLED_DATA_DIR
  directories.push_back(std::string(CANDOR_INSTALLED_DATA_DIR) + "/taxonomies");
#endif
  std::vector<std::string> tried = {"./" + name};
  for (const std::string& directory : directories) {
    std::string path = directory + "/" + name;
    if (IsRegularFile(path)) return path;
    tried.push_back(path);
  }
  return NotFound("taxonomy '" + name + "' was not found (looked in: " + JoinPaths(tried) +
                  "); pass the path of a taxonomy file");
}

}  // namespace candor::cli
