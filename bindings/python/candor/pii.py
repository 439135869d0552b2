"""Personal data out of free text (include/candor/pii.hpp): emails, phone
numbers, Luhn-checked card numbers, MOD 97-10 IBANs and URLs that carry a
secret, replaced by placeholders."""

import ctypes

import numpy as np

from candor import _arrow
from candor import _capi
from candor import _lib
from candor._lib import Error, lib
from candor.text_discovery import _encode

# email, phone, card, iban, url (candor_enum_name).
KINDS = tuple(_lib.enum_values(_capi.ENUM_PII_KIND))


def _options(kinds, redact_all_urls, placeholders):
    options = _capi.CRedactOptions()
    _lib.check(lib.candor_redact_options_defaults(ctypes.byref(options), ctypes.sizeof(options)))
    if kinds is not None:
        if isinstance(kinds, str):
            kinds = [kinds]
        bits = 0
        for kind in kinds:
            if kind not in KINDS:
                raise Error("CANDOR_INVALID_ARGUMENT",
                            "unknown kind %r; expected one of %s" % (kind, ", ".join(KINDS)))
            bits |= 1 << KINDS.index(kind)
        options.kinds = bits
    options.redact_all_urls = 1 if redact_all_urls else 0
    keep = []  # the encoded placeholders must outlive the call
    for kind, text in (placeholders or {}).items():
        if kind not in KINDS:
            raise Error("CANDOR_INVALID_ARGUMENT",
                        "placeholders: unknown kind %r; expected one of %s"
                        % (kind, ", ".join(KINDS)))
        encoded = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        if b"\0" in encoded:
            raise Error("CANDOR_INVALID_ARGUMENT", "placeholders[%r] contains a NUL byte" % kind)
        keep.append(encoded)
        setattr(options, kind + "_placeholder", encoded)
    return options, keep


def _run(texts, kinds, redact_all_urls, placeholders):
    encoded = _encode(texts)
    n = len(encoded)
    options, keep = _options(kinds, redact_all_urls, placeholders)
    array = (ctypes.c_char_p * max(n, 1))(*encoded)
    lengths = (ctypes.c_size_t * max(n, 1))(*[len(e) for e in encoded])
    handle = _capi.RedactionP()
    _lib.check(lib.candor_redact_batch(array, lengths, n, ctypes.byref(options),
                                       ctypes.byref(handle)))
    del keep
    try:
        redacted, spans = [], []
        text = ctypes.c_char_p()
        length = ctypes.c_size_t()
        span_p = ctypes.POINTER(_capi.CPiiSpan)()
        count = ctypes.c_size_t()
        for i in range(n):
            _lib.check(lib.candor_redaction_text(handle, i, ctypes.byref(text),
                                                 ctypes.byref(length)))
            value = text.value or b""
            if len(value) != length.value:  # a NUL inside: read the whole length
                value = ctypes.string_at(ctypes.cast(text, ctypes.c_void_p).value, length.value)
            redacted.append(value)
            _lib.check(lib.candor_redaction_spans(handle, i, ctypes.byref(span_p),
                                                  ctypes.byref(count)))
            spans.append([(s.kind, s.begin, s.end, s.output_begin, s.output_end)
                          for s in span_p[:count.value]])
        return encoded, redacted, spans
    finally:
        lib.candor_redaction_free(handle)


def _decode(value, was_bytes):
    return value if was_bytes else value.decode("utf-8", "surrogatepass")


def _spans_frame(texts, encoded, redacted, spans, index):
    import pandas as pd
    rows = []
    for i, found in enumerate(spans):
        as_bytes = isinstance(texts[i], bytes)
        for kind, begin, end, out_begin, out_end in found:
            # Offsets in characters for str input (bytes for bytes input).
            if as_bytes:
                start, stop, out_start, out_stop = begin, end, out_begin, out_end
            else:
                start = len(encoded[i][:begin].decode("utf-8", "surrogatepass"))
                stop = start + len(encoded[i][begin:end].decode("utf-8", "surrogatepass"))
                out_start = len(redacted[i][:out_begin].decode("utf-8", "surrogatepass"))
                out_stop = out_start + len(
                    redacted[i][out_begin:out_end].decode("utf-8", "surrogatepass"))
            rows.append((index[i], KINDS[kind], start, stop, out_start, out_stop,
                         _decode(encoded[i][begin:end], as_bytes)))
    return pd.DataFrame(rows, columns=["row", "kind", "start", "end", "output_start",
                                       "output_end", "text"])


def redact(texts, *, kinds=None, redact_all_urls=False, placeholders=None, spans=False):
    """Redacts personal data from one text or many.

    texts: a str (or UTF-8 bytes), a list of them, or a pandas Series (None
    or NaN is an empty text). kinds: the kinds to find, a subset of "email",
    "phone", "card", "iban", "url" (default all). redact_all_urls: every URL,
    not only those carrying a secret. placeholders: {kind: replacement},
    e.g. {"email": "<email>"}; default "[EMAIL]", "[PHONE]", "[CARD]",
    "[IBAN]", "[URL]".

    Returns the same shape: a str for a str, a list for a list, a Series
    (same index) for a Series. With spans=True, a pair (redacted, spans)
    where spans is a DataFrame with one row per item found: row (the list
    position or the Series label), kind, start and end in the original,
    output_start and output_end in the redacted text (characters for str,
    bytes for bytes) and the text found.

    Raises candor.Error CANDOR_INVALID_UTF8 for bytes that are not UTF-8
    (or a str with lone surrogates), naming the text and the byte.
    """
    texts = _arrow.as_numpy(texts, "texts")  # Arrow text: str, None for a null
    single = isinstance(texts, (str, bytes))
    series = None
    if single:
        items = [texts]
    elif hasattr(texts, "index") and hasattr(texts, "tolist"):
        series = texts
        items = texts.tolist()
    else:
        items = list(texts)
    encoded, redacted, found = _run(items, kinds, redact_all_urls, placeholders)
    out = [_decode(r, isinstance(t, bytes)) for r, t in zip(redacted, items)]
    if single:
        result = out[0]
    elif series is not None:
        import pandas as pd
        result = pd.Series(out, index=series.index, name=series.name, dtype=object)
    else:
        result = out
    if not spans:
        return result
    index = list(series.index) if series is not None else list(range(len(items)))
    items = [t if isinstance(t, (str, bytes)) else "" for t in items]
    return result, _spans_frame(items, encoded, redacted, found, index)
