"""What comments want (include/candor/intents.hpp): complaint, suggestion,
question, praise and the derived needs_response, with the rules' reasons."""

import ctypes

import numpy as np

from candor import _arrow
from candor import _capi
from candor import _lib
from candor._lib import lib
from candor.text_discovery import _encode

# complaint, suggestion, question, praise, needs_response (candor_enum_name).
INTENTS = tuple(_lib.enum_values(_capi.ENUM_INTENT))


def intents(comments):
    """The intents of each comment, as a pandas DataFrame.

    comments: a list of str (or UTF-8 bytes), a pandas Series or one str;
    None or NaN is an empty comment. Returns one row per comment (the
    Series' index, else 0..n-1) with a bool column per intent (complaint,
    suggestion, question, praise, needs_response; several may be True) and
    `reasons`, the rule and words behind each intent ("complaint: problem
    'crashed'; needs_response: churn threat 'will cancel'").

    Raises candor.Error CANDOR_INVALID_UTF8 naming the comment and byte.
    """
    import pandas as pd
    index = None
    comments = _arrow.as_numpy(comments, "comments")  # Arrow text: str, None for a null
    if isinstance(comments, (str, bytes)):
        items = [comments]
    elif hasattr(comments, "index") and hasattr(comments, "tolist"):
        index = comments.index
        items = comments.tolist()
    else:
        items = list(comments)
    encoded = _encode(items)
    n = len(encoded)
    array = (ctypes.c_char_p * max(n, 1))(*encoded)
    lengths = (ctypes.c_size_t * max(n, 1))(*[len(e) for e in encoded])
    handle = _capi.IntentsP()
    _lib.check(lib.candor_intents_classify(array, lengths, n, ctypes.byref(handle)))
    try:
        flags_p = _capi.uint32_p()
        count = ctypes.c_size_t()
        _lib.check(lib.candor_intents_flags(handle, ctypes.byref(flags_p), ctypes.byref(count)))
        flags = (np.ctypeslib.as_array(flags_p, shape=(n,)).copy() if n
                 else np.zeros(0, dtype=np.uint32))
        reasons = []
        line = ctypes.c_char_p()
        for i in range(n):
            _lib.check(lib.candor_intents_reasons(handle, i, ctypes.byref(line)))
            reasons.append(line.value.decode("utf-8", "surrogatepass"))
    finally:
        lib.candor_intents_free(handle)
    columns = {name: (flags >> k) & 1 == 1 for k, name in enumerate(INTENTS)}
    columns["reasons"] = reasons
    return pd.DataFrame(columns, index=index if index is not None else pd.RangeIndex(n))
