"""An Arrow producer in plain Python (ctypes and numpy, no pyarrow), for the
tests of candor's Arrow inputs: arrays built from Python lists, exported
through the Arrow C Data and Stream Interfaces and the PyCapsule interface
(arrow.apache.org/docs/format/CDataInterface.html, CStreamInterface.html and
CDataInterface/PyCapsuleInterface.html), as pyarrow or Polars export theirs.

    column = array([10, 9, None, 3], "int64")      # __arrow_c_array__ / __arrow_c_stream__
    column[1:3]                                     # a slice: the same buffers, an offset
    batch = record_batch({"score": ..., "region": ...})
    chunks = stream([a, b, c])                      # one column in chunks (or batches)

The structs are declared here again, from the specification, rather than
taken from candor._capi: the producer is an independent party. Every
exported schema, array and stream records its release in `RELEASED` (by
the object exported: an Array, a Stream) and a release of something already
released or never exported in `PROBLEMS`, so tests can check that each is
released exactly once, and when.
"""

import collections
import ctypes
import itertools

import numpy as np


class ArrowSchema(ctypes.Structure):
    pass


class ArrowArray(ctypes.Structure):
    pass


class ArrowArrayStream(ctypes.Structure):
    pass


SchemaRelease = ctypes.CFUNCTYPE(None, ctypes.POINTER(ArrowSchema))
ArrayRelease = ctypes.CFUNCTYPE(None, ctypes.POINTER(ArrowArray))
GetSchema = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ArrowArrayStream),
                             ctypes.POINTER(ArrowSchema))
GetNext = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ArrowArrayStream),
                           ctypes.POINTER(ArrowArray))
GetLastError = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.POINTER(ArrowArrayStream))
StreamRelease = ctypes.CFUNCTYPE(None, ctypes.POINTER(ArrowArrayStream))

ArrowSchema._fields_ = [
    ("format", ctypes.c_char_p), ("name", ctypes.c_char_p), ("metadata", ctypes.c_char_p),
    ("flags", ctypes.c_int64), ("n_children", ctypes.c_int64),
    ("children", ctypes.POINTER(ctypes.POINTER(ArrowSchema))),
    ("dictionary", ctypes.POINTER(ArrowSchema)), ("release", SchemaRelease),
    ("private_data", ctypes.c_void_p)]
ArrowArray._fields_ = [
    ("length", ctypes.c_int64), ("null_count", ctypes.c_int64), ("offset", ctypes.c_int64),
    ("n_buffers", ctypes.c_int64), ("n_children", ctypes.c_int64),
    ("buffers", ctypes.POINTER(ctypes.c_void_p)),
    ("children", ctypes.POINTER(ctypes.POINTER(ArrowArray))),
    ("dictionary", ctypes.POINTER(ArrowArray)), ("release", ArrayRelease),
    ("private_data", ctypes.c_void_p)]
ArrowArrayStream._fields_ = [
    ("get_schema", GetSchema), ("get_next", GetNext), ("get_last_error", GetLastError),
    ("release", StreamRelease), ("private_data", ctypes.c_void_p)]

ARROW_FLAG_NULLABLE = 2
EIO = 5

# CPython's capsule functions, as prototypes of their own (the shared
# ctypes.pythonapi attributes are candor's business).
_PyCapsule_New = ctypes.PYFUNCTYPE(ctypes.py_object, ctypes.c_void_p, ctypes.c_char_p,
                                   ctypes.c_void_p)(("PyCapsule_New", ctypes.pythonapi))
_PyCapsule_GetName = ctypes.PYFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p)(
    ("PyCapsule_GetName", ctypes.pythonapi))
_PyCapsule_GetPointer = ctypes.PYFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)(
    ("PyCapsule_GetPointer", ctypes.pythonapi))

# The names live as long as the module: a capsule keeps a pointer to its name.
SCHEMA_CAPSULE = ctypes.c_char_p(b"arrow_schema")
ARRAY_CAPSULE = ctypes.c_char_p(b"arrow_array")
STREAM_CAPSULE = ctypes.c_char_p(b"arrow_array_stream")

# What the release callbacks did: owner -> {"schema": n, "array": n, "stream": n}.
RELEASED = collections.defaultdict(collections.Counter)
EXPORTED = collections.defaultdict(collections.Counter)
PROBLEMS = []

_LIVE = {}  # private_data token -> (kind, owner, objects the struct points into)
_TOKENS = itertools.count(1)
_CAPSULE_STRUCTS = {}  # struct address -> the ctypes struct a capsule points to


def _keep(kind, owner, objects):
    token = next(_TOKENS)
    _LIVE[token] = (kind, owner, objects)
    EXPORTED[owner][kind] += 1
    return token


def _forget(token, kind):
    entry = _LIVE.pop(token, None)
    if entry is None:
        PROBLEMS.append("%s released twice or never exported (token %r)" % (kind, token))
        return
    RELEASED[entry[1]][kind] += 1


@SchemaRelease
def _release_schema(pointer):
    schema = pointer.contents
    for i in range(schema.n_children):
        child = schema.children[i]
        if child.contents.release:
            child.contents.release(child)
    if schema.dictionary and schema.dictionary.contents.release:
        schema.dictionary.contents.release(schema.dictionary)
    _forget(schema.private_data, "schema")
    schema.release = SchemaRelease()


@ArrayRelease
def _release_array(pointer):
    array = pointer.contents
    for i in range(array.n_children):
        child = array.children[i]
        if child.contents.release:
            child.contents.release(child)
    if array.dictionary and array.dictionary.contents.release:
        array.dictionary.contents.release(array.dictionary)
    _forget(array.private_data, "array")
    array.release = ArrayRelease()


@ctypes.CFUNCTYPE(None, ctypes.c_void_p)
def _capsule_destructor(capsule):
    """Releases what the capsule holds unless a consumer moved it out."""
    name = _PyCapsule_GetName(capsule)
    address = _PyCapsule_GetPointer(capsule, name)
    struct = _CAPSULE_STRUCTS.pop(address)
    if struct.release:
        struct.release(ctypes.pointer(struct))


def _capsule(struct, name):
    address = ctypes.addressof(struct)
    _CAPSULE_STRUCTS[address] = struct
    return _PyCapsule_New(address, name, ctypes.cast(_capsule_destructor, ctypes.c_void_p))


# ------------------------------------------------------------------ the types

_NUMPY = {"c": np.int8, "s": np.int16, "i": np.int32, "l": np.int64, "C": np.uint8,
          "S": np.uint16, "I": np.uint32, "L": np.uint64, "f": np.float32, "g": np.float64,
          "tdD": np.int32, "tdm": np.int64}
FORMATS = {"int8": "c", "int16": "s", "int32": "i", "int64": "l", "uint8": "C",
           "uint16": "S", "uint32": "I", "uint64": "L", "float32": "f", "float64": "g",
           "bool": "b", "utf8": "u", "large_utf8": "U", "date32": "tdD", "date64": "tdm"}


def _bitmap(bits):
    return np.packbits(np.asarray(bits, dtype=bool), bitorder="little")


class Array:
    """An Arrow array: format, length, offset, buffers (numpy arrays or None),
    children (with names), dictionary. Exports itself by both protocols."""

    def __init__(self, format, length, buffers, children=(), names=(), dictionary=None,
                 offset=0, null_count=-1, field_name=""):
        self.format, self.length, self.buffers = format, length, list(buffers)
        self.children, self.names = list(children), list(names)
        self.dictionary, self.offset, self.null_count = dictionary, offset, null_count
        self.field_name = field_name  # the schema's name (not a Python attribute "name")

    def __len__(self):
        return self.length

    def __getitem__(self, item):
        """A slice shares the buffers and moves the offset, as Arrow's do."""
        start, stop, step = item.indices(self.length)
        assert step == 1
        return Array(self.format, max(stop - start, 0), self.buffers, self.children, self.names,
                     self.dictionary, self.offset + start, -1, self.field_name)

    def buffer_address(self, i):
        buffer = self.buffers[i]
        return 0 if buffer is None else buffer.ctypes.data

    # -- the C Data Interface
    def export_schema(self, schema, name=None, owner=None):
        owner = owner or self
        children = [ctypes.pointer(ArrowSchema()) for _ in self.children]
        for child, pointer, child_name in zip(self.children, children, self.names):
            child.export_schema(pointer.contents, child_name, owner)
        pointers = (ctypes.POINTER(ArrowSchema) * max(len(children), 1))(*children)
        dictionary = None
        if self.dictionary is not None:
            dictionary = ctypes.pointer(ArrowSchema())
            self.dictionary.export_schema(dictionary.contents, None, owner)
        format = ctypes.c_char_p(self.format.encode())
        name = ctypes.c_char_p((self.field_name if name is None else name).encode())
        schema.format, schema.name, schema.metadata = format, name, None
        schema.flags = ARROW_FLAG_NULLABLE
        schema.n_children = len(children)
        schema.children = pointers
        schema.dictionary = dictionary
        schema.release = _release_schema
        schema.private_data = _keep("schema", owner,
                                    (format, name, children, pointers, dictionary))

    def export_array(self, array, owner=None):
        owner = owner or self
        children = [ctypes.pointer(ArrowArray()) for _ in self.children]
        for child, pointer in zip(self.children, children):
            child.export_array(pointer.contents, owner)
        pointers = (ctypes.POINTER(ArrowArray) * max(len(children), 1))(*children)
        dictionary = None
        if self.dictionary is not None:
            dictionary = ctypes.pointer(ArrowArray())
            self.dictionary.export_array(dictionary.contents, owner)
        buffers = (ctypes.c_void_p * max(len(self.buffers), 1))(
            *[self.buffer_address(i) for i in range(len(self.buffers))])
        array.length, array.null_count, array.offset = self.length, self.null_count, self.offset
        array.n_buffers, array.n_children = len(self.buffers), len(children)
        array.buffers = buffers
        array.children = pointers
        array.dictionary = dictionary
        array.release = _release_array
        array.private_data = _keep("array", owner,
                                   (list(self.buffers), buffers, children, pointers, dictionary))

    # -- the PyCapsule interface
    def __arrow_c_array__(self, requested_schema=None):
        schema, array = ArrowSchema(), ArrowArray()
        self.export_schema(schema)
        self.export_array(array)
        return _capsule(schema, SCHEMA_CAPSULE), _capsule(array, ARRAY_CAPSULE)

    def __arrow_c_stream__(self, requested_schema=None):
        return Stream([self]).__arrow_c_stream__()

    # -- the producer's own reading, for expectations
    def valid(self):
        """Validity of each row of the slice (True where no bitmap)."""
        if self.buffers[0] is None:
            return np.ones(self.length, dtype=bool)
        bits = np.unpackbits(self.buffers[0], bitorder="little").astype(bool)
        return bits[self.offset:self.offset + self.length]


class Stream:
    """One column (or record batch) in chunks, by the C Stream Interface.
    error_at: the get_next call (0-based) that fails with EIO and `error`,
    or "schema" for get_schema."""

    def __init__(self, chunks, schema_of=None, error_at=None, error="the source went away"):
        self.chunks = list(chunks)
        self.schema_of = schema_of if schema_of is not None else self.chunks[0]
        self.error_at, self.error = error_at, ctypes.c_char_p(error.encode())
        self.streams = 0
        self._callbacks = []

    def __arrow_c_stream__(self, requested_schema=None):
        stream = ArrowArrayStream()
        state = {"next": 0}

        @GetSchema
        def get_schema(_, out):
            if self.error_at == "schema":
                return EIO
            self.schema_of.export_schema(out.contents, owner=self)
            return 0

        @GetNext
        def get_next(_, out):
            if state["next"] == self.error_at:
                return EIO
            if state["next"] >= len(self.chunks):
                out.contents.release = ArrayRelease()  # the end
                return 0
            self.chunks[state["next"]].export_array(out.contents, owner=self)
            state["next"] += 1
            return 0

        @GetLastError
        def get_last_error(_):
            return ctypes.cast(self.error, ctypes.c_void_p).value

        @StreamRelease
        def release(pointer):
            _forget(pointer.contents.private_data, "stream")
            pointer.contents.release = StreamRelease()

        stream.get_schema, stream.get_next = get_schema, get_next
        stream.get_last_error, stream.release = get_last_error, release
        # The callbacks outlive the stream's release (one of them is running then).
        self._callbacks.append((get_schema, get_next, get_last_error, release))
        stream.private_data = _keep("stream", self, ())
        self.streams += 1
        return _capsule(stream, STREAM_CAPSULE)


class StreamOnly:
    """An object with only __arrow_c_stream__ (as a pyarrow Table or a Polars
    Series), so that the consumer must take the stream."""

    def __init__(self, stream):
        self.stream = stream

    def __arrow_c_stream__(self, requested_schema=None):
        return self.stream.__arrow_c_stream__(requested_schema)


# ------------------------------------------------------------------ builders

def array(values, type, validity=None):
    """An Arrow array of `type` ("int8".."float64", "bool", "utf8",
    "large_utf8", "date32", "date64", "timestamp[ms]",
    "timestamp[us, Europe/Paris]", or a raw format string) from a list
    (None: null). Timestamps and dates take integers in their unit."""
    values = list(values)
    n = len(values)
    valid = np.array([v is not None for v in values], dtype=bool) if validity is None \
        else np.asarray(validity, dtype=bool)
    bitmap = None if valid.all() else _bitmap(valid)
    null_count = int((~valid).sum())
    format = _timestamp_format(type) if type.startswith("timestamp") else FORMATS.get(type, type)
    if format in ("u", "U"):
        encoded = [(v if v is not None and valid[i] else "").encode("utf-8")
                   if not isinstance(v, bytes) else v for i, v in enumerate(values)]
        offsets = np.zeros(n + 1, dtype=np.int32 if format == "u" else np.int64)
        np.cumsum([len(e) for e in encoded], out=offsets[1:])
        data = np.frombuffer(b"".join(encoded) or b"\0", dtype=np.uint8).copy()
        return Array(format, n, [bitmap, offsets, data], null_count=null_count)
    if format == "b":
        bits = _bitmap([bool(v) if v is not None else False for v in values])
        return Array(format, n, [bitmap, bits], null_count=null_count)
    dtype = np.int64 if format.startswith("ts") else _NUMPY[format]
    data = np.array([v if v is not None else 0 for v in values], dtype=dtype)
    return Array(format, n, [bitmap, data], null_count=null_count)


def _timestamp_format(type):
    """"timestamp[us]" -> "tsu:", "timestamp[ns, UTC]" -> "tsn:UTC"."""
    inside = type[len("timestamp["):-1]
    unit, _, zone = (part.strip() for part in inside.partition(","))
    return "ts%s:%s" % ({"s": "s", "ms": "m", "us": "u", "ns": "n"}[unit], zone)


def dictionary(indices, labels, index_type="int32"):
    """Dictionary-encoded strings: indices (None: null) into labels (utf8)."""
    encoded = array(indices, index_type)
    encoded.dictionary = array(labels, "utf8")
    return encoded


def record_batch(columns, validity=None):
    """A struct array (a record batch) of the named columns (Arrays)."""
    names = list(columns)
    n = len(columns[names[0]])
    bitmap = None if validity is None else _bitmap(validity)
    return Array("+s", n, [bitmap], children=[columns[k] for k in names], names=names,
                 null_count=0 if validity is None else int(n - np.sum(validity)))


def released(owner):
    """{"schema": n, "array": n, "stream": n} released of what `owner` exported."""
    return dict(RELEASED.get(owner, {}))


def exported(owner):
    return dict(EXPORTED.get(owner, {}))


def live(owner):
    """How many structs `owner` exported are not released yet."""
    return sum(1 for _, o, _ in _LIVE.values() if o is owner)
