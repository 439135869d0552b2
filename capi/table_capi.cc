// Response tables, and the column names of CSV headers, read from CSV.
#include <candor/csv.hpp>
#include <candor/table.hpp>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "options.hpp"
#include "shim.hpp"
#include "table_handle.hpp"

struct candor_csv_header {
  std::vector<std::string> names;
};

using candor::capi::Fail;
using candor::capi::Guard;
using candor::capi::Required;

namespace {

// The oldest csv options layout: size and score column.
constexpr size_t kCsvOptionsOldest =
    offsetof(candor_csv_options, score_column) + sizeof(const char*);

std::string OrEmpty(const char* s) { return s == nullptr ? std::string() : std::string(s); }

// *hook: the caller's progress callback, which out->progress then calls.
candor::Status FromCsvOptions(const candor_csv_options* options, candor::CsvOptions* out,
                              candor::capi::ProgressHook* hook) {
  if (options == nullptr) return candor::OkStatus();  // all defaults
  candor_csv_options o;
  candor_csv_options_init(&o);
  CANDOR_RETURN_IF_ERROR(candor::capi::ReadSized(options, kCsvOptionsOldest, &o));
  if (o.score_column == nullptr || *o.score_column == '\0') {
    return candor::InvalidArgument("options->score_column is required");
  }
  out->score_column = o.score_column;
  out->time_column = OrEmpty(o.time_column);
  out->account_column = OrEmpty(o.account_column);
  out->role_column = OrEmpty(o.role_column);
  out->weight_column = OrEmpty(o.weight_column);
  out->comment_column = OrEmpty(o.comment_column);
  if (o.n_segment_columns > 0 && o.segment_columns == nullptr) {
    return candor::InvalidArgument("options->segment_columns is NULL but n_segment_columns is " +
                                   std::to_string(o.n_segment_columns));
  }
  for (size_t j = 0; j < o.n_segment_columns; ++j) {
    if (o.segment_columns[j] == nullptr) {
      return candor::InvalidArgument("options->segment_columns[" + std::to_string(j) + "] is NULL");
    }
    out->segment_columns.emplace_back(o.segment_columns[j]);
  }
  out->delimiter = o.delimiter;
  out->skip_bad_rows = o.skip_bad_rows != 0;
  out->max_bytes = o.max_bytes;
  if (o.n_number_columns > 0 && o.number_columns == nullptr) {
    return candor::InvalidArgument("options->number_columns is NULL but n_number_columns is " +
                                   std::to_string(o.n_number_columns));
  }
  for (size_t j = 0; j < o.n_number_columns; ++j) {
    if (o.number_columns[j] == nullptr) {
      return candor::InvalidArgument("options->number_columns[" + std::to_string(j) + "] is NULL");
    }
    out->number_columns.emplace_back(o.number_columns[j]);
  }
  *hook = {o.progress, o.progress_user_data};
  out->progress = hook->progress();
  out->decimal = o.decimal;
  out->time_format = OrEmpty(o.time_format);
  out->encoding = OrEmpty(o.encoding);
  return candor::OkStatus();
}

// A header reads only the delimiter and max_bytes: no column is required.
candor::Status FromHeaderOptions(const candor_csv_options* options, candor::CsvOptions* out) {
  if (options == nullptr) return candor::OkStatus();
  candor_csv_options o;
  candor_csv_options_init(&o);
  CANDOR_RETURN_IF_ERROR(candor::capi::ReadSized(options, kCsvOptionsOldest, &o));
  out->delimiter = o.delimiter;
  out->max_bytes = o.max_bytes;
  out->encoding = OrEmpty(o.encoding);
  return candor::OkStatus();
}

// *out = a new Handle holding what `read(csv options)` returns.
template <typename Handle, typename Reader>
candor_status MakeFromCsv(const candor_csv_options* options, Handle** out, Reader&& read) {
  return candor::capi::NewHandle(
      out, [&]() -> std::invoke_result_t<Reader&, const candor::CsvOptions&> {
        candor::CsvOptions csv;
        candor::capi::ProgressHook hook;
        constexpr bool kHeader = std::is_same_v<Handle, candor_csv_header>;
        CANDOR_RETURN_IF_ERROR(kHeader ? FromHeaderOptions(options, &csv)
                                       : FromCsvOptions(options, &csv, &hook));
        return read(csv);
      });
}

// The bytes of a C (data, size) input; NULL data is an error unless size is 0.
candor::Status DataView(const char* data, size_t size, std::string_view* view) {
  if (data == nullptr && size > 0) return candor::InvalidArgument("data is NULL");
  *view = std::string_view(data == nullptr ? "" : data, size);
  return candor::OkStatus();
}

candor::Status FindColumn(const candor_table* table, const char* column,
                          const candor::CategoricalColumn** out) {
  CANDOR_RETURN_IF_ERROR(Required(table, "table"));
  CANDOR_RETURN_IF_ERROR(Required(column, "column"));
  *out = table->table.FindCategorical(column);
  if (*out == nullptr) {
    return candor::NotFound(std::string("no categorical column named '") + column + "'");
  }
  return candor::OkStatus();
}

}  // namespace

extern "C" {

candor_status candor_csv_options_defaults(candor_csv_options* options, size_t size) {
  auto o = candor::capi::ZeroedOptions<candor_csv_options>();
  o.score_column = "score";
  o.delimiter = ',';
  o.decimal = '.';
  // Never write past the caller's struct, which may be older and shorter.
  return candor::capi::WriteDefaults(o, size, options, kCsvOptionsOldest);
}

candor_status candor_table_read_csv(const char* path, const candor_csv_options* options,
                                    candor_table** out) {
  if (path == nullptr) return Fail(candor::InvalidArgument("path is NULL"));
  return MakeFromCsv(options, out,
                     [&](const candor::CsvOptions& csv) { return candor::ReadCsv(path, csv); });
}

candor_status candor_table_parse_csv(const char* data, size_t size,
                                     const candor_csv_options* options, candor_table** out) {
  std::string_view view;
  if (candor::Status s = DataView(data, size, &view); !s.ok()) return Fail(s);
  return MakeFromCsv(options, out,
                     [&](const candor::CsvOptions& csv) { return candor::ParseCsv(view, csv); });
}

candor_status candor_csv_header_read(const char* path, const candor_csv_options* options,
                                     candor_csv_header** out) {
  if (path == nullptr) return Fail(candor::InvalidArgument("path is NULL"));
  return MakeFromCsv(options, out, [&](const candor::CsvOptions& csv) {
    return candor::ReadCsvHeader(path, csv);
  });
}

candor_status candor_csv_header_parse(const char* data, size_t size,
                                      const candor_csv_options* options, candor_csv_header** out) {
  std::string_view view;
  if (candor::Status s = DataView(data, size, &view); !s.ok()) return Fail(s);
  return MakeFromCsv(options, out, [&](const candor::CsvOptions& csv) {
    return candor::ParseCsvHeader(view, csv);
  });
}

void candor_csv_header_free(candor_csv_header* header) { delete header; }

size_t candor_csv_header_count(const candor_csv_header* header) {
  return header == nullptr ? 0 : header->names.size();
}

const char* candor_csv_header_name(const candor_csv_header* header, size_t i, size_t* length) {
  if (header == nullptr || i >= header->names.size()) return nullptr;
  if (length != nullptr) *length = header->names[i].size();
  return header->names[i].c_str();
}

void candor_table_free(candor_table* table) { delete table; }

size_t candor_table_rows(const candor_table* table) {
  return table == nullptr ? 0 : table->table.rows();
}

size_t candor_table_segment_count(const candor_table* table) {
  return table == nullptr ? 0 : table->table.segments.size();
}

const char* candor_table_segment_name(const candor_table* table, size_t j) {
  if (table == nullptr || j >= table->table.segments.size()) return nullptr;
  return table->table.segments[j].name.c_str();
}

size_t candor_table_skipped_rows(const candor_table* table) {
  return table == nullptr ? 0 : table->table.skipped_rows;
}

const double* candor_table_scores(const candor_table* table) {
  return table == nullptr ? nullptr : table->table.scores.data();
}

const double* candor_table_weights(const candor_table* table) {
  if (table == nullptr || table->table.weights.empty()) return nullptr;
  return table->table.weights.data();
}

const int64_t* candor_table_times(const candor_table* table) {
  if (table == nullptr || table->table.times.empty()) return nullptr;
  return table->table.times.data();
}

candor_status candor_table_numbers(const candor_table* table, const char* column,
                                   const double** values) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(table, "table", column, "column", values, "values"));
    const candor::NumberColumn* found = table->table.FindNumber(column);
    if (found == nullptr) {
      return candor::NotFound(std::string("no number column named '") + column + "'");
    }
    *values = found->values.data();
    return candor::OkStatus();
  });
}

candor_status candor_table_codes(const candor_table* table, const char* column,
                                 const int32_t** codes, size_t* levels) {
  return Guard([&] {
    const candor::CategoricalColumn* found = nullptr;
    CANDOR_RETURN_IF_ERROR(FindColumn(table, column, &found));
    CANDOR_RETURN_IF_ERROR(Required(codes, "codes", levels, "levels"));
    *codes = found->codes.data();
    *levels = found->dictionary.size();
    return candor::OkStatus();
  });
}

candor_status candor_table_label(const candor_table* table, const char* column, int32_t code,
                                 const char** label) {
  return Guard([&] {
    const candor::CategoricalColumn* found = nullptr;
    CANDOR_RETURN_IF_ERROR(FindColumn(table, column, &found));
    CANDOR_RETURN_IF_ERROR(Required(label, "label"));
    if (code < 0 || static_cast<size_t>(code) >= found->dictionary.size()) {
      return candor::OutOfRange("code " + std::to_string(code) + " of column '" + column +
                                "', which has " + std::to_string(found->dictionary.size()) +
                                " levels");
    }
    *label = found->dictionary.Label(code).c_str();
    return candor::OkStatus();
  });
}

candor_status candor_table_comment(const candor_table* table, size_t row, const char** text,
                                   size_t* length) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(table, "table", text, "text", length, "length"));
    CANDOR_RETURN_IF_ERROR(
        candor::capi::CheckIndex(row, table->table.rows(), "row {i} of a table with {n} rows"));
    if (table->table.comments.empty()) {
      *text = "";
      *length = 0;
      return candor::OkStatus();
    }
    const std::string& comment = table->table.comments[row];
    *text = comment.c_str();
    *length = comment.size();
    return candor::OkStatus();
  });
}

}  // extern "C"
