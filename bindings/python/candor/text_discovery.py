"""Theme discovery without a taxonomy (include/candor/text_discovery.hpp):
TF-IDF, NMF from an NNDSVD start, NPMI coherence choosing the number of
themes, c-TF-IDF labels; on the C ABI's candor_themes_discover."""

import ctypes
from dataclasses import dataclass, field
from typing import List, Optional

import numpy as np

from candor import _display
from candor import _arrow
from candor import _capi
from candor import _compat
from candor import _convert
from candor import _lib
from candor import _progress
from candor._lib import Error, lib

_INITS = _lib.enum_values(_capi.ENUM_NMF_INIT)
_SVDS = _lib.enum_values(_capi.ENUM_SVD_METHOD)


# The mirrors by the names they had here (candor._capi has them).
ThemesOptions = _capi.CThemesOptions
ThemesSummary = _capi.CThemesSummary
ThemeInfo = _capi.CThemeInfo


@_display.result
@dataclass
class Theme:
    label: str
    top_terms: List[str]
    top_term_weights: List[float]
    key_phrases: List[str]
    key_phrase_scores: List[float]
    coherence: float
    documents: int
    total_weight: float


@_display.result
@dataclass
class Themes:
    """Discovered themes. weights[i, t] is comment i's share of theme t (rows
    sum to 1, or 0 for a comment without terms); dominant[i] its main theme
    (-1: none). k_tried / k_coherence: the candidates and their mean NPMI."""
    themes: List[Theme]
    weights: np.ndarray
    dominant: np.ndarray
    k_tried: np.ndarray
    k_coherence: np.ndarray
    mean_coherence: float
    terms: List[str]
    iterations: int
    converged: bool
    loss: float
    _matrices: dict = field(default_factory=dict, repr=False)

    @property
    def k(self):
        return len(self.themes)

    @property
    def labels(self):
        return [t.label for t in self.themes]

    @property
    def coherence(self):
        return np.array([t.coherence for t in self.themes])

    def matrix(self, which="tfidf"):
        """(row_ptr, cols, values) of the documents x terms TF-IDF or counts."""
        return self._matrices[which]

    def tfidf_csr(self, which="tfidf"):
        """The matrix as scipy.sparse.csr_matrix (needs scipy)."""
        import scipy.sparse
        row_ptr, cols, values = self._matrices[which]
        return scipy.sparse.csr_matrix((values, cols, row_ptr),
                                       shape=(len(self.dominant), len(self.terms)))

    def frame(self):
        """One row per theme (pandas DataFrame; list of dicts without pandas)."""
        rows = [{"theme": i, "label": t.label, "documents": t.documents,
                 "total_weight": t.total_weight, "coherence": t.coherence,
                 "top_terms": ", ".join(t.top_terms),
                 "key_phrases": ", ".join(t.key_phrases)} for i, t in enumerate(self.themes)]
        pd = _compat.pandas()
        return rows if pd is None else pd.DataFrame(rows)

    def document_frame(self):
        """One row per comment: dominant theme, its label, and one weight column per theme."""
        pd = _compat.pandas()
        labels = self.labels
        rows = {"theme": self.dominant,
                "label": [labels[t] if t >= 0 else None for t in self.dominant]}
        for i in range(self.k):
            rows["weight_%d" % i] = self.weights[:, i]
        if pd is None:
            return [dict(zip(rows, values)) for values in zip(*rows.values())]
        return pd.DataFrame(rows)


def _options(k, k_min, k_max, top_terms, label_phrases, stems, min_df, max_df, bigrams,
             bigram_min_count, bigram_min_npmi, sublinear_tf, init, svd, max_iter, tol, seed,
             threads, repair_utf8, language, extra_stop_words, min_word_length):
    o = _capi.CThemesOptions()
    _lib.check(lib.candor_themes_options_defaults(ctypes.byref(o), ctypes.sizeof(o)))
    o.k = 0 if k is None else _convert._int32("k", k)
    if k is not None and o.k < 1:
        raise Error("CANDOR_INVALID_ARGUMENT", "k must be >= 1, or None to choose it")
    o.k_min = _convert._int32("k_min", k_min)
    o.k_max = _convert._int32("k_max", k_max)
    o.top_terms = _convert._int32("top_terms", top_terms)
    o.label_phrases = _convert._int32("label_phrases", label_phrases)
    o.stems = 1 if stems else 0
    o.min_word_length = _convert._int32("min_word_length", min_word_length)
    o.min_df = _convert._int32("min_df", min_df)
    o.max_df = _convert._float("max_df", max_df)
    o.bigrams = 1 if bigrams else 0
    o.bigram_min_count = _convert._int32("bigram_min_count", bigram_min_count)
    o.bigram_min_npmi = _convert._float("bigram_min_npmi", bigram_min_npmi)
    o.sublinear_tf = 1 if sublinear_tf else 0
    o.init = _convert._choice("init", init, _INITS)
    o.svd = _convert._choice("svd", svd, _SVDS)
    o.max_iter = _convert._int32("max_iter", max_iter)
    o.tol = _convert._float("tol", tol)
    seed = int(seed)
    if not 0 <= seed < 2**64:
        raise Error("CANDOR_INVALID_ARGUMENT", "seed must be in [0, 2^64)")
    o.seed = seed
    o.threads = _convert._int32("threads", threads)
    o.repair_utf8 = 1 if repair_utf8 else 0
    o.language = None if language is None else _convert.c_string(language, "language")
    if extra_stop_words:
        o.extra_stop_words = _convert.c_string(" ".join(extra_stop_words), "extra_stop_words")
    return o


def _encode(texts):
    encoded = []
    for i, text in enumerate(texts):
        if isinstance(text, bytes):
            encoded.append(text)
        elif isinstance(text, str):
            encoded.append(text.encode("utf-8", "surrogatepass"))
        elif text is None or (isinstance(text, float) and np.isnan(text)):
            encoded.append(b"")  # a missing comment is an empty one
        else:
            raise Error("CANDOR_INVALID_ARGUMENT",
                        "texts[%d] is %s, not str or bytes" % (i, type(text).__name__))
    return encoded


def discover_themes(texts, k=None, seed=0, *, k_min=4, k_max=15, top_terms=10,
                    label_phrases=3, stems=False, min_df=2, max_df=0.5, bigrams=True,
                    bigram_min_count=5, bigram_min_npmi=0.25, sublinear_tf=False,
                    init="nndsvda", svd="auto", max_iter=200, tol=1e-4, threads=0,
                    repair_utf8=False, language=None, extra_stop_words=None,
                    min_word_length=2, progress=None):
    """Themes in free-text comments, without a taxonomy.

    texts: str (or UTF-8 bytes; None is an empty comment). k: the number of
    themes, or None to choose it in [k_min, k_max] by mean NPMI coherence of
    each theme's top_terms. Terms are folded words (stems=True: Snowball
    stems) without stop words, plus bigram collocations; TF-IDF as
    scikit-learn's TfidfVectorizer; NMF with init "nndsvda" (or "nndsvd",
    "nndsvdar") and HALS updates until the loss falls by less than tol
    relatively. Same seed, same result, on any number of threads.
    Returns Themes (labels, top terms, coherence, weights, dominant, frames).
    progress: True shows a bar on stderr; a callable gets (done, total) and
    may return False to stop (CANDOR_CANCELLED); Ctrl-C stops the call within
    a fraction of a second with KeyboardInterrupt (candor._progress).
    """
    options = _options(k, k_min, k_max, top_terms, label_phrases, stems, min_df, max_df,
                       bigrams, bigram_min_count, bigram_min_npmi, sublinear_tf, init, svd,
                       max_iter, tol, seed, threads, repair_utf8, language, extra_stop_words,
                       min_word_length)
    if isinstance(texts, (str, bytes)):
        raise Error("CANDOR_INVALID_ARGUMENT", "texts must be a sequence of comments")
    encoded = _encode(list(_arrow.as_numpy(texts, "texts")))
    n = len(encoded)
    array = (ctypes.c_char_p * max(n, 1))(*encoded)
    lengths = (ctypes.c_size_t * max(n, 1))(*[len(e) for e in encoded])
    handle = _capi.ThemesP()
    with _progress.hook(progress, "theme discovery") as hook:
        options.progress = hook.callback
        status = lib.candor_themes_discover(ctypes.byref(options), array, lengths, n,
                                            ctypes.byref(handle))
    hook.check(status, lambda: lib.candor_themes_free(handle))
    try:
        return _read(handle)
    finally:
        lib.candor_themes_free(handle)


def _strings(getter, handle, t, count):
    names, values = [], []
    value = ctypes.c_double()
    for i in range(count):
        names.append(getter(handle, t, i, ctypes.byref(value)).decode("utf-8"))
        values.append(value.value)
    return names, values


def _read(handle):
    summary = _capi.CThemesSummary()
    _lib.check(lib.candor_themes_summary_get(handle, ctypes.byref(summary)))
    k, n, m = summary.k, summary.documents, summary.terms
    themes = []
    info = _capi.CThemeInfo()
    for t in range(k):
        _lib.check(lib.candor_themes_theme_at(handle, t, ctypes.byref(info)))
        top, top_w = _strings(lib.candor_themes_top_term, handle, t, info.top_terms)
        phrases, scores = _strings(lib.candor_themes_key_phrase, handle, t, info.key_phrases)
        themes.append(Theme(info.label.decode("utf-8"), top, top_w, phrases, scores,
                            info.coherence, info.documents, info.total_weight))
    weights = np.ctypeslib.as_array(lib.candor_themes_weights(handle), shape=(n * k,))
    weights = weights.reshape(n, k).copy()
    dominant = np.ctypeslib.as_array(lib.candor_themes_dominant(handle), shape=(n,)).copy()
    k_p, c_p = _capi.int32_p(), _capi.double_p()
    tried = lib.candor_themes_k_tried(handle, ctypes.byref(k_p), ctypes.byref(c_p))
    k_tried = np.ctypeslib.as_array(k_p, shape=(tried,)).copy()
    k_coherence = np.ctypeslib.as_array(c_p, shape=(tried,)).copy()
    terms = [lib.candor_themes_term(handle, i).decode("utf-8") for i in range(m)]
    matrices = {}
    for name, flag in (("counts", 0), ("tfidf", 1)):
        rp, cols, vals = _capi.int64_p(), _capi.int32_p(), _capi.double_p()
        _lib.check(lib.candor_themes_matrix(handle, flag, ctypes.byref(rp), ctypes.byref(cols),
                                            ctypes.byref(vals)))
        row_ptr = np.ctypeslib.as_array(rp, shape=(n + 1,)).copy()
        nnz = int(row_ptr[-1])
        matrices[name] = (row_ptr,
                          np.ctypeslib.as_array(cols, shape=(nnz,)).copy() if nnz else
                          np.zeros(0, np.int32),
                          np.ctypeslib.as_array(vals, shape=(nnz,)).copy() if nnz else
                          np.zeros(0))
    return Themes(themes, weights, dominant, k_tried, k_coherence, summary.mean_coherence,
                  terms, summary.iterations, bool(summary.converged), summary.loss, matrices)


def nmf(x, k, *, init="nndsvda", svd="auto", max_iter=200, tol=1e-4, seed=0, threads=0,
        progress=None):
    """NMF of a nonnegative scipy.sparse matrix (or dense array): returns
    (W, H, loss, iterations) with X ~= W H, loss = ||X - W H||_F^2.
    progress: as discover_themes'."""
    import scipy.sparse
    x = scipy.sparse.csr_matrix(x, dtype=np.float64)
    x.sort_indices()
    x.sum_duplicates()
    rows, cols = x.shape
    o = _options(None, 4, 15, 10, 3, False, 2, 0.5, True, 5, 0.25, False, init, svd, max_iter,
                 tol, seed, threads, False, None, None, 2)
    k = _convert._int32("k", k)
    w = np.zeros((rows, max(k, 0)))
    h = np.zeros((max(k, 0), cols))
    row_ptr = np.ascontiguousarray(x.indptr, dtype=np.int64)
    indices = np.ascontiguousarray(x.indices, dtype=np.int32)
    data = np.ascontiguousarray(x.data, dtype=np.float64)
    loss = ctypes.c_double()
    iterations = ctypes.c_int32()
    with _progress.hook(progress, "NMF") as hook:
        o.progress = hook.callback
        status = lib.candor_nmf(ctypes.byref(o), row_ptr.ctypes.data_as(_capi.int64_p),
                                indices.ctypes.data_as(_capi.int32_p),
                                _convert.double_pointer(data), rows, cols, k,
                                _convert.double_pointer(w), _convert.double_pointer(h),
                                ctypes.byref(loss), ctypes.byref(iterations))
    hook.check(status)
    return w, h, loss.value, iterations.value
