// The report (include/candor/report.hpp): built from a table handle, its
// ARR, outcome and invited values from the table's number columns, and
// rendered on demand into text the report handle owns.
#include <array>
#include <candor/report.hpp>
#include <mutex>
#include <string>
#include <utility>

#include "options.hpp"
#include "shim.hpp"
#include "table_handle.hpp"

struct candor_report {
  explicit candor_report(candor::ReportModel m) : model(std::move(m)) {}
  candor::ReportModel model;
  // Rendered once per format on first request (candor_report_render may be
  // called from several threads).
  std::array<std::once_flag, 3> rendered_once;
  std::array<std::string, 3> rendered;
};

namespace candor::capi {
namespace {

std::string Text(const char* s) { return s == nullptr ? std::string() : std::string(s); }

candor_report_options Defaults() {
  auto o = ZeroedOptions<candor_report_options>();
  const ReportOptions defaults;
  o.level = defaults.level;
  o.max_themes = defaults.max_themes;
  o.quotes_per_theme = defaults.quotes_per_theme;
  o.max_accounts = defaults.max_accounts;
  o.max_alarms = defaults.max_alarms;
  o.seed = defaults.seed;
  return o;  // time_zone, period NULL: the C++ defaults
}

// The shown name of a role: the caller's, else the role's when the table has
// the column.
std::string Shown(const char* given, bool present, const char* role) {
  if (given != nullptr) return given;
  return present ? role : "";
}

Result<ReportModel> Build(const candor_table* table, const candor_report_options* options) {
  CANDOR_RETURN_IF_ERROR(Required(table, "table"));
  candor_report_options o = Defaults();
  CANDOR_RETURN_IF_ERROR(ReadSized(options, sizeof(size_t), &o));
  const Table& t = table->table;
  ReportOptions report;
  report.level = o.level;
  if (o.time_zone != nullptr) report.time_zone = o.time_zone;
  if (o.period != nullptr) report.period = o.period;
  report.max_themes = o.max_themes;
  report.quotes_per_theme = o.quotes_per_theme;
  report.max_accounts = o.max_accounts;
  report.max_alarms = o.max_alarms;
  report.seed = o.seed;
  report.source = Text(o.source);
  report.bundled_sample = o.bundled_sample != 0;
  ReportColumns& columns = report.columns;
  columns.score = Shown(o.score_column, true, "score");
  columns.comment = Shown(o.comment_column, !t.comments.empty(), "comment");
  columns.time = Shown(o.time_column, !t.times.empty(), "time");
  columns.weight = Shown(o.weight_column, !t.weights.empty(), "weight");
  columns.account = t.account.codes.empty() ? "" : t.account.name;
  for (const CategoricalColumn& segment : t.segments) columns.segments.push_back(segment.name);
  columns.arr = Text(o.arr_column);
  columns.outcome = Text(o.outcome_column);
  columns.invited = Text(o.invited_column);
  Result<ReportExtras> extras = ReportExtrasFromTable(t, columns);
  if (!extras.ok()) return extras.status();
  const ProgressHook hook{o.progress, o.progress_user_data};
  report.progress = hook.progress();
  return BuildReport(t, *extras, report);
}

}  // namespace
}  // namespace candor::capi

extern "C" {

candor_status candor_report_options_defaults(candor_report_options* options, size_t size) {
  return candor::capi::WriteDefaults(candor::capi::Defaults(), size, options);
}

candor_status candor_report_build(const candor_table* table, const candor_report_options* options,
                                  candor_report** out) {
  return candor::capi::NewHandle(out, [&] { return candor::capi::Build(table, options); });
}

candor_status candor_report_render(const candor_report* report, candor_report_format format,
                                   const char** text, size_t* length) {
  return candor::capi::Guard([&]() -> candor::Status {
    CANDOR_RETURN_IF_ERROR(
        candor::capi::Required(report, "report", text, "text", length, "length"));
    const int raw = candor::capi::RawEnum(format);
    if (raw < CANDOR_REPORT_FORMAT_TEXT || raw > CANDOR_REPORT_FORMAT_HTML) {
      return candor::InvalidArgument("format " + std::to_string(raw) +
                                     " is not a candor_report_format");
    }
    auto* mutable_report = const_cast<candor_report*>(report);
    const auto index = static_cast<size_t>(raw);
    std::call_once(mutable_report->rendered_once[index], [&] {
      std::string& into = mutable_report->rendered[index];
      switch (raw) {
        case CANDOR_REPORT_FORMAT_JSON:
          into = candor::RenderReportJson(report->model);
          break;
        case CANDOR_REPORT_FORMAT_HTML:
          into = candor::RenderReportHtml(report->model);
          break;
        default:
          into = candor::RenderReportText(report->model);
      }
    });
    *text = mutable_report->rendered[index].c_str();
    *length = mutable_report->rendered[index].size();
    return candor::OkStatus();
  });
}

void candor_report_free(candor_report* report) { delete report; }

}  // extern "C"
