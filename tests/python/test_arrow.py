"""Arrow inputs (candor._arrow): objects with the Arrow PyCapsule interface,
from a producer written here in ctypes (tests/python/arrow_producer.py, no
pyarrow), read through the library's candor_column_from_arrow / _stream.

- every type the library reads, with nulls, slices (offsets at every
  level), dictionaries and chunked streams, against the producer's own
  values computed here;
- zero-copy: a float64 column without nulls is a view of the producer's
  buffer; the views keep the column and the capsules alive, and every
  struct the producer exported is released exactly once, after the last
  view (gc);
- every public function that takes numpy arrays gives exactly the numpy
  path's result for the same data as Arrow columns (and Arrow tables where
  a DataFrame goes);
- malformed producers are candor.Error with the library's status.
"""
import dataclasses
import gc
import math

import numpy as np
import pytest

import arrow_producer as ap
import candor
from candor import _arrow
from candor.text_model import _pack

pd = pytest.importorskip("pandas")

INT_TYPES = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]


@pytest.fixture(autouse=True)
def no_release_problems():
    """No struct is released twice (or released without being exported)."""
    del ap.PROBLEMS[:]
    yield
    gc.collect()
    assert ap.PROBLEMS == []


def all_released(owner):
    """Each struct `owner` exported released exactly once."""
    gc.collect()
    return ap.live(owner) == 0 and ap.released(owner) == ap.exported(owner)


def same(a, b):
    """Equal results, NaN equal to NaN: dataclasses field by field, arrays,
    DataFrames (exactly), sequences item by item."""
    if isinstance(a, pd.DataFrame):
        pd.testing.assert_frame_equal(a, b, check_exact=True)
        return True
    if isinstance(a, pd.Series):
        pd.testing.assert_series_equal(a, b, check_exact=True)
        return True
    if dataclasses.is_dataclass(a) and not isinstance(a, type):
        return type(a) is type(b) and all(
            same(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
    if isinstance(a, np.ndarray):
        return (isinstance(b, np.ndarray) and a.shape == b.shape
                and (np.array_equal(a, b, equal_nan=a.dtype.kind in "fc")
                     if a.dtype.kind in "fciub" else list(a) == list(b)))
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return a == b


# ------------------------------------------------------------------ the producer itself

def test_the_producer_releases_what_it_exports():
    column = ap.array([1, None, 3], "int64")
    schema, array = column.__arrow_c_array__()
    assert ap.exported(column) == {"schema": 1, "array": 1} and ap.released(column) == {}
    del schema, array
    assert all_released(column)
    batch = ap.record_batch({"a": ap.array([1.0, 2.0], "float64"),
                             "b": ap.dictionary([0, 1], ["x", "y"])})
    capsules = batch.__arrow_c_array__()
    # The batch, its two children and the dictionary.
    assert ap.exported(batch) == {"schema": 4, "array": 4}
    del capsules
    assert all_released(batch)


def test_arrow_objects_are_told_from_numpy_pandas_and_lists():
    column = ap.array([1.0, 2.0], "float64")
    assert _arrow.is_arrow(column)
    assert _arrow.is_arrow(ap.StreamOnly(ap.Stream([column])))
    for other in (np.array([1.0, 2.0]), pd.Series([1.0, 2.0]), pd.DataFrame({"a": [1]}),
                  [1.0, 2.0], (1.0,), "text", {"a": column}, None, 3.0):
        assert not _arrow.is_arrow(other), type(other)
    assert _arrow.as_numpy([1, 2]) == [1, 2]  # anything else is returned as it is


# ------------------------------------------------------------------ types

@pytest.mark.parametrize("type", INT_TYPES + ["float32", "float64"])
def test_numbers_of_every_width_with_nulls(type):
    values = [0, 1, None, 100, 7, None, 2, 3, 4, 5, 6]
    if type.startswith("int"):
        values[0] = -5
    column = _arrow.read(ap.array(values, type))
    assert (column.kind, column.rows, column.nulls, column.chunks) == ("numbers", 11, 2, 1)
    assert column.format == ap.FORMATS[type]
    expected = np.array([np.nan if v is None else v for v in values], dtype=np.float64)
    got = column.numbers()
    assert got.dtype == np.float64 and same(got, expected)
    assert not got.flags.writeable


def test_extreme_integers_are_doubles():
    column = _arrow.read(ap.array([2**63 - 1, -2**63, 2**53 + 1], "int64")).numbers()
    assert list(column) == [float(2**63 - 1), float(-2**63), float(2**53 + 1)]
    assert list(_arrow.read(ap.array([2**64 - 1], "uint64")).numbers()) == [float(2**64 - 1)]


def test_booleans_are_zero_and_one():
    column = _arrow.read(ap.array([True, False, None, True], "bool"))
    assert column.format == "b" and same(column.numbers(), np.array([1.0, 0.0, np.nan, 1.0]))
    assert column.values(integers=True).dtype == np.float64  # a null: stays float
    flags = _arrow.read(ap.array([True, False, True], "bool")).values(integers=True)
    assert flags.dtype == bool and list(flags) == [True, False, True]


@pytest.mark.parametrize("type", ["utf8", "large_utf8"])
def test_text_as_labels_codes_and_pointers(type):
    values = ["b", "a", None, "b", "", "ünïcode ✓", "a"]
    arrow = ap.array(values, type)
    column = _arrow.read(arrow)
    assert (column.kind, column.rows, column.nulls) == ("text", 7, 1)
    assert list(column.labels()) == values
    codes, labels = column.codes()
    assert list(codes) == [0, 1, -1, 0, 2, 3, 1]  # first appearance, -1 for null
    assert labels == ["b", "a", "", "ünïcode ✓"]
    pointers, sizes = column.texts()
    data = arrow.buffers[2].ctypes.data
    offsets = arrow.buffers[1]
    assert list(sizes) == [len((v or "").encode()) for v in values]
    for i, v in enumerate(values):
        if v:  # into the producer's data buffer, not a copy
            assert pointers[i] == data + offsets[i]
            assert bytes(np.ctypeslib.as_array(
                (np.ctypeslib.ctypes.c_uint8 * sizes[i]).from_address(int(pointers[i])))) \
                == v.encode()


@pytest.mark.parametrize("index_type", ["int8", "int16", "int32", "int64", "uint8", "uint32"])
def test_dictionary_strings(index_type):
    arrow = ap.dictionary([2, 0, None, 2, 1], ["north", "south", "east"], index_type)
    column = _arrow.read(arrow)
    assert (column.kind, column.format, column.nulls) == ("text", "u", 1)
    assert list(column.labels()) == ["east", "north", None, "east", "south"]


def test_dictionary_numbers():
    arrow = ap.array([1, 0, None, 1], "int32")
    arrow.dictionary = ap.array([2.5, 7.0], "float64")
    assert same(_arrow.read(arrow).numbers(), np.array([7.0, 2.5, np.nan, 7.0]))


@pytest.mark.parametrize("unit, per_second", [("s", 1), ("ms", 10**3), ("us", 10**6),
                                              ("ns", 10**9)])
@pytest.mark.parametrize("zone", ["", "UTC", "Europe/Paris", "+05:30"])
def test_timestamps_in_every_unit_and_zone(unit, per_second, zone):
    seconds = [0, 1717236000, -1, None, 86399, -86401]
    raw = [None if s is None else s * per_second for s in seconds]
    if per_second > 1:  # a part of a second: floored, also before 1970
        raw[0] = per_second // 2
        raw[2] = -per_second // 2
    type = "timestamp[%s%s]" % (unit, ", " + zone if zone else "")
    column = _arrow.read(ap.array(raw, type))
    assert (column.kind, column.time_zone, column.nulls) == ("times", zone, 1)
    got = column.times()
    assert got.dtype == np.dtype("datetime64[s]")
    expected = np.array([None if s is None else s for s in seconds], dtype="datetime64[s]")
    if per_second > 1:
        expected[2] = np.datetime64(-1, "s")
    assert same(got.astype(np.int64), expected.astype(np.int64))
    assert list(np.isnat(got)) == [s is None for s in seconds]


def test_dates():
    days = _arrow.read(ap.array([0, 19875, None, -1], "date32")).times()
    assert list(days.astype(np.int64)[[0, 1, 3]]) == [0, 19875 * 86400, -86400]
    assert np.isnat(days[2])
    ms = _arrow.read(ap.array([1717236000123, -1], "date64")).times()
    assert list(ms.astype(np.int64)) == [1717236000, -1]


def test_null_times_are_exactly_nat():
    got = _arrow.read(ap.array([None, 5], "timestamp[s]")).times()
    assert got.view(np.int64)[0] == np.iinfo(np.int64).min and np.isnat(got[0])


# ------------------------------------------------------------------ slices

@pytest.mark.parametrize("start, stop", [(0, 20), (3, 17), (9, 10), (13, 13), (1, 20)])
def test_slices_read_as_the_slice(start, stop):
    values = [None if i % 7 == 3 else i * 1.5 for i in range(20)]
    texts = [None if i % 5 == 2 else "t%d" % (i % 4) for i in range(20)]
    numbers = _arrow.read(ap.array(values, "float64")[start:stop]).numbers()
    assert same(numbers, np.array([np.nan if v is None else v for v in values[start:stop]]))
    labels = _arrow.read(ap.array(texts, "large_utf8")[start:stop]).labels()
    assert list(labels) == texts[start:stop]
    dictionary = ap.dictionary([None if t is None else int(t[1]) for t in texts],
                               ["t0", "t1", "t2", "t3"])[start:stop]
    assert list(_arrow.read(dictionary).labels()) == texts[start:stop]
    times = ap.array([None if v is None else int(v * 2000) for v in values], "timestamp[ms]")
    got = _arrow.read(times[start:stop]).times()
    assert same(got.astype(np.int64)[~np.isnat(got)],
                np.array([int(v * 2) for v in values[start:stop] if v is not None], dtype=np.int64))
    flags = ap.array([None if i % 6 == 1 else i % 3 == 0 for i in range(20)], "bool")
    assert same(_arrow.read(flags[start:stop]).numbers(),
                np.array([np.nan if i % 6 == 1 else float(i % 3 == 0)
                          for i in range(start, stop)]))


def test_a_sliced_record_batch_and_its_sliced_fields():
    batch = ap.record_batch({
        "score": ap.array([10, 9, 8, 7, 6, 5, 4, 3], "int8")[1:8],  # a child with its own offset
        "region": ap.array(["n", "s", "e", "w", "n", "s", "e"], "utf8"),
    })[2:6]
    assert list(_arrow.read(batch, field="score").numbers()) == [7.0, 6.0, 5.0, 4.0]
    assert list(_arrow.read(batch, field="region").labels()) == ["e", "w", "n", "s"]


def test_null_rows_of_a_record_batch_are_missing_in_its_fields():
    batch = ap.record_batch({"score": ap.array([1, 2, 3], "int64"),
                             "region": ap.array(["a", "b", "c"], "utf8")},
                            validity=[True, False, True])
    assert same(_arrow.read(batch, field="score").numbers(), np.array([1.0, np.nan, 3.0]))
    assert list(_arrow.read(batch, field="region").labels()) == ["a", None, "c"]


# ------------------------------------------------------------------ streams

def test_a_chunked_stream_is_one_column():
    chunks = [ap.array([1.0, None], "float64"), ap.array([], "float64"),
              ap.array([3.0, 4.0, 5.0], "float64")[1:]]
    stream = ap.Stream(chunks)
    column = _arrow.read(ap.StreamOnly(stream))
    assert (column.rows, column.nulls, column.chunks, column.in_place) == (4, 1, 3, False)
    assert same(column.numbers(), np.array([1.0, np.nan, 4.0, 5.0]))
    texts = ap.Stream([ap.array(["x", None], "utf8"), ap.array(["y", "x"], "utf8")])
    assert list(_arrow.read(ap.StreamOnly(texts)).labels()) == ["x", None, "y", "x"]
    times = ap.Stream([ap.array([1000], "timestamp[ms, UTC]"),
                       ap.array([None, 5000], "timestamp[ms, UTC]")])
    got = _arrow.read(ap.StreamOnly(times)).times()
    assert list(got.astype(np.int64)[[0, 2]]) == [1, 5] and np.isnat(got[1])
    empty = _arrow.read(ap.StreamOnly(ap.Stream([], schema_of=ap.array([], "float64"))))
    assert (empty.rows, empty.chunks, len(empty.numbers())) == (0, 0, 0)


def test_a_stream_of_record_batches_by_field():
    batches = [ap.record_batch({"score": ap.array([10, 0], "int64"),
                                "plan": ap.array(["pro", "free"], "utf8")}),
               ap.record_batch({"score": ap.array([9], "int64"),
                                "plan": ap.array(["pro"], "utf8")})]
    table = ap.StreamOnly(ap.Stream(batches))
    assert _arrow.field_names(table) == ["score", "plan"]
    columns = _arrow.table_columns(table)
    assert list(columns) == ["score", "plan"]
    assert columns["score"].dtype == np.int64 and list(columns["score"]) == [10, 0, 9]
    assert list(columns["plan"]) == ["pro", "free", "pro"]


def test_an_object_with_both_protocols_is_read_as_one_array():
    column = _arrow.read(ap.array([1.0, 2.0], "float64"))
    assert column.chunks == 1 and column.in_place


# ------------------------------------------------------------------ zero-copy and lifetimes

def test_float64_without_nulls_is_the_producers_buffer():
    arrow = ap.array([float(i) for i in range(100)], "float64")[10:60]
    values = _arrow.as_numpy(arrow)
    assert values.ctypes.data == arrow.buffers[1].ctypes.data + 10 * 8
    assert len(values) == 50 and values[0] == 10.0 and not values.flags.writeable
    # as_float64 (what every estimate calls) passes the view through.
    assert candor._convert.as_float64(arrow).ctypes.data == arrow.buffers[1].ctypes.data + 80
    with_nulls = ap.array([1.0, None], "float64")
    assert not _arrow.read(with_nulls).in_place
    assert _arrow.as_numpy(with_nulls).ctypes.data != with_nulls.buffers[1].ctypes.data


def test_int8_scores_take_the_int8_fast_path_in_place():
    scores = [10, 9, 0, 7, 8, 3, 10, 6] * 5
    arrow = ap.array(scores, "int8")[3:37]
    small = candor._convert.as_int8(arrow)
    assert small.dtype == np.int8 and small.ctypes.data == arrow.buffers[1].ctypes.data + 3
    assert candor.nps(arrow) == candor.nps(np.array(scores[3:37], dtype=np.int8))
    # Other integer widths are converted; values outside int8, nulls and
    # floats take the float64 path, with the same results.
    wide = ap.array(scores, "int64")
    assert candor._convert.as_int8(wide).dtype == np.int8
    assert candor._convert.as_int8(ap.array([1000, 3], "int32")) is None
    assert candor._convert.as_int8(ap.array([10, None], "int8")) is None
    assert candor._convert.as_int8(ap.array([10.0], "float64")) is None
    with_null = ap.array([10, None, 0], "int16")
    assert candor.nps(with_null, missing="skip") == candor.nps([10.0, None, 0.0], missing="skip")
    with pytest.raises(candor.Error) as e:
        candor.nps(ap.array([10, 11], "int8"))
    assert e.value.status == "CANDOR_OUT_OF_RANGE" and "index 1" in str(e.value)


def test_comments_reach_the_text_model_as_pointers_into_the_producers_buffer():
    arrow = ap.array(["great support", None, "slow"], "utf8")
    keep, pointers, sizes = _pack(arrow)  # what candor_text_analyze is given
    assert isinstance(keep, _arrow.Column) and not isinstance(pointers, list)
    data = arrow.buffers[2].ctypes.data
    assert list(sizes) == [13, 0, 4]
    assert [pointers[0] - data, pointers[2] - data] == [0, 13]


def test_views_keep_the_capsules_and_release_happens_once_after_the_last():
    arrow = ap.array([float(i) for i in range(10)], "float64")
    values = _arrow.as_numpy(arrow)
    twice = values[2:5]  # a view of the view
    gc.collect()
    assert ap.released(arrow) == {} and ap.live(arrow) == 2
    del values
    gc.collect()
    assert ap.live(arrow) == 2 and list(twice) == [2.0, 3.0, 4.0]
    del twice
    assert all_released(arrow)
    assert ap.released(arrow) == {"schema": 1, "array": 1}


@pytest.mark.parametrize("read, keeps", [
    (lambda a: _arrow.read(a).texts()[0], True),   # pointers into the producer's buffers
    (lambda a: _arrow.read(a).codes()[0], True),   # the column's codes
    (lambda a: _arrow.read(a).labels(), False),    # Python str: nothing borrowed
])
def test_text_views_keep_the_capsules_too(read, keeps):
    arrow = ap.array(["a", "b", None], "utf8")
    view = read(arrow)
    gc.collect()
    assert ap.live(arrow) == (2 if keeps else 0)
    del view
    assert all_released(arrow)


def test_a_streams_chunks_and_the_stream_are_released_once():
    stream = ap.Stream([ap.array([1.0], "float64"), ap.array([2.0], "float64")])
    values = _arrow.as_numpy(ap.StreamOnly(stream))
    gc.collect()
    assert ap.released(stream).get("array", 0) == 0  # the chunks live with the column
    assert list(values) == [1.0, 2.0]
    del values
    assert all_released(stream)
    assert ap.released(stream) == {"stream": 1, "schema": 1, "array": 2}


def test_results_do_not_hold_the_producers_data():
    arrow = ap.array([10, 9, 3, 7], "int64")
    estimate = candor.nps(arrow)
    assert all_released(arrow) and estimate.n == 4


# ------------------------------------------------------------------ errors

class Raw:
    """An object that hands out given capsules (or anything else)."""

    def __init__(self, array=None, stream=None):
        if array is not None:
            self.__arrow_c_array__ = lambda requested_schema=None: array()
        if stream is not None:
            self.__arrow_c_stream__ = lambda requested_schema=None: stream()


def status_of(call):
    with pytest.raises(candor.Error) as info:
        call()
    return info.value.status, str(info.value)


def test_malformed_producers_are_errors_with_the_librarys_status():
    bad_format = ap.array([1, 2], "int64")
    bad_format.format = "q"  # not a format of the specification
    assert status_of(lambda: _arrow.read(bad_format))[0] == "CANDOR_INVALID_ARGUMENT"
    decimals = ap.Array("d:10,2", 1, [None, np.zeros(16, dtype=np.uint8)])
    status, message = status_of(lambda: candor.nps(decimals))
    assert status == "CANDOR_UNSUPPORTED" and "d:10,2" in message and message.startswith("scores")
    negative = ap.array([1.0], "float64")
    negative.length = -1
    assert status_of(lambda: _arrow.read(negative))[0] == "CANDOR_INVALID_ARGUMENT"
    missing_buffer = ap.array([1.0, 2.0], "float64")
    missing_buffer.buffers[1] = None
    assert status_of(lambda: _arrow.read(missing_buffer))[0] == "CANDOR_INVALID_ARGUMENT"
    decreasing = ap.array(["ab", "c"], "utf8")
    decreasing.buffers[1] = np.array([0, 2, 1], dtype=np.int32)
    assert status_of(lambda: _arrow.read(decreasing))[0] == "CANDOR_INVALID_ARGUMENT"
    too_few = ap.array([1.0], "float64")
    too_few.buffers = too_few.buffers[:1]
    assert status_of(lambda: _arrow.read(too_few))[0] == "CANDOR_INVALID_ARGUMENT"
    outside = ap.dictionary([0, 5], ["a", "b"])
    status, message = status_of(lambda: _arrow.read(outside).labels())
    assert status == "CANDOR_INVALID_ARGUMENT" and "1" in message
    for arrow in (bad_format, decimals, negative, missing_buffer, decreasing, too_few, outside):
        assert all_released(arrow)


def test_a_valid_nested_type_is_unsupported_naming_its_format():
    listed = ap.Array("+l", 1, [None, np.array([0, 1], dtype=np.int32)],
                      children=[ap.array([5], "int64")], names=["item"])
    status, message = status_of(lambda: candor.nps(listed))
    assert status == "CANDOR_UNSUPPORTED" and "+l" in message


def test_a_released_struct_is_refused():
    def released_array():
        schema, array = ap.ArrowSchema(), ap.ArrowArray()
        ap.array([1.0], "float64").export_schema(schema)
        return ap._capsule(schema, ap.SCHEMA_CAPSULE), ap._capsule(array, ap.ARRAY_CAPSULE)
    assert status_of(lambda: _arrow.read(Raw(array=released_array)))[0] == \
        "CANDOR_INVALID_ARGUMENT"


def test_capsules_of_the_wrong_name_or_kind_are_refused():
    arrow = ap.array([1.0], "float64")
    swapped = Raw(array=lambda: tuple(reversed(arrow.__arrow_c_array__())))
    status, message = status_of(lambda: candor.nps(swapped))
    assert status == "CANDOR_INVALID_ARGUMENT" and "arrow_schema" in message
    assert status_of(lambda: _arrow.read(Raw(array=lambda: "not capsules")))[0] == \
        "CANDOR_INVALID_ARGUMENT"
    assert status_of(lambda: _arrow.read(Raw(stream=lambda: arrow.__arrow_c_array__()[0])))[0] \
        == "CANDOR_INVALID_ARGUMENT"
    assert all_released(arrow)


def test_a_producers_stream_error_is_an_io_error_with_its_message():
    stream = ap.Stream([ap.array([1.0], "float64"), ap.array([2.0], "float64")], error_at=1,
                       error="disk on fire")
    status, message = status_of(lambda: candor.nps(ap.StreamOnly(stream)))
    assert status == "CANDOR_IO_ERROR" and "disk on fire" in message
    assert all_released(stream)


def test_a_producers_schema_error_is_an_io_error_with_its_message():
    batch = ap.record_batch({"region": ap.array(["n", "s"], "utf8")})
    for read in (lambda t: candor.breakdown([9, 10], t), lambda t: candor.nps(t)):
        stream = ap.Stream([batch], error_at="schema", error="no schema today")
        status, message = status_of(lambda: read(ap.StreamOnly(stream)))
        assert status == "CANDOR_IO_ERROR" and "no schema today" in message
        assert all_released(stream)


def test_an_unknown_field_names_the_fields():
    batch = ap.record_batch({"score": ap.array([1.0], "float64")})
    status, message = status_of(lambda: _arrow.read(batch, field="scroe"))
    assert status == "CANDOR_NOT_FOUND" and "score" in message


def test_a_column_of_another_kind_is_refused_where_text_or_numbers_go():
    # Text where numbers go is what numpy makes of the same strings: numbers
    # where they are numbers, else an error.
    assert same(candor.nps(ap.array(["9", "10", "3"], "utf8")), candor.nps([9, 10, 3]))
    words = ap.array(["nine", "ten"], "utf8")
    assert status_of(lambda: candor.nps(words))[0] == "CANDOR_INVALID_ARGUMENT"
    assert status_of(lambda: candor.sentiment(ap.array([1.0], "float64")))[0] == \
        "CANDOR_INVALID_ARGUMENT"
    assert status_of(lambda: _arrow.table_columns(ap.array([1.0], "float64")))[0] == \
        "CANDOR_INVALID_ARGUMENT"


# ------------------------------------------------------------------ the public functions

def survey(n=240, seed=7):
    """Scores with nulls, weights, regions, plans, times and comments, as
    Arrow arrays and as the numpy a caller would pass."""
    rng = np.random.default_rng(seed)
    scores = rng.integers(0, 11, n)
    score_nulls = rng.random(n) < 0.05
    weights = np.round(rng.uniform(0.5, 2.0, n), 3)
    regions = rng.choice(["north", "south", "east"], n)
    plans = rng.choice(["free", "pro"], n)
    times = np.sort(1704067200 + rng.integers(0, 180 * 86400, n))  # sorted, as change_points needs
    words = ["great support", "slow and broken", "love it", "terrible billing", "ok", ""]
    comments = [words[i] for i in rng.integers(0, len(words), n)]
    arrow = {
        "scores": ap.array([None if m else int(s) for s, m in zip(scores, score_nulls)], "int8"),
        "complete": ap.array([int(s) for s in scores], "int64"),
        "weights": ap.array(list(weights), "float64"),
        "regions": ap.dictionary([["north", "south", "east"].index(r) for r in regions],
                                 ["north", "south", "east"]),
        "plans": ap.array(list(plans), "large_utf8"),
        "times": ap.array([int(t) * 1000 for t in times], "timestamp[ms, UTC]"),
        "comments": ap.array(comments, "utf8"),
    }
    numpy = {
        "scores": np.where(score_nulls, np.nan, scores.astype(float)),
        "complete": scores.astype(np.int64),
        "weights": weights,
        "regions": regions.astype(object),
        "plans": plans.astype(object),
        "times": times.astype("datetime64[s]"),
        "comments": comments,
    }
    return arrow, numpy


def test_estimates_equal_the_numpy_path():
    a, n = survey()
    assert same(candor.nps(a["complete"]), candor.nps(n["complete"]))
    assert same(candor.nps(a["complete"], a["weights"]), candor.nps(n["complete"], n["weights"]))
    skipped = candor.nps(a["scores"], a["weights"], missing="skip")
    assert skipped.skipped == int(np.isnan(n["scores"]).sum()) > 0
    assert same(skipped, candor.nps(n["scores"], n["weights"], missing="skip"))
    assert same(candor.score(a["complete"], "csat", scale=(0, 10)),
                candor.score(n["complete"], "csat", scale=(0, 10)))
    assert same(candor.nps(a["complete"], accounts=a["regions"]),
                candor.nps(n["complete"], accounts=n["regions"]))
    status = status_of(lambda: candor.nps(a["scores"]))[0]
    assert status == status_of(lambda: candor.nps(n["scores"]))[0] == "CANDOR_OUT_OF_RANGE"
    stream = ap.StreamOnly(ap.Stream([a["complete"][:100], a["complete"][100:]]))
    assert same(candor.nps(stream), candor.nps(n["complete"]))


def test_compare_equals_the_numpy_path():
    a, n = survey()
    b_arrow, b_numpy = survey(seed=8)
    assert same(candor.compare(a["complete"], b_arrow["complete"], weights_a=a["weights"]),
                candor.compare(n["complete"], b_numpy["complete"], weights_a=n["weights"]))
    assert same(candor.compare_groups(a["complete"], a["plans"], a="pro", b="free"),
                candor.compare_groups(n["complete"], n["plans"], a="pro", b="free"))


def test_breakdowns_by_arrow_labels_and_by_a_record_batch():
    a, n = survey()
    assert same(candor.breakdown(a["complete"], a["regions"]),
                candor.breakdown(n["complete"], n["regions"]))
    assert same(candor.breakdown(a["complete"], {"region": a["regions"], "plan": a["plans"]}),
                candor.breakdown(n["complete"], {"region": n["regions"], "plan": n["plans"]}))
    batch = ap.record_batch({"region": a["regions"], "plan": a["plans"]})
    frame = pd.DataFrame({"region": n["regions"], "plan": n["plans"]})
    assert same(candor.breakdown(a["complete"], batch), candor.breakdown(n["complete"], frame))
    assert same(candor.breakdown(a["scores"], a["regions"], weights=a["weights"], missing="skip"),
                candor.breakdown(n["scores"], n["regions"], weights=n["weights"], missing="skip"))
    with_null = ap.array(["x", None, "x", "y"], "utf8")
    assert same(candor.breakdown(ap.array([10, 9, 0, 5], "int64"), with_null),
                candor.breakdown(np.array([10, 9, 0, 5]),
                                 np.array(["x", None, "x", "y"], dtype=object)))


def test_trend_with_arrow_times_equals_the_numpy_path():
    a, n = survey()
    assert same(candor.trend(a["complete"], a["times"], every="month"),
                candor.trend(n["complete"], n["times"], every="month"))
    assert same(candor.trend(a["scores"], a["times"], every="week", weights=a["weights"],
                             missing="skip"),
                candor.trend(n["scores"], n["times"], every="week", weights=n["weights"],
                             missing="skip"))
    days = ap.array([int(t) // 86400 for t in n["times"].astype(np.int64)], "date32")
    assert same(candor.trend(a["complete"], days, every="month"),
                candor.trend(n["complete"], n["times"].astype("datetime64[D]"), every="month"))


def test_weighting_with_arrow_label_columns_equals_the_numpy_path():
    a, n = survey()
    region_totals = {"north": 3000, "south": 3200, "east": 2300}
    plan_totals = {"free": 6000, "pro": 2500}
    raked = candor.rake({"region": (a["regions"], region_totals),
                         "plan": (a["plans"], plan_totals)}, base_weights=a["weights"])
    expected = candor.rake({"region": (n["regions"], region_totals),
                            "plan": (n["plans"], plan_totals)}, base_weights=n["weights"])
    assert same(raked.values, expected.values)
    cells = {(r, p): 1000 + 100 * i for i, (r, p) in enumerate(
        (r, p) for r in region_totals for p in plan_totals)}
    batch = ap.record_batch({"region": a["regions"], "plan": a["plans"]})
    assert same(candor.poststratify(batch, cells).values,
                candor.poststratify(pd.DataFrame({"region": n["regions"], "plan": n["plans"]}),
                                    cells).values)
    assert same(candor.poststratify(a["regions"], region_totals).values,
                candor.poststratify(n["regions"], region_totals).values)
    responded = ap.array([bool(i % 3) for i in range(len(n["weights"]))], "bool")
    covariates = ap.record_batch({"w": a["weights"], "plan": a["plans"]})
    fit = candor.ipw(responded, covariates)
    assert same(fit.values, candor.ipw(np.arange(len(n["weights"])) % 3 != 0,
                                       pd.DataFrame({"w": n["weights"], "plan": n["plans"]}))
                .values)


def test_text_analysis_of_arrow_comments_equals_the_numpy_path():
    a, n = survey()
    assert same(candor.sentiment(a["comments"]), candor.sentiment(n["comments"]))
    got, expected = candor.analyze(a["comments"]), candor.analyze(n["comments"])
    assert same(got.emotions, expected.emotions) and got.urgency == expected.urgency
    assert same(got.sentences, expected.sentences)
    with_nulls = ap.array(["good", None, "bad"], "large_utf8")
    assert same(candor.sentiment(with_nulls), candor.sentiment(["good", None, "bad"]))
    stream = ap.StreamOnly(ap.Stream([a["comments"][:50], a["comments"][50:]]))
    assert same(candor.sentiment(stream), candor.sentiment(n["comments"]))


def test_validation_and_survival_with_arrow_outcomes_equal_the_numpy_path():
    rng = np.random.default_rng(3)
    risk = rng.random(200)
    churned = rng.random(200) < risk
    days = rng.integers(1, 400, 200).astype(float)
    arrow_churned = ap.array([bool(c) for c in churned], "bool")
    arrow_risk = ap.array(list(risk), "float64")
    assert same(candor.auc(arrow_risk, arrow_churned), candor.auc(risk, churned))
    assert same(candor.auc(arrow_risk, ap.array([int(c) for c in churned], "uint8")),
                candor.auc(risk, churned))
    arrow_days = ap.array(list(days), "float64")
    assert same(candor.concordance(arrow_risk, arrow_days, arrow_churned),
                candor.concordance(risk, days, churned))
    groups = rng.choice(["a", "b"], 200)
    km = candor.kaplan_meier(arrow_days, arrow_churned, ap.array(list(groups), "utf8"))
    assert same(km.frame(), candor.kaplan_meier(days, churned, groups.astype(object)).frame())


def test_a_table_where_a_dataframe_goes():
    rng = np.random.default_rng(5)
    rescore = rng.integers(0, 11, 80)
    followed = rng.random(80) < 0.5
    strata = rng.choice(["smb", "ent"], 80)
    batch = ap.record_batch({"rescore": ap.array([int(s) for s in rescore], "int16"),
                             "followed_up": ap.array([bool(f) for f in followed], "bool"),
                             "segment": ap.array(list(strata), "utf8")})
    frame = pd.DataFrame({"rescore": rescore, "followed_up": followed,
                          "segment": strata.astype(object)})
    assert same(candor.recovery(batch, strata="segment"),
                candor.recovery(frame, strata="segment"))
    assert same(_arrow.as_frame(batch), frame)


# ------------------------------------------------------------------ every function, both ways

def from_frame(frame):
    """An Arrow record batch of a DataFrame's columns (NaN, None and NaT as
    nulls), for the functions that take a table."""
    columns = {}
    for name, column in frame.items():
        values = column.to_numpy()
        if column.dtype == bool:
            columns[name] = ap.array([bool(v) for v in values], "bool")
        elif column.dtype.kind in "iu":
            columns[name] = ap.array([int(v) for v in values], "int64")
        elif column.dtype.kind == "f":
            columns[name] = ap.array([None if np.isnan(v) else float(v) for v in values],
                                     "float64")
        elif column.dtype.kind == "M":
            nanos = values.astype("datetime64[ns]").astype(np.int64)
            columns[name] = ap.array([None if t else int(v)
                                      for v, t in zip(nanos, np.isnat(values))], "timestamp[ns]")
        else:
            columns[name] = ap.array([None if v is None or v != v else str(v) for v in values],
                                     "utf8")
    return ap.record_batch(columns)


def outcomes(n=240, seed=11):
    """(Arrow columns, numpy columns) of risks, outcomes, accounts, events."""
    rng = np.random.default_rng(seed)
    risk = rng.random(n)
    numpy = {
        "risk": risk, "risk_b": np.clip(risk + rng.normal(0, 0.3, n), 0, 1),
        "churned": rng.random(n) < risk, "days": rng.integers(1, 400, n).astype(float),
        "accounts": np.array(["acct%d" % i for i in rng.integers(0, 12, n)], dtype=object),
        "event_kind": rng.integers(-1, 3, n), "since": rng.uniform(0, 90, n),
        "series": np.cumsum(rng.normal(0.1, 1, 40)), "ses": rng.uniform(0.5, 1.5, 40),
    }
    arrow = {
        "risk": ap.array(list(numpy["risk"]), "float64"),
        "risk_b": ap.array(list(numpy["risk_b"]), "float64"),
        "churned": ap.array([bool(c) for c in numpy["churned"]], "bool"),
        "days": ap.array([int(d) for d in numpy["days"]], "int32"),
        "accounts": ap.array(list(numpy["accounts"]), "large_utf8"),
        "event_kind": ap.array([int(k) for k in numpy["event_kind"]], "int8"),
        "since": ap.array(list(numpy["since"]), "float64"),
        "series": ap.array(list(numpy["series"]), "float64"),
        "ses": ap.array(list(numpy["ses"]), "float64"),
    }
    return arrow, numpy


def comparable(result):
    """What is compared of a result: a Weights' values, a frame() where a
    result has one besides its fields, else the result."""
    if isinstance(result, candor.Weights):
        return (result.values, result.kind)
    if hasattr(result, "frame") and not dataclasses.is_dataclass(result):
        return result.frame()
    return result


CALLS = {
    "top_box": lambda s, o: candor.top_box(s["complete"], scale=(0, 10)),
    "mean_score": lambda s, o: candor.mean_score(s["complete"], scale=(0, 10),
                                                 weights=s["weights"]),
    "trim_weights": lambda s, o: candor.trim_weights(s["weights"], ratio=3),
    "weight_summary": lambda s, o: candor.weight_summary(s["weights"]),
    "combine_weights": lambda s, o: candor.combine_weights(s["weights"], o["risk"]),
    "recency_weights": lambda s, o: candor.recency_weights(s["times"], 30),
    "account_weights": lambda s, o: candor.account_weights(o["accounts"], "equal"),
    "response_rates": lambda s, o: candor.response_rates(o["churned"], by=s["regions"]),
    "adjust_recency": lambda s, o: candor.adjust_recency(s["complete"], o["event_kind"],
                                                         o["since"]),
    "mann_kendall": lambda s, o: candor.mann_kendall(o["series"]),
    "sens_slope": lambda s, o: candor.sens_slope(o["series"]),
    "wls_slope": lambda s, o: candor.wls_slope(o["series"], o["ses"]),
    "change_points": lambda s, o: candor.change_points(s["complete"], s["times"], min_size=20),
    "account_trends": lambda s, o: candor.account_trends(s["complete"], s["times"],
                                                         o["accounts"], min_responses=5),
    "survey_measure": lambda s, o: candor.survey_measure(s["complete"], o["accounts"],
                                                         s["times"]),
    "log_rank": lambda s, o: candor.log_rank(o["days"], o["churned"], s["plans"]),
    "calibration": lambda s, o: candor.calibration(o["risk"], o["churned"]),
    "lift": lambda s, o: candor.lift(o["risk"], o["churned"]),
    "compare_auc": lambda s, o: candor.compare_auc(o["risk"], o["risk_b"], o["churned"]),
    "redact": lambda s, o: candor.redact(s["comments"]),
    "intents": lambda s, o: candor.intents(s["comments"]),
    "deadline": lambda s, o: candor.BusinessCalendar().deadline(s["times"], 8),
    "replay": lambda s, o: candor.ChangeMonitor.replay(s["complete"], s["times"], every="week",
                                                       history_until="2024-03-01"),
}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_every_function_gives_the_numpy_paths_result(name):
    (s_arrow, s_numpy), (o_arrow, o_numpy) = survey(), outcomes()
    numpy = s_numpy["comments"]
    s_numpy = dict(s_numpy, comments=np.array(numpy, dtype=object))
    got = comparable(CALLS[name](s_arrow, o_arrow))
    assert same(got, comparable(CALLS[name](s_numpy, o_numpy)))


def test_calibrate_health_case_log_and_followup_take_arrow_tables():
    rng = np.random.default_rng(2)
    x = pd.DataFrame({"one": np.ones(60), "spend": rng.uniform(10, 100, 60)})
    totals = {"one": 1000.0, "spend": 60000.0}
    assert same(candor.calibrate(from_frame(x), totals).values,
                candor.calibrate(x, totals).values)
    accounts = pd.DataFrame({"tenure": rng.uniform(0, 48, 50),
                             "support": rng.choice(["yes", "no", None], 50)})
    accounts.loc[3, "tenure"] = np.nan
    card = {"measures": [
        {"name": "tenure", "transform": "linear", "zero_at": 0, "full_at": 36},
        {"name": "support", "transform": "boolean", "true_points": 90, "false_points": 10}]}
    assert same(candor.health(from_frame(accounts), card), candor.health(accounts, card))
    start = 1805000000
    events = pd.DataFrame({
        "case_id": ["c1", "c2", "c1", "c3", "c2", "c3"],
        "time": [start, start + 600, start + 7200, start + 60, start + 90000, start + 400000],
        "event": ["opened", "opened", "first_contact", "opened", "first_contact", "closed"],
        "owner": ["ann", "bob", None, "ann", None, None],
        "team": ["t1", "t2", None, "t1", None, None]})
    got, expected = candor.case_log(from_frame(events)), candor.case_log(events)
    assert same(got.cases, expected.cases) and same(got.overall, expected.overall)
    responses = pd.DataFrame({
        "score": [0, 10, 3, 6], "account": ["a", "b", "a", "c"],
        "time": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"]),
        "comment": ["broken again", "great", "slow support", None]})
    assert same(candor.followup(from_frame(responses)), candor.followup(responses))


def test_themes_and_the_outer_loop_with_arrow_comments():
    taxonomy = {"themes": [
        {"name": "Support", "keywords": ["support"],
         "children": [{"name": "Response time", "keywords": ["slow", "waited"]}]},
        {"name": "Price", "keywords": ["price", "expensive"]}]}
    texts = ["support was slow", "great product", "too expensive", "support fixed it fast",
             "the price is fine", "waited two days", "", "expensive and slow support"]
    scores, accounts = [2, 9, 5, 10, 6, 8, 3, 10], ["a", "a", "b", "b", "c", "c", "d", "d"]
    arr = {"a": 100.0, "b": 200.0, "c": 400.0, "d": 800.0}
    arrow_texts = ap.array(texts, "utf8")
    found = candor.themes(arrow_texts, taxonomy=taxonomy)
    expected = candor.themes(texts, taxonomy=taxonomy)
    assert same(found.frame(), expected.frame())
    got = candor.outer_loop(ap.array(scores, "int64"), found, ap.array(accounts, "utf8"),
                            arr=arr, texts=arrow_texts, quotes=2)
    assert same(got, candor.outer_loop(scores, expected, accounts, arr=arr, texts=texts,
                                       quotes=2))
