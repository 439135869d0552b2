"""Arrow columns: any object with the Arrow PyCapsule interface
(`__arrow_c_array__` or `__arrow_c_stream__`: pyarrow, Polars, DuckDB, nanoarrow
...) read by the library's candor_column_from_arrow / _stream into numpy,
without a copy where the library has one.

- numbers (ints, floats, bool) -> a float64 array, NaN for a null: a view of
  the library's array, which is the producer's own buffer for float64 without
  nulls (zero-copy);
- times (timestamps in any unit, with or without a zone, date32, date64) ->
  datetime64[s] viewing the library's Unix seconds (INT64_MIN is NaT);
- text (utf8, large_utf8, dictionary strings) -> an object array of str,
  None for a null (built from the library's codes: one Python str per
  distinct label), or, for the text model, the library's (pointer, size)
  pairs into the producer's buffers (`texts`: no Python strings at all).

An object with both protocols is read through `__arrow_c_array__`: one
array is borrowed in place, while a stream's chunks are joined (numbers
copied). Views keep their column, and the column the producer's capsules,
alive (`view.base`); the capsules release the producer's data when the last
view is gone. A record batch or table (a struct array, or a stream of them)
is read by field name (`table_columns`) where a DataFrame is accepted. A
stream that can be read only once (a RecordBatchReader) gives one column:
read it into a table first to take several.

numpy arrays and pandas objects are not Arrow inputs here (pandas >= 2.2
exports streams, but its own path keeps its index and dtypes).
"""

import ctypes

import numpy as np

from candor import _capi
from candor import _compat
from candor import _lib
from candor._lib import Error, lib

# candor_column_kind: name by value, from the library's one table of names.
KINDS = {value: name for name, value in _lib.enum_values(_capi.ENUM_COLUMN_KIND).items()}
INTEGER_FORMATS = frozenset("csilCSIL")


def is_arrow(values):
    """Whether `values` is read as Arrow: it has the PyCapsule interface and
    is not a numpy array or a pandas object (those keep their own paths)."""
    if isinstance(values, (np.ndarray, np.generic, str, bytes, list, tuple, dict)):
        return False
    if not (hasattr(values, "__arrow_c_array__") or hasattr(values, "__arrow_c_stream__")):
        return False
    pd = _compat.loaded_pandas()
    return not (pd is not None and isinstance(values, (pd.Series, pd.Index, pd.DataFrame,
                                                       pd.Categorical)))


def _address(capsule, name, what):
    try:
        return _capi.capsule_pointer(capsule, name)
    except (ValueError, TypeError) as e:
        raise Error("CANDOR_INVALID_ARGUMENT", "%s: the Arrow producer gave %r where a "
                    "capsule named %r belongs (%s)" % (what, type(capsule).__name__,
                                                      name.decode(), e)) from None


def _array_capsules(values, what):
    capsules = values.__arrow_c_array__()
    if not (isinstance(capsules, tuple) and len(capsules) == 2):
        raise Error("CANDOR_INVALID_ARGUMENT", "%s: __arrow_c_array__ must return a (schema, "
                    "array) pair of capsules, got %r" % (what, type(capsules).__name__))
    schema = ctypes.cast(_address(capsules[0], b"arrow_schema", what),
                         ctypes.POINTER(_capi.CArrowSchema))
    array = ctypes.cast(_address(capsules[1], b"arrow_array", what),
                        ctypes.POINTER(_capi.CArrowArray))
    return capsules, schema, array


def _stream_capsule(values, what):
    capsule = values.__arrow_c_stream__()
    stream = ctypes.cast(_address(capsule, b"arrow_array_stream", what),
                         ctypes.POINTER(_capi.CArrowArrayStream))
    return capsule, stream


def _check(status, what):
    if status != 0:
        raise Error(_lib.status_name(status),
                    "%s: %s" % (what, lib.candor_last_error().decode("utf-8", "replace")))


class Column:
    """One candor_column and the producer's capsules it borrows from: freed
    (the column first, then the capsules) when the last reference goes.

    kind ("numbers", "text" or "times"), rows, nulls, chunks, in_place,
    format (the Arrow format of the values) and time_zone describe it."""

    def __init__(self, values, field=None, what="values", capsules=None):
        """The column `field` (a name, or None for the object itself) of an
        Arrow object, or of `capsules` (an _array_capsules triple) already taken."""
        self._handle = _capi.ColumnP()
        name = None if field is None else str(field).encode("utf-8")
        if capsules is None and hasattr(values, "__arrow_c_array__"):
            capsules = _array_capsules(values, what)
        if capsules is not None:
            self._keep, schema, array = capsules
            status = lib.candor_column_from_arrow(schema, array, name, ctypes.byref(self._handle))
        else:
            # The chunks are the column's from here on; the stream is released
            # with its capsule, after the column.
            self._keep, stream = _stream_capsule(values, what)
            status = lib.candor_column_from_arrow_stream(stream, name, ctypes.byref(self._handle))
        _check(status, what)
        self.what = what
        info = _capi.CColumnInfo()
        _check(lib.candor_column_describe(self._handle, ctypes.byref(info)), what)
        self.kind = KINDS[info.kind]
        self.rows, self.nulls, self.chunks = int(info.rows), int(info.nulls), int(info.chunks)
        self.in_place = bool(info.in_place)
        self.format = (info.format or b"").decode("utf-8", "replace")
        self.time_zone = (info.time_zone or b"").decode("utf-8", "replace")

    def __len__(self):
        return self.rows

    def __del__(self):
        # No close(): views of the column may outlive any caller's scope, so
        # only the last reference frees it (getattr: __init__ may have failed).
        handle = getattr(self, "_handle", None)
        try:
            if handle:
                lib.candor_column_free(handle)
        except Exception:  # at interpreter exit the module may be torn down
            pass
        self._handle = None
        self._keep = None

    def numbers(self):
        """float64, NaN for a null: a read-only view (the producer's buffer
        when in_place)."""
        pointer = _capi.double_p()
        _check(lib.candor_column_numbers(self._handle, ctypes.byref(pointer)), self.what)
        return _view(self, pointer, self.rows, np.float64)

    def int8(self):
        """int8 scores of an integer column without nulls within -128..127
        (the producer's own buffer for int8), for the int8 fast path; None
        otherwise."""
        if self.kind != "numbers" or self.format not in INTEGER_FORMATS or self.nulls:
            return None
        pointer = _capi.int8_p()
        if lib.candor_column_int8(self._handle, ctypes.byref(pointer)) != 0:
            return None  # values outside int8: the float64 path takes them
        return _view(self, pointer, self.rows, np.int8)

    def times(self):
        """datetime64[s] (UTC), NaT for a null: a read-only view."""
        pointer = _capi.int64_p()
        _check(lib.candor_column_times(self._handle, ctypes.byref(pointer)), self.what)
        return _view(self, pointer, self.rows, np.int64).view("datetime64[s]")

    def codes(self):
        """(int32 codes, a view: dense in order of first appearance, -1 for a
        null; the labels as a list of str)."""
        pointer, levels = _capi.int32_p(), ctypes.c_size_t()
        _check(lib.candor_column_codes(self._handle, ctypes.byref(pointer), ctypes.byref(levels)),
               self.what)
        labels = []
        text, length = ctypes.c_void_p(), ctypes.c_size_t()
        for code in range(levels.value):
            _check(lib.candor_column_label(self._handle, code, ctypes.byref(text),
                                           ctypes.byref(length)), self.what)
            labels.append(ctypes.string_at(text.value, length.value).decode("utf-8")
                          if length.value else "")
        return _view(self, pointer, self.rows, np.int32), labels

    def labels(self):
        """An object array of str, None for a null (one str per label)."""
        codes, labels = self.codes()
        table = np.empty(len(labels) + 1, dtype=object)
        table[:-1] = labels  # the last entry, None, is code -1's
        return table[codes]

    def texts(self):
        """(pointers, sizes): uintp views of the (pointer, size) pairs into
        the producer's buffers that candor_text_analyze takes."""
        pointers, sizes = ctypes.POINTER(ctypes.c_void_p)(), _capi.size_p()
        _check(lib.candor_column_texts(self._handle, ctypes.byref(pointers), ctypes.byref(sizes)),
               self.what)
        return _view(self, pointers, self.rows, np.uintp), _view(self, sizes, self.rows, np.uintp)

    def values(self, integers=False):
        """The column as numpy: float64 numbers, datetime64[s] times, an
        object array of str for text. integers=True: integer columns without
        nulls as int64 and booleans without nulls as bool (labels, 0/1 flags),
        as a numpy caller would have passed them."""
        if self.kind == "times":
            return self.times()
        if self.kind == "text":
            return self.labels()
        numbers = self.numbers()
        if integers and self.nulls == 0:
            if self.format in INTEGER_FORMATS:
                return numbers.astype(np.int64)
            if self.format == "b":
                return numbers.astype(bool)
        return numbers


class _Memory:
    """A library array as numpy sees it (__array_interface__), holding the
    column that owns or borrows it: the base of the views made from it."""

    def __init__(self, column, address, count, dtype):
        self.column = column
        self.__array_interface__ = {"data": (address, True), "shape": (count,),
                                    "typestr": np.dtype(dtype).str, "version": 3}


def _view(column, pointer, count, dtype):
    address = ctypes.cast(pointer, ctypes.c_void_p).value
    if count == 0 or not address:
        return np.zeros(0, dtype=dtype)
    return np.asarray(_Memory(column, address, count, dtype))


def read(values, what="values", field=None):
    """The Column of an Arrow object (see Column)."""
    return Column(values, field, what)


def as_numpy(values, what="values", integers=False):
    """`values` itself unless it is an Arrow object (is_arrow); an Arrow
    column as numpy (Column.values)."""
    if not is_arrow(values):
        return values
    return Column(values, None, what).values(integers)


def _schema_names(schema):
    """The children's names of a struct schema, None for another (or a
    released) schema: the library then says what is wrong with it."""
    if not schema.release or schema.format != b"+s":
        return None
    names = []
    for i in range(schema.n_children):
        name = schema.children[i].contents.name
        names.append(name.decode("utf-8", "replace") if name is not None else "")
    return names


def field_names(values, what="table"):
    """The field names of an Arrow record batch or table (a struct array, or
    a stream of them), or None for any other Arrow column."""
    if hasattr(values, "__arrow_c_array__"):
        capsules = _array_capsules(values, what)  # alive while the schema is read
        return _schema_names(capsules[1].contents)
    capsule, stream = _stream_capsule(values, what)
    schema = _capi.CArrowSchema()
    if not stream.contents.release:
        raise Error("CANDOR_INVALID_ARGUMENT", "%s: the Arrow stream is released" % what)
    status = stream.contents.get_schema(stream, ctypes.byref(schema))
    if status != 0:
        error = stream.contents.get_last_error(stream) if stream.contents.get_last_error else None
        raise Error("CANDOR_IO_ERROR", "%s: the Arrow stream's get_schema failed: %s"
                    % (what, ctypes.string_at(error).decode("utf-8", "replace") if error
                       else "error %d" % status))
    try:
        return _schema_names(schema)
    finally:
        if schema.release:
            schema.release(ctypes.byref(schema))
        del capsule


def table_columns(values, what="table"):
    """{field name: numpy column} of an Arrow record batch or table, each
    field as Column.values(integers=True); an array is exported once for
    all its fields, a stream once per field."""
    capsules = _array_capsules(values, what) if hasattr(values, "__arrow_c_array__") else None
    names = (_schema_names(capsules[1].contents) if capsules is not None
             else field_names(values, what))
    if names is None:
        raise Error("CANDOR_INVALID_ARGUMENT", "%s: an Arrow table (record batch or a stream of "
                    "them) is needed here, got a single column" % what)
    return {name: Column(values, name, "%s column %r" % (what, name), capsules).values(True)
            for name in names}


def as_frame(values, what="table"):
    """A pandas DataFrame of an Arrow table's columns (table_columns); any
    other input unchanged."""
    if not is_arrow(values):
        return values
    pd = _compat.require_pandas()
    return pd.DataFrame(table_columns(values, what))
