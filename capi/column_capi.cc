// Columns from Arrow through the C ABI (include/candor/column.hpp): a
// candor_column handle over a borrowed array or the chunks of a stream.
#include <candor/column.hpp>
#include <candor/enum_names.hpp>
#include <cstddef>
#include <optional>
#include <string_view>

#include "shim.hpp"

struct candor_column {
  candor::Column column;
};

using candor::capi::Guard;
using candor::capi::Required;

namespace {

std::optional<std::string_view> Field(const char* field) {
  if (field == nullptr) return std::nullopt;
  return std::string_view(field);
}

// `column` is required and of `kind`, else an error naming its kind.
candor::Status RequireKind(const candor_column* column, candor::ColumnKind kind,
                           const char* what) {
  CANDOR_RETURN_IF_ERROR(Required(column, "column"));
  if (column->column.kind() == kind) return candor::OkStatus();
  return candor::InvalidArgument(std::string(what) + " of a " +
                                 candor::EnumName(CANDOR_ENUM_COLUMN_KIND,
                                                  static_cast<int32_t>(column->column.kind())) +
                                 " column (Arrow format '" + column->column.format() + "')");
}

}  // namespace

extern "C" {

candor_status candor_column_from_arrow(const struct ArrowSchema* schema,
                                       const struct ArrowArray* array, const char* field,
                                       candor_column** out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(out, "out"));
    *out = nullptr;
    CANDOR_RETURN_IF_ERROR(Required(schema, "schema", array, "array"));
    return candor::capi::MakeHandle(
        out, [&] { return candor::Column::FromArrow(*schema, *array, Field(field)); });
  });
}

candor_status candor_column_from_arrow_stream(struct ArrowArrayStream* stream, const char* field,
                                              candor_column** out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(out, "out"));
    *out = nullptr;
    CANDOR_RETURN_IF_ERROR(Required(stream, "stream"));
    return candor::capi::MakeHandle(
        out, [&] { return candor::Column::FromArrowStream(*stream, Field(field)); });
  });
}

void candor_column_free(candor_column* column) { delete column; }

candor_status candor_column_describe(const candor_column* column, candor_column_info* out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(column, "column", out, "out"));
    const candor::Column& c = column->column;
    out->kind = static_cast<candor_column_kind>(c.kind());
    out->in_place = c.in_place() ? 1 : 0;
    out->rows = c.rows();
    out->nulls = c.nulls();
    out->chunks = c.chunks();
    out->format = c.format().c_str();
    out->time_zone = c.time_zone().c_str();
    return candor::OkStatus();
  });
}

candor_status candor_column_numbers(const candor_column* column, const double** values) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(values, "values"));
    CANDOR_RETURN_IF_ERROR(RequireKind(column, candor::ColumnKind::kNumbers, "numbers asked"));
    *values = column->column.numbers();
    return candor::OkStatus();
  });
}

candor_status candor_column_int8(const candor_column* column, const int8_t** values) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(values, "values"));
    CANDOR_RETURN_IF_ERROR(RequireKind(column, candor::ColumnKind::kNumbers, "int8 values asked"));
    return column->column.Int8(values);
  });
}

candor_status candor_column_times(const candor_column* column, const int64_t** seconds) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(seconds, "seconds"));
    CANDOR_RETURN_IF_ERROR(RequireKind(column, candor::ColumnKind::kTimes, "times asked"));
    *seconds = column->column.times();
    return candor::OkStatus();
  });
}

candor_status candor_column_codes(const candor_column* column, const int32_t** codes,
                                  size_t* levels) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(codes, "codes", levels, "levels"));
    CANDOR_RETURN_IF_ERROR(RequireKind(column, candor::ColumnKind::kText, "codes asked"));
    return column->column.Codes(codes, levels);
  });
}

candor_status candor_column_label(const candor_column* column, int32_t code, const char** label,
                                  size_t* length) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(label, "label"));
    CANDOR_RETURN_IF_ERROR(RequireKind(column, candor::ColumnKind::kText, "a label asked"));
    std::string_view view;
    CANDOR_RETURN_IF_ERROR(column->column.Label(code, &view));
    *label = view.data();  // a Dictionary label: a std::string, NUL-terminated
    if (length != nullptr) *length = view.size();
    return candor::OkStatus();
  });
}

candor_status candor_column_texts(const candor_column* column, const char* const** texts,
                                  const size_t** sizes) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(texts, "texts", sizes, "sizes"));
    CANDOR_RETURN_IF_ERROR(RequireKind(column, candor::ColumnKind::kText, "texts asked"));
    return column->column.Texts(texts, sizes);
  });
}

}  // extern "C"
