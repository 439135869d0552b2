// capi/table_handle.hpp — the candor_table handle, read by the table shims
// and by the report's (which builds a report of one).
#ifndef CANDOR_CAPI_TABLE_HANDLE_HPP_
#define CANDOR_CAPI_TABLE_HANDLE_HPP_

#include <candor/table.hpp>

struct candor_table {
  candor::Table table;
};

#endif  // CANDOR_CAPI_TABLE_HANDLE_HPP_
