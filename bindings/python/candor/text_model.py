"""Sentiment, emotions, urgency and taxonomy themes of comments, on the C
ABI's text-model handle (the "text: model" section of include/candor.h; the
rules: include/candor/text_sentiment.hpp; the taxonomy format:
include/candor/text_taxonomy.hpp).

    candor.sentiment(texts)          one float in [-1, 1] per text
    candor.emotions(texts)           intensities in [0, 1] of seven emotions
    candor.urgency(texts)            fire alarms: flag, category, reason
    candor.analyze(texts, ...)       all of it, plus sentences and theme mentions
    candor.TextModel(...)            a reusable model (own lexicon, taxonomy)
"""

import ctypes
import dataclasses
import json
import threading

import numpy as np

from candor import _display
from candor import _arrow
from candor import _capi
from candor import _compat
from candor import _convert
from candor import _lib
from candor import _progress
from candor._lib import Error, lib

EMOTIONS = tuple(_lib.enum_values(_capi.ENUM_EMOTION))
URGENCY_CATEGORIES = tuple(_lib.enum_values(_capi.ENUM_URGENCY))
_LEXICON_FORMATS = _lib.enum_values(_capi.ENUM_LEXICON_FORMAT)
# The most levels of themes a taxonomy may have (CANDOR_TAXONOMY_MAX_DEPTH).
TAXONOMY_MAX_DEPTH = 32


# candor_text_options by the name it had here (candor._capi has the mirrors).
TextOptions = _capi.CTextOptions


@_display.result
@dataclasses.dataclass(frozen=True)
class Theme:
    """A theme of a taxonomy: id, name, path ("Support > Response time"),
    parent id (-1 at the top) and depth (0 at the top)."""
    id: int
    name: str
    path: str
    parent: int
    depth: int


@_display.result
@dataclasses.dataclass(frozen=True)
class TextResults:
    """What candor.analyze returns; row i of every per-comment array is text i.

    sentiment: float array in [-1, 1]. emotions: dict emotion -> float array
    in [0, 1] (EMOTIONS order). urgent: bool array; urgency: the highest-
    priority category per text ("none", "safety", "legal", "churn", "refund",
    "unresolved"); urgency_mask: int array of every category that fired (bit
    c - 1 for URGENCY_CATEGORIES[c]); urgency_reason: the reason ("" when not
    urgent) and urgency_span its (begin, end) bytes in the UTF-8 text.
    language: ISO 639-1 codes. repaired: bool array (invalid UTF-8 replaced).
    sentences: dict of arrays comment, begin, end (bytes), sentiment.
    mentions: dict of arrays comment, sentence, theme (id), sentiment (the
    aspect sentiment: its sentence's); themes: the taxonomy's Theme list.
    frame() / sentences_frame() / mentions_frame() / themes_frame() give pandas
    DataFrames."""
    sentiment: np.ndarray
    emotions: dict
    urgent: np.ndarray
    urgency: list
    urgency_mask: np.ndarray
    urgency_reason: list
    urgency_span: list
    language: list
    repaired: np.ndarray
    sentences: dict
    mentions: dict
    themes: list

    def __len__(self):
        return len(self.sentiment)

    def frame(self):
        """One row per text: sentiment, the seven emotions, urgent, urgency,
        urgency_reason, language, repaired."""
        pd = _compat.require_pandas()
        columns = {"sentiment": self.sentiment}
        columns.update(self.emotions)
        columns.update({"urgent": self.urgent, "urgency": self.urgency,
                        "urgency_reason": self.urgency_reason, "language": self.language,
                        "repaired": self.repaired})
        return pd.DataFrame(columns)

    def sentences_frame(self):
        return _compat.require_pandas().DataFrame(self.sentences)

    def mentions_frame(self):
        """One row per theme mention, with the theme's path."""
        frame = _compat.require_pandas().DataFrame(self.mentions)
        frame["theme_path"] = [self.themes[t].path for t in self.mentions["theme"]]
        return frame

    def themes_frame(self):
        """One row per taxonomy theme: path, mentions, comments (texts that
        mention it or a descendant), share of texts, mean aspect sentiment."""
        pd = _compat.require_pandas()
        summary = theme_summary(self)
        return pd.DataFrame(summary)


def theme_summary(results):
    """Per theme of results.themes: mentions and comments counting a theme's
    descendants too (a mention of "Support > Response time" is one of
    "Support"), share = comments / texts, and the mean aspect sentiment over
    those mentions (NaN without any)."""
    themes = results.themes
    n = len(results)
    ancestors = []
    for theme in themes:
        chain, t = [], theme.id
        while t >= 0:
            chain.append(t)
            t = themes[t].parent
        ancestors.append(chain)
    mention_count = np.zeros(len(themes), dtype=np.int64)
    sentiment_sum = np.zeros(len(themes))
    commenters = [set() for _ in themes]
    for c, t, s in zip(results.mentions["comment"], results.mentions["theme"],
                       results.mentions["sentiment"]):
        for a in ancestors[t]:
            mention_count[a] += 1
            sentiment_sum[a] += s
            commenters[a].add(int(c))
    comments = np.array([len(c) for c in commenters], dtype=np.int64)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_sentiment = np.where(mention_count > 0, sentiment_sum / mention_count, np.nan)
    return {
        "theme": [t.path for t in themes],
        "depth": [t.depth for t in themes],
        "mentions": mention_count,
        "comments": comments,
        "share": comments / n if n else np.zeros(len(themes)),
        "mean_sentiment": mean_sentiment,
    }


class TextModel:
    """A lexicon (the built-in one, with a user's merged in or instead), an
    optional taxonomy, and options; analyze() runs the pipeline on a batch.

    lexicon: a path, or a dict {term: valence on -4..4}; lexicon_format:
    "candor", "vader" or "afinn" (for files); replace_lexicon: use it instead
    of the built-in one. taxonomy: a path to a JSON file, a JSON string or a
    dict. language: ISO 639-1 for every text (default: detect per text);
    fallback_language: when detection is unsure ("en"). repair_utf8: replace
    invalid UTF-8 by U+FFFD instead of failing. threads: 0 = all cores.
    """

    def __init__(self, lexicon=None, *, lexicon_format="candor", replace_lexicon=False,
                 taxonomy=None, language=None, fallback_language="en", repair_utf8=False,
                 threads=0):
        options = _capi.CTextOptions()
        _lib.check(lib.candor_text_options_defaults(ctypes.byref(options),
                                                    ctypes.sizeof(options)))
        options.invalid_utf8 = 1 if repair_utf8 else 0
        # Keep the encoded strings alive while the C call copies them.
        self._language = _ascii_or_none(language, "language")
        self._fallback = _ascii_or_none(fallback_language, "fallback_language")
        options.language = self._language
        options.fallback_language = self._fallback
        options.threads = int(threads)
        # The model keeps one progress callback; it forwards to the Progress
        # of the analyze() running on the calling thread (candor._progress).
        self._calls = threading.local()
        self._progress_callback = _capi.CProgress(self._forward_progress)
        options.progress = self._progress_callback
        self._handle = _capi.TextModelP()
        _lib.check(lib.candor_text_model_new(ctypes.byref(options), ctypes.byref(self._handle)))
        if lexicon is not None:
            self.load_lexicon(lexicon, format=lexicon_format, replace=replace_lexicon)
        if taxonomy is not None:
            self.load_taxonomy(taxonomy)

    def __del__(self):
        handle = getattr(self, "_handle", None)
        if handle:
            lib.candor_text_model_free(handle)
            self._handle = None

    def load_lexicon(self, lexicon, format="candor", replace=False):
        """Merges a lexicon (path or dict {term: valence}) over the current
        one, or replaces it. A path must name a regular file of at most
        64 MiB; on error nothing changes."""
        if format not in _LEXICON_FORMATS:
            raise Error("CANDOR_INVALID_ARGUMENT",
                        "lexicon format must be one of %s, got %r"
                        % (", ".join(_LEXICON_FORMATS), format))
        if isinstance(lexicon, dict):
            text = "".join("%s\t%r\n" % (term, float(value)) for term, value in lexicon.items())
            data = text.encode("utf-8")
            _lib.check(lib.candor_text_model_load_lexicon(self._handle, data, len(data),
                                                          _LEXICON_FORMATS["candor"],
                                                          int(bool(replace))))
        else:
            _lib.check(lib.candor_text_model_load_lexicon_file(
                self._handle, _convert.path_bytes(lexicon, "lexicon"),
                _LEXICON_FORMATS[format], int(bool(replace))))

    @property
    def lexicon_size(self):
        return int(lib.candor_text_model_lexicon_size(self._handle))

    def load_taxonomy(self, taxonomy):
        """A taxonomy: a dict, a JSON string (starting with "{") or a path (a
        regular file of at most 64 MiB). Themes nest at most TAXONOMY_MAX_DEPTH
        levels (CANDOR_INVALID_ARGUMENT)."""
        if isinstance(taxonomy, dict):
            try:
                taxonomy = json.dumps(taxonomy)
            except RecursionError:
                # Far deeper than the library accepts: its error, not Python's.
                raise Error("CANDOR_INVALID_ARGUMENT",
                            "taxonomy: nested deeper than %d levels of themes"
                            % TAXONOMY_MAX_DEPTH) from None
        if isinstance(taxonomy, str) and taxonomy.lstrip().startswith("{"):
            data = taxonomy.encode("utf-8")
            _lib.check(lib.candor_text_model_load_taxonomy(self._handle, data, len(data)))
        else:
            _lib.check(lib.candor_text_model_load_taxonomy_file(
                self._handle, _convert.path_bytes(taxonomy, "taxonomy")))

    @property
    def themes(self):
        """The loaded taxonomy's themes, by id."""
        out = []
        info = _capi.CTaxonomyTheme()
        for i in range(lib.candor_text_model_theme_count(self._handle)):
            _lib.check(lib.candor_text_model_theme(self._handle, i, ctypes.byref(info)))
            out.append(Theme(i, info.name.decode("utf-8"), info.path.decode("utf-8"),
                             int(info.parent), int(info.depth)))
        return out

    def _forward_progress(self, done, total, user_data):
        hook = getattr(self._calls, "hook", None)
        return 1 if hook is None else hook._call(done, total, user_data)

    def analyze(self, texts, progress=None):
        """Runs the pipeline on `texts` (str, bytes or None per text; None and
        NaN are empty texts) and returns TextResults. progress: True shows a
        bar on stderr; a callable gets (comments done, total) and may return
        False to stop (CANDOR_CANCELLED); Ctrl-C stops the call within a
        fraction of a second with KeyboardInterrupt (candor._progress)."""
        results = self._run(texts, progress)
        try:
            return _read(results, self.themes)
        finally:
            lib.candor_text_results_free(results)

    def sentiment(self, texts):
        """Only the sentiment of `texts` (a float array in [-1, 1]): the
        same pipeline as analyze, reading nothing else back."""
        results = self._run(texts)
        try:
            n = int(lib.candor_text_results_count(results))
            return _array(lib.candor_text_results_sentiment(results), n, np.float64)
        finally:
            lib.candor_text_results_free(results)

    def _run(self, texts, progress=None):
        """The library's results handle for `texts` (the caller frees it).
        progress as analyze's; Ctrl-C always stops the call."""
        buffer, pointers, sizes = _pack(texts)
        results = _capi.TextResultsP()
        with _progress.hook(progress, "text analysis") as hook:
            self._calls.hook = hook
            try:
                status = lib.candor_text_analyze(self._handle, pointers.ctypes.data,
                                                 sizes.ctypes.data_as(_capi.size_p), len(sizes),
                                                 ctypes.byref(results))
            finally:
                self._calls.hook = None
        hook.check(status, lambda: lib.candor_text_results_free(results))
        del buffer
        return results


def _ascii_or_none(value, name):
    if value is None or value == "":
        return None
    return _convert.c_string(value, name, encoding="ascii")


def _encode(text, i):
    if text is None:
        return b""
    if isinstance(text, bytes):
        return text
    if isinstance(text, float) and text != text:  # NaN: a missing comment
        return b""
    if not isinstance(text, str):
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "text %d is a %s, not a str or bytes" % (i, type(text).__name__))
    try:
        # surrogateescape: bytes decoded with it (invalid UTF-8) go back as
        # they were, for the library's check or repair.
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError as e:
        raise Error("CANDOR_INVALID_UTF8", "text %d: %s" % (i, e)) from None


def _pack(texts):
    """One buffer of all texts and, per text, its address and size. An Arrow
    text column is not copied: its buffer is the column (which keeps the
    producer's capsules), and the library's (pointer, size) pairs point
    into the producer's buffers (candor._arrow)."""
    if _arrow.is_arrow(texts) or isinstance(texts, _arrow.Column):
        column = texts if isinstance(texts, _arrow.Column) else _arrow.read(texts, "texts")
        if column.kind != "text":
            raise Error("CANDOR_INVALID_ARGUMENT", "texts: an Arrow column of %s (format %r); "
                        "pass utf8, large_utf8 or dictionary-encoded strings"
                        % (column.kind, column.format))
        pointers, sizes = column.texts()
        return column, pointers, sizes
    if isinstance(texts, (str, bytes)):
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "texts must be a sequence of texts, not one %s" % type(texts).__name__)
    try:
        # The common case, every text a str, without a Python call per text.
        encoded = [t.encode("utf-8", "surrogateescape") for t in texts]
    except (AttributeError, TypeError, UnicodeEncodeError):
        encoded = [_encode(t, i) for i, t in enumerate(texts)]
    sizes = np.array(list(map(len, encoded)), dtype=np.uintp)
    # The joined bytes are read in place (the library does not write them):
    # a ctypes string buffer would copy them once more.
    buffer = b"".join(encoded)
    offsets = np.zeros(len(encoded), dtype=np.uintp)
    if len(encoded) > 1:
        np.cumsum(sizes[:-1], out=offsets[1:])
    pointers = offsets + np.uintp(ctypes.cast(ctypes.c_char_p(buffer), ctypes.c_void_p).value)
    return buffer, pointers, sizes


def _array(pointer, n, dtype):
    if n == 0 or not pointer:
        return np.zeros(0, dtype=dtype)
    return np.ctypeslib.as_array(pointer, shape=(n,)).astype(dtype, copy=True)


def _columns(read, results, columns):
    """{name: array} of the parallel arrays read(results, &pointer, ...) points
    to, one per (name, ctypes pointer type, dtype) of `columns`, in the order
    of read's arguments; read returns their common length."""
    pointers = [pointer_type() for _, pointer_type, _ in columns]
    count = int(read(results, *(ctypes.byref(p) for p in pointers)))
    return {name: _array(p, count, dtype) for (name, _, dtype), p in zip(columns, pointers)}


def _read(results, themes):
    n = int(lib.candor_text_results_count(results))
    sentiment = _array(lib.candor_text_results_sentiment(results), n, np.float64)
    emotions = {name: _array(lib.candor_text_results_emotion(results, e), n, np.float64)
                for e, name in enumerate(EMOTIONS)}
    codes = _array(lib.candor_text_results_urgency(results), n, np.int32)
    mask = _array(lib.candor_text_results_urgency_mask(results), n, np.uint32)
    reasons, spans, languages = [], [], []
    begin, end = ctypes.c_uint32(), ctypes.c_uint32()
    for i in range(n):
        reason = lib.candor_text_results_urgency_reason(results, i, ctypes.byref(begin),
                                                        ctypes.byref(end))
        reasons.append(reason.decode("utf-8", "replace"))
        spans.append((int(begin.value), int(end.value)))
        languages.append(lib.candor_text_results_language(results, i).decode("ascii"))
    repaired = _array(lib.candor_text_results_repaired(results), n, np.uint8).astype(bool)

    sentences = _columns(lib.candor_text_results_sentences, results,
                         [("comment", _capi.int64_p, np.int64),
                          ("begin", _capi.uint32_p, np.int64),
                          ("end", _capi.uint32_p, np.int64),
                          ("sentiment", _capi.double_p, np.float64)])
    mentions = _columns(lib.candor_text_results_mentions, results,
                        [("comment", _capi.int64_p, np.int64),
                         ("sentence", _capi.int64_p, np.int64),
                         ("theme", _capi.int32_p, np.int32),
                         ("sentiment", _capi.double_p, np.float64)])
    return TextResults(
        sentiment=sentiment, emotions=emotions, urgent=codes > 0,
        urgency=[URGENCY_CATEGORIES[c] for c in codes], urgency_mask=mask,
        urgency_reason=reasons, urgency_span=spans, language=languages, repaired=repaired,
        sentences=sentences, mentions=mentions, themes=themes)


# Models made for the module-level functions with no lexicon or taxonomy of
# the caller's (only these options), kept for the next call: making one
# builds the built-in lexicon each time, and a model may be shared by
# threads (candor_text_analyze may run concurrently on one model).
_SHARED_OPTIONS = frozenset(("language", "fallback_language", "repair_utf8", "threads"))
_shared_models = {}
_shared_lock = threading.Lock()


def _model(model, kwargs):
    if model is not None:
        if kwargs:
            raise Error("CANDOR_INVALID_ARGUMENT",
                        "pass either model= or model options (%s), not both"
                        % ", ".join(sorted(kwargs)))
        return model
    if not kwargs.keys() <= _SHARED_OPTIONS:
        return TextModel(**kwargs)
    try:
        key = tuple(sorted(kwargs.items()))
        hash(key)
    except TypeError:
        return TextModel(**kwargs)
    with _shared_lock:
        shared = _shared_models.get(key)
        if shared is None:
            if len(_shared_models) >= 16:
                _shared_models.clear()
            shared = _shared_models[key] = TextModel(**kwargs)
    return shared


def analyze(texts, model=None, progress=None, **model_options):
    """Sentiment, emotions, urgency, sentences and (with taxonomy=) theme
    mentions of `texts`. model_options are TextModel's (lexicon, taxonomy,
    language, repair_utf8, threads, ...); or pass a TextModel as model=.
    progress: as TextModel.analyze's."""
    return _model(model, model_options).analyze(texts, progress=progress)


def sentiment(texts, model=None, **model_options):
    """One sentiment score in [-1, 1] per text, as a float64 numpy array.

    Args:
        texts: a sequence of str (or bytes; None, NaN and "" are empty
            texts, scored 0): a list, a pandas Series, a numpy array.
        model: a TextModel to use (own lexicon, taxonomy, language), or None.
        model_options: TextModel's options instead of model= (language,
            fallback_language, repair_utf8, threads, lexicon,
            lexicon_format, replace_lexicon). A model made from language,
            fallback_language, repair_utf8 and threads only is kept and
            reused by later calls with the same options.

    Returns:
        numpy float64 array, one value per text: negative for negative
        sentiment, 0 for none found.

    Raises:
        candor.Error: CANDOR_INVALID_UTF8 for invalid UTF-8 (pass
            repair_utf8=True to replace it), CANDOR_INVALID_ARGUMENT for a
            text that is not str or bytes, or a single str given as texts.

    Example:
        >>> candor.sentiment(["Great support, thanks!", "Still waiting, awful."])
        array([ 0.92..., -0.83...])

    The rules (negation, intensifiers, "but", emphasis) are in
    include/candor/text_sentiment.hpp. For emotions, urgency and themes too,
    use candor.analyze.
    """
    return _model(model, model_options).sentiment(texts)


def emotions(texts, model=None, **model_options):
    """Intensities in [0, 1] of frustration, anger, annoyance, disappointment,
    confusion, delight and gratitude per text: a pandas DataFrame (a dict of
    arrays without pandas)."""
    result = analyze(texts, model, **model_options).emotions
    pd = _compat.pandas()
    return pd.DataFrame(result) if pd is not None else result


def urgency(texts, model=None, **model_options):
    """Fire alarms per text: urgent (bool), category, reason, span_begin,
    span_end (bytes of the trigger in the UTF-8 text): a pandas DataFrame (a
    dict of lists without pandas)."""
    r = analyze(texts, model, **model_options)
    columns = {"urgent": r.urgent, "category": r.urgency, "reason": r.urgency_reason,
               "span_begin": [s[0] for s in r.urgency_span],
               "span_end": [s[1] for s in r.urgency_span]}
    pd = _compat.pandas()
    return pd.DataFrame(columns) if pd is not None else columns
