"""Labels to int32 codes: in the order of given keys (population totals, role
weights), or factorized (segments, accounts, covariates, joint cells); and
the named columns of labels a `by` argument accepts."""

import numpy as np

from candor import _arrow
from candor import _compat
from candor._lib import Error


def as_labels(values, what):
    """A 1-D numpy array of labels (objects keep mixed labels as they are;
    Arrow text as str with None for nulls, from the library's codes)."""
    values = _arrow.as_numpy(values, what, integers=True)
    pd = _compat.loaded_pandas()
    if pd is not None and isinstance(values, (pd.Series, pd.Index, pd.Categorical)):
        array = np.asarray(values)
    elif isinstance(values, np.ndarray):
        array = values
    else:
        try:
            items = list(values)
        except TypeError:
            raise Error("CANDOR_INVALID_ARGUMENT",
                        "%s must be an array of labels, got %r" % (what, type(values).__name__))
        array = np.empty(len(items), dtype=object)
        array[:] = items
    if array.ndim != 1:
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "%s must be one-dimensional, got shape %s" % (what, array.shape))
    return array


def is_missing(array):
    """Which labels are missing (None, NaN, NaT, pandas NA)."""
    pd = _compat.pandas()
    if pd is not None:
        return np.asarray(pd.isna(array), dtype=bool)
    if array.dtype.kind in "fc":
        return np.isnan(array)
    if array.dtype.kind in "mM":
        return np.isnat(array)
    if array.dtype == object:
        return np.fromiter((v is None or (isinstance(v, float) and v != v) for v in array),
                           dtype=bool, count=len(array))
    return np.zeros(len(array), dtype=bool)


def _plain(label):
    return label.item() if isinstance(label, np.generic) else label


def codes_by_keys(columns, keys, what):
    """int32 codes of each row's label (or tuple of labels, for several
    columns) among `keys`; a row whose label is not a key is an error naming
    the row and the label."""
    keys = list(keys)
    joint = len(columns) > 1
    if joint and not all(isinstance(k, tuple) and len(k) == len(columns) for k in keys):
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "%s: with %d label columns the totals must be keyed by tuples of %d labels"
                    % (what, len(columns), len(columns)))
    if not joint:
        keys = [k[0] if isinstance(k, tuple) and len(k) == 1 else k for k in keys]
    n = len(columns[0])
    pd = _compat.pandas()
    codes = None
    if pd is not None:
        try:
            if joint:
                index = pd.MultiIndex.from_tuples(keys)
                target = pd.MultiIndex.from_arrays([np.asarray(c) for c in columns])
            else:
                index = pd.Index(keys, tupleize_cols=False)
                target = columns[0]
            if not index.is_unique:
                raise Error("CANDOR_INVALID_ARGUMENT", "%s: the totals repeat a label" % what)
            codes = np.asarray(index.get_indexer(target), dtype=np.int64)
        except (TypeError, ValueError):
            codes = None  # labels pandas cannot index together: look them up one by one
    if codes is None:
        lookup = {}
        for j, k in enumerate(keys):
            if k in lookup:
                raise Error("CANDOR_INVALID_ARGUMENT", "%s: the totals repeat label %r" % (what, k))
            lookup[k] = j
        rows = zip(*[c.tolist() for c in columns]) if joint else columns[0].tolist()
        codes = np.fromiter((lookup.get(r, -1) for r in rows), dtype=np.int64, count=n)
    unknown = np.flatnonzero(codes < 0)
    if len(unknown):
        i = int(unknown[0])
        label = tuple(_plain(c[i]) for c in columns) if joint else _plain(columns[0][i])
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "%s: respondent %d has label %r, which is not among the population totals "
                    "(%d respondents have labels without a total)" % (what, i, label, len(unknown)))
    return np.ascontiguousarray(codes, dtype=np.int32)


def _is_column(value):
    """Whether value is a column of labels rather than one label."""
    if isinstance(value, (str, bytes)):
        return False
    return isinstance(value, np.ndarray) or hasattr(value, "__len__") or _arrow.is_arrow(value)


def named_columns(by):
    """(names, columns) from the accepted forms of `by` (breakdowns, response
    rates, post-stratification cells): one column of labels, a list of them,
    a dict name -> labels, a pandas DataFrame or an Arrow record batch or
    table (its fields by name)."""
    pd = _compat.loaded_pandas()
    if pd is not None and isinstance(by, pd.DataFrame):
        return [str(c) for c in by.columns], [by[c] for c in by.columns]
    if _arrow.is_arrow(by) and _arrow.field_names(by, "by") is not None:
        columns = _arrow.table_columns(by, "by")
        return list(columns), list(columns.values())
    if isinstance(by, dict):
        return [str(k) for k in by], list(by.values())
    if pd is not None and isinstance(by, pd.Series):
        return [str(by.name) if by.name is not None else "segment"], [by]
    if isinstance(by, np.ndarray) and by.ndim == 2:
        by = list(by)
    if isinstance(by, (list, tuple)) and len(by) > 0 and all(_is_column(c) for c in by):
        names = []
        for j, column in enumerate(by):
            name = getattr(column, "name", None)
            if name == "" and _arrow.is_arrow(column):
                name = None  # an unnamed Arrow column (a Polars Series' default name)
            names.append(str(name) if name is not None else "segment_%d" % j)
        return names, list(by)
    return ["segment"], [by]


def _factorize_without_pandas(labels):
    try:
        levels, codes = np.unique(labels, return_inverse=True)
        return codes, levels
    except TypeError:  # labels that do not sort together, e.g. None and str
        index = {}
        codes = np.fromiter((index.setdefault(v, len(index)) for v in labels.tolist()),
                            dtype=np.int64, count=len(labels))
        return codes, np.array(list(index), dtype=object)


def factorize(labels):
    """(int32 codes, levels) with levels sorted where they sort, missing as a level."""
    if _arrow.is_arrow(labels):
        labels = _arrow_labels(labels, "segment labels")
        if isinstance(labels, tuple):
            return labels
    pd = _compat.pandas()
    if pd is not None and isinstance(labels, (pd.Series, pd.Index, pd.Categorical)):
        values = labels  # keeps a categorical's own order of levels
    elif isinstance(labels, np.ndarray):
        values = labels
    else:
        # A list of mixed labels (e.g. 1 and "a") would become strings in a
        # plain numpy array; objects keep each label as it was.
        values = np.empty(len(labels), dtype=object)
        values[:] = list(labels)
    if np.ndim(values) != 1:
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "segment labels must be one-dimensional, got shape %s"
                    % (np.shape(values),))
    if pd is not None:
        try:
            codes, levels = pd.factorize(values, sort=True, use_na_sentinel=False)
        except TypeError:  # labels that do not sort together
            codes, levels = pd.factorize(values, sort=False, use_na_sentinel=False)
        levels = np.asarray(levels)
    else:
        codes, levels = _factorize_without_pandas(np.asarray(values))
    return np.ascontiguousarray(codes, dtype=np.int32), levels


def _arrow_labels(values, what):
    """An Arrow column's (codes, sorted levels) straight from the library's
    codes when it is text without nulls, else its labels as numpy."""
    column = _arrow.read(values, what)
    if column.kind == "text" and column.nulls == 0:
        return _sorted_codes(*column.codes())
    return column.values(integers=True)


def _sorted_codes(codes, labels):
    """Codes in order of first appearance (the library's) renumbered so that
    the levels are sorted, as factorize's are."""
    order = sorted(range(len(labels)), key=labels.__getitem__)
    rank = np.empty(len(labels), dtype=np.int32)
    rank[order] = np.arange(len(labels), dtype=np.int32)
    levels = np.empty(len(labels), dtype=object)
    levels[:] = [labels[i] for i in order]
    return np.ascontiguousarray(rank[codes]), levels


def factorize_present(values, what):
    """(int32 codes, levels) with levels sorted where they sort; a missing
    label is an error naming its row (it cannot be put in a group)."""
    if _arrow.is_arrow(values):
        values = _arrow_labels(values, what)
        if isinstance(values, tuple):
            return values
    labels = as_labels(values, what)
    missing = np.flatnonzero(is_missing(labels))
    if len(missing):
        raise Error("CANDOR_INVALID_ARGUMENT", "%s: the label at index %d is missing (%d missing)"
                    % (what, int(missing[0]), len(missing)))
    pd = _compat.loaded_pandas()
    keeps_order = pd is not None and isinstance(values, (pd.Series, pd.Index, pd.Categorical))
    return factorize(values if keeps_order else labels)


def joint_codes(columns, what):
    """Codes of the combinations of labels of several columns, and each
    combination's labels as a tuple (sorted by the columns' codes)."""
    per_column = [factorize_present(c, "%s column %d" % (what, j)) for j, c in enumerate(columns)]
    n = len(per_column[0][0])
    for j, (codes, _) in enumerate(per_column):
        if len(codes) != n:
            raise Error("CANDOR_LENGTH_MISMATCH", "%s column %d has %d labels but column 0 has %d"
                        % (what, j, len(codes), n))
    stacked = np.stack([codes for codes, _ in per_column], axis=1)
    rows, inverse = np.unique(stacked, axis=0, return_inverse=True)
    labels = [tuple(_plain(per_column[j][1][r[j]]) for j in range(len(columns))) for r in rows]
    return np.ascontiguousarray(inverse.reshape(-1), dtype=np.int32), labels
