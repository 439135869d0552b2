"""Response tables read from CSV by the library (RFC 4180, UTF-8 checked)."""

import ctypes
import threading

import numpy as np

from candor import _capi
from candor import _compat
from candor import _convert
from candor import _handle
from candor import _lib
from candor import _progress
from candor._lib import Error, lib


def _encode(name, value):
    if value is None:
        return None
    if not isinstance(value, str):
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "%s must be a column name (str), got %r" % (name, value))
    return _convert.c_string(value, "%s column name" % name)


def _csv_options(score, time, account, role, weight, comment, segments, delimiter,
                 skip_bad_rows, numbers=(), decimal=".", time_format=None, encoding=None):
    """The CsvOptions and the objects that must outlive the call."""
    options = _lib.new_csv_options()
    options.score_column = _encode("score", score)
    options.time_column = _encode("time", time)
    options.account_column = _encode("account", account)
    options.role_column = _encode("role", role)
    options.weight_column = _encode("weight", weight)
    options.comment_column = _encode("comment", comment)
    segment_array, options.n_segment_columns = _names_array("segment", segments)
    options.segment_columns = segment_array
    options.delimiter = _delimiter(delimiter)
    options.skip_bad_rows = 1 if skip_bad_rows else 0
    number_array, options.n_number_columns = _names_array("number", numbers)
    options.number_columns = number_array
    options.decimal = _decimal(decimal)
    options.time_format = _text_option("time_format", time_format)
    options.encoding = _text_option("encoding", encoding)
    return options, (segment_array, number_array)


def _decimal(decimal):
    if decimal not in (".", ","):
        raise Error("CANDOR_INVALID_ARGUMENT", "decimal must be '.' or ',', got %r" % (decimal,))
    return decimal.encode("ascii")


def _text_option(name, value):
    """time_format or encoding for the C options: None is the default."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise Error("CANDOR_INVALID_ARGUMENT", "%s must be a str or None, got %r" % (name, value))
    return _convert.c_string(value, name)


def _text_data(data, encoding):
    """parse_csv's data as bytes: a str is encoded as UTF-8 (and then no other
    encoding can be meant)."""
    if isinstance(data, str):
        if encoding is not None and encoding.lower().replace("-", "").replace("_", "") != "utf8":
            raise Error("CANDOR_INVALID_ARGUMENT",
                        "data is a str (already decoded): pass bytes with encoding=%r" % encoding)
        return data.encode("utf-8")
    return bytes(data)


def _names_array(role, names):
    """A C array of column names (a str is one name) and its length."""
    if isinstance(names, str):
        names = (names,)
    encoded = [_encode(role, n) for n in names]
    return (ctypes.c_char_p * max(len(encoded), 1))(*encoded), len(encoded)


def _delimiter(delimiter):
    encoded = delimiter.encode("utf-8") if isinstance(delimiter, str) else None
    if encoded is None or len(encoded) != 1:
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "delimiter must be one single-byte character, got %r" % (delimiter,))
    return encoded


def _max_bytes(value):
    """max_bytes for the C options: None (or 0) is no limit."""
    if value is None:
        return 0
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)) \
            or not 0 <= int(value) < 2**64:
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "max_bytes must be None or an integer in [0, 2**64), got %r" % (value,))
    return int(value)


def read_csv(path, score="score", time=None, account=None, role=None, weight=None,
             comment=None, segments=(), delimiter=",", skip_bad_rows=False, max_bytes=None,
             numbers=(), decimal=".", time_format=None, encoding=None, progress=None):
    """Reads a CSV file of responses into a Table. Columns are chosen by name;
    `segments` names the categorical columns to break down by; `numbers` names
    numeric columns kept as they are (Table.numbers(name); an empty cell is
    NaN). A bad row is an error naming its line and column, unless
    skip_bad_rows (then counted in Table.skipped_rows).

    Only a regular file is read: a directory, FIFO or device is refused
    (CANDOR_IO_ERROR) before anything is read. max_bytes: a larger file is
    refused (CANDOR_INVALID_ARGUMENT) before it is read; None or 0, the
    default, is no limit. Set it when files come from others.

    Dialects: decimal="," reads decimal commas (8,5) in scores, weights and
    numbers (as pandas; the delimiter must then not be ","). time_format: a
    strftime-style format of the time column ("%d.%m.%Y %H:%M"; absl
    ParseTime), at the offset of a %z field, else UTC; None: ISO 8601 or
    epoch seconds. encoding: the file's encoding as ICU names it
    ("windows-1252", "latin1", "UTF-16"), transcoded to UTF-8 first; None:
    UTF-8. The delimiter is never guessed: a header of one column holding ';'
    makes the error ask "did you mean --delimiter ';'?".

    progress: True shows a bar on stderr, a callable gets (bytes read, file
    size) and may return False to stop (CANDOR_CANCELLED); Ctrl-C stops the
    read within a fraction of a second with KeyboardInterrupt in any case
    (candor._progress)."""
    encoded = _convert.path_bytes(path)
    options, keep = _csv_options(score, time, account, role, weight, comment, segments,
                                 delimiter, skip_bad_rows, numbers, decimal, time_format,
                                 encoding)
    options.max_bytes = _max_bytes(max_bytes)
    handle = _capi.TableP()
    with _progress.hook(progress, "reading " + str(path)) as hook:
        options.progress = hook.callback
        status = lib.candor_table_read_csv(encoded, ctypes.byref(options), ctypes.byref(handle))
    hook.check(status, lambda: lib.candor_table_free(handle))
    return Table._adopt(handle, segments, account, role, comment)


def parse_csv(data, score="score", time=None, account=None, role=None, weight=None,
              comment=None, segments=(), delimiter=",", skip_bad_rows=False, numbers=(),
              decimal=".", time_format=None, encoding=None, progress=None):
    """Like read_csv, from CSV text (str, encoded as UTF-8) or bytes (in
    `encoding`, UTF-8 by default)."""
    data = _text_data(data, encoding)
    options, keep = _csv_options(score, time, account, role, weight, comment, segments,
                                 delimiter, skip_bad_rows, numbers, decimal, time_format,
                                 encoding)
    handle = _capi.TableP()
    with _progress.hook(progress, "parsing CSV") as hook:
        options.progress = hook.callback
        status = lib.candor_table_parse_csv(data, len(data), ctypes.byref(options),
                                            ctypes.byref(handle))
    hook.check(status, lambda: lib.candor_table_free(handle))
    return Table._adopt(handle, segments, account, role, comment)


def read_csv_header(path, delimiter=",", max_bytes=None, encoding=None):
    """The column names of a CSV file's header row, as read_csv reads them
    (quotes undone, a UTF-8 byte-order mark skipped), without reading the
    rows: a tuple of str. A file without a header row has no columns. The
    header row must be valid UTF-8 and name each column once; the file is
    read as read_csv reads it (a regular file, within max_bytes)."""
    encoded = _convert.path_bytes(path)
    options = _lib.new_csv_options()
    options.delimiter = _delimiter(delimiter)
    options.max_bytes = _max_bytes(max_bytes)
    options.encoding = _text_option("encoding", encoding)
    header = _capi.CsvHeaderP()
    _lib.check(lib.candor_csv_header_read(encoded, ctypes.byref(options), ctypes.byref(header)))
    return _header_names(header)


def parse_csv_header(data, delimiter=",", encoding=None):
    """Like read_csv_header, from CSV text (str, encoded as UTF-8) or bytes."""
    data = _text_data(data, encoding)
    options = _lib.new_csv_options()
    options.delimiter = _delimiter(delimiter)
    options.encoding = _text_option("encoding", encoding)
    header = _capi.CsvHeaderP()
    _lib.check(lib.candor_csv_header_parse(data, len(data), ctypes.byref(options),
                                           ctypes.byref(header)))
    return _header_names(header)


def _header_names(header):
    """The names of a candor_csv_header, which is freed."""
    try:
        names = []
        length = ctypes.c_size_t()
        for i in range(lib.candor_csv_header_count(header)):
            address = lib.candor_csv_header_name(header, i, ctypes.byref(length))
            names.append(ctypes.string_at(address, length.value).decode("utf-8"))
        return tuple(names)
    finally:
        lib.candor_csv_header_free(header)


class Table(_handle.OwnsHandle):
    """A table of survey responses.

    scores, weights (None without a weight column) and times (numpy
    datetime64[s], UTC; None without a time column) are copies owned by
    Python, made once when the table is read: they stay valid after close().
    Categorical columns (the segments, and "account" and "role") are read
    from the library on demand with column(), codes() and levels().
    """

    _free = lib.candor_table_free
    _handle_type = _capi.TableP

    def __init__(self):
        raise TypeError("use candor.read_csv() or candor.parse_csv()")

    @classmethod
    def _adopt(cls, handle, segments, account, role, comment):
        self = cls.__new__(cls)
        self._lock = threading.Lock()
        self._handle = handle
        self._has_comments = comment is not None
        self._comments = None
        if isinstance(segments, str):
            segments = (segments,)
        self.segments = tuple(segments)
        self.categorical = self.segments + tuple(
            name for name, given in (("account", account), ("role", role)) if given)
        rows = lib.candor_table_rows(handle)
        self.skipped_rows = lib.candor_table_skipped_rows(handle)
        scores = _copy(lib.candor_table_scores(handle), rows, np.float64)
        self.scores = np.zeros(0) if scores is None else scores
        self.weights = _copy(lib.candor_table_weights(handle), rows, np.float64)
        times = _copy(lib.candor_table_times(handle), rows, np.int64)
        self.times = None if times is None else times.view("datetime64[s]")
        return self

    def __len__(self):
        return len(self.scores)

    def _live(self):
        if not self._handle:
            raise Error("CANDOR_INVALID_ARGUMENT", "the table is closed")
        return self._handle

    def numbers(self, name):
        """A copy of number column `name` (read_csv's `numbers`) as float64,
        NaN where the cell was empty."""
        with self._lock:
            encoded = _encode("number", name)
            pointer = _capi.double_p()
            _lib.check(lib.candor_table_numbers(self._live(), encoded, ctypes.byref(pointer)))
            values = _copy(pointer, len(self.scores), np.float64)
            return np.zeros(0) if values is None else values

    def codes(self, name):
        """Dense int32 codes (order of first appearance) of a categorical column."""
        with self._lock:
            codes, levels = self._codes(name)
            return codes

    def levels(self, name):
        """The labels of a categorical column, indexed by code."""
        with self._lock:
            codes, levels = self._codes(name)
            return levels

    def column(self, name):
        """The label of each row of a categorical column (numpy object array)."""
        with self._lock:
            codes, levels = self._codes(name)
        labels = np.empty(len(levels), dtype=object)
        labels[:] = levels
        return labels[codes]

    def _codes(self, name):
        pointer = _capi.int32_p()
        count = ctypes.c_size_t()
        encoded = _encode("column", name)
        _lib.check(lib.candor_table_codes(self._live(), encoded, ctypes.byref(pointer),
                                          ctypes.byref(count)))
        codes = _copy(pointer, len(self.scores), np.int32)
        if codes is None:
            codes = np.zeros(0, dtype=np.int32)
        label = ctypes.c_char_p()
        levels = []
        for code in range(count.value):
            _lib.check(lib.candor_table_label(self._handle, encoded, code,
                                              ctypes.byref(label)))
            levels.append(label.value.decode("utf-8"))
        return codes, levels

    @property
    def comments(self):
        """The comment of each row (list of str), or None without a comment column."""
        if not self._has_comments:
            return None
        with self._lock:
            if self._comments is None:
                handle = self._live()
                text = ctypes.c_void_p()
                length = ctypes.c_size_t()
                comments = []
                for row in range(len(self.scores)):
                    _lib.check(lib.candor_table_comment(handle, row, ctypes.byref(text),
                                                        ctypes.byref(length)))
                    raw = ctypes.string_at(text.value, length.value) if length.value else b""
                    comments.append(raw.decode("utf-8"))
                self._comments = comments
            return list(self._comments)

    def to_dict(self):
        """Column name -> numpy array (or list of str for comments)."""
        data = {"score": self.scores}
        if self.times is not None:
            data["time"] = self.times
        if self.weights is not None:
            data["weight"] = self.weights
        for name in self.categorical:
            data[name] = self.column(name)
        if self._has_comments:
            data["comment"] = self.comments
        return data

    def to_pandas(self):
        """A pandas DataFrame (categorical columns as pandas Categorical)."""
        pd = _compat.pandas()
        if pd is None:
            raise ImportError("Table.to_pandas() needs pandas; use Table.to_dict()")
        data = self.to_dict()
        for name in self.categorical:
            data[name] = pd.Categorical.from_codes(self.codes(name), self.levels(name))
        return pd.DataFrame(data)

    def close(self):
        """Frees the C table. scores, weights and times stay usable."""
        self._close_handle()

    def __repr__(self):
        return "candor.Table(%d rows, segments=%r)" % (len(self.scores), self.segments)


def _copy(pointer, n, dtype):
    """An owned numpy copy of n values at a C pointer, or None for NULL."""
    if not pointer:
        return None
    if n == 0:
        return np.zeros(0, dtype=dtype)
    return np.ctypeslib.as_array(pointer, shape=(n,)).astype(dtype, copy=True)
