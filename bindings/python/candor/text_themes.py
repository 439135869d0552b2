"""candor.themes and candor.drivers: themes of comments (a taxonomy's, or
discovered by NMF) and which of them drive the metric.

    candor.themes(texts, taxonomy=...)      taxonomy themes per sentence
    candor.themes(texts, k=None)            discovered themes (discover_themes)
    candor.drivers(scores, texts, ...)      texts -> themes -> theme_drivers
"""

import dataclasses

import numpy as np

from candor import _display
from candor import _compat
from candor import _missing
from candor._lib import Error
from candor.text_drivers import theme_drivers
from candor.text_discovery import discover_themes
from candor.text_model import TextModel, TextResults, theme_summary


@_display.result
@dataclasses.dataclass(frozen=True)
class TaxonomyThemes:
    """Taxonomy themes of a batch of texts.

    themes: the taxonomy's Theme list (id, name, path, parent, depth);
    membership: an (n x T) 0/1 array, 1 where text i mentions theme t or one
    of its descendants (a mention of "Support > Response time" is one of
    "Support"); analysis: the TextResults (sentiment, sentences, mentions with
    their aspect sentiment). frame(): per theme mentions, comments, share and
    mean aspect sentiment."""
    themes: list
    membership: np.ndarray
    analysis: TextResults

    @property
    def names(self):
        return [t.path for t in self.themes]

    def frame(self):
        summary = theme_summary(self.analysis)
        pd = _compat.pandas()
        return pd.DataFrame(summary) if pd is not None else summary


def _membership(results):
    themes = results.themes
    membership = np.zeros((len(results), len(themes)), dtype=np.uint8)
    for comment, theme in zip(results.mentions["comment"], results.mentions["theme"]):
        t = int(theme)
        while t >= 0:
            membership[comment, t] = 1
            t = themes[t].parent
    return membership


def themes(texts, taxonomy=None, k=None, seed=0, *, model=None, **options):
    """Themes of `texts`.

    With taxonomy (a path, JSON string or dict) or a model= holding one:
    matched per sentence, with aspect sentiment; returns TaxonomyThemes.
    options are then TextModel's (language, repair_utf8, threads, lexicon...).
    Without: discovered by NMF on TF-IDF (k themes, or chosen by coherence);
    options are discover_themes's; returns Themes.
    """
    if taxonomy is None and model is None:
        return discover_themes(texts, k=k, seed=seed, **options)
    if k is not None:
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "k sets how many themes to discover; a taxonomy brings its own themes")
    if model is None:
        model = TextModel(taxonomy=taxonomy, **options)
    elif taxonomy is not None or options:
        raise Error("CANDOR_INVALID_ARGUMENT", "pass either model= or taxonomy and options")
    results = model.analyze(texts)
    if not results.themes:
        raise Error("CANDOR_INVALID_ARGUMENT", "the model has no taxonomy loaded")
    return TaxonomyThemes(results.themes, _membership(results), results)


def drivers(scores, texts=None, *, mentions=None, theme_names=None, taxonomy=None, k=None,
            seed=0, model=None, text_options=None, missing="error", **driver_options):
    """Which themes drive the metric of `scores` (NPS by default).

    Either texts (one per score; None or "" for a response without a comment)
    with taxonomy= / model= (taxonomy themes, a mention of a child counting for
    its parents) or without (themes discovered by NMF: each text belongs to its
    dominant theme); or mentions= (n x T 0/1, or lists of theme ids) with
    theme_names. text_options go to TextModel / discover_themes;
    driver_options to theme_drivers (weights, periods, accounts, metric,
    l2_penalty, level, ...). Returns ThemeDrivers.

    missing: "error" (default) refuses a missing score; "skip" leaves out
    the rows whose score or weight is missing before anything else (their
    texts are not analyzed), counted in the result's `skipped`.
    """
    skipped = 0
    if _missing.check_choice(missing):
        aligned = ("weights", "periods", "accounts")
        kept, skipped = _missing.skip_rows(
            {"scores": scores, "texts": texts, "mentions": mentions,
             **{name: driver_options.get(name) for name in aligned}})
        scores, texts, mentions = kept["scores"], kept["texts"], kept["mentions"]
        for name in aligned:
            if driver_options.get(name) is not None:
                driver_options[name] = kept[name]
        result = drivers(scores, texts, mentions=mentions, theme_names=theme_names,
                         taxonomy=taxonomy, k=k, seed=seed, model=model,
                         text_options=text_options, **driver_options)
        return dataclasses.replace(result, skipped=skipped,
                                   overall=dataclasses.replace(result.overall, skipped=skipped))
    text_options = dict(text_options or {})
    if texts is not None:
        if mentions is not None:
            raise Error("CANDOR_INVALID_ARGUMENT", "pass texts or mentions, not both")
        found = themes(texts, taxonomy=taxonomy, k=k, seed=seed, model=model, **text_options)
        if isinstance(found, TaxonomyThemes):
            mentions, names = found.membership, found.names
        else:
            mentions = np.zeros((len(found.dominant), found.k), dtype=np.uint8)
            has = found.dominant >= 0
            mentions[np.flatnonzero(has), found.dominant[has]] = 1
            names = found.labels
        if theme_names is None:
            theme_names = names
    elif mentions is None:
        raise Error("CANDOR_INVALID_ARGUMENT", "drivers needs texts or mentions")
    return theme_drivers(scores, mentions, theme_names, **driver_options)
